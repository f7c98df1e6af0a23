#include "storage/searchsql.h"

#include "storage/relevance.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

namespace gleaner {

namespace {

// Inclusive bounds on an integer column, folded from every filter on it.
struct Bounds
{
    std::optional<qint64> low;
    std::optional<qint64> high;

    void narrow(const NumberFilter &f)
    {
        const qint64 v = f.value;
        auto atLeast = [this](qint64 x) { low = low ? std::max(*low, x) : x; };
        auto atMost = [this](qint64 x) { high = high ? std::min(*high, x) : x; };
        switch (f.op) {
        case Comparison::Less:
            atMost(v - 1);
            break;
        case Comparison::LessEqual:
            atMost(v);
            break;
        case Comparison::Equal:
            atLeast(v);
            atMost(v);
            break;
        case Comparison::GreaterEqual:
            atLeast(v);
            break;
        case Comparison::Greater:
            atLeast(v + 1);
            break;
        }
    }
    bool isEmpty() const { return low && high && *low > *high; }
};

// A tag name folded the way the tags table's NOCASE collation folds it
// (ASCII letters only), so two names are one tag exactly when SQLite says so.
QString nocaseKey(const QString &name)
{
    QString key = name;
    for (QChar &c : key) {
        if (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            c = QChar(c.unicode() + ('a' - 'A'));
    }
    return key;
}

QString jsonArray(const QStringList &values)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact));
}

} // namespace

SearchSql::SearchSql(const ParsedQuery &query, const SearchRequest &request)
    : m_request(request)
{
    addTextConditions(query);
    addReaderDataConditions(query);
    addListConditions(query);
    addRangeConditions(query);
    if (request.digestId > 0)
        m_where += " AND ap.digest_id = " + param(qint64(request.digestId));
    if (request.onlyIds) {
        QJsonArray ids;
        for (const qint64 id : *request.onlyIds)
            ids.append(id);
        m_where += " AND p.id IN (SELECT value FROM json_each(" +
                   param(QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact))) +
                   "))";
    }
}

QByteArray SearchSql::param(const SqlValue &value)
{
    m_binds << value;
    return '?' + QByteArray::number(m_binds.size());
}

void SearchSql::addTextConditions(const ParsedQuery &q)
{
    if (q.hasWords()) {
        m_hasWords = true;
        m_match = q.match;
        m_exclude = q.exclude;
        // Always ?1: from() refers to it in both the ranked and unranked
        // shape, and a part's statement binds its own expression there.
        (void)param(ftsExpression(Part::Every));
    } else if (!q.exclude.isEmpty()) {
        m_where += " AND p.id NOT IN (SELECT rowid FROM papers_fts WHERE papers_fts MATCH " +
                   param(q.exclude) + ')';
    }
}

void SearchSql::addReaderDataConditions(const ParsedQuery &q)
{
    // Starred, read and noted papers are few, each kind in a partial index
    // that carries the default order's key (format 14). Listed in that
    // order, without words, the papers are read from one such index, in
    // order, until the page is full: no paper row is read to be sorted.
    // It is named (INDEXED BY), since the planner, counting rows, takes the
    // sort index whenever the library is small or its statistics predate
    // the stars, and walks all of it when the starred papers are old.
    // Otherwise the few papers are an IN set, built once from the same
    // index, which the full-text matches or the planner's driver test.
    // Their complements are most of the library: plain conditions.
    // (A request for a few given papers, an import's rules, looks those up.)
    const bool inDigestOrder =
        !q.hasWords() && m_request.digestId <= 0 && !m_request.onlyIds &&
        (m_request.sort == SortOrder::Relevance || m_request.sort == SortOrder::Digest);
    auto few = [&](const char *index, const char *condition) {
        if (inDigestOrder && !m_listIndex) {
            m_listIndex = index;
            m_where += QByteArray(" AND p.") + condition;
        } else
            m_where += QByteArray(" AND p.id IN (SELECT id FROM papers WHERE ") + condition + ')';
    };
    if (q.starred) {
        if (*q.starred)
            few("papers_starred", "starred");
        else
            m_where += " AND NOT p.starred";
    }
    if (q.hasNote && *q.hasNote)
        few("papers_noted", "note IS NOT NULL");
    if (q.read) {
        if (*q.read)
            few("papers_read", "read");
        else
            m_where += " AND NOT p.read";
    }
    // Dismissed papers are few too, and their flag is not in the sort index:
    // the complement is the small set left out, so a first page is still
    // read from that index alone rather than from every paper's row.
    if (q.dismissed)
        m_where += *q.dismissed ? " AND p.id IN (SELECT id FROM papers WHERE dismissed)"
                                : " AND p.id NOT IN (SELECT id FROM papers WHERE dismissed)";
    // The queue is small and keyed by paper: an IN set either way.
    if (q.queued)
        m_where += *q.queued ? " AND p.id IN (SELECT paper_id FROM reading_queue)"
                             : " AND p.id NOT IN (SELECT paper_id FROM reading_queue)";
    if (q.hasNote && !*q.hasNote)
        m_where += " AND p.note IS NULL";
    // Highlighted papers are few, and their own small index lists them.
    if (q.hasHighlight)
        m_where += *q.hasHighlight ? " AND p.id IN (SELECT paper_id FROM highlights)"
                                   : " AND p.id NOT IN (SELECT paper_id FROM highlights)";
}

void SearchSql::addListConditions(const ParsedQuery &q)
{
    // IN (subquery) rather than EXISTS: SQLite builds the small set once and
    // can drive the query from it instead of probing every paper. A paper
    // must carry every tag (appear on every date) named: counted per paper.
    if (!q.tags.isEmpty()) {
        QStringList names;
        QSet<QString> seen;
        for (const QString &tag : q.tags) {
            if (!seen.contains(nocaseKey(tag))) {
                seen.insert(nocaseKey(tag));
                names << tag;
            }
        }
        const QByteArray list = param(jsonArray(names));
        m_where += " AND p.id IN (SELECT pt.paper_id FROM paper_tags pt JOIN tags t ON t.id = "
                   "pt.tag_id WHERE t.name IN (SELECT value FROM json_each(" +
                   list +
                   ")) GROUP BY pt.paper_id HAVING count(*) = " + param(qint64(names.size())) + ')';
        m_absenceProbes << SqlStatement{"SELECT 1 FROM json_each(?1) j WHERE NOT EXISTS (SELECT 1 "
                                        "FROM tags t WHERE t.name = j.value) LIMIT 1",
                                        {jsonArray(names)}};
    }
    if (!q.excludedTags.isEmpty()) {
        m_where += " AND p.id NOT IN (SELECT pt.paper_id FROM paper_tags pt JOIN tags t ON t.id = "
                   "pt.tag_id WHERE t.name IN (SELECT value FROM json_each(" +
                   param(jsonArray(q.excludedTags)) + ")))";
    }
    if (!q.digestDates.isEmpty()) {
        QStringList dates = q.digestDates;
        dates.removeDuplicates();
        const QByteArray list = param(jsonArray(dates));
        m_where += " AND p.id IN (SELECT a.paper_id FROM appearances a JOIN digests d ON d.id = "
                   "a.digest_id WHERE d.date IN (SELECT value FROM json_each(" +
                   list + ")) GROUP BY a.paper_id HAVING count(DISTINCT d.date) = " +
                   param(qint64(dates.size())) + ')';
        m_absenceProbes << SqlStatement{"SELECT 1 FROM json_each(?1) j WHERE NOT EXISTS (SELECT 1 "
                                        "FROM digests d WHERE d.date = j.value) LIMIT 1",
                                        {jsonArray(dates)}};
    }
    if (!q.organisations.isEmpty()) {
        // A case-insensitive substring, as LIKE '%org%' was, without a
        // pattern to escape or to outgrow LIKE's length limit. A paper
        // matches when no organisation named is missing from its own.
        QStringList orgs = q.organisations;
        orgs.removeDuplicates();
        m_where += " AND p.submitter = 2 AND NOT EXISTS (SELECT 1 FROM json_each(" +
                   param(jsonArray(orgs)) +
                   ") o WHERE ifnull(instr(lower(p.organisation), lower(o.value)), 0) = 0)";
        // Reads the small organisation index, not the papers.
        m_absenceProbes << SqlStatement{
            "SELECT 1 FROM json_each(?1) o WHERE NOT EXISTS (SELECT 1 FROM papers p "
            "INDEXED BY papers_organisation WHERE p.submitter = 2 AND "
            "instr(lower(p.organisation), lower(o.value)) > 0) LIMIT 1",
            {jsonArray(orgs)}};
    }
}

void SearchSql::addRangeConditions(const ParsedQuery &q)
{
    // Every date filter narrows one range: the latest start, the earliest end.
    QString from;
    QString to;
    for (const DateRange &range : q.published) {
        if (!range.from.isEmpty() && (from.isEmpty() || range.from > from))
            from = range.from;
        if (!range.to.isEmpty() && (to.isEmpty() || range.to < to))
            to = range.to;
    }
    if (!from.isEmpty() && !to.isEmpty() && from >= to)
        m_cannotMatch = true;
    if (!from.isEmpty())
        m_where += " AND p.published >= " + param(from);
    if (!to.isEmpty())
        m_where += " AND p.published < " + param(to);

    auto addBounds = [this](const QList<NumberFilter> &filters, const char *column) {
        Bounds b;
        for (const NumberFilter &f : filters)
            b.narrow(f);
        if (b.isEmpty())
            m_cannotMatch = true;
        if (b.low && b.high && *b.low == *b.high) {
            m_where += QByteArray(" AND ") + column + " = " + param(*b.low);
            return;
        }
        if (b.low)
            m_where += QByteArray(" AND ") + column + " >= " + param(*b.low);
        if (b.high)
            m_where += QByteArray(" AND ") + column + " <= " + param(*b.high);
    };
    // "+": test it on papers_browse while reading in date order, rather
    // than fetch every paper above a low threshold and sort them.
    addBounds(q.upvotes, "+p.upvotes");
    if (!q.authors.isEmpty()) {
        m_where += " AND p.submitter = 1";
        addBounds(q.authors, "+p.authors");
    }
}

QString SearchSql::ftsExpression(Part part) const
{
    // FTS5 applies a column filter to a whole parenthesised expression:
    // "{title} : (a b)" is a paper with both words in its title.
    const QString titles = QStringLiteral("({title} : (%1))").arg(m_match);
    QString words;
    switch (part) {
    case Part::Every:
        words = m_match;
        break;
    case Part::Titles:
        words = titles;
        break;
    }
    if (m_exclude.isEmpty())
        return words;
    return QStringLiteral("(%1) NOT (%2)").arg(words, m_exclude);
}

bool SearchSql::ranksInParts() const
{
    return m_hasWords && m_request.sort == SortOrder::Relevance;
}

QByteArray SearchSql::spanTests(const Span &span, const char *column, QList<SqlValue> &binds)
{
    QByteArray sql;
    auto test = [&](const char *op, qint64 value) {
        binds << value;
        sql += QByteArray(" AND ") + column + op + '?' + QByteArray::number(binds.size());
    };
    if (span.above)
        test(" > ", *span.above);
    if (span.atMost)
        test(" <= ", *span.atMost);
    return sql;
}

std::optional<SqlStatement> SearchSql::rankProbe(Part part, int cap, Span span) const
{
    if (!ranksInParts())
        return std::nullopt;
    SqlStatement probe{{}, {ftsExpression(part), qint64(cap)}};
    probe.sql = "SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?1" +
                spanTests(span, "rowid", probe.binds) + " ORDER BY rowid DESC LIMIT 1 OFFSET ?2";
    return probe;
}

QByteArray SearchSql::from(bool ranked, const Span &span, QList<SqlValue> &binds) const
{
    QByteArray sql;
    if (!m_hasWords) {
        sql = " FROM papers p";
        if (m_listIndex)
            sql += " INDEXED BY " + QByteArray(m_listIndex);
    } else if (ranked) {
        // Ranked inside FTS5 on its own, then joined: with the join in the
        // same query SQLite computed bm25 the slow way, 190 ms instead of
        // 8 ms for 1,500 matches at 300k papers.
        sql = " FROM (SELECT rowid AS id, rank FROM papers_fts WHERE papers_fts MATCH ?1 AND " +
              QByteArray(relevance::kRankClause) + spanTests(span, "rowid", binds) +
              " ORDER BY rank) f";
        // Without filters the matches' ids are the answer: joining each to
        // its paper row (large, an abstract) would read a page a match.
        if (m_where.isEmpty())
            return sql + " WHERE 1";
        sql += " JOIN papers p ON p.id = f.id";
    } else
        sql = " FROM papers_fts JOIN papers p ON p.id = papers_fts.rowid";
    if (m_request.digestId > 0)
        sql += " JOIN appearances ap ON ap.paper_id = p.id";
    if (m_request.sort == SortOrder::Queue)
        sql += " LEFT JOIN reading_queue rq ON rq.paper_id = p.id";
    sql += " WHERE 1";
    if (m_hasWords && !ranked)
        sql += " AND papers_fts MATCH ?1" + spanTests(span, "papers_fts.rowid", binds);
    return sql + m_where;
}

QByteArray SearchSql::orderBy(bool ranked) const
{
    // Each order is a list of terms; `reverse` flips their directions. Each
    // matches an index read backwards or forwards, so a first page never
    // sorts the whole library. An unknown date or upvote count (NULL) comes
    // last either way: SQLite puts NULLs last when descending, and the
    // reversed (ascending) order says NULLS LAST, which costs a sort of the
    // matches in that rarer order.
    struct Term
    {
        const char *expression;
        bool descending;
        bool mayBeUnknown = false;
    };
    QList<Term> order;
    switch (m_request.sort) {
    case SortOrder::Relevance:
        if (ranked && !m_where.isEmpty())
            // With filters, rank alone, which FTS5 sorts itself: SQLite then
            // reads its matches in that order and joins each to its paper
            // only until the page is full (1M papers: 6,000 joins became 200
            // for a common word with two filters). A tie-breaker would have
            // SQLite join every match and sort them again. Papers that rank
            // alike keep the order FTS5 scored them in, id order.
            order = {{"f.rank", false}};
        else if (ranked)
            // Without, nothing is joined, and SQLite's own sort keeps only
            // the page's rows where FTS5's keeps every match (100k papers,
            // a common word: 8 ms against 11). The same order: the search
            // tests check both on every page.
            order = {{"f.rank", false}, {"f.id", false}};
        else if (m_hasWords)
            // Too many matches to rank while typing: newest papers first,
            // which FTS5 reads straight off its index.
            order = {{"papers_fts.rowid", true}};
        else if (m_request.digestId > 0)
            order = {{"ap.position", false}};
        else
            order = {{"p.last_digest", true}, {"p.id", false}};
        break;
    case SortOrder::Published:
        order = {{"p.published", true, true}, {"p.id", true}};
        break;
    case SortOrder::Upvotes:
        order = {{"p.upvotes", true, true}, {"p.id", true}};
        break;
    case SortOrder::Digest:
        order = {{"p.last_digest", true}, {"p.id", false}};
        break;
    case SortOrder::Title:
        order = {{"p.title COLLATE NOCASE", false}, {"p.id", false}};
        break;
    case SortOrder::RecentlyRead:
        order = {{"p.read_at", true}, {"p.id", true}};
        break;
    case SortOrder::Queue:
        order = {{"rq.position", false, true}, {"rq.paper_id", false}, {"p.id", false}};
        break;
    case SortOrder::ForYou:
        // A paper without a score (no model, or no features yet) comes after
        // the scored ones, by upvotes then digest position like the cold
        // start. Papers already starred or tagged, the models' own examples
        // (which score highest), come after the ones still to look at, and
        // "Not interested" papers last whatever their score.
        order = {
            {"p.dismissed", false},
            {"(p.starred OR EXISTS (SELECT 1 FROM paper_tags pt WHERE pt.paper_id = p.id))", false},
            {"(SELECT score FROM rank_scores WHERE paper_id = p.id)", true, true},
            {"p.upvotes", true, true}};
        if (m_request.digestId > 0)
            order << Term{"ap.position", false};
        else
            order << Term{"p.last_digest", true} << Term{"p.id", false};
        break;
    }
    QByteArray sql = " ORDER BY ";
    for (qsizetype i = 0; i < order.size(); ++i) {
        const Term &term = order.at(i);
        const bool descending = term.descending != m_request.reverse;
        sql += (i ? ", " : "") + QByteArray(term.expression);
        if (descending)
            sql += " DESC";
        else if (term.mayBeUnknown)
            sql += " NULLS LAST";
    }
    return sql;
}

SqlStatement SearchSql::select(bool ranked) const
{
    return select(Part::Every, ranked, m_request.limit, m_request.offset);
}

SqlStatement SearchSql::select(Part part, bool ranked, int limit, int offset) const
{
    return select(part, ranked, limit, offset, Span());
}

SqlStatement SearchSql::select(Part part, bool ranked, int limit, int offset, Span span) const
{
    ranked = ranked && ranksInParts();
    SqlStatement statement{{}, m_binds};
    // A span bounds the text matches only: without words there are none.
    statement.sql = (ranked ? "SELECT f.id" : "SELECT p.id") +
                    from(ranked, m_hasWords ? span : Span(), statement.binds) + orderBy(ranked);
    if (limit >= 0)
        statement.sql += " LIMIT " + QByteArray::number(limit) + " OFFSET " +
                         QByteArray::number(qMax(0, offset));
    if (m_hasWords && part != Part::Every)
        statement.binds[0] = ftsExpression(part);
    return statement;
}

std::optional<SqlStatement> SearchSql::highlightMatches() const
{
    if (!m_hasWords)
        return std::nullopt;
    // One statement: the own-text test is a rowid lookup per highlighted
    // candidate (a few), never a walk of every paper the words match.
    return SqlStatement{
        "SELECT DISTINCT h.paper_id FROM highlights_fts f JOIN highlights h ON h.id = f.rowid "
        "WHERE highlights_fts MATCH ?1 AND NOT EXISTS (SELECT 1 FROM papers_fts WHERE "
        "papers_fts MATCH ?1 AND papers_fts.rowid = h.paper_id) ORDER BY 1",
        {ftsExpression(Part::Every)}};
}

SqlStatement SearchSql::count() const
{
    // The same matches as either shape, without computing bm25 for them.
    SqlStatement statement{{}, m_binds};
    statement.sql = "SELECT count(*)" + from(false, Span(), statement.binds);
    return statement;
}

} // namespace gleaner
