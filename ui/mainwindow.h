// The Gleaner window: the sidebar of views, the list pane (search and
// papers), the reader pane and the annotation pane, with imports in the
// background, keyboard shortcuts, and window state remembered between runs.
// It lays the panes out and wires them: menus are built by WindowActions,
// dialog-driven work lives in actions/, and every change to the library is
// announced on LibraryEvents, to which each pane answers by updating what
// changed.
#pragma once

#include "actions/annotator.h"
#include "ingest/importer.h"
#include "libraryevents.h"
#include "preferences.h"
#include "readerhtml.h"
#include "search/searchquery.h"
#include "storage/library.h"

#include <QMainWindow>

#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QSplitter;
class QTableView;
class QTimer;

namespace gleaner {

class ActionContext;
class AnnotationPane;
class FolderWatcher;
class ImportController;
class ImportStatusWidget;
class LibraryJob;
class LibraryWatcher;
class RepairAction;
class ListPane;
class PaperListModel;
class ReaderView;
class SearchController;
class Sidebar;
class TriageProgress;
class WindowActions;
struct SearchResult;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // Opens the library at `libraryPath` (the preference, else the default
    // location, when empty). isLibraryOpen() tells whether that worked.
    explicit MainWindow(const QString &libraryPath = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    bool isLibraryOpen() const { return m_library.isOpen(); }
    QString libraryError() const { return m_library.errorString(); }

    void importPaths(const QStringList &paths);
    void importText(const QByteArray &text, const QString &sourceName);
    void importSamples();

    // For tests and for anyone who needs to look inside.
    Library &library() { return m_library; }
    LibraryEvents &events() { return m_events; }
    ReaderView *readerView() const { return m_reader; }
    QSplitter *splitter() const { return m_splitter; }
    // The list over the reader, while View > Reader Below the List is on.
    QSplitter *stackSplitter() const { return m_stack; }
    Sidebar *sidebar() const { return m_sidebar; }
    QTableView *paperList() const { return m_list; }
    PaperListModel *paperModel() const { return m_model; }
    AnnotationPane *annotationPane() const { return m_annotations; }
    QLineEdit *searchField() const { return m_search; }
    // The watched folder's watcher while Preferences turn it on; else null.
    FolderWatcher *folderWatcher() const { return m_folderWatcher.get(); }
    std::optional<qint64> currentPaperId() const;
    bool selectPaper(qint64 id);

Q_SIGNALS:
    void searchFinished(int papers);
    void importFinished();
    // A "For you" update ended (trained or not), and what shows scores was
    // refreshed.
    void rankingUpdated();

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void connectPanes();
    void connectActions();
    void connectEvents();
    void restoreWindowState();
    void saveWindowState() const;
    void applyPreferences();
    // Starts, moves or stops the watched folder as the preferences say.
    void applyWatchedFolder();
    void updateWatchStatus();
    // Moves the list and the reader into (or out of) the vertical splitter.
    void setReaderBelow(bool below);
    void defaultPaneSizes();

    void runSearch();
    // Enter or Down in the search field: into the list, once the words
    // typed have been searched.
    void enterListFromSearch();
    void onSearchFinished(const SearchResult &result, bool complete);
    // Why an empty list is empty, and where the words would find papers.
    QString emptyListNote();
    void showCurrentPaper();
    void openLinkedPaper(qint64 id);
    // The note's earlier versions in a dialog, and the one chosen restored.
    void showNoteHistory(qint64 id);
    // Highlights the reader's selection in `colour`, asking for a comment
    // first when `withComment`.
    void highlightSelection(const QString &colour, bool withComment);
    // The shown paper again, in the reader and the pane, after one of its
    // highlights changed.
    void refreshHighlights();
    void onPaperChanged(const QList<qint64> &ids, const CountDelta &delta);
    void onTagsChanged();
    void onLibraryReplaced();
    // Everything read from the file again (the list, the sidebar, the
    // paper shown), the undo history kept.
    void showFileAgain();
    void reloadSidebar();
    void reloadTags();
    void updateTagCompletions();
    void onImportsFinished(const ImportReport &report);
    // "For you": trains on a worker a moment after the annotations settle
    // (and after imports, and at start), then refreshes what shows scores.
    void scheduleRanking();
    void updateRanking();
    void showForYou(qint64 id, ReaderExtras &extras);
    void showTagSuggestions();

    QList<qint64> selectedIds() const;
    void applyQuickTag(int index);
    // Moves the paper in the reader `delta` places in the reading queue.
    void moveInQueue(int delta);
    // A paper dragged before the list's row `row` (the row count: the end).
    void dropInQueue(qint64 id, int row);
    void annotate(bool ok);
    ActionContext context();

    Library m_library;
    LibraryEvents m_events;
    Annotator m_annotator{m_library, m_events};
    Preferences m_prefs;
    SearchController *m_searcher = nullptr;
    ImportController *m_importer = nullptr;
    LibraryJob *m_jobs = nullptr;
    LibraryJob *m_rankJob = nullptr; // "For you" training, never on this thread
    QTimer *m_rankTimer = nullptr;
    bool m_hasRankModels = false;
    LibraryWatcher *m_watcher = nullptr;
    RepairAction *m_repair = nullptr;
    std::unique_ptr<WindowActions> m_actions;
    std::unique_ptr<FolderWatcher> m_folderWatcher;
    // The files the watched folder held at its start are in the imports
    // under way: their summary is shown only when it has news.
    bool m_quietWatchBatch = false;

    QSplitter *m_splitter = nullptr;
    QSplitter *m_stack = nullptr; // list over reader; out of the window while unused
    Sidebar *m_sidebar = nullptr;
    QLineEdit *m_search = nullptr;
    ListPane *m_listPane = nullptr;
    QTableView *m_list = nullptr;
    PaperListModel *m_model = nullptr;
    ReaderView *m_reader = nullptr;
    AnnotationPane *m_annotations = nullptr;
    ImportStatusWidget *m_importStatus = nullptr;
    TriageProgress *m_progress = nullptr;
    QLabel *m_watchStatus = nullptr;

    QTimer *m_searchTimer = nullptr;
    QTimer *m_markReadTimer = nullptr;
    qint64 m_shownPaper = 0;
    QString m_shownNote; // the note the reader shows, to know when it changed
    qint64 m_restorePaper = 0;
    // The view the last search ran in: a new search in the same view (words
    // typed or cleared) keeps the open paper even where the list lost it.
    QString m_searchedView;
    bool m_sameView = false;
    bool m_awaitingResults = false;    // the newest search has shown nothing yet
    bool m_enterListWhenFound = false; // enterListFromSearch() waits for it
    bool m_newQuestion = true; // the search on its way asks something else than the one shown
    bool m_newWords = false;   // ... with other words in the search field, not cleared
    QString m_searchedWords;   // the field's words the last search asked
    // The newest search asked for: the one whose results arrive (stale ones never do).
    SearchRequest m_searchRequest;
    bool m_selectingForUser = true;
    bool m_shownChosen = false;     // the reader chose the shown paper (else the window showed it)
    bool m_offerNextDigest = false; // Space at the end of a digest offered the next one
};

} // namespace gleaner
