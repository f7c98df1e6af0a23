// Stars, read marks, "Not interested", tags and notes written from the window. Each edit goes
// to the library in one transaction, and then is announced on LibraryEvents
// with the papers it touched and how it moved the sidebar's counts, worked
// out from the papers' state before the edit: the views update a row and a
// few numbers instead of reading the library again.
//
// Stars, read marks, dismissals and tags set from the window can be undone (Ctrl+Z):
// each edit is kept in history() with the papers it really changed, so undo
// puts back exactly those and leaves the rest as they were. Notes are not:
// their editor has its own undo.
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QUndoStack>

#include <functional>
#include <optional>

class QObject;

namespace gleaner {

class AnnotationPane;
class Library;
class LibraryEvents;
struct Paper;

class Annotator final
{
    Q_DECLARE_TR_FUNCTIONS(Annotator)

public:
    Annotator(Library &library, LibraryEvents &events);
    Q_DISABLE_COPY_MOVE(Annotator)

    // Whether an edit goes into history(); the read timer's marks do not.
    enum class Record
    {
        Yes,
        No
    };

    [[nodiscard]] bool setStarred(const QList<qint64> &ids, bool starred);
    [[nodiscard]] bool setRead(const QList<qint64> &ids, bool read, Record record = Record::Yes);
    [[nodiscard]] bool setDismissed(const QList<qint64> &ids, bool dismissed);
    // Several papers: starred (read, dismissed) unless all of them are
    // already. toggleDismissed() says which it did; nullopt on failure.
    [[nodiscard]] bool toggleStarred(const QList<qint64> &ids);
    [[nodiscard]] bool toggleRead(const QList<qint64> &ids);
    [[nodiscard]] std::optional<bool> toggleDismissed(const QList<qint64> &ids);
    // The reading queue: added at its end in this order, or taken out. An
    // undone removal puts the paper back at the end.
    [[nodiscard]] bool setQueued(const QList<qint64> &ids, bool queued);
    // Queued unless all of them are already; which it did, nullopt on failure.
    [[nodiscard]] std::optional<bool> toggleQueued(const QList<qint64> &ids);
    [[nodiscard]] bool addTag(const QList<qint64> &ids, const QString &tag);
    [[nodiscard]] bool removeTag(const QList<qint64> &ids, const QString &tag);
    // Removes the tag when every paper has it, adds it otherwise: true when
    // it was added, false when removed; nullopt on failure.
    [[nodiscard]] std::optional<bool> toggleTag(const QList<qint64> &ids, const QString &tag);
    [[nodiscard]] bool setNote(qint64 id, const QString &text);
    // Makes an earlier version of the note (1 the newest) the note again;
    // the library keeps the note it replaces as the newest version.
    [[nodiscard]] bool restoreNoteVersion(qint64 id, int number);

    QString errorString() const { return m_error; }

    QUndoStack *history() { return &m_history; }
    // Hears when an undo or redo could not be written, with why.
    void onHistoryFailure(std::function<void(const QString &why)> failed)
    {
        m_historyFailed = std::move(failed);
    }

    // The pane's edits (star, read, dismissal, queue, tags, note) go straight to the library;
    // `done` hears whether each worked. Connections live as long as `receiver`.
    void follow(AnnotationPane *pane, QObject *receiver, std::function<void(bool ok)> done);

private:
    enum class Edit
    {
        Star,
        Read,
        Dismiss,
        Queue,
        AddTag,
        RemoveTag,
        Note
    };
    class HistoryEntry;

    [[nodiscard]] bool edit(const QList<qint64> &ids, Edit edit, bool on, const QString &text,
                            Record record = Record::Yes);
    [[nodiscard]] bool write(const QList<qint64> &ids, Edit edit, bool on, const QString &text);
    static QString describe(Edit edit, bool on, qsizetype papers, const QString &tag);
    // +1 when the edit makes the paper triaged, -1 when it stops being so.
    static int triagedChange(const Paper &before, Edit edit, bool on, const QString &tag);

    Library &m_library;
    LibraryEvents &m_events;
    QString m_error;
    QUndoStack m_history;
    std::function<void(const QString &)> m_historyFailed;
};

} // namespace gleaner
