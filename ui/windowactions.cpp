#include "windowactions.h"

#include "annotationpane.h"
#include "listpane.h"
#include "readerview.h"

#include <QAction>
#include <QIcon>
#include <QKeySequence>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QTableView>
#include <QToolBar>
#include <QUndoStack>

namespace gleaner {

WindowActions::WindowActions(QMainWindow *window, ListPane *listPane, ReaderView *reader,
                             AnnotationPane *annotations, QWidget *sidebar, QUndoStack *history)
{
    QWidget *list = listPane->table();
    QLineEdit *search = listPane->searchField();
    auto add = [window](QMenu *menu, const QString &text, const QList<QKeySequence> &keys = {}) {
        QAction *action = menu->addAction(text);
        action->setShortcuts(keys);
        window->addAction(action);
        return action;
    };
    auto paperKey = [list, reader, sidebar](QMenu *menu, const QString &text,
                                            const QList<QKeySequence> &keys) {
        QAction *action = menu->addAction(text);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        list->addAction(action);
        reader->addAction(action);
        sidebar->addAction(action);
        return action;
    };
    QMenuBar *bar = window->menuBar();

    QMenu *file = bar->addMenu(tr("&File"));
    importFiles = add(file, tr("&Import Digests…"), {QKeySequence::Open});
    importFiles->setIcon(QIcon::fromTheme(QStringLiteral("document-open")));
    importFolder =
        add(file, tr("Import &Folder…"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O)});
    pasteDigest = add(file, tr("&Paste Digest"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V)});
    importSamples = add(file, tr("Try &Sample Digests"));
    removeSamples = add(file, tr("Remove Sa&mple Digests\u2026"));
    removeSamples->setObjectName(QStringLiteral("removeSamplesAction"));
    removeSamples->setEnabled(false);
    file->addSeparator();
    exportPapers = add(file, tr("&Export…"), {QKeySequence(Qt::CTRL | Qt::Key_E)});
    backUp = add(file, tr("&Back Up Annotations…"));
    restore = add(file, tr("&Restore Annotations…"));
    snapshot = add(file, tr("Save a &Copy of the Library…"));
    repair = add(file, tr("Re&pair Library…"));
    repair->setObjectName(QStringLiteral("repairLibraryAction"));
    repair->setEnabled(false);
    file->addSeparator();
    saveSearch = add(file, tr("Save &Search…"), {QKeySequence::Save});
    ruleFromSearch = add(file, tr("Create R&ule from This Search…"),
                         {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)});
    ruleFromSearch->setToolTip(tr("A rule that tags, stars or marks what this search finds in "
                                  "every new digest"));
    newRule = add(file, tr("&New Rule…"));
    file->addSeparator();
    preferences = add(file, tr("Pre&ferences…"), {QKeySequence(Qt::CTRL | Qt::Key_Comma)});
    file->addSeparator();
    quit = add(file, tr("&Quit"), {QKeySequence::Quit});

    QMenu *edit = bar->addMenu(tr("&Edit"));
    // Text fields take Ctrl+Z for their own undo while they have the focus.
    undo = history->createUndoAction(window, tr("&Undo"));
    undo->setShortcuts(QKeySequence::Undo);
    redo = history->createRedoAction(window, tr("&Redo"));
    redo->setShortcuts(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    window->addAction(undo);
    window->addAction(redo);
    edit->addSeparator();
    copyMarkdown = add(edit, tr("Copy as &Markdown"), {QKeySequence::Copy});
    copyBibtex = add(edit, tr("Copy as &BibTeX"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)});
    // The same on the list's context menu.
    list->setContextMenuPolicy(Qt::ActionsContextMenu);
    list->addAction(copyMarkdown);
    list->addAction(copyBibtex);

    QMenu *paper = bar->addMenu(tr("&Paper"));
    star = paperKey(paper, tr("&Star"), {QKeySequence(Qt::Key_S)});
    read = paperKey(paper, tr("Mark &Read / Unread"), {QKeySequence(Qt::Key_U)});
    dismiss = paperKey(paper, tr("Not &Interested"), {QKeySequence(Qt::Key_X)});
    dismiss->setToolTip(tr("Not interested in this paper (again: interested after all)"));
    queue = paperKey(paper, tr("Read &Later (Reading Queue)"), {QKeySequence(Qt::Key_Q)});
    queue->setToolTip(tr("Add to the end of the reading queue (again: take it out)"));
    tag = paperKey(paper, tr("&Tag…"), {QKeySequence(Qt::Key_T)});
    note = paperKey(paper, tr("&Note…"), {QKeySequence(Qt::Key_N)});
    noteHistory =
        add(paper, tr("Note &History…"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N)});
    noteHistory->setToolTip(tr("Earlier versions of the note, to read or restore"));
    highlight = paperKey(paper, tr("&Highlight Selection"), {QKeySequence(Qt::Key_H)});
    highlight->setToolTip(tr("Highlight the passage selected in the reader (right-click it for "
                             "colours and a comment)"));
    openWeb = paperKey(paper, tr("Open on the &Web"), {QKeySequence(Qt::Key_O)});
    paper->addSeparator();
    next = paperKey(paper, tr("N&ext Paper"), {QKeySequence(Qt::Key_J)});
    previous = paperKey(paper, tr("&Previous Paper"), {QKeySequence(Qt::Key_K)});
    pageDown = paperKey(paper, tr("Page Down / Next &Unread"), {QKeySequence(Qt::Key_Space)});
    paper->addSeparator();
    queueUp = paperKey(paper, tr("&Move Up in the Queue"), {QKeySequence(Qt::CTRL | Qt::Key_Up)});
    queueDown =
        paperKey(paper, tr("M&ove Down in the Queue"), {QKeySequence(Qt::CTRL | Qt::Key_Down)});
    queueUp->setEnabled(false); // the Reading queue view enables them
    queueDown->setEnabled(false);
    paper->addSeparator();
    markAllRead = paperKey(paper, tr("Mark &All Read"), {QKeySequence(Qt::SHIFT | Qt::Key_C)});
    nextDigest = paperKey(paper, tr("Next &Digest"), {QKeySequence(Qt::SHIFT | Qt::Key_J)});
    previousDigest = paperKey(paper, tr("Pre&vious Digest"), {QKeySequence(Qt::SHIFT | Qt::Key_K)});
    paper->addSeparator();
    QMenu *quick = paper->addMenu(tr("&Quick Tags"));
    for (int i = 0; i < 9; ++i) {
        quickTags << paperKey(quick, tr("Quick Tag %1").arg(i + 1), {QKeySequence(Qt::Key_1 + i)});
    }

    QMenu *view = bar->addMenu(tr("&View"));
    find = add(view, tr("&Find"), {QKeySequence::Find, QKeySequence(Qt::Key_Slash)});
    view->addSeparator();
    hideRead = add(view, tr("&Hide Read Papers"), {QKeySequence(Qt::SHIFT | Qt::Key_H)});
    hideRead->setCheckable(true);
    forYouOrder = add(view, tr("Digests in &For You Order"), {});
    forYouOrder->setCheckable(true);
    forYouOrder->setChecked(true);
    forYouOrder->setToolTip(tr("A digest's papers by what you starred and tagged (once three "
                               "papers share a star or a tag), else in the digest's order"));
    compactTable =
        add(view, tr("Compact &Table"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T)});
    compactTable->setCheckable(true);
    readerBelow =
        add(view, tr("Reader &Below the List"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R)});
    readerBelow->setCheckable(true);
    view->addSeparator();
    zoomIn =
        add(view, tr("Zoom &In"), {QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    zoomOut = add(view, tr("Zoom &Out"), {QKeySequence::ZoomOut});
    actualSize = add(view, tr("&Actual Size"), {QKeySequence(Qt::CTRL | Qt::Key_0)});

    QMenu *help = bar->addMenu(tr("&Help"));
    shortcuts = add(help, tr("&Keyboard Shortcuts"),
                    {QKeySequence::HelpContents, QKeySequence(Qt::Key_Question)});
    about = add(help, tr("&About Gleaner"));

    QToolBar *toolBar = window->addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(importFiles);

    searchToList = new QAction(search);
    searchToList->setShortcuts(
        {QKeySequence(Qt::Key_Down), QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    searchToList->setShortcutContext(Qt::WidgetShortcut);
    search->addAction(searchToList);
    searchClear = new QAction(search);
    searchClear->setShortcut(QKeySequence(Qt::Key_Escape));
    searchClear->setShortcutContext(Qt::WidgetShortcut);
    search->addAction(searchClear);

    auto on = [window](QAction *action, auto slot) {
        QObject::connect(action, &QAction::triggered, window, slot);
    };
    on(tag, [annotations] { annotations->focusTagEditor(); });
    on(note, [annotations] { annotations->focusNoteEditor(); });
    on(next, [listPane] { listPane->moveSelection(1); });
    on(previous, [listPane] { listPane->moveSelection(-1); });
    on(find, [search] {
        search->setFocus(Qt::ShortcutFocusReason);
        search->selectAll();
    });
    on(zoomIn, [reader] { reader->zoomIn(); });
    on(zoomOut, [reader] { reader->zoomOut(); });
    on(actualSize, [reader] { reader->resetZoom(); });
    QObject::connect(searchClear, &QAction::triggered, search, &QLineEdit::clear);

    // Names the settings store keys under: stable whatever the language.
    const std::pair<QAction *, const char *> named[] = {
        {importFiles, "importFiles"},
        {importFolder, "importFolder"},
        {pasteDigest, "pasteDigest"},
        {exportPapers, "exportPapers"},
        {saveSearch, "saveSearch"},
        {ruleFromSearch, "ruleFromSearch"},
        {newRule, "newRule"},
        {preferences, "preferences"},
        {quit, "quit"},
        {copyMarkdown, "copyMarkdown"},
        {copyBibtex, "copyBibtex"},
        {star, "star"},
        {read, "read"},
        {dismiss, "dismiss"},
        {queue, "queue"},
        {queueUp, "queueUp"},
        {queueDown, "queueDown"},
        {tag, "tag"},
        {note, "note"},
        {noteHistory, "noteHistory"},
        {highlight, "highlight"},
        {openWeb, "openWeb"},
        {next, "nextPaper"},
        {previous, "previousPaper"},
        {pageDown, "pageDown"},
        {markAllRead, "markAllRead"},
        {nextDigest, "nextDigest"},
        {previousDigest, "previousDigest"},
        {find, "find"},
        {hideRead, "hideRead"},
        {forYouOrder, "forYouOrder"},
        {compactTable, "compactTable"},
        {readerBelow, "readerBelow"},
        {zoomIn, "zoomIn"},
        {zoomOut, "zoomOut"},
        {actualSize, "actualSize"},
        {shortcuts, "shortcuts"},
    };
    for (const auto &[action, name] : named) {
        action->setObjectName(QLatin1String(name));
        m_rebindable.append({action, action->shortcuts()});
    }
    for (int i = 0; i < int(quickTags.size()); ++i) {
        quickTags.at(i)->setObjectName(QStringLiteral("quickTag%1").arg(i + 1));
        m_rebindable.append({quickTags.at(i), quickTags.at(i)->shortcuts()});
    }
}

QList<ShortcutRow> WindowActions::shortcutRows() const
{
    QList<ShortcutRow> rows;
    for (const Rebindable &r : m_rebindable) {
        QString label = r.action->text();
        label.remove(QLatin1Char('&'));
        rows.append({r.action->objectName(), label, r.defaults.value(0)});
    }
    return rows;
}

void WindowActions::applyShortcuts(const QHash<QString, QKeySequence> &overrides)
{
    for (const Rebindable &r : std::as_const(m_rebindable)) {
        const auto it = overrides.constFind(r.action->objectName());
        if (it == overrides.cend())
            r.action->setShortcuts(r.defaults);
        else
            r.action->setShortcuts(it->isEmpty() ? QList<QKeySequence>() : QList{*it});
    }
}

} // namespace gleaner
