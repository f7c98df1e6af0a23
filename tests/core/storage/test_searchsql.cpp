#include "catch.h"
#include "storage/relevance.h"
#include "storage/searchsql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace gleaner;

namespace {

SearchSql translate(const QString &query, SearchRequest request = {})
{
    request.query = query;
    return SearchSql(parseQuery(query, request.prefixLastWord), request);
}

QString textOf(const SqlValue &v)
{
    const auto *s = std::get_if<QString>(&v);
    return s ? *s : QString();
}

qint64 numberOf(const SqlValue &v)
{
    const auto *n = std::get_if<qint64>(&v);
    return n ? *n : -1;
}

QStringList jsonList(const SqlValue &v)
{
    QStringList list;
    for (const QJsonValue &item : QJsonDocument::fromJson(textOf(v).toUtf8()).array())
        list << item.toString();
    return list;
}

// Every ?N in the text has a value and every value is used.
bool bindsMatch(const SqlStatement &st)
{
    static const QRegularExpression placeholder(QStringLiteral("\\?(\\d+)"));
    QSet<int> used;
    auto it = placeholder.globalMatch(QString::fromUtf8(st.sql));
    while (it.hasNext())
        used.insert(it.next().captured(1).toInt());
    if (st.sql.contains("? ") || st.sql.endsWith('?'))
        return false; // an unnumbered parameter
    for (int i = 1; i <= st.binds.size(); ++i) {
        if (!used.contains(i))
            return false;
    }
    return used.size() == st.binds.size();
}

QString repeated(const QString &pattern, int times)
{
    QStringList parts;
    for (int i = 0; i < times; ++i)
        parts << (pattern.contains(QLatin1String("%1")) ? pattern.arg(i) : pattern);
    return parts.join(QLatin1Char(' '));
}

} // namespace

TEST_CASE("An empty query lists the library newest digest first", "[searchsql]")
{
    const SearchSql sql = translate(QString());
    CHECK_FALSE(sql.cannotMatch());
    CHECK(sql.absenceProbes().isEmpty());
    CHECK_FALSE(sql.ranksInParts());
    CHECK_FALSE(sql.rankProbe(SearchSql::Part::Every, 2000).has_value());
    const SqlStatement select = sql.select(false);
    CHECK(select.sql == "SELECT p.id FROM papers p WHERE 1 ORDER BY p.last_digest DESC, p.id");
    CHECK(select.binds.isEmpty());
    CHECK(sql.count().sql == "SELECT count(*) FROM papers p WHERE 1");
}

TEST_CASE("Words are one bound FTS5 string, ranked or newest first", "[searchsql]")
{
    SearchRequest request;
    request.limit = 50;
    request.offset = 100;
    const SearchSql sql = translate(QStringLiteral("sparse attention -vision"), request);
    CHECK(sql.ranksInParts());
    const auto probe = sql.rankProbe(SearchSql::Part::Every, 2000);
    REQUIRE(probe.has_value());
    CHECK(probe->sql.contains("papers_fts MATCH ?1 ORDER BY rowid DESC LIMIT 1 OFFSET ?2"));
    REQUIRE(probe->binds.size() == 2);
    CHECK(textOf(probe->binds.at(0)) ==
          QStringLiteral("(\"sparse\" AND \"attention\") NOT (\"vision\")"));
    CHECK(numberOf(probe->binds.at(1)) == 2000);

    // The title matches of relevance order, the exclusion applied too.
    const QString words = QStringLiteral("\"sparse\" AND \"attention\"");
    const QString titles = QStringLiteral("({title} : (%1))").arg(words);
    CHECK(textOf(sql.rankProbe(SearchSql::Part::Titles, 10)->binds.at(0)) ==
          QStringLiteral("(%1) NOT (\"vision\")").arg(titles));
    const SqlStatement titleMatches = sql.select(SearchSql::Part::Titles, true, 20, 5);
    CHECK(textOf(titleMatches.binds.at(0)) == QStringLiteral("(%1) NOT (\"vision\")").arg(titles));
    CHECK(titleMatches.sql.endsWith(" ORDER BY f.rank, f.id LIMIT 20 OFFSET 5"));
    CHECK(titleMatches.binds.mid(1) == sql.select(true).binds.mid(1));

    // A part too large to rank whole: its newest matches ranked, a bound
    // on the row id inside FTS5; then the older ones newest first.
    using Span = SearchSql::Span;
    const SqlStatement newer = sql.select(SearchSql::Part::Every, true, -1, 0, {77, {}});
    const QByteArray rankClause = QByteArray(" AND ") + relevance::kRankClause;
    const QByteArray newerBound = "WHERE papers_fts MATCH ?1" + rankClause + " AND rowid > ?" +
                                  QByteArray::number(newer.binds.size()) + " ORDER BY rank) f";
    CHECK(newer.sql.contains(newerBound));
    CHECK(numberOf(newer.binds.last()) == 77);
    CHECK(bindsMatch(newer));
    const SqlStatement older = sql.select(SearchSql::Part::Every, false, -1, 0, {{}, 77});
    const QByteArray olderBound = "AND papers_fts MATCH ?1 AND papers_fts.rowid <= ?" +
                                  QByteArray::number(older.binds.size());
    CHECK(older.sql.contains(olderBound));
    CHECK(older.sql.endsWith(" ORDER BY papers_fts.rowid DESC"));
    CHECK(bindsMatch(older));

    // Both bounds: the older title matches within the ranked span, and the
    // probe that finds where a part's ranking ends within it.
    const SqlStatement between = sql.select(SearchSql::Part::Titles, false, -1, 0, {Span{40, 77}});
    const QByteArray betweenBound = "AND papers_fts MATCH ?1 AND papers_fts.rowid > ?" +
                                    QByteArray::number(between.binds.size() - 1) +
                                    " AND papers_fts.rowid <= ?" +
                                    QByteArray::number(between.binds.size());
    CHECK(between.sql.contains(betweenBound));
    CHECK(numberOf(between.binds.at(between.binds.size() - 2)) == 40);
    CHECK(numberOf(between.binds.last()) == 77);
    CHECK(bindsMatch(between));
    const SqlStatement spanProbe = *sql.rankProbe(SearchSql::Part::Titles, 10, {40, {}});
    CHECK(spanProbe.sql == "SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?1 AND rowid > ?3 "
                           "ORDER BY rowid DESC LIMIT 1 OFFSET ?2");
    CHECK(numberOf(spanProbe.binds.at(2)) == 40);

    // Ranked without filters: the matches' ids alone, no paper row read.
    const SqlStatement ranked = sql.select(true);
    const QByteArray rankedFrom = "SELECT f.id FROM (SELECT rowid AS id, rank FROM papers_fts "
                                  "WHERE papers_fts MATCH ?1" +
                                  rankClause + " ORDER BY rank) f WHERE 1 ORDER BY";
    CHECK(ranked.sql.startsWith(rankedFrom));
    CHECK(ranked.sql.endsWith(" ORDER BY f.rank, f.id LIMIT 50 OFFSET 100"));
    CHECK(bindsMatch(ranked));
    // With one, each match is joined to its paper for it.
    const SqlStatement filtered =
        translate(QStringLiteral("sparse attention is:unread"), request).select(true);
    CHECK(filtered.sql.contains(" ORDER BY rank) f JOIN papers p ON p.id = f.id WHERE 1 AND "));
    CHECK(filtered.sql.endsWith(" ORDER BY f.rank LIMIT 50 OFFSET 100"));
    CHECK(bindsMatch(filtered));

    const SqlStatement newest = sql.select(false);
    CHECK(newest.sql.contains(" FROM papers_fts JOIN papers p ON p.id = papers_fts.rowid WHERE 1 "
                              "AND papers_fts MATCH ?1"));
    CHECK(newest.sql.contains(" ORDER BY papers_fts.rowid DESC LIMIT 50"));
    CHECK(bindsMatch(newest));
    CHECK_FALSE(sql.count().sql.contains("rank"));

    // Other orders never rank, and an exclusion alone is a NOT IN.
    SearchRequest byTitle;
    byTitle.sort = SortOrder::Title;
    CHECK_FALSE(translate(QStringLiteral("sparse"), byTitle)
                    .rankProbe(SearchSql::Part::Every, 10)
                    .has_value());
    const SqlStatement excluded = translate(QStringLiteral("-vision")).select(false);
    CHECK(excluded.sql.contains(
        "p.id NOT IN (SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?1)"));
    CHECK(textOf(excluded.binds.value(0)) == QStringLiteral("\"vision\""));
}

TEST_CASE("Filters of one kind are one condition over one JSON array", "[searchsql]")
{
    const SearchSql sql =
        translate(QStringLiteral("tag:ML tag:ml tag:pruning -tag:old -tag:older "
                                 "digest:2026-03-03 digest:2026-03-04 digest:2026-03-03 "
                                 "org:Marine org:Lab"));
    const SqlStatement select = sql.select(false);
    CHECK(bindsMatch(select));
    CHECK(select.sql.count("json_each(") == 4);
    CHECK(select.sql.contains("WHERE t.name IN (SELECT value FROM json_each(?1)) GROUP BY "
                              "pt.paper_id HAVING count(*) = ?2"));
    // Tag names are one tag when SQLite's NOCASE says so: ML and ml are one.
    CHECK(jsonList(select.binds.at(0)) ==
          QStringList{QStringLiteral("ML"), QStringLiteral("pruning")});
    CHECK(numberOf(select.binds.at(1)) == 2);
    CHECK(select.sql.contains("p.id NOT IN (SELECT pt.paper_id FROM paper_tags pt JOIN tags t ON "
                              "t.id = pt.tag_id WHERE t.name IN (SELECT value FROM "
                              "json_each(?3)))"));
    CHECK(jsonList(select.binds.at(2)) ==
          QStringList{QStringLiteral("old"), QStringLiteral("older")});
    CHECK(select.sql.contains("HAVING count(DISTINCT d.date) = ?5"));
    CHECK(jsonList(select.binds.at(3)) ==
          QStringList{QStringLiteral("2026-03-03"), QStringLiteral("2026-03-04")});
    CHECK(numberOf(select.binds.at(4)) == 2);
    CHECK(select.sql.contains("p.submitter = 2 AND NOT EXISTS (SELECT 1 FROM json_each(?6) o"));
    CHECK(jsonList(select.binds.at(5)) ==
          QStringList{QStringLiteral("Marine"), QStringLiteral("Lab")});
    CHECK_FALSE(select.sql.contains("LIKE"));

    // What the filters name is looked up first: tags, dates, organisations.
    REQUIRE(sql.absenceProbes().size() == 3);
    for (const SqlStatement &probe : sql.absenceProbes()) {
        CHECK(bindsMatch(probe));
        CHECK(probe.sql.endsWith(" LIMIT 1"));
    }
    CHECK(sql.absenceProbes().at(0).sql.contains("FROM tags t WHERE t.name = j.value"));
    CHECK(jsonList(sql.absenceProbes().at(0).binds.at(0)).size() == 2);
    CHECK(sql.absenceProbes().at(1).sql.contains("FROM digests d WHERE d.date = j.value"));
    CHECK(sql.absenceProbes().at(2).sql.contains("INDEXED BY papers_organisation"));
}

TEST_CASE("Ranges fold every filter of their kind into one", "[searchsql]")
{
    const SqlStatement dates =
        translate(QStringLiteral("date:>=2024 date:<2025-06 date:2024-03")).select(false);
    CHECK(dates.sql.contains(" AND p.published >= ?1 AND p.published < ?2 "));
    REQUIRE(dates.binds.size() == 2);
    CHECK(textOf(dates.binds.at(0)) == QStringLiteral("2024-03-01"));
    CHECK(textOf(dates.binds.at(1)) == QStringLiteral("2024-04-01"));

    const SqlStatement votes =
        translate(QStringLiteral("upvotes:>=10 upvotes:<20 upvotes:>12 authors:=3")).select(false);
    CHECK(votes.sql.contains(" AND +p.upvotes >= ?1 AND +p.upvotes <= ?2 AND p.submitter = 1 AND "
                             "+p.authors = ?3 "));
    REQUIRE(votes.binds.size() == 3);
    CHECK(numberOf(votes.binds.at(0)) == 13);
    CHECK(numberOf(votes.binds.at(1)) == 19);
    CHECK(numberOf(votes.binds.at(2)) == 3);

    CHECK_FALSE(translate(QStringLiteral("upvotes:>9 upvotes:<11")).cannotMatch());
    CHECK(translate(QStringLiteral("upvotes:>9 upvotes:<10")).cannotMatch());
    CHECK(translate(QStringLiteral("authors:>=8 authors:<=7")).cannotMatch());
    CHECK(translate(QStringLiteral("date:2024 date:2025")).cannotMatch());
    CHECK_FALSE(translate(QStringLiteral("date:2024 date:<=2024-01")).cannotMatch());
}

TEST_CASE("The SQL does not grow with the number of filters", "[searchsql][limits]")
{
    const QStringList kinds = {
        QStringLiteral("tag:t%1"),
        QStringLiteral("-tag:t%1"),
        QStringLiteral("digest:2024-01-01"),
        QStringLiteral("date:>=2020"),
        QStringLiteral("date:<2030"),
        QStringLiteral("upvotes:>=%1"),
        QStringLiteral("authors:<%1"),
        QStringLiteral("org:o%1"),
        QStringLiteral("-w%1"),
        QStringLiteral("w%1"),
        QStringLiteral("is:starred"),
        QStringLiteral("has:note"),
    };
    for (const QString &kind : kinds) {
        CAPTURE(kind.toStdString());
        const SearchSql few = translate(repeated(kind, 2));
        const SearchSql many = translate(repeated(kind, 5000));
        CHECK(many.select(true).sql.size() == few.select(true).sql.size());
        CHECK(many.select(true).binds.size() == few.select(true).binds.size());
        CHECK(many.count().sql.size() == few.count().sql.size());
        CHECK(many.absenceProbes().size() == few.absenceProbes().size());
        CHECK(bindsMatch(many.select(false)));
    }
}

TEST_CASE("Within a digest, in its order", "[searchsql]")
{
    SearchRequest request;
    request.digestId = 42;
    request.reverse = true;
    const SqlStatement select = translate(QStringLiteral("is:unread"), request).select(false);
    CHECK(select.sql == "SELECT p.id FROM papers p JOIN appearances ap ON ap.paper_id = p.id "
                        "WHERE 1 AND NOT p.read AND ap.digest_id = ?1 ORDER BY ap.position DESC");
    REQUIRE(select.binds.size() == 1);
    CHECK(numberOf(select.binds.at(0)) == 42);
}

TEST_CASE("is:dismissed is the small set; -is:dismissed leaves it out", "[searchsql][dismiss]")
{
    const SqlStatement in = translate(QStringLiteral("is:dismissed")).select(false);
    CHECK(bindsMatch(in));
    CHECK(in.sql.contains("p.id IN (SELECT id FROM papers WHERE dismissed)"));
    const SqlStatement out = translate(QStringLiteral("-is:dismissed")).select(false);
    CHECK(bindsMatch(out));
    // Not a test of every paper's row: the dismissed ones, from their index.
    CHECK(out.sql.contains("p.id NOT IN (SELECT id FROM papers WHERE dismissed)"));
    CHECK_FALSE(out.sql.contains("NOT p.dismissed"));
    CHECK(parseQuery(QStringLiteral("is:dismissed")).dismissed == true);
    CHECK(parseQuery(QStringLiteral("-is:dismissed")).dismissed == false);
    CHECK_FALSE(parseQuery(QStringLiteral("is:dismissed")).isEmpty());
    CHECK_FALSE(parseQuery(QStringLiteral("dismissed")).dismissed.has_value());
}
