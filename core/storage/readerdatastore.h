// The reader's own data (star, read state, "Not interested", notes, tags,
// the reading queue, highlights, saved searches, rules and what they did) as a
// backup reads and restores it, and the data a restore keeps waiting in
// pending_reader_data for papers the library has not imported yet. Keyed by
// paper identity (titleKey()), never by row id, so it moves between
// libraries.
#pragma once

#include "model/highlight.h"
#include "model/libraryinfo.h"
#include "model/noteversion.h"
#include "model/rule.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace gleaner {

class Statement;

class Database;

// One paper's reader data. Times are ISO 8601 text, empty when unknown; an
// empty note is no note.
struct ReaderData
{
    QString key;
    QString title;
    bool starred = false;
    bool read = false;
    QString readAt;
    bool dismissed = false; // "Not interested"
    QString dismissedAt;
    QStringList tags;
    QString note;
    QString noteChanged;
    // What rules did to it, as (rule name, action) pairs (storage/rulestore.h):
    // so a restored library does not redo what the reader undid.
    QList<std::pair<QString, QString>> rulesApplied;
    // The note's earlier versions, newest first (storage/notehistorystore.h).
    NoteHistory noteHistory;
    // Its place in the reading queue when it is queued: a sort key among the
    // other papers' (storage/queuestore.h). In a backup read back, the
    // paper's rank in the backup's queue (1 first).
    std::optional<qint64> queuePosition;
    // Its highlights, without the library's ids (storage/highlightstore.h).
    QList<Highlight> highlights;
};

// All the reader data of a library, read in one transaction.
struct ReaderDataSet
{
    QList<ReaderData> papers;         // papers with reader data, then waiting data
    QList<SavedSearch> savedSearches; // by name
    QList<Rule> rules;                // in the order they run
};

class ReaderDataStore final
{
    Q_DECLARE_TR_FUNCTIONS(ReaderDataStore)

public:
    explicit ReaderDataStore(Database &db);

    // Everything a backup holds, from one state of the library.
    [[nodiscard]] std::optional<ReaderDataSet> readAll();

    // The star, read state, dismissal and note of a paper in the library
    // (no tags, no note history).
    [[nodiscard]] std::optional<ReaderData> ofPaper(qint64 paperId);
    // Writes the star, read state, dismissal and note as given (tags are
    // TagStore's).
    [[nodiscard]] bool write(qint64 paperId, const ReaderData &data);

    // Data waiting under `key`; its key is empty when nothing waits.
    [[nodiscard]] std::optional<ReaderData> pending(const QString &key);
    // Keeps `data` (tags included) until its paper is imported, replacing
    // what waited under its key.
    [[nodiscard]] bool savePending(const ReaderData &data);
    // For the importer, once per new paper inside its transaction: moves the
    // data waiting under `key` onto the paper (its note history too); true
    // when there was some. One
    // primary-key lookup when nothing waits.
    [[nodiscard]] std::optional<bool> attachPending(qint64 paperId, const QString &key);

    // One row of pending_reader_data, selected with the columns of
    // kPendingColumns in that order (the salvage of a damaged file reads
    // them with its own statements).
    static constexpr const char *kPendingColumns = "key, title, starred, read, read_at, note, "
                                                   "note_changed, dismissed, dismissed_at, tags, "
                                                   "rules_applied, note_history, queue_position, "
                                                   "highlights";
    static ReaderData pendingFromRow(const Statement &row);

    // The saved searches, by name.
    [[nodiscard]] std::optional<QList<SavedSearch>> savedSearches();
    // Adds a saved search; false when the name is taken or on error.
    [[nodiscard]] bool addSavedSearch(const QString &name, const QString &query);

    QString errorString() const;

private:
    Database &m_db;
};

} // namespace gleaner
