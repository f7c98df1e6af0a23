// The window's menus, toolbar and keyboard shortcuts: the actions with
// their texts, keys and where the keys apply. Actions that only move the
// focus, the selection or the zoom are connected here; the window connects
// the others to what they do.
#pragma once

#include "shortcuteditor.h"

#include <QCoreApplication>
#include <QHash>
#include <QKeySequence>
#include <QList>

class QAction;
class QMainWindow;
class QUndoStack;
class QWidget;

namespace gleaner {

class AnnotationPane;
class ListPane;
class ReaderView;

class WindowActions final
{
    Q_DECLARE_TR_FUNCTIONS(WindowActions)

public:
    // Single-key shortcuts (S, U, J...) go on the list, the reader and the
    // sidebar only, so they never fire while typing; the search field gets
    // Down/Enter and Esc. Undo and Redo are the annotation history's.
    WindowActions(QMainWindow *window, ListPane *listPane, ReaderView *reader,
                  AnnotationPane *annotations, QWidget *sidebar, QUndoStack *history);
    Q_DISABLE_COPY_MOVE(WindowActions)

    QAction *importFiles = nullptr;
    QAction *importFolder = nullptr;
    QAction *pasteDigest = nullptr;
    QAction *importSamples = nullptr;
    QAction *openWeb = nullptr;       // the paper's web search, in the system's browser
    QAction *removeSamples = nullptr; // enabled while the library has sample digests
    QAction *exportPapers = nullptr;
    QAction *backUp = nullptr;
    QAction *restore = nullptr;
    QAction *snapshot = nullptr;
    QAction *repair = nullptr; // enabled once the library is found damaged
    QAction *saveSearch = nullptr;
    QAction *ruleFromSearch = nullptr;
    QAction *newRule = nullptr;
    QAction *preferences = nullptr;
    QAction *quit = nullptr;

    QAction *undo = nullptr;
    QAction *redo = nullptr;
    QAction *copyMarkdown = nullptr;
    QAction *copyBibtex = nullptr;

    QAction *star = nullptr;
    QAction *read = nullptr;
    QAction *dismiss = nullptr; // "Not interested", toggles
    QAction *queue = nullptr;   // the reading queue: adds, or takes out
    QAction *queueUp = nullptr; // in the Reading queue view: one place nearer the front
    QAction *queueDown = nullptr;
    QAction *tag = nullptr;
    QAction *note = nullptr;
    QAction *noteHistory = nullptr;
    QAction *highlight = nullptr; // the reader's selection, in the first colour
    QAction *next = nullptr;
    QAction *previous = nullptr;
    QAction *pageDown = nullptr;
    QAction *markAllRead = nullptr; // every paper of the list
    QAction *nextDigest = nullptr;
    QAction *previousDigest = nullptr;
    QList<QAction *> quickTags; // 1 to 9

    QAction *find = nullptr;
    QAction *hideRead = nullptr;     // checkable
    QAction *forYouOrder = nullptr;  // checkable: a digest in "For you" order once a model exists
    QAction *compactTable = nullptr; // checkable: the table instead of the reading layout
    QAction *readerBelow = nullptr;  // checkable: the reader under the list, for narrow windows
    QAction *zoomIn = nullptr;
    QAction *zoomOut = nullptr;
    QAction *actualSize = nullptr;

    QAction *shortcuts = nullptr;
    QAction *about = nullptr;

    QAction *searchToList = nullptr; // Down or Enter in the search field
    QAction *searchClear = nullptr;  // Esc in the search field

    // The menu actions whose keys Preferences can change, with their defaults.
    QList<ShortcutRow> shortcutRows() const;
    // Gives each of those actions the user's key, or its default keys.
    void applyShortcuts(const QHash<QString, QKeySequence> &overrides);

private:
    struct Rebindable
    {
        QAction *action;
        QList<QKeySequence> defaults;
    };
    QList<Rebindable> m_rebindable;
};

} // namespace gleaner
