// The Gleaner window: the sidebar of views, the list pane (search and
// papers), the reader pane and the annotation pane, with imports in the
// background, keyboard shortcuts, and window state remembered between runs.
#pragma once

#include "export/exporter.h"
#include "ingest/importer.h"
#include "preferences.h"
#include "sidebar.h"
#include "storage/library.h"

#include <QMainWindow>

#include <optional>

class QLabel;
class QLineEdit;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTimer;

namespace gleaner {

class AnnotationPane;
class ImportController;
class ImportStatusWidget;
class PaperListModel;
class ReaderView;
class SearchController;
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
    QString libraryError() const { return m_library.error(); }

    void importPaths(const QStringList &paths);
    void importText(const QByteArray &text, const QString &sourceName);
    void importSamples();

    // For tests and for anyone who needs to look inside.
    Library &library() { return m_library; }
    ReaderView *readerView() const { return m_reader; }
    QSplitter *splitter() const { return m_splitter; }
    Sidebar *sidebar() const { return m_sidebar; }
    QTableView *paperList() const { return m_list; }
    PaperListModel *paperModel() const { return m_model; }
    AnnotationPane *annotationPane() const { return m_annotations; }
    QLineEdit *searchField() const { return m_search; }
    std::optional<qint64> currentPaperId() const;
    bool selectPaper(qint64 id);

Q_SIGNALS:
    void searchFinished(int papers);
    void importFinished();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createEmptyState();
    void restoreWindowState();
    void saveWindowState() const;
    void applyPreferences();

    void scheduleSearch();
    void runSearch();
    void onSearchFinished(const SearchResult &result, bool complete);
    void showResultCount(const SearchResult &result);
    void showCurrentPaper();
    void refreshPapers(const QList<qint64> &ids, bool tagsChanged = false);
    void reloadSidebar();
    void onImportFinished(const ImportReport &part);

    QList<qint64> selectedIds() const;
    void moveSelection(int delta);
    void selectNextUnread();
    void pageOrNextUnread();
    void toggleStar();
    void toggleRead();
    void applyQuickTag(int index);

    void exportPapers();
    void copySelectionAs(ExportFormat format);
    void backUpAnnotations();
    void restoreAnnotations();
    void snapshotLibrary();
    void chooseFilesToImport();
    void chooseFolderToImport();
    void pasteDigest();
    void saveCurrentSearch();
    void renameTag(const QString &tag);
    void mergeTag(const QString &tag);
    void deleteTag(const QString &tag);
    void renameSavedSearch(qint64 id, const QString &name);
    void deleteSavedSearch(qint64 id, const QString &name);
    void redateDigest(qint64 id);
    void removeDigest(qint64 id);
    void editPreferences();
    void showShortcuts();
    void showAbout();
    void showError(const QString &what);

    Library m_library;
    Preferences m_prefs;
    SearchController *m_searcher = nullptr;
    ImportController *m_importer = nullptr;

    QSplitter *m_splitter = nullptr;
    Sidebar *m_sidebar = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_count = nullptr;
    QStackedWidget *m_listStack = nullptr;
    QTableView *m_list = nullptr;
    QWidget *m_emptyState = nullptr;
    PaperListModel *m_model = nullptr;
    ReaderView *m_reader = nullptr;
    AnnotationPane *m_annotations = nullptr;
    ImportStatusWidget *m_importStatus = nullptr;

    QTimer *m_searchTimer = nullptr;
    QTimer *m_markReadTimer = nullptr;
    SortOrder m_sort = SortOrder::Relevance;
    bool m_sortByColumn = false;
    bool m_reverse = false;
    qint64 m_shownPaper = 0;
    qint64 m_restorePaper = 0;
    bool m_selectingForUser = true;
    bool m_showingFirstPage = false;
    ImportReport m_importTotal;
    QList<QAction *> m_paperActions;
};

} // namespace gleaner
