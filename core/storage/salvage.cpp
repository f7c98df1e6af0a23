#include "storage/salvage.h"

#include "logging.h"
#include "model/titlekey.h"
#include "storage/database.h"
#include "storage/readerdatastore.h"
#include "storage/sqlvalues_p.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace gleaner {

namespace {

// Past the last readable row id, this many ids are tried one by one when
// the table's largest id cannot be read (a damaged rightmost page).
constexpr qint64 kBlindLookups = 100000;

QDate dateOf(const Statement &st, int column)
{
    return st.isNull(column) ? QDate() : QDate::fromString(st.text(column), Qt::ISODate);
}

// Reads every readable row of a rowid table. `scan` selects the rows with
// id > ?1 in id order, `one` the row with id = ?1; both put the id first.
// Returns the number of row ids that could not be read.
template <typename Handler>
int readRows(Database &db, const char *scan, const char *one, const char *maxId, Handler handle)
{
    int unreadable = 0;
    qint64 last = 0;
    std::optional<qint64> largest;
    for (;;) {
        Statement st = db.prepare(scan);
        if (!st.isValid())
            return unreadable + 1;
        st.bind(1, std::int64_t(last));
        while (st.next()) {
            last = st.int64(0);
            handle(st);
        }
        if (st.ok())
            return unreadable;
        // A damaged page: row by row until a lookup reads cleanly again,
        // then back to scanning from there.
        if (!largest) {
            Statement max = db.prepare(maxId);
            largest = max.next() && !max.isNull(0) ? max.int64(0) : last + kBlindLookups;
        }
        bool resumed = false;
        while (!resumed && last < *largest) {
            ++last;
            Statement lookup = db.prepare(one);
            lookup.bind(1, std::int64_t(last));
            if (lookup.next()) {
                handle(lookup);
                resumed = true;
            } else if (lookup.ok()) {
                resumed = true;
            } else {
                ++unreadable;
            }
        }
        if (!resumed)
            return unreadable;
    }
}

// Whether a table has a column: a damaged library may be of a format
// older than the column (dismissed came with format 6). Read from the
// schema, which opening the file has already parsed.
bool hasColumn(Database &db, const char *table, const char *column)
{
    Statement st = db.prepare("SELECT count(*) FROM pragma_table_info(?1) WHERE name = ?2");
    st.bind(1, QString::fromLatin1(table)).bind(2, QString::fromLatin1(column));
    return st.next() && st.integer(0) > 0;
}

struct PaperRow
{
    DigestEntry entry;
    ReaderData reader;
    bool hasReaderData = false;
};

} // namespace

Salvage::Salvage(const QString &path)
    : m_path(path)
{}

std::optional<SalvagedLibrary> Salvage::read()
{
    Database db;
    if (!db.open(m_path, Database::OpenMode::ReadOnly)) {
        m_error = tr("Nothing can be read from %1: %2").arg(m_path, db.errorString());
        return std::nullopt;
    }
    // Stricter checks of each cell as pages are read, so damage is reported
    // rather than read as nonsense.
    (void)db.exec("PRAGMA cell_size_check=ON");
    {
        Statement tables = db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'papers'");
        if (!tables.next() || tables.integer(0) == 0) {
            m_error = tr("Nothing can be read from %1: its list of tables is damaged or it is "
                         "not a library.")
                          .arg(m_path);
            return std::nullopt;
        }
    }
    SalvagedLibrary result;

    QHash<qint64, PaperRow> papers;
    const QByteArray paperColumns =
        QByteArray("SELECT id, key, title, abstract, submitter, authors, organisation, published, "
                   "upvotes, starred, read, read_at, note, note_changed, ") +
        (hasColumn(db, "papers", "dismissed") ? "dismissed, dismissed_at" : "0, NULL") +
        " FROM papers NOT INDEXED WHERE id ";
    result.unreadableRows +=
        readRows(db, QByteArray(paperColumns + "> ?1 ORDER BY id").constData(),
                 QByteArray(paperColumns + "= ?1").constData(),
                 "SELECT max(id) FROM papers NOT INDEXED", [&](const Statement &st) {
                     // A row read off a damaged page can be garbage that
                     // still parses; a real one's key is its title's.
                     if (st.text(1) != titleKey(st.text(2))) {
                         ++result.unreadableRows;
                         return;
                     }
                     PaperRow row;
                     row.entry.title = st.text(2);
                     row.entry.abstract = st.text(3);
                     switch (st.integer(4)) {
                     case 1:
                         row.entry.submitter.kind = Submitter::Kind::Authors;
                         row.entry.submitter.authors = st.integer(5);
                         break;
                     case 2:
                         row.entry.submitter.kind = Submitter::Kind::Organisation;
                         row.entry.submitter.organisation = sqlvalues::textOrEmpty(st, 6);
                         break;
                     default:
                         break;
                     }
                     row.entry.published = dateOf(st, 7);
                     row.entry.upvotes = sqlvalues::integerOrNone(st, 8);
                     row.reader.key = st.text(1);
                     row.reader.title = row.entry.title;
                     row.reader.starred = st.integer(9) != 0;
                     row.reader.read = st.integer(10) != 0;
                     row.reader.readAt = sqlvalues::textOrEmpty(st, 11);
                     row.reader.note = sqlvalues::textOrEmpty(st, 12);
                     row.reader.noteChanged = sqlvalues::textOrEmpty(st, 13);
                     row.reader.dismissed = st.integer(14) != 0;
                     row.reader.dismissedAt = sqlvalues::textOrEmpty(st, 15);
                     papers.insert(st.int64(0), row);
                 });
    result.papersRead = int(papers.size());

    QHash<qint64, QString> tagNames;
    result.unreadableRows +=
        readRows(db, "SELECT id, name FROM tags NOT INDEXED WHERE id > ?1 ORDER BY id",
                 "SELECT id, name FROM tags NOT INDEXED WHERE id = ?1",
                 "SELECT max(id) FROM tags NOT INDEXED",
                 [&](const Statement &st) { tagNames.insert(st.int64(0), st.text(1)); });
    if (!tagNames.isEmpty()) {
        // Tags by paper through the table's own key, one paper at a time, so
        // a damaged page loses only the tags of the papers on it.
        for (auto it = papers.begin(); it != papers.end(); ++it) {
            Statement st = db.prepare("SELECT tag_id FROM paper_tags WHERE paper_id = ?1");
            st.bind(1, std::int64_t(it.key()));
            while (st.next()) {
                const QString name = tagNames.value(st.int64(0));
                if (!name.isEmpty())
                    it->reader.tags << name;
            }
            if (!st.ok())
                ++result.unreadableRows;
        }
    }
    // Rules and what each did (formats that have them), by paper like the tags.
    if (hasColumn(db, "rules", "query")) {
        QHash<qint64, QString> ruleNames;
        const QByteArray ruleColumns =
            QByteArray("SELECT id, name, query, tags, star, mark_read, dismiss, ") +
            (hasColumn(db, "rules", "queue") ? "queue" : "0") + " FROM rules NOT INDEXED ";
        result.unreadableRows += readRows(
            db, QByteArray(ruleColumns + "WHERE id > ?1 ORDER BY id").constData(),
            QByteArray(ruleColumns + "WHERE id = ?1").constData(),
            "SELECT max(id) FROM rules NOT INDEXED", [&](const Statement &st) {
                Rule r;
                r.name = st.text(1);
                r.query = st.text(2);
                for (const QJsonValue &t : QJsonDocument::fromJson(st.text(3).toUtf8()).array())
                    r.tags << t.toString();
                r.star = st.integer(4) != 0;
                r.markRead = st.integer(5) != 0;
                r.dismiss = st.integer(6) != 0;
                r.queue = st.integer(7) != 0;
                ruleNames.insert(st.int64(0), r.name);
                result.rules.append(r);
            });
        for (auto it = papers.begin(); !ruleNames.isEmpty() && it != papers.end(); ++it) {
            Statement st =
                db.prepare("SELECT rule_id, action FROM rule_applied WHERE paper_id = ?1");
            st.bind(1, std::int64_t(it.key()));
            while (st.next()) {
                const QString name = ruleNames.value(st.int64(0));
                if (!name.isEmpty())
                    it->reader.rulesApplied.append({name, st.text(1)});
            }
            if (!st.ok())
                ++result.unreadableRows;
        }
    }
    // Earlier versions of notes (in the formats that have them), by their
    // own row ids, so a damaged page loses only the versions on it.
    if (hasColumn(db, "note_versions", "text")) {
        result.unreadableRows += readRows(
            db,
            "SELECT id, paper_id, text, saved, pinned FROM note_versions NOT INDEXED "
            "WHERE id > ?1 ORDER BY id",
            "SELECT id, paper_id, text, saved, pinned FROM note_versions NOT INDEXED WHERE id = ?1",
            "SELECT max(id) FROM note_versions NOT INDEXED", [&](const Statement &st) {
                const auto paper = papers.find(st.int64(1));
                if (paper == papers.end() || st.text(2).isEmpty())
                    return;
                paper->reader.noteHistory.append({st.text(2), st.text(3), st.integer(4) != 0});
            });
        for (auto it = papers.begin(); it != papers.end(); ++it) {
            std::sort(it->reader.noteHistory.begin(), it->reader.noteHistory.end(),
                      [](const NoteVersion &a, const NoteVersion &b) { return a.saved > b.saved; });
        }
    }
    // The reading queue (formats that have it), by paper like the tags.
    if (hasColumn(db, "reading_queue", "position")) {
        for (auto it = papers.begin(); it != papers.end(); ++it) {
            Statement st = db.prepare("SELECT position FROM reading_queue WHERE paper_id = ?1");
            st.bind(1, std::int64_t(it.key()));
            if (st.next())
                it->reader.queuePosition = st.int64(0);
            else if (!st.ok())
                ++result.unreadableRows;
        }
    }
    // Highlights (format 11 on), row by row, each with the paper it names.
    if (hasColumn(db, "highlights", "quote")) {
#define HIGHLIGHT_ROWS                                                                             \
    "SELECT id, paper_id, field, start, length, quote, prefix, suffix, colour, comment, created, " \
    "detached FROM highlights NOT INDEXED WHERE id "
        result.unreadableRows +=
            readRows(db, HIGHLIGHT_ROWS "> ?1 ORDER BY id", HIGHLIGHT_ROWS "= ?1",
                     "SELECT max(id) FROM highlights NOT INDEXED", [&](const Statement &st) {
                         const auto paper = papers.find(st.int64(1));
                         const std::optional<HighlightField> field =
                             highlightFieldFromName(st.text(2));
                         if (paper == papers.end() || !field || st.text(5).isEmpty())
                             return;
                         Highlight h;
                         h.field = *field;
                         h.start = st.integer(3);
                         h.length = st.integer(4);
                         h.quote = st.text(5);
                         h.prefix = st.text(6);
                         h.suffix = st.text(7);
                         h.colour = isHighlightColour(st.text(8)) ? st.text(8) : h.colour;
                         h.comment = st.text(9);
                         h.created = st.text(10);
                         h.detached = st.integer(11) != 0;
                         paper->reader.highlights.append(h);
                     });
#undef HIGHLIGHT_ROWS
    }
    for (auto it = papers.begin(); it != papers.end(); ++it) {
        const ReaderData &r = it->reader;
        if (r.starred || r.read || r.dismissed || !r.note.isEmpty() || !r.tags.isEmpty() ||
            !r.rulesApplied.isEmpty() || !r.noteHistory.isEmpty() || r.queuePosition ||
            !r.highlights.isEmpty())
            result.readerData.append(r);
    }

    result.unreadableRows += readRows(
        db,
        "SELECT id, content_hash, source, date, certainty, layout, entries, imported FROM digests "
        "NOT INDEXED WHERE id > ?1 ORDER BY id",
        "SELECT id, content_hash, source, date, certainty, layout, entries, imported FROM digests "
        "NOT INDEXED WHERE id = ?1",
        "SELECT max(id) FROM digests NOT INDEXED", [&](const Statement &st) {
            SalvagedDigest d;
            d.id = st.int64(0);
            d.contentHash = st.blob(1);
            d.source = st.text(2);
            d.date = dateOf(st, 3);
            d.certainty = DateCertainty(qBound(0, st.integer(4), int(DateCertainty::Undated)));
            d.layout = DigestLayout(qBound(0, st.integer(5), int(DigestLayout::Compact)));
            d.entries = st.integer(6);
            d.imported = QDateTime::fromString(st.text(7), Qt::ISODateWithMs);
            result.digests.append(d);
        });
    for (SalvagedDigest &d : result.digests) {
        // Position by position, through the table's own key.
        for (int position = 1; position <= d.entries; ++position) {
            auto st = db.cached("SELECT paper_id, upvotes FROM appearances WHERE digest_id = ?1 "
                                "AND position = ?2");
            st.bind(1, std::int64_t(d.id)).bind(2, position);
            if (st.next()) {
                const auto paper = papers.constFind(st.int64(0));
                if (paper == papers.constEnd())
                    continue;
                DigestEntry entry = paper->entry;
                entry.upvotes = sqlvalues::integerOrNone(st, 1);
                d.readEntries.append(entry);
            } else if (!st.ok()) {
                ++result.unreadableRows;
            }
        }
    }

    result.unreadableRows += readRows(
        db, "SELECT id, name, query FROM saved_searches NOT INDEXED WHERE id > ?1 ORDER BY id",
        "SELECT id, name, query FROM saved_searches NOT INDEXED WHERE id = ?1",
        "SELECT max(id) FROM saved_searches NOT INDEXED", [&](const Statement &st) {
            result.savedSearches.append({0, st.text(1), st.text(2)});
        });

    // Reader data restored from a backup and still waiting for its paper.
    // Keyed by text, so a damaged page ends the scan.
    const QByteArray pendingColumns =
        hasColumn(db, "pending_reader_data", "highlights")
            ? QByteArray(ReaderDataStore::kPendingColumns)
        : hasColumn(db, "pending_reader_data", "queue_position")
            ? QByteArray("key, title, starred, read, read_at, note, note_changed, dismissed, "
                         "dismissed_at, tags, rules_applied, note_history, queue_position")
        : hasColumn(db, "pending_reader_data", "note_history")
            ? QByteArray("key, title, starred, read, read_at, note, note_changed, dismissed, "
                         "dismissed_at, tags, rules_applied, note_history")
        : hasColumn(db, "pending_reader_data", "rules_applied")
            ? QByteArray("key, title, starred, read, read_at, note, note_changed, dismissed, "
                         "dismissed_at, tags, rules_applied")
        : hasColumn(db, "pending_reader_data", "dismissed")
            ? QByteArray("key, title, starred, read, read_at, note, note_changed, dismissed, "
                         "dismissed_at, tags")
            : QByteArray("key, title, starred, read, read_at, note, note_changed, 0, NULL, tags");
    Statement pending =
        db.prepare("SELECT " + pendingColumns + " FROM pending_reader_data ORDER BY key");
    while (pending.next())
        result.readerData.append(ReaderDataStore::pendingFromRow(pending));
    if (!pending.ok() && pending.isValid())
        ++result.unreadableRows;
    qCInfo(lcDatabase) << "salvaged" << result.papersRead << "papers," << result.digests.size()
                       << "digests from" << m_path << ";" << result.unreadableRows
                       << "rows unreadable";
    return result;
}

} // namespace gleaner
