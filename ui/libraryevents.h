// The window's hub of library changes. Whatever changes the library (an
// annotation, a dialog-driven action, an import, another process) announces
// here what it changed, and each view updates just that: a row of the list,
// a count in the sidebar, the annotation pane. Nothing here touches the
// library; it only carries the news on the GUI thread.
#pragma once

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace gleaner {

// How an edit of reader data moved the counts the sidebar shows, so it can
// keep them without counting again. Zero means unchanged.
struct CountDelta
{
    int starred = 0;
    int unread = 0;
    int withNotes = 0;
    QHash<qint64, int> digestUnread;  // by digest id
    QHash<qint64, int> digestTriaged; // papers read, starred, dismissed or tagged, by digest id
    QHash<QString, int> tagPapers;    // by case-folded tag name
    bool tagsEdited = false;          // some paper gained or lost a tag
    bool dismissalsEdited = false;    // some paper became "Not interested", or stopped
    int queued = 0;                   // papers in the reading queue
    bool queueEdited = false;         // papers joined or left the reading queue

    bool isEmpty() const
    {
        return starred == 0 && unread == 0 && withNotes == 0 && digestUnread.isEmpty() &&
               digestTriaged.isEmpty() && tagPapers.isEmpty() && !tagsEdited && !dismissalsEdited &&
               queued == 0 && !queueEdited;
    }
};

class LibraryEvents final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryEvents)

public:
    explicit LibraryEvents(QObject *parent = nullptr);

Q_SIGNALS:
    // The reader data (star, read, tags, note) of these papers changed.
    void paperChanged(const QList<qint64> &ids, const gleaner::CountDelta &counts);
    // Tags were renamed, merged or deleted: many papers may show other tags.
    void tagsChanged();
    // Digests came, went or changed their date; so may have papers.
    void digestsChanged();
    void savedSearchesChanged();
    // Rules came, went, changed, or ran (their last match counts moved).
    void rulesChanged();
    // Anything may have changed (a restore, another process writing the
    // file): every view reads again what it shows.
    void libraryReplaced();
};

} // namespace gleaner

Q_DECLARE_METATYPE(gleaner::CountDelta)
