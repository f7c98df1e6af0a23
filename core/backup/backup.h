// Backups of what the reader made (stars, read state, "Not interested",
// tags, notes, the reading queue, highlights, saved searches, rules) and consistent copies of
// the whole library.
//
// Reader data is small and precious; digests can always be imported again.
// A backup therefore holds only the reader's data, keyed by paper identity
// (the title and its titleKey(), see titlekey.h), never by the library's row
// ids, so it can be restored into any library: this one, a new one on another
// machine, or one that has not imported the papers yet. Reader data for a
// paper the library does not know waits in the pending_reader_data table and
// is attached by the import when the paper arrives (storage/readerdatastore.h).
//
// The backup file: UTF-8 JSON, one object, version 1.
//
//   {
//     "format": "gleaner-reader-data",      // always this string
//     "version": 1,                         // a newer version is refused
//     "created": "2026-05-01T12:00:00.000Z",
//     "generator": "Gleaner 0.1.0",
//     "papers": [                           // sorted by key
//       {
//         "key": "tidal attention: ...",    // titleKey(title) when written
//         "title": "Tidal Attention: ...",  // the identity used on restore
//         "starred": true,
//         "read": true,
//         "read_at": "2026-03-04T08:00:00.000Z",   // or null
//         "dismissed": false,          // "Not interested"; older backups lack it: false
//         "dismissed_at": null,        // when it was dismissed, or null
//         "tags": ["moe", "to cite"],
//         "note": "text",                           // or null
//         "note_changed": "2026-03-04T08:01:00.000Z" // or null
//       }
//     ],
//     "saved_searches": [ { "name": "fish", "query": "tag:fish is:unread" } ],
//     "rules": [                            // in the order they run; older backups lack it
//       { "name": "qwen", "query": "qwen", "tags": ["llm"], "star": false,
//         "read": false, "dismiss": false, "queue": false }  // "queue": older lack it
//     ]
//   }
//
// A paper's entry may also hold "rules_applied": [["qwen", "tag:llm"], ...],
// what each rule did to it (storage/rulestore.h), so that a restored library
// does not redo what the reader undid by hand, "note_history":
// [{"text": "...", "saved": "2026-03-04T08:00:00.000Z", "pinned": false}, ...],
// the note's earlier versions, newest first (storage/notehistorystore.h;
// "pinned": the text before a large deletion), "queued": N, its place in
// the reading queue (1 first; older backups have no queue; a restore keeps
// the place of each paper already queued and appends the others in the
// backup's order), and "highlights": [...], the paper's highlights as
// model/highlight.h writes them (field, start, length, quote, prefix,
// suffix, colour, comment, created, detached); on restore each is anchored
// to the library's text of the paper (or kept detached), and one the paper
// has (the same field, quote and start) is skipped.
//
//
// Readers of version 1 ignore members they do not know, so later versions
// may add members without breaking older Gleaners; a change in the meaning
// of an existing member bumps "version". On restore the paper is found by
// titleKey(title) (the key recomputed, so a future change of titleKey() does
// not orphan old backups), or by "key" when the title is empty.
//
// Restoring merges and loses nothing: stars, read state and dismissals are
// kept when either side has them (the earlier time wins), tags are united, a note
// that one side lacks is taken, and two different notes are both kept, the
// library's first, then the backup's after a separator line, and reported.
// A note that already contains the other (a restore repeated) is left alone,
// so restoring the same file twice changes nothing the second time. Earlier
// versions of a note are united, one of the same time and text kept once.
// Saved searches are matched by name; a name with a different query is kept as
// "NAME (restored)", and so are rules (the same query and actions are the
// same rule); what a rule did follows the rule it was restored into. One
// transaction: an invalid file changes nothing.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace gleaner {

class Library;
struct ReaderDataSet;

struct BackupSummary
{
    int papers = 0; // papers with reader data written (pending ones included)
    int savedSearches = 0;
    int rules = 0;
};

struct RestoreReport
{
    int papers = 0;              // paper entries in the file
    int matched = 0;             // of them, papers this library has
    int pending = 0;             // of them, kept until the paper is imported
    int starsAdded = 0;          // papers that gained a star
    int readAdded = 0;           // papers that became read
    int dismissalsAdded = 0;     // papers that became "Not interested"
    int tagsAdded = 0;           // paper-tag pairs added
    int notesAdded = 0;          // notes taken where the library had none (or less)
    int noteVersionsAdded = 0;   // earlier versions of notes the library lacked
    int searchesAdded = 0;       // saved searches added (renamed ones included)
    int rulesAdded = 0;          // rules added (renamed ones included)
    int queued = 0;              // papers added to the reading queue (waiting ones included)
    int highlightsAdded = 0;     // highlights added (detached ones included)
    QStringList renamedRules;    // "NAME (restored)" names given to differing rules
    QStringList noteConflicts;   // titles of papers whose two notes were both kept
    QStringList renamedSearches; // "NAME (restored)" names given to differing searches

    // For people: "12 papers (10 in the library, 2 waiting for their
    // digests): 3 stars, 4 tags, 1 note added; 1 note kept twice".
    QString summary() const;

    Q_DECLARE_TR_FUNCTIONS(RestoreReport) // last: it ends in "private:"
};

// The reader data as a backup file, and what went into it.
struct BackupDocument
{
    QByteArray json;
    BackupSummary summary;
};

// Works on one library; each call that can fail says why in errorString().
class Backup final
{
    Q_DECLARE_TR_FUNCTIONS(Backup)

public:
    static constexpr int kFormatVersion = 1;

    explicit Backup(Library &library);

    // The reader data of the whole library as the JSON document above.
    [[nodiscard]] std::optional<BackupDocument> toJson();
    // The backup file of the given reader data (the repair of a damaged
    // library writes what it salvaged this way, to restore it by the same
    // rules).
    static BackupDocument document(const ReaderDataSet &data);
    // Written to a temporary file and renamed, so a failed backup never
    // replaces a good one.
    [[nodiscard]] std::optional<BackupSummary> write(const QString &path);

    // Merges a backup into the library (rules above). Nothing for a file that
    // is not a Gleaner backup or a failed write; the library is then
    // unchanged.
    [[nodiscard]] std::optional<RestoreReport> restore(const QString &path);
    [[nodiscard]] std::optional<RestoreReport> restoreData(const QByteArray &json);

    // A consistent copy of the whole library file with SQLite's online
    // backup API. It reads in one read transaction, so it sees one state of
    // the library even while another connection (the window, an import)
    // writes, and it does not block that writer in WAL mode. Written beside
    // `path` and renamed into place.
    [[nodiscard]] bool snapshot(const QString &path);

    QString errorString() const { return m_error; }

private:
    bool fail(const QString &why);

    Library &m_library;
    QString m_error;
};

} // namespace gleaner
