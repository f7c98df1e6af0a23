#include "storage/library.h"

#include "logging.h"
#include "model/dates.h"
#include "model/notelinks.h"
#include "model/titlekey.h"
#include "storage/highlightstore.h"
#include "storage/libraryfile.h"
#include "storage/notehistorystore.h"
#include "storage/paperstore.h"
#include "storage/queuestore.h"
#include "storage/rankstore.h"
#include "storage/rulestore.h"
#include "storage/schema.h"
#include "storage/searchsql.h"
#include "storage/sqlvalues_p.h"
#include "storage/tagstore.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>

#include <algorithm>
#include <functional>
#include <variant>

namespace gleaner {

namespace {

QDate dateColumn(const Statement &st, int column)
{
    return st.isNull(column) ? QDate() : QDate::fromString(st.text(column), Qt::ISODate);
}

// The columns readPaper() expects, in order.
#define PAPER_COLUMNS                                                                              \
    "p.id, p.title, p.abstract, p.submitter, p.authors, p.organisation, p.published, p.upvotes, "  \
    "p.starred, p.read, p.note, p.note_changed, "                                                  \
    "(SELECT count(DISTINCT a.digest_id) FROM appearances a WHERE a.paper_id = p.id), "            \
    "(SELECT a.digest_id FROM appearances a JOIN digests d ON d.id = a.digest_id "                 \
    " WHERE a.paper_id = p.id ORDER BY d.date IS NULL, d.date, d.id LIMIT 1), "                    \
    "p.dismissed, EXISTS (SELECT 1 FROM reading_queue q WHERE q.paper_id = p.id), "                \
    "(SELECT score FROM rank_scores WHERE paper_id = p.id)"

Paper readPaper(const Statement &st)
{
    Paper p;
    p.id = st.int64(0);
    p.title = st.text(1);
    p.abstract = st.text(2);
    switch (st.integer(3)) {
    case 1:
        p.submitter.kind = Submitter::Kind::Authors;
        p.submitter.authors = st.integer(4);
        break;
    case 2:
        p.submitter.kind = Submitter::Kind::Organisation;
        p.submitter.organisation = st.text(5);
        break;
    default:
        break;
    }
    p.published = dateColumn(st, 6);
    p.upvotes = sqlvalues::integerOrNone(st, 7);
    p.starred = st.integer(8) != 0;
    p.read = st.integer(9) != 0;
    p.note = st.text(10);
    if (!st.isNull(11))
        p.noteChanged = QDateTime::fromString(st.text(11), Qt::ISODateWithMs);
    p.digestCount = st.integer(12);
    p.firstDigestId = st.isNull(13) ? 0 : st.int64(13);
    p.dismissed = st.integer(14) != 0;
    p.queued = st.integer(15) != 0;
    if (!st.isNull(16))
        p.forYou = st.real(16);
    return p;
}

} // namespace

QString Library::defaultPath()
{
    const QString fromEnv = qEnvironmentVariable("GLEANER_LIBRARY");
    if (!fromEnv.isEmpty())
        return fromEnv;
    // Shared by the window and gleaner-cli, whatever their application names.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/gleaner/library.sqlite3");
}

bool Library::open(const QString &path, Database::OpenMode mode)
{
    close();
    m_error.clear();
    const bool readOnly = mode == Database::OpenMode::ReadOnly;
    LibraryFile file(path);
    if (!(readOnly ? file.checkReadable() : file.checkWritable())) {
        m_error = file.errorString();
        return false;
    }
    if (!m_db.open(path, mode)) {
        m_error = tr("Could not open the library %1: %2. The file was not changed.")
                      .arg(path, m_db.errorString());
        return false;
    }
    useEverydaySettings(m_db);
    if (readOnly) {
        if (!file.checkFormat(m_db)) {
            m_error = file.errorString();
            m_db.close();
            return false;
        }
        return true;
    }
    Schema schema(m_db);
    schema.setUpgradeNotice(m_upgradeNotice);
    if (!schema.migrate()) {
        m_error = tr("Could not open the library %1: %2").arg(path, schema.errorString());
        m_db.close();
        return false;
    }
    return true;
}

void Library::close()
{
    m_db.close();
    m_rankVocabulary.reset();
    m_rankVocabularyStamp.clear();
}

const Vocabulary *Library::rankVocabulary()
{
    RankStore store(m_db);
    const std::optional<QString> stamp = store.builtStamp();
    if (!stamp) {
        m_error = store.errorString();
        return nullptr;
    }
    if (!m_rankVocabulary || *stamp != m_rankVocabularyStamp) {
        std::optional<Vocabulary> vocabulary = store.vocabulary();
        if (!vocabulary) {
            m_error = store.errorString();
            return nullptr;
        }
        m_rankVocabulary = std::make_unique<Vocabulary>(std::move(*vocabulary));
        m_rankVocabularyStamp = *stamp;
    }
    return m_rankVocabulary.get();
}

bool Library::fail(const QString &what)
{
    m_error = tr("%1: %2").arg(what, m_db.errorString());
    qCDebug(lcDatabase) << m_error;
    return false;
}

void Library::useEverydaySettings(Database &db)
{
    // A page cache large enough for an import's index inserts (FTS, key and
    // sort indexes) to stay in memory; SQLite's default of 2 MiB makes them
    // go back to the file for every other page.
    //
    // Reads straight from the file's pages in the system's cache instead of
    // copying each into SQLite's: a search that ranks thousands of matches
    // touches thousands of index and size pages, and costs a third less CPU
    // mapped (benchmark: common and two-word queries at 100k papers). SQLite
    // caps the map at 2 GiB and reads the rest of a larger file as before.
    // The cost: an I/O error under a mapped page (a disk going away) ends
    // the process instead of failing the statement; writes, which such a
    // failure could lose, never go through the map.
    (void)db.exec("PRAGMA cache_size=-32768; PRAGMA temp_store=MEMORY; "
                  "PRAGMA mmap_size=2147418112");
}

std::optional<Paper> Library::paper(qint64 id)
{
    QList<Paper> list = papers({id}, true);
    if (list.isEmpty())
        return std::nullopt;
    return list.takeFirst();
}

QList<Paper> Library::papers(const QList<qint64> &ids, bool withAppearances)
{
    QList<Paper> result;
    result.reserve(ids.size());
    for (const qint64 id : ids) {
        auto st = m_db.cached("SELECT " PAPER_COLUMNS " FROM papers p WHERE p.id = ?1");
        st.bind(1, std::int64_t(id));
        if (st.next())
            result.append(readPaper(st));
    }
    for (Paper &p : result)
        p.tags = m_tags.tagsOf(p.id);
    if (withAppearances) {
        HighlightStore highlights(m_db);
        for (Paper &p : result) {
            loadAppearances(p);
            p.highlights = highlights.ofPaper(p.id).value_or(QList<Highlight>());
        }
    }
    return result;
}

void Library::loadAppearances(Paper &paper)
{
    auto st = m_db.cached("SELECT d.id, d.date, d.source, a.position, a.upvotes, d.certainty "
                          "FROM appearances a "
                          "JOIN digests d ON d.id = a.digest_id WHERE a.paper_id = ?1 "
                          "ORDER BY d.date IS NULL, d.date, d.id");
    st.bind(1, std::int64_t(paper.id));
    while (st.next()) {
        Appearance a;
        a.digestId = st.int64(0);
        (DateCertainty(st.integer(5)) == DateCertainty::Undated ? a.fileDate : a.digestDate) =
            dateColumn(st, 1);
        a.source = st.text(2);
        a.position = st.integer(3);
        a.upvotes = sqlvalues::integerOrNone(st, 4);
        paper.appearances.append(a);
    }
}

int Library::paperCount()
{
    auto st = m_db.cached("SELECT count(*) FROM papers");
    return st.next() ? st.integer(0) : 0;
}

QStringList Library::tagsOf(qint64 id)
{
    return m_tags.tagsOf(id);
}

std::optional<SearchResult> Library::search(const QString &query, SortOrder sort, int limit)
{
    SearchRequest request;
    request.query = query;
    request.sort = sort;
    request.limit = limit;
    return search(request);
}

using sqlvalues::prepared;

namespace {

// Steps through a select's ids while `take` wants more.
bool readIds(Database &db, const SqlStatement &select, const std::function<bool(qint64)> &take)
{
    Statement st = prepared(db, select);
    while (st.next()) {
        if (!take(st.int64(0)))
            return true;
    }
    return st.ok();
}

} // namespace

bool Library::searchInParts(const SearchSql &sql, const SearchRequest &request,
                            SearchResult &result)
{
    using Part = SearchSql::Part;
    using Span = SearchSql::Span;
    // bm25 costs a few microseconds a match, and ranking sorts every match
    // of a part: a part ranks up to `cap` matches, a probe's walk of that
    // many index entries telling whether it has more. While the user types,
    // the list must follow each key: a third of the cap, and a larger part
    // comes newest first, read straight off the index.
    const bool typing = request.prefixLastWord;
    const int cap = typing ? m_maxRankedMatches / 3 : m_maxRankedMatches;
    result.rankedNewest = typing ? 0 : cap;
    // nullopt: the part ranks whole; else the newest match it does not rank.
    using Boundary = std::optional<qint64>;
    auto probe = [&](Part part, int matches, Boundary &boundary, Span within = {}) {
        Statement st = prepared(m_db, *sql.rankProbe(part, matches, within));
        boundary = st.next() ? Boundary(st.int64(0)) : std::nullopt;
        return st.ok();
    };
    // Row ids at or below this are older than the newest m_rankedSpan
    // papers; none in a library within the span.
    std::optional<qint64> spanStart;
    {
        auto newest = m_db.cached("SELECT max(id) FROM papers");
        if (!newest.next())
            return false;
        if (newest.int64(0) > m_rankedSpan)
            spanStart = newest.int64(0) - m_rankedSpan;
    }
    // Past the span, only the newest papers' title matches come first: a
    // walk of every title match would cross the whole index for two common
    // words that rarely share a title (two words at a million papers: the
    // probe alone took 6 ms warm and tens cold). Older title matches are
    // among the others, where bm25 weighs their titles as ever.
    const Span titlesWithin = spanStart ? Span{spanStart, {}} : Span();
    if (spanStart)
        result.titlesSpan = m_rankedSpan;
    auto boundaryOf = [&](Part part, Boundary &boundary) {
        if (!spanStart)
            return probe(part, cap, boundary);
        if (part == Part::Titles)
            return probe(part, cap, boundary, titlesWithin);
        // Past the span: the newest third of the cap at least, the matches
        // within the span if there are more, the cap at most.
        Boundary fewest;
        if (!probe(part, cap / 3, fewest))
            return false;
        if (!fewest) {
            boundary = std::nullopt;
            return true;
        }
        // The newest third reach past the span: they are what ranks (a
        // sparse phrase's walk to the cap would cross most of the library).
        if (*fewest < *spanStart) {
            boundary = fewest;
            if (!typing)
                result.rankedNewest = qMin(result.rankedNewest, cap / 3);
            return true;
        }
        Boundary most;
        if (!probe(part, cap, most))
            return false;
        boundary = most ? std::max(*most, *spanStart) : *spanStart;
        if (*boundary == *spanStart && !typing)
            result.rankedSpan = m_rankedSpan;
        return true;
    };
    // A part in its order, up to `limit` ids (-1: all): its ranked matches,
    // then the older ones. The limit lets SQLite keep only the top of the
    // ranked matches as it joins them to their papers, not sort them all.
    auto readPart = [&](Part expression, const Boundary &boundary, int limit,
                        const std::function<bool(qint64)> &take) {
        const Span within = expression == Part::Titles ? titlesWithin : Span();
        if (!boundary || typing)
            return readIds(m_db, sql.select(expression, !boundary, limit, 0, within), take);
        bool more = true;
        const auto counted = [&](qint64 id) { return more = take(id); };
        return readIds(m_db, sql.select(expression, true, limit, 0, {boundary, within.atMost}),
                       counted) &&
               (!more ||
                readIds(m_db, sql.select(expression, false, limit, 0, {within.above, boundary}),
                        take));
    };

    // The title matches' probe first: when they fill the page (a common
    // word), the other matches' probe is never needed.
    Boundary titlesBoundary;
    if (!boundaryOf(Part::Titles, titlesBoundary))
        return false;

    // The title matches up to the end of the page; when they run out before
    // it, the page goes on with the other matches.
    const int offset = qMax(0, request.offset);
    const int end = request.limit < 0 ? -1 : offset + request.limit;
    QList<qint64> titles;
    if (end != 0 && !readPart(Part::Titles, titlesBoundary, end, [&](qint64 id) {
            titles.append(id);
            return end < 0 || titles.size() < end;
        }))
        return false;
    result.ids = titles.mid(qMin(qsizetype(offset), titles.size()));
    result.ranking = titlesBoundary ? Ranking::TitlesNewestOnly : Ranking::Relevance;
    if (end >= 0 && titles.size() >= end)
        return true;
    // Every title match (past the span, every one among its papers) is in
    // `titles` now. The others are every match but those, read with the
    // plain expression and skipped here: FTS5 ranks
    // "words NOT {title}: words" three times slower than the words alone.
    // Past the cap, the newest of every match rank, the others among them.
    const QSet<qint64> inTitles(titles.cbegin(), titles.cend());
    int skip = qMax(0, offset - int(titles.size()));
    const int wanted = end < 0 ? -1 : request.limit - int(result.ids.size());
    if (wanted == 0)
        return true;
    Boundary every;
    if (!boundaryOf(Part::Every, every))
        return false;
    int added = 0;
    // Enough rows for the page even if every title match comes among them.
    const int limit = wanted < 0 ? -1 : skip + wanted + int(titles.size());
    if (!readPart(Part::Every, every, limit, [&](qint64 id) {
            if (inTitles.contains(id))
                return true;
            if (skip > 0)
                return --skip, true;
            result.ids.append(id);
            return wanted < 0 || ++added < wanted;
        }))
        return false;
    if (every && result.ranking == Ranking::Relevance)
        result.ranking = Ranking::OthersNewestOnly;
    return true;
}

std::optional<SearchResult> Library::search(const SearchRequest &request)
{
    const ParsedQuery q = parseQuery(request.query, request.prefixLastWord);
    const SearchSql sql(q, request);
    SearchResult result;
    result.highlightTerms = q.highlightTerms;
    result.notice = q.notice;
    if (request.sort == SortOrder::ForYou) {
        // Without a model every score is missing and the order is the
        // fallback's alone: upvotes, then the digest's own order.
        Statement models = m_db.prepare("SELECT EXISTS(SELECT 1 FROM rank_models)");
        if (models.next() && models.integer(0) == 0) {
            result.personal = false;
            const QString hint = RankStore(m_db).hasTrainableLabels().value_or(false)
                                     ? forYouUntrainedNotice()
                                     : forYouColdStartNotice();
            result.notice = result.notice.isEmpty() ? hint : result.notice + u' ' + hint;
        }
    }
    auto failed = [this]() -> std::optional<SearchResult> {
        m_error = tr("Could not search the library: %1").arg(m_db.errorString());
        qCDebug(lcDatabase) << m_error;
        return std::nullopt;
    };

    // A filter naming what the library lacks matches nothing: answered from
    // small indexes, without reading the full-text index.
    if (sql.cannotMatch())
        return result;
    for (const SqlStatement &probe : sql.absenceProbes()) {
        Statement st = prepared(m_db, probe);
        if (st.next())
            return result;
        if (!st.ok())
            return failed();
    }

    const int offset = qMax(0, request.offset);
    if (!sql.ranksInParts()) {
        const auto take = [&](qint64 id) { return result.ids.append(id), true; };
        if (!readIds(m_db, sql.select(SearchSql::Part::Every, false, request.limit, offset), take))
            return failed();
    } else if (!searchInParts(sql, request, result)) {
        return failed();
    }
    result.total = int(result.ids.size()) + offset;
    const bool partial = request.limit >= 0 && result.ids.size() == request.limit;
    if (request.countTotal && (partial || request.offset > 0)) {
        Statement count = prepared(m_db, sql.count());
        if (!count.next())
            return failed();
        result.total = count.integer(0);
    }
    if (!addHighlightMatches(q, sql, request, result))
        return failed();
    return result;
}

// The papers whose highlights' passages or comments match the words when
// their own text does not (a word only a comment has) come after every
// other match, in the order asked for. Highlights are few: the probe reads
// a small index, and when it finds nothing (the usual case) the search is
// as it was.
bool Library::addHighlightMatches(const ParsedQuery &q, const SearchSql &sql,
                                  const SearchRequest &request, SearchResult &result)
{
    const std::optional<SqlStatement> probe = sql.highlightMatches();
    if (!probe)
        return true;
    QList<qint64> extra;
    if (!readIds(m_db, *probe, [&](qint64 id) {
            if (!request.onlyIds || request.onlyIds->contains(id))
                extra.append(id);
            return true;
        }))
        return false;
    if (extra.isEmpty())
        return true;

    // The filters on those papers alone; the words' exclusions still apply
    // to the papers' own text.
    ParsedQuery filters = q;
    filters.match.clear();
    SearchRequest only = request;
    only.onlyIds = extra;
    only.limit = -1;
    only.offset = 0;
    const SearchSql extraSql(filters, only);
    QList<qint64> found;
    if (!extraSql.cannotMatch() &&
        !readIds(m_db, extraSql.select(false), [&](qint64 id) { return found.append(id), true; }))
        return false;
    if (found.isEmpty())
        return true;

    // How many papers match by their own text: known already unless the
    // page was full and not counted (then these come on a later page, and
    // the total stays the lower bound it was) or began past them all.
    const int offset = qMax(0, request.offset);
    const bool full = request.limit >= 0 && result.ids.size() == request.limit;
    const bool counted = request.countTotal && (full || offset > 0);
    int others = 0;
    if (counted || (!full && offset == 0)) {
        others = result.total;
    } else if (full) {
        return true;
    } else {
        Statement count = prepared(m_db, sql.count());
        if (!count.next())
            return false;
        others = count.integer(0);
    }
    const int from = qMax(0, offset - others);
    const int room = request.limit < 0 ? -1 : request.limit - int(result.ids.size());
    if (room != 0)
        result.ids += found.mid(qMin(qsizetype(from), found.size()), room);
    result.total = others + int(found.size());
    return true;
}

namespace {

// The columns readDigest() expects, in order, then the unread and triaged counts.
#define DIGEST_COLUMNS "d.id, d.date, d.certainty, d.layout, d.source, d.entries, d.imported"

// The papers the reader has dealt with (read, starred, dismissed or
// tagged), from the small partial indexes and the tag table: a set SQLite
// builds once per statement.
#define TRIAGED_PAPERS                                                                             \
    "(SELECT id FROM papers INDEXED BY papers_read WHERE read UNION SELECT id FROM papers "        \
    "INDEXED BY papers_starred WHERE starred UNION SELECT id FROM papers "                         \
    "INDEXED BY papers_dismissed WHERE dismissed UNION SELECT paper_id FROM paper_tags)"

DigestInfo readDigest(const Statement &st)
{
    DigestInfo d;
    d.id = st.int64(0);
    d.date = dateColumn(st, 1);
    d.certainty = DateCertainty(st.integer(2));
    d.layout = DigestLayout(st.integer(3));
    d.source = st.text(4);
    d.entries = st.integer(5);
    d.imported = QDateTime::fromString(st.text(6), Qt::ISODateWithMs);
    d.unread = st.integer(7);
    d.triaged = st.integer(8);
    return d;
}

} // namespace

QList<qint64> Library::sampleDigests()
{
    QList<qint64> ids;
    auto st = m_db.cached("SELECT id, source FROM digests ORDER BY id");
    while (st.next()) {
        if (isSampleSource(st.text(1)))
            ids << st.int64(0);
    }
    return ids;
}

QList<DigestInfo> Library::digests()
{
    // Unread = appearances - appearances of read papers, each counted in one
    // grouped pass: the first over the narrow appearances table in its key
    // order, the second driven from the read papers' partial index. Counting
    // unread papers directly reads every paper's row, abstract and all, and
    // that per digest: ~140 ms at 100k papers, after every star or read mark.
    QList<DigestInfo> list;
    Statement st = m_db.prepare(
        "SELECT " DIGEST_COLUMNS ", coalesce(n.appearances, 0) - coalesce(r.appearances, 0), "
        "coalesce(t.appearances, 0) "
        "FROM digests d "
        "LEFT JOIN (SELECT digest_id, count(*) AS appearances FROM appearances "
        "           GROUP BY digest_id) n ON n.digest_id = d.id "
        "LEFT JOIN (SELECT a.digest_id, count(*) AS appearances "
        "           FROM papers p INDEXED BY papers_read JOIN appearances a ON a.paper_id = p.id "
        "           WHERE p.read GROUP BY a.digest_id) r ON r.digest_id = d.id "
        "LEFT JOIN (SELECT digest_id, count(*) AS appearances FROM appearances "
        "           WHERE paper_id IN " TRIAGED_PAPERS " GROUP BY digest_id) t "
        "           ON t.digest_id = d.id "
        "ORDER BY d.date IS NULL, d.date DESC, d.id DESC");
    while (st.next())
        list.append(readDigest(st));
    return list;
}

std::optional<DigestInfo> Library::digest(qint64 id)
{
    auto st = m_db.cached("SELECT " DIGEST_COLUMNS ", (SELECT count(*) FROM appearances a "
                          "JOIN papers p ON p.id = a.paper_id WHERE a.digest_id = d.id "
                          "AND NOT p.read), (SELECT count(*) FROM appearances a JOIN papers p "
                          "ON p.id = a.paper_id WHERE a.digest_id = d.id AND (p.read OR "
                          "p.starred OR p.dismissed OR EXISTS (SELECT 1 FROM paper_tags t WHERE "
                          "t.paper_id = "
                          "p.id))) FROM digests d WHERE d.id = ?1");
    st.bind(1, std::int64_t(id));
    if (!st.next())
        return std::nullopt;
    return readDigest(st);
}

std::optional<QList<qint64>> Library::digestPapers(qint64 id)
{
    if (!digest(id)) {
        m_error = tr("There is no digest %1.").arg(id);
        return std::nullopt;
    }
    auto st =
        m_db.cached("SELECT paper_id FROM appearances WHERE digest_id = ?1 ORDER BY position");
    st.bind(1, std::int64_t(id));
    QList<qint64> ids;
    while (st.next())
        ids << st.int64(0);
    return ids;
}

bool Library::setDigestDate(qint64 id, const QDate &date)
{
    Transaction tx(m_db);
    Statement set = m_db.prepare("UPDATE digests SET date = ?2, certainty = ?3 WHERE id = ?1");
    set.bind(1, std::int64_t(id)).bind(2, sqlvalues::date(date)).bind(3, int(DateCertainty::User));
    if (!set.run())
        return fail(tr("Could not change the digest's date"));
    if (m_db.changes() == 0) {
        m_error = tr("There is no digest %1.").arg(id);
        return false;
    }
    Statement recompute = m_db.prepare(
        "UPDATE papers SET last_digest = (SELECT max(d.date) FROM appearances a JOIN digests d "
        "ON d.id = a.digest_id WHERE a.paper_id = papers.id) "
        "WHERE id IN (SELECT paper_id FROM appearances WHERE digest_id = ?1)");
    recompute.bind(1, std::int64_t(id));
    if (!recompute.run() || !tx.commit())
        return fail(tr("Could not change the digest's date"));
    return true;
}

std::optional<int> Library::removeDigest(qint64 id)
{
    return removeDigests({id});
}

std::optional<int> Library::removeDigests(const QList<qint64> &ids)
{
    const auto failed = [this]() -> std::optional<int> {
        fail(tr("Could not remove the digest"));
        return std::nullopt;
    };
    Transaction tx(m_db);
    Statement exists = m_db.prepare("SELECT 1 FROM digests WHERE id = ?1");
    for (const qint64 id : ids) {
        exists.reset();
        exists.bind(1, std::int64_t(id));
        if (!exists.next()) {
            m_error = tr("There is no digest %1.").arg(id);
            return std::nullopt;
        }
    }
    // Remember the digests' papers before the cascade forgets them.
    if (!m_db.exec("CREATE TEMP TABLE IF NOT EXISTS removed_papers(id INTEGER PRIMARY KEY); "
                   "DELETE FROM removed_papers"))
        return failed();
    Statement collect = m_db.prepare("INSERT OR IGNORE INTO removed_papers SELECT paper_id FROM "
                                     "appearances WHERE digest_id = ?1");
    Statement drop = m_db.prepare("DELETE FROM digests WHERE id = ?1");
    for (const qint64 id : ids) {
        collect.reset();
        drop.reset();
        collect.bind(1, std::int64_t(id));
        drop.bind(1, std::int64_t(id));
        if (!collect.run() || !drop.run())
            return failed();
    }
    Statement orphans =
        m_db.prepare("DELETE FROM papers WHERE id IN (SELECT id FROM removed_papers) "
                     "AND NOT starred AND NOT read AND NOT dismissed AND note IS NULL "
                     "AND NOT EXISTS (SELECT 1 FROM highlights h WHERE h.paper_id = papers.id) "
                     "AND NOT EXISTS (SELECT 1 FROM appearances a WHERE a.paper_id = papers.id) "
                     "AND NOT EXISTS (SELECT 1 FROM note_versions v WHERE v.paper_id = papers.id) "
                     "AND NOT EXISTS (SELECT 1 FROM paper_tags pt WHERE pt.paper_id = papers.id) "
                     "AND NOT EXISTS (SELECT 1 FROM reading_queue q WHERE q.paper_id = papers.id)");
    if (!orphans.run())
        return failed();
    const int removed = m_db.changes();
    Statement recompute = m_db.prepare(
        "UPDATE papers SET last_digest = (SELECT max(d.date) FROM appearances a JOIN digests d "
        "ON d.id = a.digest_id WHERE a.paper_id = papers.id) "
        "WHERE id IN (SELECT id FROM removed_papers)");
    if (!recompute.run() || !m_db.exec("DELETE FROM removed_papers") || !tx.commit())
        return failed();
    return removed;
}

bool Library::setStarred(const QList<qint64> &ids, bool starred)
{
    Transaction tx(m_db);
    for (const qint64 id : ids) {
        auto st = m_db.cached("UPDATE papers SET starred = ?2 WHERE id = ?1");
        if (!st.bind(1, std::int64_t(id)).bind(2, starred).run())
            return fail(tr("Could not change the star"));
    }
    return tx.commit() || fail(tr("Could not change the star"));
}

bool Library::setDismissed(const QList<qint64> &ids, bool dismissed)
{
    Transaction tx(m_db);
    const QString now = nowIso();
    for (const qint64 id : ids) {
        auto st = m_db.cached("UPDATE papers SET dismissed = ?2, dismissed_at = CASE WHEN ?2 THEN "
                              "coalesce(dismissed_at, ?3) END WHERE id = ?1");
        if (!st.bind(1, std::int64_t(id)).bind(2, dismissed).bind(3, now).run())
            return fail(tr("Could not change \u201cNot interested\u201d"));
    }
    return tx.commit() || fail(tr("Could not change \u201cNot interested\u201d"));
}

bool Library::setRead(const QList<qint64> &ids, bool read)
{
    Transaction tx(m_db);
    const QString now = nowIso();
    for (const qint64 id : ids) {
        auto st = m_db.cached(
            "UPDATE papers SET read = ?2, read_at = CASE WHEN ?2 THEN coalesce(read_at, ?3) END "
            "WHERE id = ?1");
        if (!st.bind(1, std::int64_t(id)).bind(2, read).bind(3, now).run())
            return fail(tr("Could not change the read state"));
    }
    return tx.commit() || fail(tr("Could not change the read state"));
}

std::optional<qint64> Library::resolveNoteLink(const QString &words, int *others)
{
    if (others)
        *others = 0;
    const QString key = titleKey(words);
    if (!key.isEmpty()) {
        PaperStore store(m_db);
        if (const auto known = store.findByKey(key); known && known->id > 0)
            return known->id;
    }
    const QStringList tokens = noteLinkWords(words);
    if (tokens.isEmpty())
        return std::nullopt;
    // The words as a phrase in a title, else each of them in a title, as the
    // query language writes it; a word is letters and digits only, so none
    // reads as a filter or operator.
    QStringList terms;
    for (const QString &t : tokens)
        terms << QStringLiteral("title:") + t;
    const QStringList queries = {QStringLiteral("title:\"") + tokens.join(u' ') + u'"',
                                 terms.join(u' ')};
    for (const QString &query : queries) {
        SearchRequest request;
        request.query = query;
        request.limit = 1;
        request.countTotal = false;
        const std::optional<SearchResult> result = search(request);
        if (result && !result->ids.isEmpty()) {
            if (others) {
                // Counted up to a bound: the reader resolves links as it
                // shows a note, and a common word's titles are thousands.
                auto count = m_db.cached("SELECT count(*) FROM (SELECT 1 FROM papers_fts WHERE "
                                         "papers_fts MATCH ?1 LIMIT ?2)");
                count.bind(1, parseQuery(query, false).match).bind(2, kNoteLinkOthersCounted + 1);
                *others = count.next() ? qMax(0, count.integer(0) - 1) : 0;
            }
            return result->ids.first();
        }
    }
    return std::nullopt;
}

QList<qint64> Library::noteLinkTargets(qint64 id, QList<NoteLinkGuess> *guesses)
{
    auto st = m_db.cached("SELECT note FROM papers WHERE id = ?1 AND note IS NOT NULL");
    st.bind(1, std::int64_t(id));
    if (!st.next())
        return {};
    const QString note = st.text(0);
    QList<qint64> targets;
    QHash<QString, std::optional<qint64>> resolved;
    for (const NoteLink &link : noteLinks(note)) {
        if (!resolved.contains(link.words)) {
            int others = 0;
            const std::optional<qint64> target =
                resolveNoteLink(link.words, guesses ? &others : nullptr);
            resolved.insert(link.words, target);
            if (guesses && target && others > 0)
                guesses->append({link.words, *target, others});
        }
        const std::optional<qint64> target = resolved.value(link.words);
        if (target && !targets.contains(*target))
            targets << *target;
    }
    return targets;
}

QHash<QString, Paper> Library::linkedPapers(const QList<Paper> &papers)
{
    QHash<QString, Paper> linked;
    QSet<QString> unresolved;
    for (const Paper &p : papers) {
        for (const NoteLink &link : noteLinks(p.note)) {
            if (linked.contains(link.words) || unresolved.contains(link.words))
                continue;
            const std::optional<qint64> target = resolveNoteLink(link.words);
            const QList<Paper> rows = target ? this->papers({*target}) : QList<Paper>();
            if (rows.isEmpty())
                unresolved.insert(link.words);
            else
                linked.insert(link.words, rows.first());
        }
    }
    return linked;
}

QList<qint64> Library::linkedFrom(qint64 id)
{
    auto title = m_db.cached("SELECT title FROM papers WHERE id = ?1");
    title.bind(1, std::int64_t(id));
    if (!title.next())
        return {};
    const QString targetTitle = title.text(0);
    const QString targetKey = titleKey(targetTitle);
    const QStringList titleWordList = noteLinkWords(targetTitle);
    const QSet<QString> titleWords(titleWordList.cbegin(), titleWordList.cend());

    // Candidates first, resolved after the statement is done with.
    QList<std::pair<qint64, QStringList>> candidates;
    auto notes = m_db.cached("SELECT id, note FROM papers WHERE note IS NOT NULL "
                             "AND instr(note, '[[') > 0 AND id <> ?1 ORDER BY id");
    notes.bind(1, std::int64_t(id));
    while (notes.next()) {
        QStringList words;
        for (const NoteLink &link : noteLinks(notes.text(1))) {
            const QStringList tokens = noteLinkWords(link.words);
            const bool inTitle = !tokens.isEmpty() &&
                                 std::all_of(tokens.cbegin(), tokens.cend(), [&](const QString &t) {
                                     return titleWords.contains(t);
                                 });
            if (inTitle || titleKey(link.words) == targetKey)
                words << link.words;
        }
        if (!words.isEmpty())
            candidates.append({notes.int64(0), words});
    }
    QList<qint64> from;
    QHash<QString, std::optional<qint64>> resolved;
    for (const auto &[noteId, words] : candidates) {
        for (const QString &w : words) {
            if (!resolved.contains(w))
                resolved.insert(w, resolveNoteLink(w));
            if (resolved.value(w) == id) {
                from << noteId;
                break;
            }
        }
    }
    return from;
}

bool Library::setNote(qint64 id, const QString &text)
{
    const bool clear = text.trimmed().isEmpty();
    Transaction tx(m_db);
    auto current = m_db.cached("SELECT note, note_changed FROM papers WHERE id = ?1");
    current.bind(1, std::int64_t(id));
    if (!current.next())
        return current.ok() || fail(tr("Could not save the note"));
    const QString before = sqlvalues::textOrEmpty(*current, 0);
    const QString beforeSaved = sqlvalues::textOrEmpty(*current, 1);
    current->reset();
    const QString after = clear ? QString() : text;
    if (before == after)
        return true;
    const QDateTime when = now();
    NoteHistoryStore history(m_db);
    if (!history.keep(id, before, beforeSaved, after, when))
        return fail(tr("Could not keep the note's earlier version"));
    auto st = m_db.cached("UPDATE papers SET note = ?2, note_changed = ?3 WHERE id = ?1");
    st.bind(1, std::int64_t(id));
    st.bind(2, sqlvalues::textOrNull(after));
    st.bind(3, clear ? std::nullopt : std::optional(isoDateTime(when)));
    return (st.run() && tx.commit()) || fail(tr("Could not save the note"));
}

std::optional<NoteHistory> Library::noteHistory(qint64 id)
{
    auto exists = m_db.cached("SELECT 1 FROM papers WHERE id = ?1");
    exists.bind(1, std::int64_t(id));
    if (!exists.next()) {
        if (exists.ok())
            m_error = tr("There is no paper %1.").arg(id);
        else
            fail(tr("Could not read the note's history"));
        return std::nullopt;
    }
    exists->reset();
    NoteHistoryStore store(m_db);
    std::optional<NoteHistory> list = store.history(id);
    if (!list)
        fail(tr("Could not read the note's history"));
    return list;
}

bool Library::restoreNoteVersion(qint64 id, int number)
{
    Transaction tx(m_db);
    const std::optional<NoteHistory> versions = noteHistory(id);
    if (!versions)
        return false;
    if (number < 1 || number > versions->size()) {
        m_error = versions->isEmpty()
                      ? tr("The note of paper %1 has no earlier versions.").arg(id)
                      : tr("The note of paper %1 has versions 1 to %2; there is no version %3.")
                            .arg(id)
                            .arg(versions->size())
                            .arg(number);
        return false;
    }
    const QString restored = versions->at(number - 1).text;
    auto current = m_db.cached("SELECT note, note_changed FROM papers WHERE id = ?1");
    current.bind(1, std::int64_t(id));
    if (!current.next())
        return fail(tr("Could not restore the note"));
    const QString before = sqlvalues::textOrEmpty(*current, 0);
    const QString beforeSaved = sqlvalues::textOrEmpty(*current, 1);
    current->reset();
    if (before == restored)
        return true;
    const QDateTime when = now();
    NoteHistoryStore history(m_db);
    if (!history.keepNow(id, before, beforeSaved, restored, when))
        return fail(tr("Could not keep the note's current text"));
    auto st = m_db.cached("UPDATE papers SET note = ?2, note_changed = ?3 WHERE id = ?1");
    st.bind(1, std::int64_t(id)).bind(2, restored).bind(3, isoDateTime(when));
    return (st.run() && tx.commit()) || fail(tr("Could not restore the note"));
}

QString Library::forYouColdStartNotice()
{
    return tr("\u201c"
              "For you\u201d has nothing to learn from yet, so papers come by upvotes, then "
              "in digest order: star or tag three papers on a subject and it will rank by "
              "them.");
}

QString Library::forYouUntrainedNotice()
{
    return tr("\u201c"
              "For you\u201d has not learnt from your stars and tags yet, so papers come by "
              "upvotes, then in digest order. The window trains it in the background; from a "
              "shell, run gleaner-cli rank train.");
}

QString Library::cleanTagName(const QString &name)
{
    return TagStore::cleanName(name);
}

bool Library::addTags(const QList<qint64> &ids, const QStringList &tags)
{
    Transaction tx(m_db);
    if (!m_tags.addTags(ids, tags)) {
        m_error = m_tags.errorString();
        return false;
    }
    return tx.commit() || fail(tr("Could not tag the paper"));
}

bool Library::removeTags(const QList<qint64> &ids, const QStringList &tags)
{
    Transaction tx(m_db);
    for (const QString &raw : tags) {
        const auto tag = m_tags.tagId(cleanTagName(raw), false);
        if (!tag)
            continue;
        for (const qint64 id : ids) {
            auto st = m_db.cached("DELETE FROM paper_tags WHERE paper_id = ?1 AND tag_id = ?2");
            if (!st.bind(1, std::int64_t(id)).bind(2, std::int64_t(*tag)).run())
                return fail(tr("Could not remove the tag"));
        }
    }
    // A tag lives while some paper has it.
    if (!m_db.exec("DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM paper_tags)"))
        return fail(tr("Could not remove the tag"));
    return tx.commit() || fail(tr("Could not remove the tag"));
}

bool Library::renameTag(const QString &from, const QString &to)
{
    const QString target = cleanTagName(to);
    if (target.isEmpty()) {
        m_error = tr("A tag needs a name.");
        return false;
    }
    const auto source = m_tags.tagId(cleanTagName(from), false);
    if (!source) {
        m_error = tr("There is no tag \u201c%1\u201d.").arg(from);
        return false;
    }
    const auto existing = m_tags.tagId(target, false);
    if (existing && *existing != *source)
        return mergeTags(from, target);
    Statement st = m_db.prepare("UPDATE tags SET name = ?2 WHERE id = ?1");
    return st.bind(1, std::int64_t(*source)).bind(2, target).run() ||
           fail(tr("Could not rename the tag"));
}

bool Library::mergeTags(const QString &from, const QString &into)
{
    Transaction tx(m_db);
    const auto source = m_tags.tagId(cleanTagName(from), false);
    if (!source) {
        m_error = tr("There is no tag \u201c%1\u201d.").arg(from);
        return false;
    }
    const auto target = m_tags.tagId(cleanTagName(into), true);
    if (!target)
        return fail(tr("Could not merge the tags"));
    if (*target == *source)
        return true;
    Statement move = m_db.prepare("INSERT OR IGNORE INTO paper_tags(paper_id, tag_id) "
                                  "SELECT paper_id, ?2 FROM paper_tags WHERE tag_id = ?1");
    Statement drop = m_db.prepare("DELETE FROM tags WHERE id = ?1");
    if (!move.bind(1, std::int64_t(*source)).bind(2, std::int64_t(*target)).run() ||
        !drop.bind(1, std::int64_t(*source)).run() || !tx.commit())
        return fail(tr("Could not merge the tags"));
    return true;
}

bool Library::deleteTag(const QString &name)
{
    Statement st = m_db.prepare("DELETE FROM tags WHERE name = ?1");
    if (!st.bind(1, cleanTagName(name)).run())
        return fail(tr("Could not delete the tag"));
    if (m_db.changes() == 0) {
        m_error = tr("There is no tag \u201c%1\u201d.").arg(name);
        return false;
    }
    return true;
}

QList<TagCount> Library::tagCounts()
{
    QList<TagCount> list;
    Statement st = m_db.prepare("SELECT t.name, count(pt.paper_id) FROM tags t LEFT JOIN "
                                "paper_tags pt ON pt.tag_id = t.id GROUP BY t.id "
                                "ORDER BY t.name COLLATE NOCASE");
    while (st.next())
        list.append({st.text(0), st.integer(1)});
    return list;
}

QList<SavedSearch> Library::savedSearches()
{
    QList<SavedSearch> list;
    Statement st =
        m_db.prepare("SELECT id, name, query FROM saved_searches ORDER BY name COLLATE NOCASE");
    while (st.next())
        list.append({st.int64(0), st.text(1), st.text(2)});
    return list;
}

bool Library::saveSearch(const QString &name, const QString &query)
{
    const QString clean = name.simplified();
    if (clean.isEmpty()) {
        m_error = tr("A saved search needs a name.");
        return false;
    }
    Statement st = m_db.prepare("INSERT INTO saved_searches(name, query) VALUES (?1, ?2) "
                                "ON CONFLICT(name) DO UPDATE SET query = excluded.query");
    return st.bind(1, clean).bind(2, query).run() || fail(tr("Could not save the search"));
}

bool Library::renameSavedSearch(qint64 id, const QString &name)
{
    const QString clean = name.simplified();
    if (clean.isEmpty()) {
        m_error = tr("A saved search needs a name.");
        return false;
    }
    Statement st = m_db.prepare("UPDATE saved_searches SET name = ?2 WHERE id = ?1");
    if (!st.bind(1, std::int64_t(id)).bind(2, clean).run()) {
        m_error = tr("There is already a saved search called \u201c%1\u201d.").arg(clean);
        return false;
    }
    return true;
}

bool Library::deleteSavedSearch(qint64 id)
{
    Statement st = m_db.prepare("DELETE FROM saved_searches WHERE id = ?1");
    return st.bind(1, std::int64_t(id)).run() || fail(tr("Could not delete the saved search"));
}

QList<Rule> Library::rules()
{
    m_error.clear();
    RuleStore store(m_db);
    std::optional<QList<Rule>> list = store.rules();
    if (!list) {
        m_error = store.errorString();
        return {};
    }
    return *list;
}

std::optional<Rule> Library::rule(const QString &name)
{
    RuleStore store(m_db);
    std::optional<Rule> found = store.rule(name);
    if (!found)
        m_error = store.errorString();
    return found;
}

std::optional<qint64> Library::addRule(const Rule &rule)
{
    RuleStore store(m_db);
    const std::optional<qint64> id = store.add(rule);
    if (!id)
        m_error = store.errorString();
    return id;
}

bool Library::updateRule(const Rule &rule)
{
    RuleStore store(m_db);
    if (!store.update(rule)) {
        m_error = store.errorString();
        return false;
    }
    return true;
}

bool Library::removeRule(qint64 id)
{
    RuleStore store(m_db);
    if (!store.remove(id)) {
        m_error = store.errorString();
        return false;
    }
    return true;
}

std::optional<RuleRun> Library::runRule(qint64 id, bool dryRun)
{
    RuleStore store(m_db);
    if (dryRun) {
        // A preview only reads, in one read transaction: it neither waits
        // for nor holds up a writer (an import in the window).
        if (!m_db.exec("SAVEPOINT gleaner_rule_preview")) {
            fail(tr("Could not run the rule"));
            return std::nullopt;
        }
        const std::optional<Rule> rule = store.rule(id);
        std::optional<RuleRun> run = rule ? store.apply(*rule, std::nullopt, true) : std::nullopt;
        (void)m_db.exec("RELEASE gleaner_rule_preview");
        if (!run)
            m_error = store.errorString();
        return run;
    }
    Transaction tx(m_db);
    if (!tx.isActive()) {
        fail(tr("Could not run the rule"));
        return std::nullopt;
    }
    const std::optional<Rule> rule = store.rule(id);
    std::optional<RuleRun> run = rule ? store.apply(*rule, std::nullopt, false) : std::nullopt;
    if (!run) {
        m_error = store.errorString();
        return std::nullopt;
    }
    if (!tx.commit()) {
        fail(tr("Could not run the rule"));
        return std::nullopt;
    }
    return run;
}

bool Library::undoRuleRun(const RuleRun &run)
{
    Transaction tx(m_db);
    RuleStore store(m_db);
    if (!tx.isActive() || !store.undo(run)) {
        m_error = store.errorString().isEmpty()
                      ? tr("Could not undo the rule: %1").arg(m_db.errorString())
                      : store.errorString();
        return false;
    }
    return tx.commit() || fail(tr("Could not undo the rule"));
}

bool Library::redoRuleRun(const RuleRun &run)
{
    Transaction tx(m_db);
    RuleStore store(m_db);
    if (!tx.isActive() || !store.redo(run)) {
        m_error = store.errorString().isEmpty()
                      ? tr("Could not redo the rule: %1").arg(m_db.errorString())
                      : store.errorString();
        return false;
    }
    return tx.commit() || fail(tr("Could not redo the rule"));
}

QList<qint64> Library::queue()
{
    m_error.clear();
    QueueStore store(m_db);
    const std::optional<QList<qint64>> ids = store.ids();
    if (!ids) {
        m_error = store.errorString();
        return {};
    }
    return *ids;
}

int Library::queueCount()
{
    QueueStore store(m_db);
    const std::optional<int> n = store.count();
    if (!n)
        m_error = store.errorString();
    return n.value_or(0);
}

std::optional<int> Library::queueIndex(qint64 id)
{
    QueueStore store(m_db);
    const std::optional<int> index = store.indexOf(id);
    if (!index)
        m_error = store.errorString();
    return index;
}

bool Library::isQueued(qint64 id)
{
    return queueIndex(id).value_or(-1) >= 0;
}

std::optional<int> Library::enqueue(const QList<qint64> &ids)
{
    Transaction tx(m_db);
    QueueStore store(m_db);
    const std::optional<int> added = tx.isActive() ? store.append(ids) : std::nullopt;
    if (!added) {
        m_error = store.errorString().isEmpty()
                      ? tr("Could not add to the reading queue: %1").arg(m_db.errorString())
                      : store.errorString();
        return std::nullopt;
    }
    if (!tx.commit()) {
        fail(tr("Could not add to the reading queue"));
        return std::nullopt;
    }
    return added;
}

std::optional<int> Library::dequeue(const QList<qint64> &ids)
{
    Transaction tx(m_db);
    QueueStore store(m_db);
    const std::optional<int> removed = tx.isActive() ? store.remove(ids) : std::nullopt;
    if (!removed) {
        m_error = store.errorString().isEmpty()
                      ? tr("Could not remove from the reading queue: %1").arg(m_db.errorString())
                      : store.errorString();
        return std::nullopt;
    }
    if (!tx.commit()) {
        fail(tr("Could not remove from the reading queue"));
        return std::nullopt;
    }
    return removed;
}

bool Library::moveInQueue(qint64 id, int index)
{
    Transaction tx(m_db);
    QueueStore store(m_db);
    if (!tx.isActive() || !store.move(id, index)) {
        m_error = store.errorString().isEmpty()
                      ? tr("Could not reorder the reading queue: %1").arg(m_db.errorString())
                      : store.errorString();
        return false;
    }
    return tx.commit() || fail(tr("Could not reorder the reading queue"));
}

bool Library::moveInQueueBy(qint64 id, int delta)
{
    const std::optional<int> index = queueIndex(id);
    if (!index)
        return false;
    if (*index < 0) {
        m_error = tr("Paper %1 is not in the reading queue.").arg(id);
        return false;
    }
    return moveInQueue(id, qMax(0, *index + delta));
}

qint64 Library::analysedPaperCount()
{
    Statement stat = m_db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat1'");
    if (!stat.next() || stat.integer(0) == 0)
        return 0;
    // The largest row count of any index: SQLite 3.46 also writes "0 0"
    // rows for the empty partial indexes (starred, read).
    Statement rows = m_db.prepare("SELECT max(CAST(stat AS INTEGER)) FROM sqlite_stat1 "
                                  "WHERE tbl = 'papers'");
    return rows.next() ? rows.int64(0) : 0;
}

void Library::refreshStatistics()
{
    const qint64 analysedRows = analysedPaperCount();
    const qint64 now = paperCount();
    if (now == 0 || (analysedRows > 0 && now * 10 <= analysedRows * 11))
        return;
    // A sampled analysis: a fraction of a second even for a million papers.
    (void)m_db.exec("PRAGMA analysis_limit=1000; ANALYZE");
}

std::optional<qint64> Library::dataVersion()
{
    if (!m_db.isOpen())
        return std::nullopt;
    auto st = m_db.cached("PRAGMA data_version");
    if (!st.next())
        return std::nullopt;
    return st.int64(0);
}

std::optional<QList<Highlight>> Library::highlights(qint64 paperId)
{
    HighlightStore store(m_db);
    std::optional<QList<Highlight>> list = store.ofPaper(paperId);
    if (!list)
        m_error = store.errorString();
    return list;
}

std::optional<Highlight> Library::highlight(qint64 id)
{
    HighlightStore store(m_db);
    std::optional<Highlight> h = store.highlight(id);
    if (!h)
        m_error = store.errorString();
    return h;
}

std::optional<qint64> Library::addHighlight(const Highlight &highlight)
{
    HighlightStore store(m_db);
    const std::optional<qint64> id = store.add(highlight);
    if (!id)
        m_error = store.errorString();
    return id;
}

std::optional<Highlight> Library::findPassage(qint64 paperId, const QString &passage,
                                              int occurrence)
{
    const std::optional<Paper> p = paper(paperId);
    if (!p) {
        m_error = tr("There is no paper %1.").arg(paperId);
        return std::nullopt;
    }
    if (passage.isEmpty()) {
        m_error = tr("Give the passage to highlight, as it is written in the title or abstract.");
        return std::nullopt;
    }
    int seen = 0;
    for (const HighlightField field : {HighlightField::Title, HighlightField::Abstract}) {
        const QString &text = field == HighlightField::Title ? p->title : p->abstract;
        for (qsizetype at = text.indexOf(passage); at >= 0; at = text.indexOf(passage, at + 1)) {
            if (++seen == occurrence)
                return makeHighlight(text, field, int(at), int(passage.size()));
        }
    }
    if (seen == 0)
        m_error = tr("\u201c%1\u201d is not in the title or abstract of paper %2 (the passage "
                     "must be written exactly as there, TeX included).")
                      .arg(passage)
                      .arg(paperId);
    else
        m_error = tr("\u201c%1\u201d occurs %n time(s) in paper %2: there is no occurrence %3.",
                     nullptr, seen)
                      .arg(passage)
                      .arg(paperId)
                      .arg(occurrence);
    return std::nullopt;
}

bool Library::updateHighlight(qint64 id, const QString &colour, const QString &comment)
{
    HighlightStore store(m_db);
    if (store.update(id, colour, comment))
        return true;
    m_error = store.errorString();
    return false;
}

bool Library::removeHighlight(qint64 id)
{
    HighlightStore store(m_db);
    if (store.remove(id))
        return true;
    m_error = store.errorString();
    return false;
}

LibraryStats Library::stats()
{
    LibraryStats s;
    // Each count from its own small index: the sidebar asks after every star
    // or tag, and one pass over the papers would read every abstract's page.
    Statement st =
        m_db.prepare("SELECT (SELECT count(*) FROM papers), "
                     "(SELECT count(*) FROM papers INDEXED BY papers_starred WHERE starred), "
                     "(SELECT count(*) FROM papers INDEXED BY papers_read WHERE read), "
                     "(SELECT count(*) FROM papers WHERE note IS NOT NULL), "
                     "(SELECT count(*) FROM papers INDEXED BY papers_dismissed WHERE dismissed), "
                     "(SELECT count(*) FROM reading_queue)");
    if (st.next()) {
        s.papers = st.integer(0);
        s.starred = st.integer(1);
        s.read = st.integer(2);
        s.unread = s.papers - s.read;
        s.withNotes = st.integer(3);
        s.dismissed = st.integer(4);
        s.queued = st.integer(5);
    }
    Statement d = m_db.prepare(
        "SELECT count(*), min(date) FILTER (WHERE certainty <> ?1), "
        "max(date) FILTER (WHERE certainty <> ?1), count(*) FILTER (WHERE certainty = ?1) "
        "FROM digests");
    d.bind(1, int(DateCertainty::Undated));
    if (d.next()) {
        s.digests = d.integer(0);
        s.firstDigest = dateColumn(d, 1);
        s.lastDigest = dateColumn(d, 2);
        s.undatedDigests = d.integer(3);
    }
    Statement a = m_db.prepare("SELECT (SELECT count(*) FROM appearances), "
                               "(SELECT count(*) FROM tags)");
    if (a.next()) {
        s.appearances = a.integer(0);
        s.tags = a.integer(1);
    }
    Statement size =
        m_db.prepare("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()");
    if (size.next())
        s.fileBytes = size.int64(0);
    return s;
}

} // namespace gleaner
