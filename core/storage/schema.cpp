#include "storage/schema.h"

#include "logging.h"
#include "model/digest.h"
#include "storage/database.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>

namespace gleaner {

namespace {

// Version 1: papers with their reader data, digests, appearances, tags,
// saved searches, and an external-content FTS5 index over title+abstract.
const char *const kVersion1 = R"sql(
CREATE TABLE papers(
    id            INTEGER PRIMARY KEY,
    key           TEXT NOT NULL,             -- titleKey(): the paper's identity
    key_hash      INTEGER NOT NULL,          -- titleKeyHash(key): a small index to find it
    title         TEXT NOT NULL,
    abstract      TEXT NOT NULL DEFAULT '',
    submitter     INTEGER NOT NULL DEFAULT 0, -- 0 none, 1 authors, 2 organisation
    authors       INTEGER,
    organisation  TEXT,
    published     TEXT,                       -- YYYY-MM-DD
    upvotes       INTEGER NOT NULL DEFAULT 0, -- the highest seen (NULL allowed from version 4)
    last_digest   TEXT,                       -- date of the latest digest it appeared in
    added         TEXT NOT NULL,
    starred       INTEGER NOT NULL DEFAULT 0,
    read          INTEGER NOT NULL DEFAULT 0,
    read_at       TEXT,
    note          TEXT,
    note_changed  TEXT
);
-- An index of 8-byte hashes instead of the keys themselves: a tenth of the
-- size, so a million papers' identity index stays in the page cache while
-- importing (the keys, ~100 bytes each, made imports slow down as they grew).
CREATE INDEX papers_key_hash ON papers(key_hash);
CREATE INDEX papers_published ON papers(published);
CREATE INDEX papers_upvotes ON papers(upvotes);
-- The default order (newest digest first) carries the columns filters test,
-- so a filtered first page is read from this index alone: papers are wide
-- (abstracts), and testing a million rows one by one took seconds.
CREATE INDEX papers_browse ON papers(last_digest, published, upvotes, submitter, authors, read,
                                     starred);
CREATE INDEX papers_starred ON papers(starred) WHERE starred;
CREATE INDEX papers_read ON papers(read) WHERE read;
CREATE INDEX papers_noted ON papers(id) WHERE note IS NOT NULL;

CREATE TABLE digests(
    id            INTEGER PRIMARY KEY,
    content_hash  BLOB NOT NULL UNIQUE,       -- same text, renamed or archived: same digest
    source        TEXT NOT NULL,
    date          TEXT,                       -- YYYY-MM-DD or NULL
    certainty     INTEGER NOT NULL,           -- DateCertainty
    layout        INTEGER NOT NULL,           -- DigestLayout
    entries       INTEGER NOT NULL,
    imported      TEXT NOT NULL
);
CREATE INDEX digests_date ON digests(date);

CREATE TABLE appearances(
    digest_id     INTEGER NOT NULL REFERENCES digests(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    paper_id      INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
    upvotes       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY(digest_id, position)
) WITHOUT ROWID;
CREATE INDEX appearances_paper ON appearances(paper_id);

CREATE TABLE tags(
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE COLLATE NOCASE
);
CREATE TABLE paper_tags(
    paper_id      INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
    tag_id        INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY(paper_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX paper_tags_tag ON paper_tags(tag_id);

CREATE TABLE saved_searches(
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    query         TEXT NOT NULL
);

CREATE VIRTUAL TABLE papers_fts USING fts5(
    title, abstract,
    content='papers', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2',
    prefix='2 3'
);
-- Titles weigh ten times the abstract in ranking (ORDER BY rank). New papers
-- are indexed by the importer itself, the only writer of papers: an INSERT
-- trigger made imports about 40% slower. Deletes and edits go through
-- triggers, so nothing can leave the index stale.
INSERT INTO papers_fts(papers_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0)');
CREATE TRIGGER papers_fts_delete AFTER DELETE ON papers BEGIN
    INSERT INTO papers_fts(papers_fts, rowid, title, abstract)
        VALUES ('delete', old.id, old.title, old.abstract);
END;
CREATE TRIGGER papers_fts_update AFTER UPDATE OF title, abstract ON papers BEGIN
    INSERT INTO papers_fts(papers_fts, rowid, title, abstract)
        VALUES ('delete', old.id, old.title, old.abstract);
    INSERT INTO papers_fts(rowid, title, abstract) VALUES (new.id, new.title, new.abstract);
END;
)sql";

// Version 2: reader data restored from a backup for papers the library has
// not imported yet; the importer moves it onto the paper when it arrives
// (see storage/readerdatastore.h). Keyed like papers.key, so the importer's check is one
// primary-key lookup per new paper.
const char *const kVersion2 = R"sql(
CREATE TABLE pending_reader_data(
    key           TEXT PRIMARY KEY,           -- titleKey() of the awaited paper
    title         TEXT NOT NULL,
    starred       INTEGER NOT NULL DEFAULT 0,
    read          INTEGER NOT NULL DEFAULT 0,
    read_at       TEXT,
    tags          TEXT NOT NULL DEFAULT '[]', -- JSON array of tag names
    note          TEXT,
    note_changed  TEXT,
    restored      TEXT NOT NULL               -- when the backup was restored
) WITHOUT ROWID;
)sql";

// Version 3: the organisations, in a small index of their own, so a search
// for an organisation no paper has is answered without reading every paper.
const char *const kVersion3 = R"sql(
CREATE INDEX papers_organisation ON papers(organisation) WHERE submitter = 2;
)sql";

// Version 4: unknown upvotes are NULL, not 0. Layouts B and C show no
// counts, and a paper seen only there had "0 upvotes", indistinguishable
// from a real zero and sorted among them.
//
// Dropping a NOT NULL constraint changes nothing stored, so the tables'
// definitions are edited in place, as SQLite's documentation describes for
// that kind of change (lang_altertable.html, "other kinds of table schema
// changes"), rather than by copying every paper into a new table: minutes
// and twice the disk at a million papers. The new text is checked before
// the step commits.
const char *const kVersion4Data = R"sql(
UPDATE appearances SET upvotes = NULL
    WHERE digest_id IN (SELECT id FROM digests WHERE layout <> 0);
UPDATE papers SET upvotes = (SELECT max(upvotes) FROM appearances WHERE paper_id = papers.id)
    WHERE id IN (SELECT a.paper_id FROM appearances a JOIN digests d ON d.id = a.digest_id
                 WHERE d.layout <> 0);
)sql";

bool allowUnknownUpvotes(Database &db)
{
    Statement version = db.prepare("PRAGMA schema_version");
    if (!version.next())
        return false;
    const qint64 next = version.int64(0) + 1;
    version = Statement();
    const QByteArray edit =
        "PRAGMA writable_schema = ON;"
        "UPDATE sqlite_schema SET sql = replace(sql, 'upvotes       INTEGER NOT NULL DEFAULT 0',"
        " 'upvotes       INTEGER') WHERE type = 'table' AND name IN ('papers', 'appearances');"
        "PRAGMA schema_version = " +
        QByteArray::number(next) + ";PRAGMA writable_schema = OFF;";
    if (!db.exec(edit.constData()))
        return false;
    Statement check = db.prepare("SELECT count(*) FROM pragma_table_info('papers') WHERE name = "
                                 "'upvotes' AND \"notnull\" = 0 UNION ALL SELECT count(*) FROM "
                                 "pragma_table_info('appearances') WHERE name = 'upvotes' AND "
                                 "\"notnull\" = 0");
    for (int table = 0; table < 2; ++table) {
        if (!check.next() || check.integer(0) != 1)
            return false;
    }
    check = Statement();
    return db.exec(kVersion4Data);
}

// Version 5: a digest with no date of its own is DateCertainty::Undated
// (4); format 4 called it FileTime (1), like a header date whose year came
// from the file. Layout C never has a header date, so its FileTime digests
// are undated; the others are told apart when their file is imported again
// (Importer::storeDigest).
const char *const kVersion5 = R"sql(
UPDATE digests SET certainty = 4 WHERE certainty = 1 AND layout = 2;
)sql";

static_assert(int(DateCertainty::FileTime) == 1 && int(DateCertainty::Undated) == 4 &&
                  int(DigestLayout::Compact) == 2,
              "kVersion5 spells these values");

// Version 6: "Not interested", the reader's explicit no, beside the star:
// a flag and when it was set, on papers and on reader data waiting for its
// paper. Few papers are dismissed, so a partial index finds them as it
// finds the starred ones. Added columns with a constant default change no
// stored row: the step is instant at any size.
const char *const kVersion6 = R"sql(
ALTER TABLE papers ADD COLUMN dismissed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE papers ADD COLUMN dismissed_at TEXT;
CREATE INDEX papers_dismissed ON papers(dismissed) WHERE dismissed;
ALTER TABLE pending_reader_data ADD COLUMN dismissed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE pending_reader_data ADD COLUMN dismissed_at TEXT;
)sql";

// Version 7: prefix indexes for prefixes of four, five and six characters
// besides two and three. While the user types, the last word is a prefix,
// and for a length without an index of its own FTS5 merges the doclist of
// every term that starts with it ("model*": model, models, modeling...)
// once per statement: 20-25 ms at 100k papers, three or four times a
// keystroke, where an indexed prefix takes under a millisecond. Longer
// prefixes start few terms and merge fast. The three indexes grow the full
// text index by about 80% (223 to 399 MB at 100k papers).
//
// Prefix lengths are fixed when an FTS5 table is created, so the index is
// made again from the papers table: about 30 s per 100k papers.
const char *const kVersion7 = R"sql(
DROP TABLE papers_fts;
CREATE VIRTUAL TABLE papers_fts USING fts5(
    title, abstract,
    content='papers', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2',
    prefix='2 3 4 5 6'
);
INSERT INTO papers_fts(papers_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0)');
INSERT INTO papers_fts(papers_fts) VALUES ('rebuild');
)sql";

// Version 8: rules (storage/rulestore.h): saved searches that act on the papers an
// import brings, and the memory of what each did. A rule does an action to a
// paper at most once, so what the reader undoes by hand (an unstar, an
// untag) is never redone: rule_applied holds one row per rule, paper and
// action, removed with either. Only new tables: instant at any size.
const char *const kVersion8 = R"sql(
CREATE TABLE rules(
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE COLLATE NOCASE,
    query         TEXT NOT NULL,
    position      INTEGER NOT NULL,           -- the order rules run in
    tags          TEXT NOT NULL DEFAULT '[]', -- JSON array of tag names it adds
    star          INTEGER NOT NULL DEFAULT 0,
    mark_read     INTEGER NOT NULL DEFAULT 0,
    dismiss       INTEGER NOT NULL DEFAULT 0,
    last_matched  INTEGER,                    -- papers matched when it last ran
    created       TEXT NOT NULL
);
CREATE TABLE rule_applied(
    rule_id       INTEGER NOT NULL REFERENCES rules(id) ON DELETE CASCADE,
    paper_id      INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
    action        TEXT NOT NULL,              -- 'star', 'read', 'dismiss' or 'tag:' + name
    PRIMARY KEY(rule_id, paper_id, action)
) WITHOUT ROWID;
CREATE INDEX rule_applied_paper ON rule_applied(paper_id);
-- Memory restored from a backup for papers not imported yet, attached with
-- the rest of their waiting reader data: JSON [[rule name, action], ...].
ALTER TABLE pending_reader_data ADD COLUMN rules_applied TEXT NOT NULL DEFAULT '[]';
)sql";

// Version 9: the earlier versions of each paper's note
// (storage/notehistorystore.h), so that no text the reader typed is lost,
// not even to a select-all and delete. Removed with their paper. The history
// of a paper not imported yet waits with its other reader data, as JSON
// [{"text", "saved", "pinned"}, ...]. Only a new table: instant at any size.
const char *const kVersion9 = R"sql(
CREATE TABLE note_versions(
    id            INTEGER PRIMARY KEY,
    paper_id      INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
    text          TEXT NOT NULL,
    saved         TEXT NOT NULL,              -- when this text was saved as the note
    since         TEXT NOT NULL,              -- when the version was started (the autosave
                                              -- replaces its text for a few minutes)
    pinned        INTEGER NOT NULL DEFAULT 0, -- the text before a large deletion
    closed        INTEGER NOT NULL DEFAULT 0  -- never replaced by the autosave (kept at a
                                              -- restore, or taken from a backup)
);
CREATE INDEX note_versions_paper ON note_versions(paper_id, saved);
ALTER TABLE pending_reader_data ADD COLUMN note_history TEXT NOT NULL DEFAULT '[]';
)sql";

// Version 10: the reading queue (storage/queuestore.h), "read later" in an
// order the reader sets, apart from stars. Positions are sparse (spaced by
// QueueStore::kGap), so a move rewrites one row, not the queue; a paper
// removed from the library leaves the queue with it. Reader data waiting for
// its paper keeps the position reserved for it. A rule may add what it
// matches to the queue (issue 15's "once it exists"). Only a new table and
// added columns with constant defaults: instant at any size.
const char *const kVersion10 = R"sql(
CREATE TABLE reading_queue(
    paper_id      INTEGER PRIMARY KEY REFERENCES papers(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,           -- sparse: the order, not a rank
    added         TEXT NOT NULL
);
CREATE INDEX reading_queue_position ON reading_queue(position);
ALTER TABLE pending_reader_data ADD COLUMN queue_position INTEGER;
ALTER TABLE rules ADD COLUMN queue INTEGER NOT NULL DEFAULT 0;
)sql";

// Version 11: highlights (storage/highlightstore.h): passages of a paper's
// title or abstract the reader marked, anchored by offsets and by the quoted
// passage with its context, so a changed text re-anchors them (or leaves
// them detached, kept). highlights_fts indexes each passage under the
// field it is in and each comment, so the query language's columns apply to
// it as to papers_fts; it keeps its own copy of that text, a few rows per
// highlighted paper, kept in step by triggers. Waiting reader data keeps its
// highlights as JSON. Only new tables and a column with a constant default:
// instant at any size.
const char *const kVersion11 = R"sql(
CREATE TABLE highlights(
    id            INTEGER PRIMARY KEY,
    paper_id      INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
    field         TEXT NOT NULL,              -- 'title' or 'abstract'
    start         INTEGER NOT NULL,           -- UTF-16 offset in the field's text
    length        INTEGER NOT NULL,
    quote         TEXT NOT NULL,              -- the passage when last anchored
    prefix        TEXT NOT NULL DEFAULT '',   -- context before it
    suffix        TEXT NOT NULL DEFAULT '',   -- and after it
    colour        TEXT NOT NULL,
    comment       TEXT NOT NULL DEFAULT '',
    created       TEXT NOT NULL,
    detached      INTEGER NOT NULL DEFAULT 0  -- the passage is no longer in the text
);
CREATE INDEX highlights_paper ON highlights(paper_id);
CREATE VIRTUAL TABLE highlights_fts USING fts5(
    title, abstract, comment,
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER highlights_fts_insert AFTER INSERT ON highlights BEGIN
    INSERT INTO highlights_fts(rowid, title, abstract, comment)
        VALUES (new.id, iif(new.field = 'title', new.quote, ''),
                iif(new.field = 'abstract', new.quote, ''), new.comment);
END;
CREATE TRIGGER highlights_fts_delete AFTER DELETE ON highlights BEGIN
    DELETE FROM highlights_fts WHERE rowid = old.id;
END;
CREATE TRIGGER highlights_fts_update AFTER UPDATE OF field, quote, comment ON highlights BEGIN
    DELETE FROM highlights_fts WHERE rowid = old.id;
    INSERT INTO highlights_fts(rowid, title, abstract, comment)
        VALUES (new.id, iif(new.field = 'title', new.quote, ''),
                iif(new.field = 'abstract', new.quote, ''), new.comment);
END;
ALTER TABLE pending_reader_data ADD COLUMN highlights TEXT NOT NULL DEFAULT '[]';
)sql";

// Version 12: "For you" (core/rank, storage/rankstore.h): the tf-idf
// vocabulary with the document frequencies it was chosen by, each paper's
// sparse vector (4 bytes a term), each paper's strongest terms as a small
// inverted index for related papers, one logistic model per tag and one for
// the stars, and each paper's best score for the "For you" order. Derived
// data only, rebuilt from the papers at will: only new tables, instant at
// any size.
const char *const kVersion12 = R"sql(
CREATE TABLE rank_terms(
    id            INTEGER PRIMARY KEY,        -- the feature index, from 0
    term          TEXT NOT NULL,              -- a word, or two with one space
    df            INTEGER NOT NULL            -- papers holding it at the build
);
CREATE TABLE rank_state(
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    documents     INTEGER NOT NULL,           -- papers the vocabulary was counted over
    built         TEXT NOT NULL,
    settings      TEXT NOT NULL               -- JSON: maxFeatures, minDf, maxDf
);
CREATE TABLE rank_vectors(
    paper_id      INTEGER PRIMARY KEY REFERENCES papers(id) ON DELETE CASCADE,
    vector        BLOB NOT NULL               -- model/textfeatures.h encodeVector()
);
-- A paper's few largest terms; a paper's related papers are read from the
-- rows of its own largest terms. Rows of removed papers are passed over (the
-- join with rank_vectors) and go at the next rebuild.
CREATE TABLE rank_top_terms(
    term          INTEGER NOT NULL,
    paper_id      INTEGER NOT NULL,
    PRIMARY KEY(term, paper_id)
) WITHOUT ROWID;
CREATE TABLE rank_models(
    id            INTEGER PRIMARY KEY,
    tag_id        INTEGER REFERENCES tags(id) ON DELETE CASCADE, -- NULL: the stars
    trained       TEXT NOT NULL,
    positives     INTEGER NOT NULL,
    dismissed     INTEGER NOT NULL,
    unlabelled    INTEGER NOT NULL,
    labels_hash   INTEGER NOT NULL,           -- of the labels it learnt: changed means stale
    bias          REAL NOT NULL,
    weights       BLOB NOT NULL               -- float32 per feature, little-endian
);
CREATE UNIQUE INDEX rank_models_tag ON rank_models(coalesce(tag_id, 0));
CREATE TABLE rank_scores(
    paper_id      INTEGER PRIMARY KEY REFERENCES papers(id) ON DELETE CASCADE,
    score         REAL NOT NULL,              -- the best model's probability
    model_id      INTEGER NOT NULL REFERENCES rank_models(id) ON DELETE CASCADE
);
CREATE INDEX rank_scores_model ON rank_scores(model_id);
)sql";

// Version 13: each paper's score without foreign keys. A training writes
// every paper's score again, and checking two parent keys per row made
// writing 100,000 of them take 0.2 s instead of 0.06 s; a removed paper's
// or model's scores go by trigger instead (a model's by a scan: models are
// few and rarely removed). The scores are copied, so the order stays as it
// was until the next training.
const char *const kVersion13 = R"sql(
CREATE TABLE rank_scores_13(
    paper_id      INTEGER PRIMARY KEY,        -- papers(id)
    score         REAL NOT NULL,              -- the best model's probability
    model_id      INTEGER NOT NULL            -- rank_models(id)
);
INSERT INTO rank_scores_13(paper_id, score, model_id)
    SELECT paper_id, score, model_id FROM rank_scores;
DROP TABLE rank_scores;
ALTER TABLE rank_scores_13 RENAME TO rank_scores;
CREATE TRIGGER rank_scores_paper_removed AFTER DELETE ON papers BEGIN
    DELETE FROM rank_scores WHERE paper_id = old.id;
END;
CREATE TRIGGER rank_scores_model_removed AFTER DELETE ON rank_models BEGIN
    DELETE FROM rank_scores WHERE model_id = old.id;
END;
)sql";

// Version 14: the partial indexes of starred, read and noted papers carry
// the default order's key, so a filter on one of them lists its first page
// from that small index in order. Before, each such paper's row (wide: its
// abstract) was read to sort them: is:starred read 3,441 rows at a million
// papers, tens of ms when they were not cached. The flag itself is in the
// index too, so the first page reads no row at all.
const char *const kVersion14 = R"sql(
DROP INDEX papers_starred;
CREATE INDEX papers_starred ON papers(last_digest, starred) WHERE starred;
DROP INDEX papers_read;
CREATE INDEX papers_read ON papers(last_digest, read) WHERE read;
DROP INDEX papers_noted;
CREATE INDEX papers_noted ON papers(last_digest) WHERE note IS NOT NULL;
)sql";

struct Step
{
    int version;
    const char *sql;                     // or
    bool (*run)(Database &db) = nullptr; // for a step SQL text alone cannot say
};

const Step kSteps[] = {
    {1, kVersion1},   {2, kVersion2},
    {3, kVersion3},   {4, nullptr, allowUnknownUpvotes},
    {5, kVersion5},   {6, kVersion6},
    {7, kVersion7},   {8, kVersion8},
    {9, kVersion9},   {10, kVersion10},
    {11, kVersion11}, {12, kVersion12}, // "For you": features, models, scores
    {13, kVersion13},                   // scores without foreign keys
    {14, kVersion14},                   // starred, read, noted in digest order
};

} // namespace

Schema::Schema(Database &db)
    : m_db(db)
{}

bool Schema::fail(const QString &why)
{
    m_error = why;
    return false;
}

bool Schema::isEmptyDatabase()
{
    Statement st = m_db.prepare("SELECT count(*) FROM sqlite_schema");
    return st.next() && st.integer(0) == 0;
}

// Copies the file aside before its first migration, with SQLite's backup
// API so the copy is consistent even with a WAL.
bool Schema::backUpBeforeMigrating(int fromVersion)
{
    const QString target =
        QStringLiteral("%1.v%2-%3.bak")
            .arg(m_db.path())
            .arg(fromVersion)
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    if (!m_db.copyTo(target)) {
        QFile::remove(target);
        return fail(tr("Could not back up the library to %1 before upgrading it: %2")
                        .arg(target, m_db.errorString()));
    }
    qCInfo(lcDatabase) << "backed up library to" << target;
    return true;
}

QString Schema::upgradeMessage(int fromVersion, int toVersion)
{
    // Only format 7 rebuilds the index; the steps after it add tables or
    // copy small ones.
    if (fromVersion >= 7)
        return tr("Upgrading the library from format %1 to %2: first a backup copy, then the "
                  "upgrade, a moment.")
            .arg(fromVersion)
            .arg(toVersion);
    return tr("Upgrading the library from format %1 to %2: first a backup copy, then the "
              "upgrade, which rebuilds the search index. At 100,000 papers this takes about a "
              "minute.")
        .arg(fromVersion)
        .arg(toVersion);
}

int Schema::currentVersion()
{
    return kSteps[std::size(kSteps) - 1].version;
}

bool Schema::migrate(int target)
{
    m_error.clear();
    const int version = m_db.userVersion();
    if (version < 0)
        return fail(tr("Could not read the library's version: %1").arg(m_db.errorString()));
    if (version > currentVersion())
        return fail(tr("This library was written by a newer Gleaner (format %1; this "
                       "version reads up to %2). Update Gleaner to open it.")
                        .arg(version)
                        .arg(currentVersion()));
    if (version >= target)
        return true;
    if (version == 0 && !isEmptyDatabase())
        return fail(tr("This file is an SQLite database, but not a Gleaner library."));
    if (version > 0 && m_notice)
        m_notice(version, target);
    if (version > 0 && !backUpBeforeMigrating(version))
        return false;

    for (const Step &step : kSteps) {
        if (step.version <= version || step.version > target)
            continue;
        Transaction tx(m_db);
        auto run = [&] { return step.run ? step.run(m_db) : m_db.exec(step.sql); };
        if (!tx.isActive() || !run() || !m_db.setUserVersion(step.version) || !tx.commit()) {
            const QString why = m_db.errorString();
            return fail(
                tr("Could not upgrade the library to format %1: %2")
                    .arg(step.version)
                    .arg(why.isEmpty() ? tr("its tables are not as that format expects") : why));
        }
        qCInfo(lcDatabase) << "library at format" << step.version;
    }
    return true;
}

} // namespace gleaner
