#include "mainwindow.h"

#include "annotationpane.h"
#include "backup/backup.h"
#include "exportdialog.h"
#include "importcontroller.h"
#include "importstatuswidget.h"
#include "importsummary.h"
#include "paperlistmodel.h"
#include "readerview.h"
#include "searchcontroller.h"
#include "shortcutsdialog.h"
#include "uilogging.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDateEdit>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyleFactory>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <gleaner/buildinfo.h>

namespace gleaner {

namespace {

constexpr int kSearchDebounceMs = 120;

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1e, 0x20, 0x23);
    const QColor text(0xe3, 0xe3, 0xe0);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Highlight, QColor(0x3a, 0x6e, 0xa5));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9e, 0xa4));
    p.setColor(QPalette::Link, QColor(0x7f, 0xb2, 0xea));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    return p;
}

} // namespace

MainWindow::MainWindow(const QString &libraryPath, QWidget *parent)
    : QMainWindow(parent)
    , m_prefs(Preferences::load())
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_searchTimer(new QTimer(this))
    , m_markReadTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Gleaner"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/gleaner.svg")));
    setAcceptDrops(true);

    const QString path = !libraryPath.isEmpty()           ? libraryPath
                         : !m_prefs.libraryPath.isEmpty() ? m_prefs.libraryPath
                                                          : Library::defaultPath();
    if (!m_library.open(path))
        qCWarning(lcWindow) << m_library.error();

    // Sidebar.
    m_sidebar = new Sidebar(m_splitter);

    // List pane: search field, count, and the papers (or the empty state).
    auto *listPane = new QWidget(m_splitter);
    listPane->setObjectName(QStringLiteral("listPane"));
    m_search = new QLineEdit(listPane);
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setPlaceholderText(tr("Search papers  (/ or Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(tr("Words, \"phrases\", -exclude, OR, title: abstract:, is:starred "
                            "is:unread has:note tag: digest: date: upvotes: authors: org:"));
    m_count = new QLabel(listPane);
    m_count->setObjectName(QStringLiteral("resultCount"));
    m_count->setForegroundRole(QPalette::PlaceholderText);
    m_list = new QTableView(listPane);
    m_list->setObjectName(QStringLiteral("paperList"));
    m_model = new PaperListModel(&m_library, this);
    m_list->setModel(m_model);
    m_list->verticalHeader()->hide();
    m_list->verticalHeader()->setDefaultSectionSize(m_list->fontMetrics().height() + 8);
    m_list->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setShowGrid(false);
    m_list->setWordWrap(false);
    m_list->setAlternatingRowColors(true);
    m_list->setSortingEnabled(true);
    m_list->horizontalHeader()->setSortIndicatorShown(false);
    // The title takes what the other columns leave.
    QHeaderView *columns = m_list->horizontalHeader();
    columns->setStretchLastSection(false);
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setSectionResizeMode(PaperListModel::StarColumn, QHeaderView::Fixed);
    columns->setSectionResizeMode(PaperListModel::TitleColumn, QHeaderView::Stretch);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setColumnWidth(PaperListModel::StarColumn, 26);
    m_list->setColumnWidth(PaperListModel::PublishedColumn, 88);
    m_list->setColumnWidth(PaperListModel::UpvotesColumn, 64);
    m_list->setColumnWidth(PaperListModel::SubmitterColumn, 90);
    m_list->setColumnWidth(PaperListModel::TagsColumn, 80);
    m_listStack = new QStackedWidget(listPane);
    m_listStack->addWidget(m_list);
    createEmptyState();
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_count);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(6, 6, 0, 0);
    listLayout->addLayout(searchRow);
    listLayout->addWidget(m_listStack, 1);

    m_reader = new ReaderView(m_splitter);
    m_reader->setObjectName(QStringLiteral("readerPane"));
    m_annotations = new AnnotationPane(m_splitter);

    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(listPane);
    m_splitter->addWidget(m_reader);
    m_splitter->addWidget(m_annotations);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 4);
    m_splitter->setStretchFactor(3, 1);
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);

    m_importStatus = new ImportStatusWidget(this);
    statusBar()->addPermanentWidget(m_importStatus);

    // Workers with their own connections: searches and imports never block
    // the window.
    m_searcher = new SearchController(m_library.path(), this);
    m_importer = new ImportController(m_library.path(), this);
    m_importStatus->setController(m_importer);

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(kSearchDebounceMs);
    m_markReadTimer->setSingleShot(true);

    connect(m_search, &QLineEdit::textChanged, this, &MainWindow::scheduleSearch);
    connect(m_searchTimer, &QTimer::timeout, this, &MainWindow::runSearch);
    connect(m_searcher, &SearchController::firstPage, this,
            [this](quint64, const SearchResult &result) { onSearchFinished(result, false); });
    connect(m_searcher, &SearchController::finished, this,
            [this](quint64, const SearchResult &result) { onSearchFinished(result, true); });
    connect(m_sidebar, &Sidebar::viewSelected, this, [this] {
        m_sortByColumn = false;
        m_reverse = false;
        m_list->horizontalHeader()->setSortIndicatorShown(false);
        runSearch();
    });
    connect(m_model, &PaperListModel::sortRequested, this, [this](SortOrder order, bool reverse) {
        m_sort = order;
        m_reverse = reverse;
        m_sortByColumn = true;
        m_list->horizontalHeader()->setSortIndicatorShown(true);
        runSearch();
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::showCurrentPaper);
    connect(m_reader, &ReaderView::externalLinkActivated, this,
            [](const QUrl &url) { QDesktopServices::openUrl(url); });
    connect(m_markReadTimer, &QTimer::timeout, this, [this] {
        if (m_shownPaper && m_library.setRead({m_shownPaper}, true))
            refreshPapers({m_shownPaper});
    });

    // Annotations go straight to the library.
    connect(m_annotations, &AnnotationPane::starChanged, this, [this](qint64 id, bool on) {
        if (!m_library.setStarred({id}, on))
            showError(m_library.error());
        refreshPapers({id});
    });
    connect(m_annotations, &AnnotationPane::readChanged, this, [this](qint64 id, bool on) {
        m_markReadTimer->stop();
        if (!m_library.setRead({id}, on))
            showError(m_library.error());
        refreshPapers({id});
    });
    connect(m_annotations, &AnnotationPane::tagAdded, this, [this](qint64 id, const QString &tag) {
        if (!m_library.addTags({id}, {tag}))
            showError(m_library.error());
        refreshPapers({id}, true);
    });
    connect(m_annotations, &AnnotationPane::tagRemoved, this,
            [this](qint64 id, const QString &tag) {
                if (!m_library.removeTags({id}, {tag}))
                    showError(m_library.error());
                refreshPapers({id}, true);
            });
    connect(m_annotations, &AnnotationPane::noteChanged, this,
            [this](qint64 id, const QString &text) {
                if (!m_library.setNote(id, text))
                    showError(tr("Your note could not be saved: %1").arg(m_library.error()));
                m_model->refresh({id});
            });

    connect(m_annotations, &AnnotationPane::editingDone, this,
            [this] { m_list->setFocus(Qt::ShortcutFocusReason); });

    connect(m_sidebar, &Sidebar::tagRenameRequested, this, &MainWindow::renameTag);
    connect(m_sidebar, &Sidebar::tagMergeRequested, this, &MainWindow::mergeTag);
    connect(m_sidebar, &Sidebar::tagDeleteRequested, this, &MainWindow::deleteTag);
    connect(m_sidebar, &Sidebar::savedSearchRenameRequested, this, &MainWindow::renameSavedSearch);
    connect(m_sidebar, &Sidebar::savedSearchDeleteRequested, this, &MainWindow::deleteSavedSearch);
    connect(m_sidebar, &Sidebar::digestRedateRequested, this, &MainWindow::redateDigest);
    connect(m_sidebar, &Sidebar::digestRemoveRequested, this, &MainWindow::removeDigest);

    connect(m_importer, &ImportController::finished, this, &MainWindow::onImportFinished);

    createActions();
    restoreWindowState();
    applyPreferences();
    if (m_library.isOpen()) {
        reloadSidebar();
        runSearch();
    } else {
        m_listStack->setCurrentWidget(m_emptyState);
        centralWidget()->setEnabled(false);
    }
}

MainWindow::~MainWindow() = default;

void MainWindow::createEmptyState()
{
    m_emptyState = new QWidget(m_listStack);
    m_emptyState->setObjectName(QStringLiteral("emptyState"));
    auto *title = new QLabel(tr("<h3>No digests yet</h3>"), m_emptyState);
    auto *text = new QLabel(tr("Import the daily digests you saved as text: single files, "
                               "folders or archives. You can also drop them on this window "
                               "or paste a copied page with Ctrl+Shift+V."),
                            m_emptyState);
    text->setWordWrap(true);
    auto *importButton = new QPushButton(tr("Import Digests…"), m_emptyState);
    importButton->setObjectName(QStringLiteral("importButton"));
    auto *samplesButton = new QPushButton(tr("Try Sample Digests"), m_emptyState);
    samplesButton->setObjectName(QStringLiteral("samplesButton"));
    connect(importButton, &QPushButton::clicked, this, &MainWindow::chooseFilesToImport);
    connect(samplesButton, &QPushButton::clicked, this, &MainWindow::importSamples);
    auto *layout = new QVBoxLayout(m_emptyState);
    layout->addStretch(1);
    for (QLabel *label : {title, text}) {
        label->setAlignment(Qt::AlignCenter);
        layout->addWidget(label);
    }
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(importButton);
    buttons->addWidget(samplesButton);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addStretch(2);
    m_listStack->addWidget(m_emptyState);
}

void MainWindow::createActions()
{
    auto add = [this](QMenu *menu, const QString &text, auto slot,
                      const QList<QKeySequence> &keys = {}) {
        QAction *action = menu->addAction(text);
        action->setShortcuts(keys);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    // Single-key shortcuts must not fire while typing: they live on the
    // list and the reader only.
    auto paperKey = [this](QMenu *menu, const QString &text, auto slot,
                           const QList<QKeySequence> &keys) {
        QAction *action = menu->addAction(text);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        m_list->addAction(action);
        m_reader->addAction(action);
        m_paperActions << action;
        return action;
    };

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *importFiles =
        add(file, tr("&Import Digests…"), &MainWindow::chooseFilesToImport, {QKeySequence::Open});
    importFiles->setIcon(QIcon::fromTheme(QStringLiteral("document-open")));
    add(file, tr("Import &Folder…"), &MainWindow::chooseFolderToImport,
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O)});
    add(file, tr("&Paste Digest"), &MainWindow::pasteDigest,
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V)});
    add(file, tr("Try &Sample Digests"), &MainWindow::importSamples);
    file->addSeparator();
    add(file, tr("&Export…"), &MainWindow::exportPapers, {QKeySequence(Qt::CTRL | Qt::Key_E)});
    add(file, tr("&Back Up Annotations…"), &MainWindow::backUpAnnotations);
    add(file, tr("&Restore Annotations…"), &MainWindow::restoreAnnotations);
    add(file, tr("Save a &Copy of the Library…"), &MainWindow::snapshotLibrary);
    file->addSeparator();
    add(file, tr("Save &Search…"), &MainWindow::saveCurrentSearch, {QKeySequence::Save});
    file->addSeparator();
    add(file, tr("Pre&ferences…"), &MainWindow::editPreferences,
        {QKeySequence(Qt::CTRL | Qt::Key_Comma)});
    file->addSeparator();
    add(file, tr("&Quit"), &QWidget::close, {QKeySequence::Quit});

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *copyMd =
        add(edit, tr("Copy as &Markdown"), [this] { copySelectionAs(ExportFormat::Markdown); },
            {QKeySequence::Copy});
    QAction *copyBib =
        add(edit, tr("Copy as &BibTeX"), [this] { copySelectionAs(ExportFormat::BibTeX); },
            {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)});
    // The same on the list's context menu.
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_list->addAction(copyMd);
    m_list->addAction(copyBib);

    QMenu *paper = menuBar()->addMenu(tr("&Paper"));
    paperKey(paper, tr("&Star"), &MainWindow::toggleStar, {QKeySequence(Qt::Key_S)});
    paperKey(paper, tr("Mark &Read / Unread"), &MainWindow::toggleRead, {QKeySequence(Qt::Key_U)});
    paperKey(paper, tr("&Tag…"), [this] { m_annotations->focusTagEditor(); },
             {QKeySequence(Qt::Key_T)});
    paperKey(paper, tr("&Note…"), [this] { m_annotations->focusNoteEditor(); },
             {QKeySequence(Qt::Key_N)});
    paper->addSeparator();
    paperKey(paper, tr("N&ext Paper"), [this] { moveSelection(1); }, {QKeySequence(Qt::Key_J)});
    paperKey(paper, tr("&Previous Paper"), [this] { moveSelection(-1); },
             {QKeySequence(Qt::Key_K)});
    paperKey(paper, tr("Page Down / Next &Unread"), &MainWindow::pageOrNextUnread,
             {QKeySequence(Qt::Key_Space)});
    QMenu *quick = paper->addMenu(tr("&Quick Tags"));
    for (int i = 0; i < 9; ++i) {
        paperKey(quick, tr("Quick Tag %1").arg(i + 1), [this, i] { applyQuickTag(i); },
                 {QKeySequence(Qt::Key_1 + i)});
    }

    QMenu *view = menuBar()->addMenu(tr("&View"));
    add(view, tr("&Find"),
        [this] {
            m_search->setFocus(Qt::ShortcutFocusReason);
            m_search->selectAll();
        },
        {QKeySequence::Find, QKeySequence(Qt::Key_Slash)});
    view->addSeparator();
    add(view, tr("Zoom &In"), [this] { m_reader->zoomIn(); },
        {QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    add(view, tr("Zoom &Out"), [this] { m_reader->zoomOut(); }, {QKeySequence::ZoomOut});
    add(view, tr("&Actual Size"), [this] { m_reader->resetZoom(); },
        {QKeySequence(Qt::CTRL | Qt::Key_0)});

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    add(help, tr("&Keyboard Shortcuts"), &MainWindow::showShortcuts,
        {QKeySequence::HelpContents, QKeySequence(Qt::Key_Question)});
    add(help, tr("&About Gleaner"), &MainWindow::showAbout);

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(importFiles);

    // Down or Enter in the search field moves to the results.
    auto *toList = new QAction(m_search);
    toList->setShortcuts(
        {QKeySequence(Qt::Key_Down), QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    toList->setShortcutContext(Qt::WidgetShortcut);
    connect(toList, &QAction::triggered, this, [this] {
        m_list->setFocus(Qt::ShortcutFocusReason);
        if (!m_list->currentIndex().isValid())
            moveSelection(0);
    });
    m_search->addAction(toList);

    // Esc in the search field clears it.
    auto *clear = new QAction(m_search);
    clear->setShortcut(QKeySequence(Qt::Key_Escape));
    clear->setShortcutContext(Qt::WidgetShortcut);
    connect(clear, &QAction::triggered, m_search, &QLineEdit::clear);
    m_search->addAction(clear);
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1400, 860);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    const QByteArray split = settings.value(QStringLiteral("window/splitter")).toByteArray();
    if (split.isEmpty() || !m_splitter->restoreState(split))
        m_splitter->setSizes({170, 600, 450, 180});
    m_list->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("list/header")).toByteArray());
    m_sortByColumn = settings.value(QStringLiteral("list/sortByColumn")).toBool();
    m_sort = SortOrder(settings.value(QStringLiteral("list/sort"), 0).toInt());
    m_reverse = settings.value(QStringLiteral("list/reverse")).toBool();
    m_list->horizontalHeader()->setSortIndicatorShown(m_sortByColumn);
    m_restorePaper = settings.value(QStringLiteral("view/paper")).toLongLong();
    const QString view = settings.value(QStringLiteral("view/key")).toString();
    if (m_library.isOpen()) {
        const QSignalBlocker block(m_sidebar);
        m_sidebar->reload(m_library);
        m_sidebar->selectView(view);
    }
    m_reader->setZoomFactor(settings.value(QStringLiteral("reader/zoom"), 1.0).toReal());
}

void MainWindow::saveWindowState() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("list/header"), m_list->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("list/sortByColumn"), m_sortByColumn);
    settings.setValue(QStringLiteral("list/sort"), int(m_sort));
    settings.setValue(QStringLiteral("list/reverse"), m_reverse);
    settings.setValue(QStringLiteral("view/key"), m_sidebar->currentView().key);
    settings.setValue(QStringLiteral("view/paper"), m_shownPaper);
    settings.setValue(QStringLiteral("reader/zoom"), m_reader->zoomFactor());
}

void MainWindow::applyPreferences()
{
    switch (m_prefs.theme) {
    case Preferences::Theme::Dark:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
        break;
    case Preferences::Theme::Light:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(QApplication::style()->standardPalette());
        break;
    case Preferences::Theme::System:
        break;
    }
    m_reader->setFontSize(m_prefs.readerFontSize);
}

void MainWindow::scheduleSearch()
{
    m_searchTimer->start();
}

void MainWindow::runSearch()
{
    m_searchTimer->stop();
    if (!m_library.isOpen())
        return;
    const SidebarView view = m_sidebar->currentView();
    SearchRequest request;
    request.query = QString(view.query + QLatin1Char(' ') + m_search->text()).trimmed();
    request.sort = m_sortByColumn ? m_sort : view.sort;
    request.reverse = m_sortByColumn && m_reverse;
    request.digestId = view.digestId;
    request.prefixLastWord = !m_search->text().endsWith(QLatin1Char(' '));
    request.countTotal = false;
    // Whatever page is up belongs to the search this one replaces.
    m_showingFirstPage = false;
    m_searcher->search(request);
}

void MainWindow::onSearchFinished(const SearchResult &result, bool complete)
{
    if (!result.ok) {
        statusBar()->showMessage(result.error, 8000);
        return;
    }
    if (complete && m_showingFirstPage) {
        // The rest of the list the first page began: append, keep the view.
        m_showingFirstPage = false;
        m_model->extendIds(result.ids);
        showResultCount(result);
        m_selectingForUser = false;
        if (m_restorePaper && selectPaper(m_restorePaper))
            m_restorePaper = 0;
        m_selectingForUser = true;
        Q_EMIT searchFinished(int(result.ids.size()));
        return;
    }
    m_showingFirstPage = !complete;
    const std::optional<qint64> keep =
        m_restorePaper ? std::optional<qint64>(m_restorePaper) : currentPaperId();
    m_model->setIds(result.ids);
    showResultCount(result);
    m_reader->setHighlightTerms(result.highlightTerms);
    const bool empty = m_library.paperCount() == 0;
    m_listStack->setCurrentWidget(empty ? m_emptyState : static_cast<QWidget *>(m_list));
    // Showing a paper again after a search is not reading it.
    m_selectingForUser = false;
    const bool kept = keep && selectPaper(*keep);
    if (!kept)
        showCurrentPaper();
    m_selectingForUser = true;
    // A paper to restore may be further down than the first page.
    m_restorePaper = kept || complete ? 0 : keep.value_or(0);
    if (complete)
        Q_EMIT searchFinished(int(result.ids.size()));
}

void MainWindow::showResultCount(const SearchResult &result)
{
    const qsizetype n = result.ids.size();
    QString count = n == 1 ? tr("1 paper") : tr("%1 papers").arg(QLocale().toString(n));
    if (m_showingFirstPage)
        count = tr("%1+ papers").arg(QLocale().toString(n));
    m_count->setText(result.ranked ? count : tr("%1, newest first").arg(count));
    m_count->setToolTip(result.ranked ? QString()
                                      : tr("Too many matches to rank by relevance; add a word "
                                           "to narrow them down."));
}

std::optional<qint64> MainWindow::currentPaperId() const
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    return m_model->idAt(current.row());
}

bool MainWindow::selectPaper(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row, PaperListModel::TitleColumn);
    m_list->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_list->scrollTo(index);
    return true;
}

void MainWindow::showCurrentPaper()
{
    const std::optional<qint64> id = currentPaperId();
    if (id && *id == m_shownPaper)
        return;
    m_markReadTimer->stop();
    const std::optional<Paper> paper = id ? m_library.paper(*id) : std::nullopt;
    m_annotations->setPaper(paper);
    m_reader->setPaper(paper);
    m_shownPaper = paper ? paper->id : 0;
    if (paper && !paper->read && m_prefs.markReadDelaySec > 0 && m_selectingForUser)
        m_markReadTimer->start(m_prefs.markReadDelaySec * 1000);
}

void MainWindow::refreshPapers(const QList<qint64> &ids, bool tagsChanged)
{
    m_model->refresh(ids);
    if (m_shownPaper && ids.contains(m_shownPaper)) {
        if (const std::optional<Paper> paper = m_library.paper(m_shownPaper)) {
            m_annotations->updateState(*paper);
            if (tagsChanged)
                m_reader->setPaper(paper);
        }
    }
    reloadSidebar();
}

void MainWindow::reloadSidebar()
{
    const QSignalBlocker block(m_sidebar);
    m_sidebar->reload(m_library);
    QStringList names;
    for (const TagCount &t : m_library.tagCounts())
        names << t.name;
    m_annotations->setTagCompletions(names);
}

QList<qint64> MainWindow::selectedIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &index : m_list->selectionModel()->selectedRows())
        ids << m_model->idAt(index.row());
    if (ids.isEmpty() && m_shownPaper)
        ids << m_shownPaper;
    return ids;
}

void MainWindow::moveSelection(int delta)
{
    if (m_model->rowCount() == 0)
        return;
    const int row = m_list->currentIndex().isValid() ? m_list->currentIndex().row() + delta : 0;
    const QModelIndex index =
        m_model->index(qBound(0, row, m_model->rowCount() - 1), PaperListModel::TitleColumn);
    m_list->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_list->scrollTo(index);
}

void MainWindow::selectNextUnread()
{
    const int start = m_list->currentIndex().isValid() ? m_list->currentIndex().row() + 1 : 0;
    for (int row = start; row < m_model->rowCount(); ++row) {
        if (!m_model->index(row, 0).data(PaperListModel::ReadRole).toBool()) {
            moveSelection(row - (start - 1));
            return;
        }
    }
    statusBar()->showMessage(tr("No more unread papers in this list."), 4000);
}

void MainWindow::pageOrNextUnread()
{
    // Scroll the abstract a screen; at its end, go on to the next unread.
    m_reader->page()->runJavaScript(
        QStringLiteral("(() => { const atEnd = window.innerHeight + window.scrollY >= "
                       "document.documentElement.scrollHeight - 2; if (!atEnd) "
                       "window.scrollBy(0, window.innerHeight * 0.9); return atEnd; })()"),
        [this](const QVariant &atEnd) {
            if (atEnd.toBool())
                selectNextUnread();
        });
}

void MainWindow::toggleStar()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    // Several papers: star them all unless all are starred already.
    bool allStarred = true;
    for (const Paper &p : m_library.papers(ids))
        allStarred = allStarred && p.starred;
    if (!m_library.setStarred(ids, !allStarred))
        showError(m_library.error());
    refreshPapers(ids);
}

void MainWindow::toggleRead()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    m_markReadTimer->stop();
    bool allRead = true;
    for (const Paper &p : m_library.papers(ids))
        allRead = allRead && p.read;
    if (!m_library.setRead(ids, !allRead))
        showError(m_library.error());
    refreshPapers(ids);
}

void MainWindow::applyQuickTag(int index)
{
    // Quick tags are the most used ones, most used first.
    QList<TagCount> tags = m_library.tagCounts();
    std::stable_sort(tags.begin(), tags.end(),
                     [](const TagCount &a, const TagCount &b) { return a.papers > b.papers; });
    const QList<qint64> ids = selectedIds();
    if (index >= tags.size() || ids.isEmpty())
        return;
    const QString tag = tags.at(index).name;
    bool allHave = true;
    for (const Paper &p : m_library.papers(ids))
        allHave = allHave && p.tags.contains(tag, Qt::CaseInsensitive);
    const bool ok = allHave ? m_library.removeTags(ids, {tag}) : m_library.addTags(ids, {tag});
    if (!ok)
        showError(m_library.error());
    statusBar()->showMessage(allHave ? tr("Removed the tag \u201c%1\u201d").arg(tag)
                                     : tr("Tagged \u201c%1\u201d").arg(tag),
                             3000);
    refreshPapers(ids, true);
}

void MainWindow::importPaths(const QStringList &paths)
{
    if (!paths.isEmpty())
        m_importer->importPaths(paths);
}

void MainWindow::importText(const QByteArray &text, const QString &sourceName)
{
    m_importer->importText(text, sourceName);
}

void MainWindow::importSamples()
{
    m_importer->importSamples();
}

void MainWindow::chooseFilesToImport()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Import Digests"), QSettings().value(QStringLiteral("import/lastDir")).toString(),
        tr("Digests and archives (*.txt *.zip *.tar *.tar.gz *.tgz *.tar.bz2 *.tar.xz);;"
           "All files (*)"));
    if (files.isEmpty())
        return;
    QSettings().setValue(QStringLiteral("import/lastDir"), QFileInfo(files.first()).absolutePath());
    importPaths(files);
}

void MainWindow::chooseFolderToImport()
{
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Import a Folder of Digests"),
        QSettings().value(QStringLiteral("import/lastDir")).toString());
    if (dir.isEmpty())
        return;
    QSettings().setValue(QStringLiteral("import/lastDir"), dir);
    importPaths({dir});
}

void MainWindow::pasteDigest()
{
    const QString text = QApplication::clipboard()->text();
    if (text.trimmed().isEmpty()) {
        statusBar()->showMessage(tr("The clipboard holds no text to import."), 5000);
        return;
    }
    importText(text.toUtf8(), tr("(pasted)"));
}

void MainWindow::onImportFinished(const ImportReport &part)
{
    // Several requests (the samples, a drop of many files) make one summary.
    m_importTotal.add(part);
    if (m_importer->isBusy()) {
        reloadSidebar();
        runSearch();
        return;
    }
    const ImportReport report = std::exchange(m_importTotal, ImportReport());
    statusBar()->showMessage(importStatusLine(report), 10000);
    if (importNeedsAttention(report))
        showImportSummary(report, this);
    reloadSidebar();
    runSearch();
    Q_EMIT importFinished();
}

void MainWindow::exportPapers()
{
    ExportScopes scopes;
    scopes.currentView = m_model->ids();
    scopes.currentViewLabel = m_sidebar->currentView().label;
    for (const QModelIndex &index : m_list->selectionModel()->selectedRows())
        scopes.selection << m_model->idAt(index.row());
    ExportDialog dialog(m_library, scopes, this);
    dialog.exec();
}

void MainWindow::copySelectionAs(ExportFormat format)
{
    // Ctrl+C in a text field copies its text, not papers.
    if (auto *focus = QApplication::focusWidget();
        focus && (qobject_cast<QLineEdit *>(focus) || focus->inherits("QPlainTextEdit")))
        return;
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    QApplication::clipboard()->setText(ExportDialog::exportText(m_library, ids, format));
    statusBar()->showMessage(
        tr("Copied %n paper(s) as %1.", nullptr, int(ids.size())).arg(exportFormatLabel(format)),
        4000);
}

void MainWindow::backUpAnnotations()
{
    QSettings settings;
    const QString suggested =
        QDir(settings.value(QStringLiteral("backup/lastDir"), QDir::homePath()).toString())
            .filePath(QStringLiteral("gleaner-annotations-%1.json")
                          .arg(QDate::currentDate().toString(Qt::ISODate)));
    const QString path = QFileDialog::getSaveFileName(this, tr("Back Up Annotations"), suggested,
                                                      tr("Gleaner backup (*.json)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("backup/lastDir"), QFileInfo(path).absolutePath());
    QString error;
    BackupSummary summary;
    if (!Backup::write(m_library, path, &error, &summary)) {
        QMessageBox::warning(this, tr("Back Up Annotations"), error);
        return;
    }
    statusBar()->showMessage(
        tr("Backed up the annotations of %n paper(s) to %1.", nullptr, summary.papers)
            .arg(QFileInfo(path).fileName()),
        8000);
}

void MainWindow::restoreAnnotations()
{
    QSettings settings;
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Restore Annotations"),
        settings.value(QStringLiteral("backup/lastDir"), QDir::homePath()).toString(),
        tr("Gleaner backup (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    if (QMessageBox::question(this, tr("Restore Annotations"),
                              tr("Merge the stars, read marks, tags, notes and saved searches in "
                                 "%1 into this library? Nothing you have is removed: tags are "
                                 "added, and where a paper has two different notes both are kept.")
                                  .arg(QFileInfo(path).fileName()),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Yes) != QMessageBox::Yes)
        return;
    QString error;
    RestoreReport report;
    if (!Backup::restore(m_library, path, &report, &error)) {
        QMessageBox::warning(this, tr("Restore Annotations"), error);
        return;
    }
    QString text = report.summary();
    if (!report.noteConflicts.isEmpty())
        text +=
            QStringLiteral("\n\n") + tr("These papers now hold both notes, one after the other:") +
            QStringLiteral("\n\u2022 ") + report.noteConflicts.join(QStringLiteral("\n\u2022 "));
    QMessageBox::information(this, tr("Restore Annotations"), text);
    m_model->refreshAll();
    reloadSidebar();
    m_shownPaper = 0;
    showCurrentPaper();
}

void MainWindow::snapshotLibrary()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save a Copy of the Library"),
        QDir::home().filePath(QStringLiteral("gleaner-library-%1.sqlite3")
                                  .arg(QDate::currentDate().toString(Qt::ISODate))),
        tr("Gleaner library (*.sqlite3)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!Backup::snapshot(m_library, path, &error)) {
        QMessageBox::warning(this, tr("Save a Copy of the Library"), error);
        return;
    }
    statusBar()->showMessage(tr("Saved a copy of the library to %1.").arg(path), 8000);
}

void MainWindow::saveCurrentSearch()
{
    const QString query =
        QString(m_sidebar->currentView().query + QLatin1Char(' ') + m_search->text()).trimmed();
    if (query.isEmpty()) {
        statusBar()->showMessage(tr("Type a search first, then save it."), 5000);
        return;
    }
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Save Search"), tr("Name for \u201c%1\u201d:").arg(query),
                              QLineEdit::Normal, m_search->text().trimmed(), &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    if (!m_library.saveSearch(name, query))
        showError(m_library.error());
    reloadSidebar();
}

void MainWindow::renameTag(const QString &tag)
{
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Rename Tag"), tr("New name:"), QLineEdit::Normal, tag, &ok);
    if (!ok || name.trimmed().isEmpty() || name == tag)
        return;
    if (!m_library.renameTag(tag, name))
        showError(m_library.error());
    m_model->refreshAll();
    refreshPapers({m_shownPaper}, true);
}

void MainWindow::mergeTag(const QString &tag)
{
    QStringList others;
    for (const TagCount &t : m_library.tagCounts()) {
        if (t.name != tag)
            others << t.name;
    }
    if (others.isEmpty()) {
        statusBar()->showMessage(tr("There is no other tag to merge into."), 5000);
        return;
    }
    bool ok = false;
    const QString into = QInputDialog::getItem(
        this, tr("Merge Tag"), tr("Merge \u201c%1\u201d into:").arg(tag), others, 0, false, &ok);
    if (!ok)
        return;
    if (!m_library.mergeTags(tag, into))
        showError(m_library.error());
    m_model->refreshAll();
    refreshPapers({m_shownPaper}, true);
}

void MainWindow::deleteTag(const QString &tag)
{
    int papers = 0;
    for (const TagCount &t : m_library.tagCounts()) {
        if (t.name == tag)
            papers = t.papers;
    }
    if (QMessageBox::question(this, tr("Delete Tag"),
                              tr("Delete the tag \u201c%1\u201d from %n paper(s)? The papers "
                                 "themselves stay.",
                                 nullptr, papers)
                                  .arg(tag),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    if (!m_library.deleteTag(tag))
        showError(m_library.error());
    m_model->refreshAll();
    refreshPapers({m_shownPaper}, true);
    runSearch();
}

void MainWindow::renameSavedSearch(qint64 id, const QString &name)
{
    bool ok = false;
    const QString newName = QInputDialog::getText(this, tr("Rename Saved Search"), tr("New name:"),
                                                  QLineEdit::Normal, name, &ok);
    if (!ok || newName.trimmed().isEmpty())
        return;
    if (!m_library.renameSavedSearch(id, newName))
        showError(m_library.error());
    reloadSidebar();
}

void MainWindow::deleteSavedSearch(qint64 id, const QString &name)
{
    if (QMessageBox::question(this, tr("Delete Saved Search"),
                              tr("Delete the saved search \u201c%1\u201d?").arg(name),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    if (!m_library.deleteSavedSearch(id))
        showError(m_library.error());
    reloadSidebar();
}

void MainWindow::redateDigest(qint64 id)
{
    const std::optional<DigestInfo> digest = m_library.digest(id);
    if (!digest)
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Correct Digest Date"));
    auto *edit =
        new QDateEdit(digest->date.isValid() ? digest->date : QDate::currentDate(), &dialog);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    auto *label = new QLabel(tr("The date of the digest from %1:").arg(digest->source), &dialog);
    label->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(label);
    layout->addWidget(edit);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (!m_library.setDigestDate(id, edit->date()))
        showError(m_library.error());
    reloadSidebar();
    runSearch();
}

void MainWindow::removeDigest(qint64 id)
{
    const std::optional<DigestInfo> digest = m_library.digest(id);
    if (!digest)
        return;
    const QString when =
        digest->date.isValid() ? QLocale().toString(digest->date) : tr("the undated digest");
    if (QMessageBox::question(
            this, tr("Remove Digest"),
            tr("Remove the digest of %1 (%2 papers)? Papers you starred, tagged, read or "
               "annotated, and papers that appear in other digests, stay in the library.")
                .arg(when)
                .arg(digest->entries),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    int removed = 0;
    if (!m_library.removeDigest(id, &removed))
        showError(m_library.error());
    else
        statusBar()->showMessage(tr("Removed the digest and %n paper(s).", nullptr, removed), 6000);
    reloadSidebar();
    runSearch();
}

void MainWindow::editPreferences()
{
    PreferencesDialog dialog(m_prefs, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_prefs = dialog.preferences();
    m_prefs.save();
    applyPreferences();
}

void MainWindow::showShortcuts()
{
    ShortcutsDialog(this).exec();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Gleaner"),
                       tr("<h3>Gleaner %1</h3><p>An offline reader for daily research-paper "
                          "digests.</p><p>Library: %2</p>")
                           .arg(QStringLiteral(GLEANER_VERSION), m_library.path().toHtmlEscaped()));
}

void MainWindow::showError(const QString &what)
{
    qCWarning(lcWindow) << what;
    statusBar()->showMessage(what, 10000);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_annotations->flushNote();
    saveWindowState();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    if (!paths.isEmpty()) {
        event->acceptProposedAction();
        importPaths(paths);
    }
}

} // namespace gleaner
