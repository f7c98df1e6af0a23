#include "catch.h"
#include "ingest/importer.h"
#include "libraryfixture.h"
#include "search/searchquery.h"
#include "storage/searchsql.h"

#include <QSet>

using namespace gleaner;
using gleaner::test::LibraryFixture;

TEST_CASE("Query words become quoted FTS5 strings", "[search][query]")
{
    CHECK(parseQuery(QStringLiteral("sparse attention"), false).match ==
          QStringLiteral("\"sparse\" AND \"attention\""));
    CHECK(parseQuery(QStringLiteral("sparse atten")).match ==
          QStringLiteral("\"sparse\" AND \"atten\"*"));
    CHECK(parseQuery(QStringLiteral("sparse atten ")).match ==
          QStringLiteral("\"sparse\" AND \"atten\""));
    CHECK(parseQuery(QStringLiteral("sparse a")).match == QStringLiteral("\"sparse\""));
    CHECK(parseQuery(QStringLiteral("sparse a"), false).match ==
          QStringLiteral("\"sparse\" AND \"a\""));
    CHECK(parseQuery(QStringLiteral("\"long context\" OR retrieval"), false).match ==
          QStringLiteral("(\"long context\" OR \"retrieval\")"));
    CHECK(parseQuery(QStringLiteral("title:fish -sonar"), false).match ==
          QStringLiteral("title : \"fish\""));
    CHECK(parseQuery(QStringLiteral("title:fish -sonar"), false).exclude ==
          QStringLiteral("\"sonar\""));
}

TEST_CASE("Filters are recognised and broken ones searched as words", "[search][query]")
{
    const ParsedQuery q =
        parseQuery(QStringLiteral("is:starred is:unread has:note tag:ml -tag:old digest:2026-03-03 "
                                  "date:>=2024-06 upvotes:>=10 authors:<5 org:Marine"),
                   false);
    CHECK(q.match.isEmpty());
    CHECK(q.starred == std::optional<bool>(true));
    CHECK(q.read == std::optional<bool>(false));
    CHECK(q.hasNote == std::optional<bool>(true));
    CHECK(q.tags == QStringList{QStringLiteral("ml")});
    CHECK(q.excludedTags == QStringList{QStringLiteral("old")});
    CHECK(q.digestDates == QStringList{QStringLiteral("2026-03-03")});
    REQUIRE(q.published.size() == 1);
    CHECK(q.published.first().from == QStringLiteral("2024-06-01"));
    CHECK(q.published.first().to.isEmpty());
    REQUIRE(q.upvotes.size() == 1);
    CHECK(q.upvotes.first().op == Comparison::GreaterEqual);
    CHECK(q.upvotes.first().value == 10);
    REQUIRE(q.authors.size() == 1);
    CHECK(q.authors.first().op == Comparison::Less);
    CHECK(q.organisations == QStringList{QStringLiteral("Marine")});

    const ParsedQuery broken = parseQuery(QStringLiteral("date:soon upvotes:many"), false);
    CHECK(broken.published.isEmpty());
    CHECK(broken.match == QStringLiteral("\"date:soon\" AND \"upvotes:many\""));
    CHECK(q.notice.isEmpty());
}

TEST_CASE("OR beside a filter is read as AND, with a notice", "[search][query]")
{
    for (const char *query : {"is:starred OR tag:rl", "video OR is:starred", "tag:rl OR video"}) {
        INFO(query);
        const ParsedQuery q = parseQuery(QString::fromUtf8(query), false);
        CHECK(q.notice.startsWith(QStringLiteral("OR joins words, not filters")));
    }
    const ParsedQuery both = parseQuery(QStringLiteral("is:starred OR tag:rl"), false);
    CHECK(both.starred == std::optional<bool>(true));
    CHECK(both.tags == QStringList{QStringLiteral("rl")});
    // OR between words is what it is for, a filter elsewhere or not.
    for (const char *query : {"video OR audio", "tag:rl video OR audio", "video OR audio is:unread",
                              "title:video OR abstract:audio"}) {
        INFO(query);
        CHECK(parseQuery(QString::fromUtf8(query), false).notice.isEmpty());
    }
}

TEST_CASE("A filter still being typed is left out until it is complete", "[search][query]")
{
    // While typing: "diffusion is:u" searches for diffusion alone, not for "is:u".
    for (const char *typing : {"diffusion is:u", "diffusion tag:", "diffusion upvotes:>",
                               "diffusion digest:2026-0", "diffusion Tag:", "diffusion -is:"}) {
        CAPTURE(typing);
        const ParsedQuery q = parseQuery(QString::fromLatin1(typing));
        CHECK(q.match == QStringLiteral("\"diffusion\""));
        CHECK(q.exclude.isEmpty());
        CHECK_FALSE(q.read.has_value());
    }
    // Complete, it applies; a trailing space or the CLI (no prefix) takes it as written.
    CHECK(parseQuery(QStringLiteral("diffusion is:unread")).read == std::optional<bool>(false));
    CHECK(parseQuery(QStringLiteral("diffusion is:u "), true).match ==
          QStringLiteral("\"diffusion\" AND \"is:u\""));
    CHECK(parseQuery(QStringLiteral("diffusion is:u"), false).match ==
          QStringLiteral("\"diffusion\" AND \"is:u\""));
    // A word that merely ends in a colon is still a word.
    CHECK(parseQuery(QStringLiteral("note:")).match == QStringLiteral("\"note:\"*"));
}

TEST_CASE("Hostile queries never fail and never reach SQL as syntax", "[search][query]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    const QStringList hostile = {
        QStringLiteral("\""),
        QStringLiteral("\"\"\"\""),
        QStringLiteral("\"unbalanced phrase"),
        QStringLiteral("AND OR NOT ( ) *"),
        QStringLiteral("' OR 1=1; DROP TABLE papers; --"),
        QStringLiteral("title:"),
        QStringLiteral("-"),
        QStringLiteral("- -- ---"),
        QStringLiteral("NEAR(a b, 3)"),
        QStringLiteral("^tidal"),
        QStringLiteral("{title}: x"),
        QStringLiteral("tag:\"\""),
        QStringLiteral("date:2024-13-45"),
        QStringLiteral("upvotes:>=-1"),
        QStringLiteral("\\\"%_"),
        QStringLiteral("OR"),
        QStringLiteral("tidal OR"),
        QStringLiteral("OR tidal"),
        QStringLiteral("\u00e9\u0301\u200b\ufeff"),
    };
    for (const QString &q : hostile) {
        CAPTURE(q.toStdString());
        for (const bool typing : {false, true}) {
            SearchRequest request;
            request.query = q;
            request.prefixLastWord = typing;
            CHECK(f.library.search(request).has_value());
        }
    }
    CHECK(f.library.paperCount() == 3);
    // An unbalanced phrase still finds what it spells.
    CHECK(f.library.search(QStringLiteral("\"tidal attention")).value().ids.size() == 1);
    CHECK(f.library.search(QStringLiteral("tidal OR")).value().ids.size() == 1);
}

TEST_CASE("Search ranks title matches above abstract matches", "[search]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day2.txt"))}).ok());
    // "tokens" is in Quiet Tokens' title and only in Tidal Attention's abstract.
    const SearchResult r =
        f.library.search(QStringLiteral("tokens"), SortOrder::Relevance, -1).value();
    REQUIRE(r.ids.size() == 2);
    CHECK(r.ids.first() == f.idOf(QStringLiteral("Quiet Tokens")));
    CHECK(r.highlightTerms == QStringList{QStringLiteral("tokens")});
}

TEST_CASE("Search words, phrases, prefixes, OR and exclusions", "[search]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day2.txt"))}).ok());
    auto n = [&](const char *q) {
        SearchRequest r;
        r.query = QString::fromUtf8(q);
        return f.library.search(r).value().ids.size();
    };
    auto typing = [&](const char *q) {
        SearchRequest r;
        r.query = QString::fromUtf8(q);
        r.prefixLastWord = true;
        return f.library.search(r).value().ids.size();
    };
    CHECK(n("sparse autoencoders") == 1);
    CHECK(n("\"sparse autoencoders recover\"") == 1);
    CHECK(n("\"autoencoders sparse\"") == 0);
    CHECK(n("autoenc") == 0);
    CHECK(typing("autoenc") == 1);
    CHECK(n("fish OR weather") == 2);
    CHECK(n("attention") == 2); // Tidal (title) and Quiet Tokens (abstract)
    CHECK(n("attention -tidal") == 1);
    CHECK(n("-attention") == 3);
    CHECK(n("title:attention") == 1);
    CHECK(n("abstract:oscillator") == 1);
    CHECK(n("title:oscillator") == 0);
    CHECK(n("") == 5);
}

TEST_CASE("Search filters on reader data and metadata", "[search]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day2.txt"))}).ok());
    const qint64 tidal = f.idOf(QStringLiteral("Tidal"));
    const qint64 quiet = f.idOf(QStringLiteral("Quiet Tokens"));
    REQUIRE(f.library.setStarred({tidal}, true));
    REQUIRE(f.library.setRead({tidal, quiet}, true));
    REQUIRE(f.library.addTags({tidal, quiet}, {QStringLiteral("Long Context")}));
    REQUIRE(f.library.addTags({quiet}, {QStringLiteral("pruning")}));
    REQUIRE(f.library.setNote(quiet, QStringLiteral("good")));

    auto ids = [&](const char *q) { return f.library.search(QString::fromUtf8(q)).value().ids; };
    CHECK(ids("is:starred") == QList<qint64>{tidal});
    CHECK(ids("is:read").size() == 2);
    CHECK(ids("is:unread").size() == 3);
    CHECK(ids("has:note") == QList<qint64>{quiet});
    CHECK(ids("tag:\"long context\"").size() == 2); // tag names ignore case
    CHECK(ids("tag:\"long context\" -tag:pruning") == QList<qint64>{tidal});
    CHECK(ids("upvotes:>=14").size() == 3); // 14, 21 (lanternfish), 40
    CHECK(ids("authors:>=3").size() == 2);
    CHECK(ids("org:robotics").size() == 1);
    CHECK(ids("date:2025").size() == 1);
    CHECK(ids("date:>=2026-03").size() == 2);
    CHECK(ids("date:<2026-03").size() == 2);
    CHECK(ids("digest:2026-03-04").size() == 3);
    CHECK(ids("digest:2026-03-04 is:unread").size() == 2);
    CHECK(ids("attention is:starred") == QList<qint64>{tidal});
}

TEST_CASE("Search sorts by each order and counts beyond the page", "[search]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day2.txt"))}).ok());
    const SearchResult byVotes = f.library.search(QString(), SortOrder::Upvotes, 2).value();
    REQUIRE(byVotes.ids.size() == 2);
    CHECK(byVotes.total == 5);
    CHECK(byVotes.ids.first() == f.idOf(QStringLiteral("Field Guide")));
    CHECK(byVotes.ids.at(1) == f.idOf(QStringLiteral("Lanternfish")));

    const QList<qint64> byTitle = f.library.search(QString(), SortOrder::Title).value().ids;
    QStringList titles;
    for (const Paper &p : f.library.papers(byTitle))
        titles << p.title;
    QStringList sorted = titles;
    std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) {
        return a.compare(b, Qt::CaseInsensitive) < 0;
    });
    CHECK(titles == sorted);

    const QList<qint64> byPublished = f.library.search(QString(), SortOrder::Published).value().ids;
    CHECK(byPublished.last() == f.idOf(QStringLiteral("Weather Models"))); // no date: last
    CHECK(byPublished.first() == f.idOf(QStringLiteral("Quiet Tokens")));  // 2026-03-02

    const QList<qint64> byDigest = f.library.search(QString(), SortOrder::Digest).value().ids;
    CHECK(byDigest.last() == f.idOf(QStringLiteral("Field Guide"))); // only in the older digest
}

TEST_CASE("Too many matches to rank whole rank their newest", "[search]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day2.txt"))}).ok());
    const SearchResult ranked = f.library.search(QStringLiteral("tokens")).value();
    CHECK(ranked.ranking == Ranking::Relevance);
    CHECK(ranked.ids.first() == f.idOf(QStringLiteral("Quiet Tokens")));

    f.library.setMaxRankedMatches(1);
    const SearchResult newest = f.library.search(QStringLiteral("tokens")).value();
    CHECK(newest.ranking == Ranking::TitlesNewestOnly);
    CHECK(newest.rankedNewest == 1);
    REQUIRE(newest.ids.size() == 2);
    CHECK(newest.ids.first() > newest.ids.last());
    CHECK(f.library.search(QStringLiteral("tidal")).value().ranking ==
          Ranking::Relevance); // one match still ranks
}

namespace {

// A layout-A digest of (title, abstract) pairs, in that order on the page.
QByteArray digestOf(const QList<std::pair<const char *, const char *>> &papers)
{
    QByteArray text = "Daily Papers\n\nbyAK and the research community\n\nMar 3\n\n";
    for (const auto &[title, abstract] : papers)
        text +=
            QByteArray(title) + "\n\n" + abstract + "\n\n  \u2022 3 authors\n\u00b7\nMar 1 5\n\n";
    return text;
}

} // namespace

TEST_CASE("Relevance puts the papers whose titles carry the words first", "[search]")
{
    LibraryFixture f;
    const QByteArray digest = digestOf({
        {"Dense Mixtures at Scale",
         "Sparse routing, sparse routing and more sparse routing: the words fill this abstract."},
        {"Sparse Routing for Many Experts", "We study experts."},
        {"Tables Revisited", "A sparse note on routing tables."},
        {"Sparse Routing Revisited", "Sparse routing again, with routing costs."},
        {"Unrelated Weather", "Clouds and sparse routing of rain."},
        {"Nothing Here", "No match at all."},
    });
    REQUIRE(Importer(f.library).importData(digest, QStringLiteral("parts.txt")).ok());
    const qint64 revisited = f.idOf(QStringLiteral("Sparse Routing Revisited"));
    const qint64 experts = f.idOf(QStringLiteral("Sparse Routing for Many Experts"));
    const qint64 dense = f.idOf(QStringLiteral("Dense Mixtures"));
    const qint64 tables = f.idOf(QStringLiteral("Tables Revisited"));
    const qint64 weather = f.idOf(QStringLiteral("Unrelated Weather"));

    // The two title matches first, then the others by bm25: the dense
    // abstract's many matches before the single ones.
    const SearchResult all = f.library.search(QStringLiteral("sparse routing")).value();
    CHECK(all.ranking == Ranking::Relevance);
    REQUIRE(all.ids.size() == 5);
    const QSet<qint64> titleMatches{revisited, experts};
    CHECK(QSet<qint64>(all.ids.begin(), all.ids.begin() + 2) == titleMatches);
    CHECK(all.ids.at(2) == dense); // the most matches of the others
    CHECK(QSet<qint64>(all.ids.begin() + 3, all.ids.end()) == QSet<qint64>{tables, weather});

    // Pages are slices of the same order, across the two parts too.
    for (int offset = 0; offset <= 5; ++offset) {
        for (int limit = 0; limit <= 6; ++limit) {
            SearchRequest request;
            request.query = QStringLiteral("sparse routing");
            request.offset = offset;
            request.limit = limit;
            const SearchResult page = f.library.search(request).value();
            INFO("offset " << offset << ", limit " << limit);
            CHECK(page.ids == all.ids.mid(qMin(offset, 5), limit));
            CHECK(page.total == 5);
        }
    }

    // Too many to rank whole: each part ranks its newest matches and lists
    // the older ones after them, the title matches still first. Here the
    // newest two ranked are a title match and one other.
    f.library.setMaxRankedMatches(2);
    const SearchResult othersNewest = f.library.search(QStringLiteral("sparse routing")).value();
    CHECK(othersNewest.ranking == Ranking::OthersNewestOnly);
    CHECK(othersNewest.ids.mid(0, 2) == all.ids.mid(0, 2));
    CHECK(othersNewest.ids.mid(2) == QList<qint64>{weather, tables, dense});
    f.library.setMaxRankedMatches(1);
    const SearchResult titlesNewest = f.library.search(QStringLiteral("sparse routing")).value();
    CHECK(titlesNewest.ranking == Ranking::TitlesNewestOnly);
    CHECK(titlesNewest.ids == QList<qint64>{revisited, experts, weather, tables, dense});

    // While typing, a third of the cap: 5 ranks every match, 6 (typing) as 2.
    f.library.setMaxRankedMatches(5);
    CHECK(f.library.search(QStringLiteral("sparse routing")).value().ranking == Ranking::Relevance);
    f.library.setMaxRankedMatches(6);
    SearchRequest typing;
    typing.query = QStringLiteral("sparse rout");
    typing.prefixLastWord = true;
    const SearchResult typed = f.library.search(typing).value();
    CHECK(typed.ranking == Ranking::OthersNewestOnly);
    CHECK(typed.rankedNewest == 0); // newest first, none of the others ranked
    CHECK(typed.ids.mid(2) == QList<qint64>{weather, tables, dense});

    // An exclusion applies to both parts; other orders have no parts.
    CHECK(f.library.search(QStringLiteral("sparse routing -experts -clouds")).value().ids ==
          QList<qint64>{revisited, dense, tables});
    CHECK(f.library.search(QStringLiteral("sparse routing"), SortOrder::Title).value().ids ==
          QList<qint64>{dense, experts, revisited, tables, weather});
}

TEST_CASE("A part too large to rank whole ranks its newest matches, then the older ones",
          "[search]")
{
    LibraryFixture f;
    // One word in abstracts only, imported oldest first: the densest
    // abstract is the oldest paper.
    const QByteArray digest = digestOf({
        {"First Paper", "Lattice lattice lattice lattice, four times over."},
        {"Second Paper", "One lattice among many other words in a longer sentence here."},
        {"Third Paper", "Lattice lattice lattice, three times."},
        {"Fourth Paper", "One lattice among many other words in a longer sentence too."},
    });
    REQUIRE(Importer(f.library).importData(digest, QStringLiteral("lattice.txt")).ok());
    const qint64 first = f.idOf(QStringLiteral("First Paper"));
    const qint64 second = f.idOf(QStringLiteral("Second Paper"));
    const qint64 third = f.idOf(QStringLiteral("Third Paper"));
    const qint64 fourth = f.idOf(QStringLiteral("Fourth Paper"));
    REQUIRE(first < second);
    REQUIRE(second < third);
    REQUIRE(third < fourth);

    const SearchResult whole = f.library.search(QStringLiteral("lattice")).value();
    CHECK(whole.ranking == Ranking::Relevance);
    REQUIRE(whole.ids.size() == 4);
    CHECK(whole.ids.mid(0, 2) == QList<qint64>{first, third});

    // The newest two ranked (the third's three matches before the fourth's
    // one), then the older two newest first: neither bm25 nor date order.
    f.library.setMaxRankedMatches(2);
    const SearchResult newest = f.library.search(QStringLiteral("lattice")).value();
    CHECK(newest.ranking == Ranking::OthersNewestOnly);
    CHECK(newest.rankedNewest == 2);
    const QList<qint64> order{third, fourth, second, first};
    CHECK(newest.ids == order);
    for (int offset = 0; offset <= 4; ++offset) {
        for (int limit = 0; limit <= 5; ++limit) {
            SearchRequest request;
            request.query = QStringLiteral("lattice");
            request.offset = offset;
            request.limit = limit;
            const SearchResult page = f.library.search(request).value();
            INFO("offset " << offset << ", limit " << limit);
            CHECK(page.ids == order.mid(qMin(offset, 4), limit));
            CHECK(page.total == 4);
        }
    }
    // Filters apply to both spans.
    CHECK(f.library.search(QStringLiteral("lattice -four")).value().ids ==
          QList<qint64>{third, fourth, second});

    // While typing (a third of the cap: 2 of 6), a large part comes newest
    // first, straight off the index.
    f.library.setMaxRankedMatches(6);
    SearchRequest typing;
    typing.query = QStringLiteral("lattic");
    typing.prefixLastWord = true;
    const SearchResult typed = f.library.search(typing).value();
    CHECK(typed.ranking == Ranking::OthersNewestOnly);
    CHECK(typed.rankedNewest == 0);
    CHECK(typed.ids == QList<qint64>{fourth, third, second, first});
}

TEST_CASE("Papers that rank alike come in id order on every page", "[search]")
{
    // Thirty titles of two words, one of them the query's, over abstracts
    // of the same length: every match scores the same.
    LibraryFixture f;
    QByteArray digest = "Daily Papers\n\nbyAK and the research community\n\nMar 3\n\n";
    for (int i = 0; i < 30; ++i)
        digest += "Lattice " + QByteArray(1, char('a' + i % 26)) + QByteArray::number(i) +
                  "\n\nPlain words here.\n\n  \u2022 3 authors\n\u00b7\nMar 1 5\n\n";
    REQUIRE(Importer(f.library).importData(digest, QStringLiteral("ties.txt")).ok());
    REQUIRE(f.library.paperCount() == 30);

    // Without a filter, with one (read from each paper's row), and past the
    // ranking cap: the ties in id order, and pages that add up to the list.
    for (const int cap : {6000, 12}) {
        f.library.setMaxRankedMatches(cap);
        for (const QString &query :
             {QStringLiteral("lattice"), QStringLiteral("lattice is:unread")}) {
            INFO(query.toStdString() << ", cap " << cap);
            const QList<qint64> whole =
                f.library.search(query, SortOrder::Relevance, -1).value().ids;
            REQUIRE(whole.size() == 30);
            const QList<qint64> ranked = whole.mid(0, qMin(cap, 30));
            CHECK(std::is_sorted(ranked.cbegin(), ranked.cend()));
            QList<qint64> paged;
            for (int offset = 0; offset < 30; offset += 7) {
                SearchRequest request;
                request.query = query;
                request.offset = offset;
                request.limit = 7;
                paged += f.library.search(request).value().ids;
            }
            CHECK(paged == whole);
        }
    }
}

TEST_CASE("Past the ranked span, a large part ranks only its matches among the newest papers",
          "[search]")
{
    // Thirty titles with the word, every third with it three times (and
    // "rare" in three of them), imported oldest first.
    LibraryFixture f;
    QByteArray digest = "Daily Papers\n\nbyAK and the research community\n\nMar 3\n\n";
    auto title = [](int i) {
        QString t = (i % 3 == 0 ? QStringLiteral("Lattice Lattice Lattice ")
                                : QStringLiteral("Lattice Study ")) +
                    QString::number(i);
        if (i % 10 == 5)
            t += QStringLiteral(" rare");
        return t;
    };
    for (int i = 1; i <= 30; ++i)
        digest +=
            title(i).toUtf8() + "\n\nPlain words here.\n\n  \u2022 3 authors\n\u00b7\nMar 1 5\n\n";
    REQUIRE(Importer(f.library).importData(digest, QStringLiteral("span.txt")).ok());
    QList<qint64> id(31, 0);
    for (int i = 1; i <= 30; ++i) {
        id[i] = f.idOf(title(i));
        if (i > 1)
            REQUIRE(id[i] > id[i - 1]);
    }

    // Cap 12, a third of it 4, span 10: the matches among the newest ten
    // papers ranked (the triples first, ties in id order, the longer title
    // last), the older twenty newest first. The title matches that come
    // first are the span's ten, ranked whole; the older ones are among the
    // others.
    f.library.setMaxRankedMatches(12);
    f.library.setRankedSpan(10);
    const SearchResult spanned =
        f.library.search(QStringLiteral("lattice"), SortOrder::Relevance, -1).value();
    CHECK(spanned.ranking == Ranking::OthersNewestOnly);
    CHECK(spanned.rankedSpan == 10);
    QList<qint64> expected{id[21], id[24], id[27], id[30], id[22],
                           id[23], id[26], id[28], id[29], id[25]};
    for (int i = 20; i >= 1; --i)
        expected << id[i];
    CHECK(spanned.ids == expected);

    // A library within the span ranks the newest twelve, as before.
    f.library.setRankedSpan(100);
    const SearchResult capped =
        f.library.search(QStringLiteral("lattice"), SortOrder::Relevance, -1).value();
    CHECK(capped.rankedSpan == 0);
    CHECK(capped.ids.mid(12) == expected.mid(12));
    CHECK(capped.ids.mid(0, 4) == QList<qint64>{id[21], id[24], id[27], id[30]});

    // When the newest third of the cap reach past the span, they rank: the
    // phrase is in every third title, so its newest four go back to 21.
    f.library.setRankedSpan(10);
    const SearchResult sparse =
        f.library.search(QStringLiteral("\"lattice lattice lattice\""), SortOrder::Relevance, -1)
            .value();
    CHECK(sparse.ranking == Ranking::OthersNewestOnly);
    CHECK(sparse.rankedNewest == 4);
    CHECK(sparse.rankedSpan == 0);
    CHECK(sparse.ids == QList<qint64>{id[21], id[24], id[27], id[30], id[18], id[15], id[12], id[9],
                                      id[6], id[3]});

    // A part of no more than a third of the cap ranks whole, span or not.
    const SearchResult few =
        f.library.search(QStringLiteral("rare"), SortOrder::Relevance, -1).value();
    CHECK(few.ranking == Ranking::Relevance);
    CHECK(few.rankedSpan == 0);
    CHECK(few.ids.size() == 3);
}

TEST_CASE("Past the ranked span, title matches come first only among the newest papers", "[search]")
{
    // Papers 1-5 carry the word in their titles, 6-30 in their abstracts
    // only, imported oldest first.
    LibraryFixture f;
    QByteArray digest = "Daily Papers\n\nbyAK and the research community\n\nMar 3\n\n";
    auto title = [](int i) -> QString {
        return (i <= 5 ? QStringLiteral("Quartz Study ") : QStringLiteral("Other Study ")) +
               QString::number(i);
    };
    for (int i = 1; i <= 30; ++i)
        digest += title(i).toUtf8() +
                  (i <= 5 ? "\n\nPlain words here.\n\n" : "\n\nPlain quartz here.\n\n") +
                  "  \u2022 3 authors\n\u00b7\nMar 1 5\n\n";
    REQUIRE(Importer(f.library).importData(digest, QStringLiteral("quartz.txt")).ok());
    QList<qint64> id(31, 0);
    for (int i = 1; i <= 30; ++i)
        id[i] = f.idOf(title(i));
    QList<qint64> abstractsNewestFirst;
    for (int i = 30; i >= 6; --i)
        abstractsNewestFirst << id[i];
    const QList<qint64> titlesNewestFirst{id[5], id[4], id[3], id[2], id[1]};

    // Within the span the five title matches lead, ranked whole.
    f.library.setMaxRankedMatches(12);
    f.library.setRankedSpan(100);
    const SearchResult within =
        f.library.search(QStringLiteral("quartz"), SortOrder::Relevance, -1).value();
    REQUIRE(within.ids.size() == 30);
    CHECK(within.titlesSpan == 0);
    CHECK(QSet<qint64>(within.ids.cbegin(), within.ids.cbegin() + 5) ==
          QSet<qint64>(titlesNewestFirst.cbegin(), titlesNewestFirst.cend()));

    // Span 10: no title match is among the newest ten papers, so none
    // leads. The span's abstract matches rank (alike: id order), the older
    // matches follow newest first, the old title matches last.
    f.library.setRankedSpan(10);
    const SearchResult spanned =
        f.library.search(QStringLiteral("quartz"), SortOrder::Relevance, -1).value();
    CHECK(spanned.rankedSpan == 10);
    CHECK(spanned.titlesSpan == 10);
    CHECK(spanned.ranking == Ranking::OthersNewestOnly);
    QList<qint64> expected;
    for (int i = 21; i <= 30; ++i)
        expected << id[i];
    expected << abstractsNewestFirst.mid(10) << titlesNewestFirst;
    CHECK(spanned.ids == expected);

    // A part small enough to rank whole still puts an old title first:
    // bm25 weighs titles ten times.
    f.library.setMaxRankedMatches(90);
    const SearchResult whole =
        f.library.search(QStringLiteral("quartz"), SortOrder::Relevance, -1).value();
    CHECK(whole.ranking == Ranking::Relevance);
    CHECK(QSet<qint64>(whole.ids.cbegin(), whole.ids.cbegin() + 5) ==
          QSet<qint64>(titlesNewestFirst.cbegin(), titlesNewestFirst.cend()));
}

TEST_CASE("Starred or read or noted papers list their first page from their own small index",
          "[search]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day5_plain.txt"))}).ok());
    const qint64 moss = f.idOf(QStringLiteral("Moss Maps"));
    const qint64 guide = f.idOf(QStringLiteral("Field Guide"));
    REQUIRE(f.library.setStarred({moss, guide}, true));
    REQUIRE(f.library.setRead({guide}, true));
    REQUIRE(f.library.setNote(moss, QStringLiteral("moss")));
    f.library.refreshStatistics();

    struct Filter
    {
        QString query;
        const char *index;
        QSet<qint64> papers;
    };
    // Starred and read papers' indexes hold all the first page needs (the
    // flag, the digest order's key); the noted papers' holds the key.
    const QList<Filter> filters{
        {QStringLiteral("is:starred"), "COVERING INDEX papers_starred", {moss, guide}},
        {QStringLiteral("is:read"), "COVERING INDEX papers_read", {guide}},
        {QStringLiteral("has:note"), "INDEX papers_noted", {moss}}};
    for (const Filter &filter : filters) {
        CAPTURE(filter.query.toStdString());
        // The planner reads the index, not the papers. (Whether it reads
        // it in order or sorts it depends on SQLite's version and the
        // statistics of this tiny library: 3.40 reads it in order, 3.46
        // sorts its two rows.)
        SearchRequest request;
        request.query = filter.query;
        const SqlStatement select = SearchSql(parseQuery(filter.query), request).select(false);
        REQUIRE(select.binds.isEmpty());
        Statement plan = f.library.database().prepare("EXPLAIN QUERY PLAN " + select.sql);
        QStringList steps;
        while (plan.next())
            steps << plan.text(3);
        CAPTURE(steps.join(u'\n').toStdString());
        CHECK(steps.join(u' ').contains(QLatin1String(filter.index)));

        const QList<qint64> found = f.library.search(filter.query, SortOrder::Relevance, -1)->ids;
        CHECK(QSet<qint64>(found.cbegin(), found.cend()) == filter.papers);
    }
}

TEST_CASE("Papers with unknown upvotes sort last in either direction", "[search]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day5_plain.txt"))}).ok());
    const qint64 moss = f.idOf(QStringLiteral("Moss Maps")); // no count shown
    const qint64 guide = f.idOf(QStringLiteral("Field Guide"));
    const qint64 lanternfish = f.idOf(QStringLiteral("Lanternfish")); // 3 upvotes

    SearchRequest request;
    request.sort = SortOrder::Upvotes;
    const QList<qint64> most = f.library.search(request).value().ids;
    REQUIRE(most.size() == 4);
    CHECK(most.first() == guide);
    CHECK(most.last() == moss);

    request.reverse = true;
    const QList<qint64> fewest = f.library.search(request).value().ids;
    REQUIRE(fewest.size() == 4);
    CHECK(fewest.first() == lanternfish);
    CHECK(fewest.last() == moss);
}

TEST_CASE("Search within one digest, in digest order, and reversed", "[search]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day2.txt"))}).ok());
    qint64 day2 = 0;
    for (const DigestInfo &d : f.library.digests()) {
        if (d.date == QDate(2026, 3, 4))
            day2 = d.id;
    }
    SearchRequest request;
    request.digestId = day2;
    const QList<qint64> inOrder = f.library.search(request).value().ids;
    REQUIRE(inOrder.size() == 3);
    CHECK(inOrder.at(0) == f.idOf(QStringLiteral("Lanternfish")));
    CHECK(inOrder.at(1) == f.idOf(QStringLiteral("Quiet Tokens")));
    CHECK(inOrder.at(2) == f.idOf(QStringLiteral("Weather Models")));

    request.reverse = true;
    QList<qint64> reversed = f.library.search(request).value().ids;
    std::reverse(reversed.begin(), reversed.end());
    CHECK(reversed == inOrder);

    request = {};
    request.sort = SortOrder::RecentlyRead;
    request.query = QStringLiteral("is:read");
    const qint64 a = f.idOf(QStringLiteral("Tidal"));
    const qint64 b = f.idOf(QStringLiteral("Field Guide"));
    REQUIRE(f.library.setRead({a}, true));
    REQUIRE(f.library.database().exec(
        "UPDATE papers SET read_at = '2026-01-01T00:00:00.000Z' WHERE read"));
    REQUIRE(f.library.setRead({b}, true));
    CHECK(f.library.search(request).value().ids == QList<qint64>{b, a});
}

namespace {

// `pattern` `times` times, %1 numbered from 0.
QString repeated(const QString &pattern, int times)
{
    QStringList parts;
    for (int i = 0; i < times; ++i)
        parts << (pattern.contains(QLatin1String("%1")) ? pattern.arg(i) : pattern);
    return parts.join(QLatin1Char(' '));
}

} // namespace

TEST_CASE("Characters FTS5 cannot take are read as spaces", "[search][query]")
{
    const QChar nul(0);
    CHECK(parseQuery(QStringLiteral("a") + nul, false).match == QStringLiteral("\"a\""));
    CHECK(parseQuery(QStringLiteral("ti") + nul + QStringLiteral("dal"), false).match ==
          QStringLiteral("\"ti\" AND \"dal\""));

    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    const QStringList hostile = {
        QStringLiteral("tidal") + nul,
        nul + QStringLiteral("tidal"),
        QStringLiteral("\"tidal") + nul + QStringLiteral("attention\""),
        QStringLiteral("tidal ") + QChar(0x01) + QChar(0x1b) + QChar(0x7f) + QChar(0x9f),
        QStringLiteral("tidal ") + QChar(0xd800), // a lone high surrogate
        QChar(0xdc00) + QStringLiteral("tidal"),  // a lone low surrogate
        QStringLiteral("tidal ") + QChar(0xfffe) + QChar(0xffff),
        QStringLiteral("tag:") + nul,
        QStringLiteral("tag:ml") + nul,
        QStringLiteral("org:marine") + nul,
        QStringLiteral("title:tidal") + nul + QStringLiteral(" -x") + nul,
        QStringLiteral("tidal\u0085attention"),
    };
    for (const QString &q : hostile) {
        CAPTURE(q.toUtf8().toHex().toStdString());
        for (const bool typing : {false, true}) {
            SearchRequest request;
            request.query = q;
            request.prefixLastWord = typing;
            CHECK(f.library.search(request).has_value());
        }
    }
    CHECK(f.library.search(QStringLiteral("tidal") + nul).value().ids.size() == 1);
    CHECK(f.library.search(QStringLiteral("\"tidal") + nul + QStringLiteral("attention\""))
              .value()
              .ids.size() == 1);
}

TEST_CASE("Thousands of filters of every kind never fail the search", "[search][limits]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day2.txt"))}).ok());
    const qint64 tidal = f.idOf(QStringLiteral("Tidal"));
    REQUIRE(f.library.addTags({tidal}, {QStringLiteral("ml")}));

    // Each kind alone, many times over, finds what it finds once.
    const QList<std::pair<QString, int>> kinds = {
        {QStringLiteral("tag:ml"), 1},
        {QStringLiteral("tag:ML"), 1},
        {QStringLiteral("-tag:t%1"), 5},
        {QStringLiteral("digest:2026-03-04"), 3},
        {QStringLiteral("date:>=2020"), 4},
        {QStringLiteral("date:<2030"), 4},
        {QStringLiteral("date:2026"), 3},
        {QStringLiteral("upvotes:>=14"), 3},
        // Weather Models has no date line, so no count: it matches no count.
        {QStringLiteral("upvotes:<1000"), 4},
        {QStringLiteral("authors:>=3"), 2},
        {QStringLiteral("org:robotics"), 1},
        {QStringLiteral("tidal"), 1},
        {QStringLiteral("title:tidal"), 1},
        {QStringLiteral("-nosuchword%1"), 5},
        {QStringLiteral("tidal OR w%1"), 1},
        {QStringLiteral("is:unread"), 5},
    };
    for (const auto &[kind, expected] : kinds) {
        for (const int times : {1, 1000, 5000}) {
            CAPTURE(kind.toStdString(), times);
            for (const bool typing : {false, true}) {
                SearchRequest request;
                request.query = repeated(kind, times);
                request.prefixLastWord = typing;
                const std::optional<SearchResult> r = f.library.search(request);
                REQUIRE(r.has_value());
                if (!typing)
                    CHECK(r->ids.size() == expected);
            }
        }
    }

    // All of them in one query.
    QStringList all;
    for (const auto &[kind, expected] : kinds)
        all << repeated(kind, 1000);
    CHECK(f.library.search(all.join(QLatin1Char(' '))).has_value());
    // And thousands of tags a paper must all carry.
    CHECK(f.library.search(repeated(QStringLiteral("tag:t%1"), 3000)).has_value());
}

TEST_CASE("An absurdly long query is cut, never an error", "[search][limits]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    const QString longQuery =
        QStringLiteral("tidal ") +
        repeated(QStringLiteral("tag:t%1 -tag:u%1 date:>=2020 org:o%1"), 25000);
    REQUIRE(longQuery.size() > 1000000);
    const std::optional<SearchResult> r = f.library.search(longQuery);
    REQUIRE(r.has_value());
    CHECK(r->ids.isEmpty()); // no paper has those tags
    CHECK_FALSE(r->notice.isEmpty());
    CHECK(f.library.search(QStringLiteral("tidal")).value().notice.isEmpty());
    CHECK(f.library.search(QStringLiteral("tidal ") + repeated(QStringLiteral("tidal"), 200000))
              .value()
              .ids.size() == 1);
}

TEST_CASE("Filters that cannot match answer without the text index", "[search]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day2.txt"))}).ok());
    REQUIRE(f.library.addTags({f.idOf(QStringLiteral("Tidal"))}, {QStringLiteral("ml")}));
    // With the full-text index gone, a search that reads it fails: those
    // below succeed, empty, only if they never did.
    REQUIRE(f.library.database().exec("DROP TABLE papers_fts"));
    CHECK_FALSE(f.library.search(QStringLiteral("tidal tag:ml")).has_value());
    const QStringList cannotMatch = {
        QStringLiteral("tidal tag:nosuch"),
        QStringLiteral("tidal tag:ml tag:nosuch"),
        QStringLiteral("tidal digest:1999-01-01"),
        QStringLiteral("tidal digest:2026-03-04 digest:1999-01-01"),
        QStringLiteral("tidal org:nosuchorganisation"),
        QStringLiteral("-tidal tag:nosuch"),
        QStringLiteral("tidal upvotes:>9 upvotes:<3"),
        QStringLiteral("tidal date:2024 date:2025"),
    };
    for (const QString &q : cannotMatch) {
        CAPTURE(q.toStdString());
        for (const bool typing : {false, true}) {
            SearchRequest request;
            request.query = q;
            request.prefixLastWord = typing;
            const std::optional<SearchResult> r = f.library.search(request);
            REQUIRE(r.has_value());
            CHECK(r->ids.isEmpty());
        }
    }
}
