#include "mainwindow.h"

#include "actions/actioncontext.h"
#include "actions/backupactions.h"
#include "actions/digestactions.h"
#include "actions/exportactions.h"
#include "actions/helpactions.h"
#include "actions/importactions.h"
#include "actions/repairaction.h"
#include "actions/ruleactions.h"
#include "actions/savedsearchactions.h"
#include "actions/sidebaractions.h"
#include "actions/triageactions.h"
#include "annotationpane.h"
#include "exportdialog.h"
#include "importcontroller.h"
#include "importstatuswidget.h"
#include "importsummary.h"
#include "ingest/folderwatcher.h"
#include "jobstatuswidget.h"
#include "libraryjob.h"
#include "librarywatcher.h"
#include "listpane.h"
#include "model/titletext.h"
#include "model/weblinks.h"
#include "notehistorydialog.h"
#include "paperlistmodel.h"
#include "rank/ranker.h"
#include "readerview.h"
#include "searchcontroller.h"
#include "sidebar.h"
#include "storage/rankstore.h"
#include "theme.h"
#include "uilogging.h"
#include "windowactions.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QFocusEvent>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMimeData>
#include <QPointer>
#include <QScreen>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>

#include <memory>
#include <utility>

namespace gleaner {

namespace {

constexpr int kSearchDebounceMs = 120;
// Annotations settle before "For you" trains again: a run of stars or tags
// is one training, not one each.
constexpr int kRankDelayMs = 4000;

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
    // Upgrading an older library blocks here, a minute at 100k papers:
    // a small window says what is happening meanwhile.
    std::unique_ptr<QLabel> upgrading;
    m_library.setUpgradeNotice([&upgrading](int from, int to) {
        upgrading = std::make_unique<QLabel>(Schema::upgradeMessage(from, to));
        upgrading->setWindowTitle(tr("Upgrading the Library"));
        upgrading->setWordWrap(true);
        upgrading->setMargin(24);
        upgrading->setFixedWidth(480);
        upgrading->show();
        for (int i = 0; i < 3; ++i)
            QCoreApplication::processEvents();
    });
    if (!m_library.open(path))
        qCWarning(lcWindow) << m_library.errorString();
    m_library.setUpgradeNotice({});
    upgrading.reset();
    if (m_library.isOpen()) {
        RankStore rank(m_library.database());
        const std::optional<RankState> state = rank.state();
        m_hasRankModels = state && state->models > 0;
    }

    m_sidebar = new Sidebar(m_splitter);
    m_listPane = new ListPane(&m_library, m_splitter);
    m_search = m_listPane->searchField();
    m_list = m_listPane->table();
    m_model = m_listPane->model();
    m_reader = new ReaderView(m_splitter);
    m_reader->setObjectName(QStringLiteral("readerPane"));
    m_annotations = new AnnotationPane(m_splitter);
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(m_listPane);
    m_splitter->addWidget(m_reader);
    m_splitter->addWidget(m_annotations);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 4);
    m_splitter->setStretchFactor(3, 1);
    m_splitter->setChildrenCollapsible(false);
    m_stack = new QSplitter(Qt::Vertical, this);
    m_stack->setChildrenCollapsible(false);
    m_stack->hide();
    // No pane can be squeezed past use, and a saved layout from a wider
    // screen is fitted to these.
    m_sidebar->setMinimumWidth(120);
    m_listPane->setMinimumWidth(260);
    m_reader->setMinimumWidth(280);
    m_annotations->setMinimumWidth(150);
    setCentralWidget(m_splitter);

    // Workers with their own connections: searches, imports and slow jobs
    // never block the window.
    m_searcher = new SearchController(m_library.path(), this);
    m_importer = new ImportController(m_library.path(), this);
    m_jobs = new LibraryJob(m_library.path(), this);
    m_rankJob = new LibraryJob(m_library.path(), this);
    m_rankTimer = new QTimer(this);
    m_rankTimer->setSingleShot(true);
    m_rankTimer->setInterval(kRankDelayMs);
    connect(m_rankTimer, &QTimer::timeout, this, &MainWindow::updateRanking);
    // Features for a library that has none yet (or has doubled), and models
    // for annotations made elsewhere (gleaner-cli).
    scheduleRanking();
    m_watcher = new LibraryWatcher(m_library, this);
    m_importStatus = new ImportStatusWidget(this);
    m_importStatus->setController(m_importer);
    m_progress = new TriageProgress(this);
    m_watchStatus = new QLabel(this);
    m_watchStatus->setObjectName(QStringLiteral("watchStatus"));
    m_watchStatus->hide();
    statusBar()->addPermanentWidget(m_watchStatus);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(new JobStatusWidget(m_jobs, this));
    statusBar()->addPermanentWidget(m_importStatus);

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(kSearchDebounceMs);
    m_markReadTimer->setSingleShot(true);

    m_actions = std::make_unique<WindowActions>(this, m_listPane, m_reader, m_annotations,
                                                m_sidebar, m_annotator.history());
    m_repair = new RepairAction(m_library.path(), this);
    m_repair->attach(context(), m_actions->repair, [this] {
        m_searcher->reopenLibrary();
        m_importer->reopenLibrary();
    });
    connectPanes();
    connectActions();
    connectEvents();
    restoreWindowState();
    applyPreferences();
    if (m_library.isOpen()) {
        // restoreWindowState() filled the sidebar.
        updateTagCompletions();
        runSearch();
        m_list->setFocus(Qt::OtherFocusReason);
    } else {
        m_listPane->showEmptyState(true);
        centralWidget()->setEnabled(false);
    }
}

MainWindow::~MainWindow() = default;

ActionContext MainWindow::context()
{
    return ActionContext(this, m_library, m_events);
}

void MainWindow::connectPanes()
{
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    // Typing on after Enter: the reader stays in the search field.
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_enterListWhenFound = false; });
    connect(m_searchTimer, &QTimer::timeout, this, &MainWindow::runSearch);
    connect(m_searcher, &SearchController::firstPage, this,
            [this](quint64, const SearchResult &result) { onSearchFinished(result, false); });
    connect(m_searcher, &SearchController::finished, this,
            [this](quint64, const SearchResult &result) { onSearchFinished(result, true); });
    connect(m_searcher, &SearchController::failed, this, [this](quint64, const QString &why) {
        m_awaitingResults = m_enterListWhenFound = false;
        statusBar()->showMessage(why, 8000);
    });
    connect(m_sidebar, &Sidebar::viewSelected, this, [this] {
        m_offerNextDigest = false;
        m_enterListWhenFound = false;
        m_listPane->setColumnSort(std::nullopt);
        runSearch();
    });
    connect(m_listPane, &ListPane::columnSortChanged, this, &MainWindow::runSearch);
    connect(m_model, &PaperListModel::moveRequested, this, &MainWindow::dropInQueue);
    connect(m_listPane, &ListPane::widerSearchRequested, this, [this] {
        m_actions->hideRead->setChecked(false);
        if (!m_sidebar->selectView(Sidebar::allPapers().key))
            runSearch();
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::showCurrentPaper);
    m_list->installEventFilter(this);
    connect(m_reader, &ReaderView::externalLinkActivated, this,
            [](const QUrl &url) { QDesktopServices::openUrl(url); });
    m_reader->setNoteLinks(
        [this](const QString &words) -> std::optional<PaperRef> {
            int others = 0;
            const std::optional<qint64> id = m_library.resolveNoteLink(words, &others);
            const QList<Paper> found = id ? m_library.papers({*id}) : QList<Paper>();
            if (found.isEmpty())
                return std::nullopt;
            return PaperRef{found.first().id, found.first().title, others};
        },
        [this](qint64 id) {
            QList<PaperRef> refs;
            for (const Paper &p : m_library.papers(m_library.linkedFrom(id)))
                refs.append({p.id, p.title});
            return refs;
        });
    m_reader->setForYou([this](qint64 id, ReaderExtras &extras) { showForYou(id, extras); });
    connect(m_reader, &ReaderView::paperLinkActivated, this, &MainWindow::openLinkedPaper);
    connect(m_reader, &ReaderView::highlightRequested, this, &MainWindow::highlightSelection);
    connect(m_annotations, &AnnotationPane::highlightActivated, m_reader,
            &ReaderView::showHighlight);
    const auto changed = [this](bool ok) {
        if (!ok)
            statusBar()->showMessage(m_library.errorString(), 10000);
        refreshHighlights();
    };
    connect(m_annotations, &AnnotationPane::highlightColourChanged, this,
            [this, changed](qint64 id, const QString &colour) {
                const std::optional<Highlight> h = m_library.highlight(id);
                changed(h && m_library.updateHighlight(id, colour, h->comment));
            });
    connect(m_annotations, &AnnotationPane::highlightCommentChanged, this,
            [this, changed](qint64 id, const QString &comment) {
                const std::optional<Highlight> h = m_library.highlight(id);
                changed(h && m_library.updateHighlight(id, h->colour, comment));
            });
    connect(m_annotations, &AnnotationPane::highlightRemoved, this,
            [this, changed](qint64 id) { changed(m_library.removeHighlight(id)); });
    connect(m_reader, &ReaderView::undismissRequested, this, [this] {
        if (m_shownPaper)
            annotate(m_annotator.setDismissed({m_shownPaper}, false));
    });
    connect(m_markReadTimer, &QTimer::timeout, this, [this] {
        // Only what the reader can see is being read: not behind a dialog,
        // not in a window in the background. Try again a little later.
        if (!isActiveWindow() || QApplication::activeModalWidget()) {
            m_markReadTimer->start(1000);
            return;
        }
        if (m_shownPaper)
            annotate(m_annotator.setRead({m_shownPaper}, true, Annotator::Record::No));
    });
    // A click in the sidebar picks a list; the keyboard goes on in the list.
    connect(m_sidebar, &QAbstractItemView::clicked, this,
            [this] { m_list->setFocus(Qt::OtherFocusReason); });

    // A read mark set by hand wins over the timer's.
    connect(m_annotations, &AnnotationPane::readChanged, m_markReadTimer, &QTimer::stop);
    m_annotator.follow(m_annotations, this, [this](bool ok) { annotate(ok); });
    m_annotator.onHistoryFailure([this](const QString &why) { context().fail(why); });
    connect(m_annotations, &AnnotationPane::noteHistoryRequested, this,
            &MainWindow::showNoteHistory);
    connect(m_annotations, &AnnotationPane::editingDone, this,
            [this] { m_list->setFocus(Qt::ShortcutFocusReason); });

    connectSidebarActions(m_sidebar, this, [this] { return context(); });
    connect(m_sidebar, &Sidebar::digestMarkReadRequested, this,
            [this](qint64 id) { markDigestRead(context(), m_annotator, id); });
    connect(m_sidebar, &Sidebar::ruleEditRequested, this,
            [this](qint64 id) { editRule(context(), id); });
    connect(m_sidebar, &Sidebar::ruleDeleteRequested, this,
            [this](qint64 id, const QString &name) { deleteRule(context(), id, name); });
    connect(m_sidebar, &Sidebar::ruleRunRequested, this, [this](qint64 id) {
        runRuleOnLibrary(context(), *m_jobs, m_annotator.history(), id,
                         [this] { m_watcher->resync(); });
    });
    connect(m_listPane, &ListPane::importRequested, this,
            [this] { importPaths(chooseFilesToImport(this)); });
    connect(m_listPane, &ListPane::importFolderRequested, this,
            [this] { importPaths(chooseFolderToImport(this)); });
    connect(m_listPane, &ListPane::samplesRequested, this, &MainWindow::importSamples);
    // Each import's digests show at once; the summary waits for the last.
    connect(m_importer, &ImportController::finished, this, [this] {
        m_watcher->resync();
        Q_EMIT m_events.digestsChanged();
    });
    connect(m_importer, &ImportController::batchFinished, this, &MainWindow::onImportsFinished);
}

void MainWindow::connectActions()
{
    const WindowActions &a = *m_actions;
    auto on = [this](QAction *action, auto slot) {
        connect(action, &QAction::triggered, this, slot);
    };
    on(a.searchToList, &MainWindow::enterListFromSearch);
    on(a.importFiles, [this] { importPaths(chooseFilesToImport(this)); });
    on(a.importFolder, [this] { importPaths(chooseFolderToImport(this)); });
    on(a.pasteDigest, [this] {
        if (const QByteArray text = clipboardDigest(context()); !text.isEmpty())
            importText(text, tr("(pasted)"));
    });
    on(a.importSamples, [this] { importSamples(); });
    on(a.removeSamples, [this] { removeSampleDigests(context()); });
    on(a.openWeb, [this] {
        const std::optional<Paper> paper =
            m_shownPaper ? m_library.paper(m_shownPaper) : std::nullopt;
        if (!paper)
            return;
        const QUrl search = paperSearchUrl(*paper);
        if (QDesktopServices::openUrl(search))
            context().say(tr("Opened a search for \u201c%1\u201d in your browser.")
                              .arg(plainTitle(paper->title)),
                          5000);
        else
            context().fail(tr("No browser could be started for %1.").arg(search.toString()));
    });
    on(a.highlight, [this] { highlightSelection(highlightColours().first(), false); });
    on(a.exportPapers, [this] {
        ExportScopes scopes;
        scopes.currentView = m_model->ids();
        scopes.currentViewLabel = m_sidebar->currentView().label;
        scopes.selection = m_listPane->selectedIds();
        exportPapers(context(), scopes);
    });
    on(a.backUp, [this] { backUpAnnotations(context(), *m_jobs); });
    on(a.restore, [this] { restoreAnnotations(context(), *m_jobs); });
    on(a.snapshot, [this] { snapshotLibrary(context(), *m_jobs); });
    on(a.saveSearch, [this] {
        saveSearch(
            context(),
            QString(m_sidebar->currentView().query + QLatin1Char(' ') + m_search->text()).trimmed(),
            m_search->text().trimmed());
    });
    on(a.ruleFromSearch, [this] {
        const QString query =
            QString(m_sidebar->currentView().query + QLatin1Char(' ') + m_search->text()).trimmed();
        if (query.isEmpty()) {
            context().say(tr("Type a search first, then make a rule of it."), 5000);
            return;
        }
        newRule(context(), query);
    });
    on(a.newRule, [this] { newRule(context(), QString()); });
    on(a.preferences, [this] {
        if (const std::optional<Preferences> edited =
                editPreferences(this, m_prefs, m_actions->shortcutRows(), m_library.path())) {
            m_prefs = *edited;
            applyPreferences();
        }
    });
    on(a.quit, [this] { close(); });
    on(a.noteHistory, [this] {
        m_annotations->flushNote();
        if (m_shownPaper)
            showNoteHistory(m_shownPaper);
    });
    for (const auto &[action, format] : {std::pair(a.copyMarkdown, ExportFormat::Markdown),
                                         std::pair(a.copyBibtex, ExportFormat::BibTeX)}) {
        on(action, [this, format = format] { copyPapersAs(context(), selectedIds(), format); });
    }
    on(a.star, [this] {
        if (const QList<qint64> ids = selectedIds(); !ids.isEmpty())
            annotate(m_annotator.toggleStarred(ids));
    });
    on(a.read, [this] {
        m_markReadTimer->stop();
        if (const QList<qint64> ids = selectedIds(); !ids.isEmpty())
            annotate(m_annotator.toggleRead(ids));
    });
    // "Not interested" in the paper in front of the reader: it is dealt
    // with, so the list goes on to the next paper, as reading on would (the
    // row stays, muted, and Ctrl+Z or X again takes the mark back). Several
    // selected papers stay selected: the user chose them together.
    on(a.dismiss, [this] {
        const QList<qint64> ids = selectedIds();
        if (ids.isEmpty())
            return;
        m_markReadTimer->stop();
        const std::optional<bool> dismissed = m_annotator.toggleDismissed(ids);
        annotate(dismissed.has_value());
        if (!dismissed)
            return;
        statusBar()->showMessage(
            *dismissed
                ? tr("Not interested: %n paper(s). Ctrl+Z undoes it.", nullptr, int(ids.size()))
                : tr("Interested after all: %n paper(s).", nullptr, int(ids.size())),
            4000);
        if (*dismissed && ids.size() == 1)
            m_listPane->moveSelection(1);
    });
    on(a.queue, [this] {
        const QList<qint64> ids = selectedIds();
        if (ids.isEmpty())
            return;
        const std::optional<bool> queued = m_annotator.toggleQueued(ids);
        annotate(queued.has_value());
        if (!queued)
            return;
        statusBar()->showMessage(
            *queued
                ? tr("Added %n paper(s) to the end of the reading queue.", nullptr, int(ids.size()))
                : tr("Took %n paper(s) out of the reading queue.", nullptr, int(ids.size())),
            4000);
    });
    on(a.queueUp, [this] { moveInQueue(-1); });
    on(a.queueDown, [this] { moveInQueue(1); });
    // Scroll the abstract a screen; at its end, go on to the next unread.
    on(a.pageDown, [this] {
        m_reader->pageDown([this](bool atEnd) {
            if (!atEnd || m_listPane->selectNextUnread()) {
                m_offerNextDigest = false;
                return;
            }
            // At the end of a digest, a second Space goes on to the next one.
            const bool inDigest = m_sidebar->currentView().kind == SidebarView::Kind::Digest;
            if (inDigest && m_offerNextDigest) {
                m_offerNextDigest = false;
                if (m_sidebar->selectAdjacentDigest(1))
                    return;
                statusBar()->showMessage(tr("That was the oldest digest."), 4000);
                return;
            }
            m_offerNextDigest = inDigest;
            statusBar()->showMessage(inDigest ? tr("No more unread papers in this digest. Space "
                                                   "again opens the next one.")
                                              : tr("No more unread papers in this list."),
                                     6000);
        });
    });
    on(a.markAllRead, [this] {
        m_markReadTimer->stop();
        markAllRead(context(), m_annotator, m_model->ids(), m_sidebar->currentView().label);
    });
    for (const auto &[action, step] :
         {std::pair(a.nextDigest, 1), std::pair(a.previousDigest, -1)}) {
        on(action, [this, step = step] {
            if (!m_sidebar->selectAdjacentDigest(step))
                statusBar()->showMessage(step > 0 ? tr("This is the oldest digest.")
                                                  : tr("This is the newest digest."),
                                         4000);
        });
    }
    connect(a.hideRead, &QAction::toggled, this, &MainWindow::runSearch);
    connect(a.forYouOrder, &QAction::toggled, this, &MainWindow::runSearch);
    connect(a.readerBelow, &QAction::toggled, this, &MainWindow::setReaderBelow);
    connect(a.compactTable, &QAction::toggled, m_listPane, [this](bool table) {
        m_listPane->setListLayout(table ? ListPane::Layout::Table : ListPane::Layout::Reading);
    });
    // The header's menu switches too: the View menu follows.
    connect(m_listPane, &ListPane::listLayoutChanged, a.compactTable,
            [toggle = a.compactTable](ListPane::Layout layout) {
                toggle->setChecked(layout == ListPane::Layout::Table);
            });
    for (int i = 0; i < int(a.quickTags.size()); ++i)
        on(a.quickTags.at(i), [this, i] { applyQuickTag(i); });
    on(a.shortcuts, [this] { showShortcuts(this); });
    on(a.about, [this] { showAbout(this, m_library.path()); });
}

void MainWindow::connectEvents()
{
    connect(&m_events, &LibraryEvents::paperChanged, this, &MainWindow::onPaperChanged);
    connect(&m_events, &LibraryEvents::tagsChanged, this, &MainWindow::onTagsChanged);
    connect(&m_events, &LibraryEvents::digestsChanged, this, [this] {
        reloadSidebar();
        runSearch();
    });
    connect(&m_events, &LibraryEvents::savedSearchesChanged, this, [this] {
        const QString view = m_sidebar->currentView().key;
        m_sidebar->setSavedSearches(m_library.savedSearches());
        if (m_sidebar->currentView().key != view)
            runSearch();
    });
    connect(&m_events, &LibraryEvents::rulesChanged, this, [this] {
        const QString view = m_sidebar->currentView().key;
        m_sidebar->setRules(m_library.rules());
        if (m_sidebar->currentView().key != view)
            runSearch();
    });
    connect(&m_events, &LibraryEvents::libraryReplaced, this, &MainWindow::onLibraryReplaced);
    // Another process (gleaner-cli, a second window) wrote the file. Our own
    // imports say so when they finish, and the ranking, whose own writes are
    // no news, whether another connection wrote while it ran.
    connect(m_watcher, &LibraryWatcher::changedElsewhere, this, [this] {
        if (!m_importer->isBusy() && !m_rankJob->isBusy())
            Q_EMIT m_events.libraryReplaced();
    });
}

void MainWindow::restoreWindowState()
{
    const WindowState state = WindowState::load();
    const QSize room = screen() ? screen()->availableGeometry().size() : QSize(1400, 860);
    if (!restoreGeometry(state.geometry)) {
        // The first run: a roomy window, but never larger than the screen.
        resize(QSize(1400, 860).boundedTo(room));
    } else if (!QRect(QPoint(), room).contains(QRect(QPoint(), size()))) {
        // Saved on a larger screen: fitted to this one.
        resize(size().boundedTo(room));
    }
    restoreState(state.dockState);
    m_actions->readerBelow->setChecked(state.readerBelow);
    setReaderBelow(state.readerBelow);
    if (state.splitter.isEmpty() || !m_splitter->restoreState(state.splitter) ||
        (state.readerBelow && !m_stack->restoreState(state.stack)))
        defaultPaneSizes();
    else if (state.width > room.width() && state.panes.size() == m_splitter->count()) {
        // Saved in a window wider than this screen: every pane keeps its
        // share of the fitted window, where the sidebar, which does not
        // stretch, would keep its width and take the list's room. (Compared
        // with the screen, not this window: a maximised window is its
        // normal size until shown, and its panes were saved maximised.)
        QList<int> scaled;
        for (const int pane : state.panes)
            scaled << int(qint64(pane) * width() / state.width);
        m_splitter->setSizes(scaled);
    }
    if (!m_listPane->restoreTableHeaderState(state.listHeader) && width() < 1280) {
        // A small first window: the title needs the room more than the
        // submitter and tags do (the header's menu brings them back).
        m_list->setColumnHidden(PaperListModel::SubmitterColumn, true);
        m_list->setColumnHidden(PaperListModel::TagsColumn, true);
    }
    // The reading layout unless the table was chosen.
    m_actions->compactTable->setChecked(state.compactTable);
    m_listPane->setListLayout(state.compactTable ? ListPane::Layout::Table
                                                 : ListPane::Layout::Reading);
    if (state.sortByColumn)
        m_listPane->setColumnSort(ListPane::ColumnSort{SortOrder(state.sort), state.reverse});
    m_restorePaper = state.paper;
    if (m_library.isOpen()) {
        const QSignalBlocker block(m_sidebar);
        m_sidebar->reload(m_library);
        m_actions->removeSamples->setEnabled(m_sidebar->hasSampleDigests());
        m_sidebar->selectView(state.viewKey);
    }
    m_reader->setZoomFactor(state.zoom);
    const QSignalBlocker quiet(m_actions->hideRead); // the first search comes later
    m_actions->hideRead->setChecked(state.hideRead);
}

void MainWindow::defaultPaneSizes()
{
    const int w = width();
    if (m_stack->isVisibleTo(this)) {
        m_splitter->setSizes({w * 17 / 100, w * 70 / 100, w * 13 / 100});
        m_stack->setSizes({height() * 45 / 100, height() * 55 / 100});
    } else {
        m_splitter->setSizes({w * 17 / 100, w * 42 / 100, w * 28 / 100, w * 13 / 100});
    }
}

void MainWindow::setReaderBelow(bool below)
{
    if (below == m_stack->isVisibleTo(this))
        return;
    // The keys go on to where they went (the list, mostly): a widget taken
    // out of the splitter loses the focus.
    QPointer<QWidget> focused = QApplication::focusWidget();
    // The page is laid out again at its new size, where WebEngine left a
    // long paper scrolled to its end (seen in the window; a window test's
    // short fixtures stay at the top either way): the reader is put back
    // as far down its paper as it was.
    const double share = m_reader->scrollShare();
    QTimer::singleShot(0, m_reader, [reader = m_reader, share] { reader->scrollToShare(share); });
    if (below) {
        m_stack->addWidget(m_listPane);
        m_stack->addWidget(m_reader);
        m_splitter->insertWidget(1, m_stack);
        m_splitter->setStretchFactor(1, 7);
        m_stack->show();
    } else {
        m_splitter->insertWidget(1, m_listPane);
        m_splitter->insertWidget(2, m_reader);
        m_splitter->setStretchFactor(1, 3);
        m_splitter->setStretchFactor(2, 4);
        m_stack->hide();
        m_stack->setParent(this); // out of the splitter, kept for next time
    }
    defaultPaneSizes();
    if (focused && isAncestorOf(focused))
        focused->setFocus(Qt::OtherFocusReason);
}

void MainWindow::saveWindowState() const
{
    WindowState state;
    state.geometry = saveGeometry();
    state.dockState = saveState();
    state.splitter = m_splitter->saveState();
    state.width = width();
    state.panes = m_splitter->sizes();
    state.readerBelow = m_stack->isVisibleTo(this);
    state.stack = m_stack->saveState();
    state.listHeader = m_listPane->tableHeaderState();
    state.compactTable = m_listPane->listLayout() == ListPane::Layout::Table;
    const std::optional<ListPane::ColumnSort> sort = m_listPane->columnSort();
    state.sortByColumn = sort.has_value();
    state.sort = int(sort.value_or(ListPane::ColumnSort()).order);
    state.reverse = sort && sort->reverse;
    state.viewKey = m_sidebar->currentView().key;
    state.paper = m_shownPaper;
    state.zoom = m_reader->zoomFactor();
    state.hideRead = m_actions->hideRead->isChecked();
    state.save();
}

void MainWindow::applyPreferences()
{
    applyTheme(m_prefs.theme);
    m_annotations->setTagSuggestions(m_annotations->tagSuggestions()); // in the theme's colours
    m_reader->setFontSize(m_prefs.readerFontSize);
    m_actions->applyShortcuts(m_prefs.shortcuts);
    applyWatchedFolder();
}

void MainWindow::applyWatchedFolder()
{
    const QString folder =
        m_prefs.watchFolder && !m_prefs.watchedFolder.isEmpty() && m_library.isOpen()
            ? QDir::cleanPath(QFileInfo(m_prefs.watchedFolder).absoluteFilePath())
            : QString();
    if (m_folderWatcher && m_folderWatcher->folder() == folder)
        return; // the same folder: what it handed out stays handed out
    m_folderWatcher.reset();
    if (!folder.isEmpty()) {
        m_folderWatcher = std::make_unique<FolderWatcher>(folder);
        // The same way in as a drop: one summary, a bad file in the dialog.
        m_folderWatcher->setBatchHandler([this](const FolderWatcher::Batch &batch) {
            m_quietWatchBatch = m_quietWatchBatch || batch.initial;
            m_importer->importPaths(batch.files);
        });
        m_folderWatcher->setFolderHandler([this](bool) { updateWatchStatus(); });
        m_folderWatcher->start();
        qCInfo(lcWindow) << "watching" << folder;
    }
    updateWatchStatus();
}

void MainWindow::updateWatchStatus()
{
    if (!m_folderWatcher) {
        m_watchStatus->hide();
        return;
    }
    const QString folder = QDir::toNativeSeparators(m_folderWatcher->folder());
    const QString name = QFileInfo(m_folderWatcher->folder()).fileName();
    if (m_folderWatcher->folderExists()) {
        m_watchStatus->setText(tr("Watching %1").arg(name));
        m_watchStatus->setToolTip(
            tr("Digests saved into %1 are imported as they arrive (File > Preferences).")
                .arg(folder));
    } else {
        m_watchStatus->setText(tr("Waiting for %1").arg(name));
        m_watchStatus->setToolTip(
            tr("The watched folder %1 does not exist; digests saved into it are imported once "
               "it does (File > Preferences).")
                .arg(folder));
    }
    m_watchStatus->show();
}

void MainWindow::runSearch()
{
    m_searchTimer->stop();
    if (!m_library.isOpen())
        return;
    const SidebarView view = m_sidebar->currentView();
    m_sameView = view.key == m_searchedView;
    m_searchedView = view.key;
    SearchRequest request;
    request.query = QString(view.query + QLatin1Char(' ') + m_search->text()).trimmed();
    if (m_actions->hideRead->isChecked())
        request.query += QStringLiteral(" is:unread");
    const std::optional<ListPane::ColumnSort> sort = m_listPane->columnSort();
    request.sort = sort ? sort->order : view.sort;
    request.reverse = sort && sort->reverse;
    request.digestId = view.digestId;
    // A digest's own order gives way to "For you" once there is a model;
    // words typed keep relevance, a clicked column its order.
    if (!sort && view.digestId > 0 && m_actions->forYouOrder->isChecked() &&
        m_search->text().trimmed().isEmpty()) {
        // The digest being read keeps the order it came in: a first model,
        // trained mid-triage, orders the next digest opened.
        const bool readInDigestOrder = m_sameView && m_searchRequest.digestId == view.digestId &&
                                       m_searchRequest.sort == view.sort &&
                                       m_searchedWords.isEmpty();
        if (m_hasRankModels && !readInDigestOrder)
            request.sort = SortOrder::ForYou;
        else if (!m_sameView)
            // The cold start: say what would make the order personal.
            statusBar()->showMessage(
                tr("Star or tag three papers on a subject and digests open with the papers "
                   "like them first (\u201c"
                   "For you\u201d)."),
                8000);
    }
    m_model->setDigestContext(view.digestId);
    // Papers move in the queue's own order only.
    const bool queueOrder = request.sort == SortOrder::Queue && !request.reverse;
    m_actions->queueUp->setEnabled(queueOrder);
    m_actions->queueDown->setEnabled(queueOrder);
    m_model->setReorderable(queueOrder);
    m_list->setDragEnabled(queueOrder);
    m_list->setAcceptDrops(queueOrder);
    request.prefixLastWord = !m_search->text().endsWith(QLatin1Char(' '));
    request.countTotal = false;
    m_listPane->expectNewResults();
    // The same question asked again (an edit elsewhere, an import) keeps
    // the list where the reader left it; another one starts at the top.
    m_newQuestion =
        request.query != m_searchRequest.query || request.sort != m_searchRequest.sort ||
        request.reverse != m_searchRequest.reverse || request.digestId != m_searchRequest.digestId;
    // Other words in the field (not the same ones with a space more, nor a
    // filter toggled); still so while their results are on their way.
    const QString words = m_search->text().simplified();
    m_newWords =
        (m_awaitingResults && m_newWords) || (!words.isEmpty() && words != m_searchedWords);
    m_searchedWords = words;
    m_searchRequest = request;
    m_searcher->search(request);
    m_awaitingResults = true;
    m_progress->follow(m_library, view.digestId);
}

void MainWindow::enterListFromSearch()
{
    // Enter straight after typing: the list to enter is the one the words
    // bring, not the one still shown, whose paper the reader never chose.
    if (m_searchTimer->isActive() || m_awaitingResults) {
        if (m_searchTimer->isActive())
            runSearch();
        m_enterListWhenFound = true;
        return;
    }
    m_list->setFocus(Qt::ShortcutFocusReason);
    if (!m_list->currentIndex().isValid())
        m_listPane->moveSelection(0);
}

void MainWindow::onSearchFinished(const SearchResult &result, bool complete)
{
    m_awaitingResults = false;
    if (!result.notice.isEmpty())
        statusBar()->showMessage(result.notice, 8000);
    // Other words: their best matches, from the top, even where the open
    // paper is among them (selected, the list would scroll down to it, and
    // Enter would go back to it); the reader keeps it. Cleared, the list
    // selects it again.
    std::optional<qint64> keep;
    if (m_restorePaper)
        keep = m_restorePaper;
    else if (!m_newWords)
        keep = currentPaperId();
    if (!keep && m_sameView && m_shownPaper && m_search->text().trimmed().isEmpty())
        keep = m_shownPaper;
    const bool appended = m_listPane->showResults(result, complete, m_searchRequest);
    // Showing a paper again after a search is not reading it.
    m_selectingForUser = false;
    if (appended) {
        if (m_restorePaper && selectPaper(m_restorePaper))
            m_restorePaper = 0;
    } else {
        m_reader->setHighlightTerms(result.highlightTerms);
        m_listPane->showEmptyState(m_library.paperCount() == 0);
        const bool kept = keep && selectPaper(*keep);
        if (!kept && m_newQuestion)
            m_listPane->scrollToTop();
        const bool holdReader = !kept && m_sameView && m_shownPaper && !currentPaperId();
        if (!kept && !holdReader)
            showCurrentPaper();
        // A paper to restore may be further down than the first page.
        m_restorePaper = kept || complete ? 0 : keep.value_or(0);
    }
    m_selectingForUser = true;
    if (!appended && std::exchange(m_enterListWhenFound, false))
        enterListFromSearch();
    if (complete) {
        m_listPane->setEmptyListNote(result.ids.isEmpty() ? emptyListNote() : QString());
        Q_EMIT searchFinished(int(result.ids.size()));
    }
}

QString MainWindow::emptyListNote()
{
    if (m_library.paperCount() == 0)
        return {}; // the welcome says it
    const SidebarView view = m_sidebar->currentView();
    const QString words = m_search->text().trimmed();
    const QString where = view.label.toHtmlEscaped();
    const bool hidingRead = m_actions->hideRead->isChecked();
    if (words.isEmpty()) {
        return hidingRead ? tr("Every paper in %1 is read. View \u203a Hide Read Papers "
                               "(Shift+H) shows them again.")
                                .arg(where)
                          : tr("No papers in %1.").arg(where);
    }
    QString note = tr("No papers in %1 match \u201c%2\u201d.").arg(where, words.toHtmlEscaped());
    if (view.key == Sidebar::allPapers().key && !hidingRead)
        return note;
    // The same words over the whole library, read papers too: worth a click?
    SearchRequest all;
    all.query = words;
    all.limit = 0;
    all.prefixLastWord = !m_search->text().endsWith(QLatin1Char(' '));
    const std::optional<SearchResult> wider = m_library.search(all);
    if (wider && wider->total > 0)
        note += QStringLiteral(" <a href=\"all\">") +
                (wider->total == 1
                     ? tr("1 in all papers: show it")
                     : tr("%1 in all papers: show them").arg(QLocale().toString(wider->total))) +
                QStringLiteral("</a>");
    else
        note += u' ' + tr("None in all papers either.");
    return note;
}

std::optional<qint64> MainWindow::currentPaperId() const
{
    return m_listPane->currentPaperId();
}

bool MainWindow::selectPaper(qint64 id)
{
    return m_listPane->selectPaper(id);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // The list gains the focus. Given it by the window (at start, after a
    // click in the sidebar), a list without a current row makes its first
    // row current: that paper is shown, but the reader did not choose it,
    // so it is not being read. Tab or Enter from the search field is the
    // reader moving into the list: the paper there is chosen.
    if (watched == m_list && event->type() == QEvent::FocusIn) {
        const Qt::FocusReason reason = static_cast<QFocusEvent *>(event)->reason();
        const bool chosen = reason == Qt::TabFocusReason || reason == Qt::BacktabFocusReason ||
                            reason == Qt::ShortcutFocusReason;
        // The list handles the event here, inside the flag, and the filter
        // says it is done.
        const bool forUser = std::exchange(m_selectingForUser, chosen);
        static_cast<QObject *>(m_list)->event(event);
        if (chosen)
            showCurrentPaper(); // the shown paper, chosen now
        m_selectingForUser = forUser;
        return true;
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::showCurrentPaper()
{
    const std::optional<qint64> id = currentPaperId();
    if (id && *id == m_shownPaper) {
        // Shown by the window, then chosen in the list: reading starts now.
        if (m_selectingForUser && !m_shownChosen) {
            m_shownChosen = true;
            const std::optional<Paper> paper = m_library.paper(*id);
            if (paper && !paper->read && m_prefs.markReadDelaySec > 0)
                m_markReadTimer->start(m_prefs.markReadDelaySec * 1000);
        }
        return;
    }
    m_markReadTimer->stop();
    const std::optional<Paper> paper = id ? m_library.paper(*id) : std::nullopt;
    m_annotations->setPaper(paper);
    m_reader->setPaper(paper);
    m_shownPaper = paper ? paper->id : 0;
    m_shownNote = paper ? paper->note : QString();
    showTagSuggestions();
    setWindowTitle(paper ? tr("%1 \u2014 Gleaner").arg(plainTitle(paper->title)) : tr("Gleaner"));
    m_shownChosen = m_selectingForUser;
    if (paper && !paper->read && m_prefs.markReadDelaySec > 0 && m_selectingForUser)
        m_markReadTimer->start(m_prefs.markReadDelaySec * 1000);
}

void MainWindow::openLinkedPaper(qint64 id)
{
    if (selectPaper(id))
        return;
    // Not in the list as it is filtered now: shown all the same, and said so.
    const std::optional<Paper> paper = m_library.paper(id);
    if (!paper)
        return;
    m_markReadTimer->stop();
    m_annotations->setPaper(paper);
    m_reader->setPaper(paper);
    m_shownPaper = paper->id;
    m_shownNote = paper->note;
    showTagSuggestions();
    setWindowTitle(tr("%1 \u2014 Gleaner").arg(plainTitle(paper->title)));
    statusBar()->showMessage(tr("The linked paper is not in this list."), 5000);
}

void MainWindow::showNoteHistory(qint64 id)
{
    const std::optional<Paper> paper = m_library.paper(id);
    const std::optional<NoteHistory> versions = m_library.noteHistory(id);
    if (!paper || !versions) {
        context().fail(tr("The note's history could not be read: %1").arg(m_library.errorString()));
        return;
    }
    NoteHistoryDialog dialog(plainTitle(paper->title), paper->note, *versions, this);
    if (dialog.exec() != QDialog::Accepted || dialog.chosenVersion() <= 0)
        return;
    if (versions->at(dialog.chosenVersion() - 1).text == paper->note) {
        context().say(tr("That version is the note as it is; nothing changed."), 5000);
        return;
    }
    if (!m_annotator.restoreNoteVersion(id, dialog.chosenVersion())) {
        context().fail(m_annotator.errorString());
        return;
    }
    if (const std::optional<Paper> restored = m_library.paper(id))
        m_annotations->showStoredNote(*restored);
    context().say(paper->note.isEmpty()
                      ? tr("Restored an earlier version of the note.")
                      : tr("Restored an earlier version of the note; the note it replaced is in "
                           "its history."),
                  8000);
}

void MainWindow::highlightSelection(const QString &colour, bool withComment)
{
    const qint64 shown = m_shownPaper;
    m_reader->requestSelection([this, shown, colour, withComment](
                                   const std::optional<Highlight> &selected, const QString &why) {
        if (!selected || selected->paperId != shown || shown != m_shownPaper) {
            statusBar()->showMessage(why.isEmpty() ? tr("The paper changed; select the "
                                                        "passage again.")
                                                   : why,
                                     6000);
            return;
        }
        Highlight h = *selected;
        h.colour = colour;
        if (withComment) {
            bool ok = false;
            h.comment = QInputDialog::getMultiLineText(
                this, tr("Highlight with Comment"),
                tr("A comment on \u201c%1\u201d:").arg(h.quote.simplified().left(80)), QString(),
                &ok);
            if (!ok)
                return;
        }
        if (!m_library.addHighlight(h)) {
            statusBar()->showMessage(m_library.errorString(), 10000);
            return;
        }
        refreshHighlights();
        statusBar()->showMessage(
            tr("Highlighted \u201c%1\u201d.").arg(h.quote.simplified().left(60)), 4000);
    });
}

void MainWindow::refreshHighlights()
{
    const std::optional<Paper> paper = m_shownPaper ? m_library.paper(m_shownPaper) : std::nullopt;
    if (!paper)
        return;
    m_reader->setPaper(paper);
    m_annotations->setHighlights(paper->highlights);
}

void MainWindow::annotate(bool ok)
{
    if (!ok) {
        qCWarning(lcWindow) << m_annotator.errorString();
        statusBar()->showMessage(m_annotator.errorString(), 10000);
    }
}

void MainWindow::onPaperChanged(const QList<qint64> &ids, const CountDelta &delta)
{
    m_model->refresh(ids);
    if (m_shownPaper && ids.contains(m_shownPaper)) {
        if (const std::optional<Paper> paper = m_library.paper(m_shownPaper)) {
            m_annotations->updateState(*paper);
            // A saved note changes the reader's Note section (and its links).
            if (delta.tagsEdited || delta.dismissalsEdited || paper->note != m_shownNote)
                m_reader->setPaper(paper);
            if (delta.tagsEdited)
                showTagSuggestions();
            m_shownNote = paper->note;
        }
    }
    if (!m_sidebar->adjustCounts(delta))
        reloadTags();
    m_progress->refresh(m_library);
    if (delta.starred != 0 || delta.tagsEdited || delta.dismissalsEdited)
        scheduleRanking();
}

void MainWindow::scheduleRanking()
{
    if (m_library.isOpen() && !m_library.database().refusesWrites())
        m_rankTimer->start();
}

void MainWindow::updateRanking()
{
    if (m_rankJob->isBusy() || m_importer->isBusy()) {
        m_rankTimer->start(); // after the one running, or the import
        return;
    }
    // Another program's writes not seen yet are shown first: from here on,
    // the job tells whether anyone wrote while it ran.
    if (m_watcher->takeChange()) {
        Q_EMIT m_events.libraryReplaced(); // which asks for the ranking again
        return;
    }
    struct Outcome
    {
        bool changed = false;     // scores moved
        bool othersWrote = false; // another connection committed meanwhile
    };
    auto outcome = std::make_shared<Outcome>();
    const bool started = m_rankJob->start(
        tr("Updating \u201c"
           "For you\u201d"),
        [outcome](Library &library) {
            // The job's connection sees every commit but its own.
            const std::optional<qint64> before = library.dataVersion();
            Ranker ranker(library.database());
            const std::optional<Ranker::Update> update = ranker.update();
            outcome->othersWrote = library.dataVersion() != before;
            if (!update)
                return ranker.errorString();
            outcome->changed = update->rebuilt || update->trained > 0 || update->removed > 0;
            return QString();
        },
        [this, outcome](const QString &failure) {
            // The job's own writes are not news. Another connection's while
            // it ran (gleaner-cli, or this window's own edits, which the
            // undo history knows) are shown as any from elsewhere, the
            // history kept: they might be the window's own.
            m_watcher->takeChange();
            if (outcome->othersWrote && !m_importer->isBusy())
                showFileAgain();
            if (!failure.isEmpty()) {
                qCWarning(lcWindow) << "ranking:" << failure;
                Q_EMIT rankingUpdated();
                return;
            }
            RankStore store(m_library.database());
            const std::optional<RankState> state = store.state();
            const bool had = m_hasRankModels;
            m_hasRankModels = state && state->models > 0;
            if (outcome->changed || had != m_hasRankModels) {
                // Scores moved: the list's bars and the reader's "Why". The
                // order stays as the reader found it (re-sorted, the paper
                // just starred would jump away mid-triage): the next list
                // opened comes in the new order.
                m_model->refreshAll();
                if (!had && m_hasRankModels)
                    statusBar()->showMessage(
                        tr("\u201c"
                           "For you\u201d is ready: digests you open now show the papers "
                           "like your stars and tags first."),
                        8000);
                if (m_shownPaper)
                    m_reader->setPaper(m_library.paper(m_shownPaper));
                showTagSuggestions();
            }
            Q_EMIT rankingUpdated();
        });
    if (!started)
        m_rankTimer->start();
}

void MainWindow::showTagSuggestions()
{
    QStringList tags;
    if (m_shownPaper && m_hasRankModels) {
        Ranker ranker(m_library.database());
        if (const std::optional<QList<TagSuggestion>> list = ranker.suggestTags(m_shownPaper)) {
            for (const TagSuggestion &t : *list)
                tags << t.tag;
        }
    }
    m_annotations->setTagSuggestions(tags);
}

void MainWindow::showForYou(qint64 id, ReaderExtras &extras)
{
    if (!m_library.isOpen())
        return;
    Ranker ranker(m_library.database());
    if (m_hasRankModels) {
        const std::optional<RankExplanation> why = ranker.explain(id);
        if (why && why->score >= Ranker::kStandsOut) {
            extras.why = why->words;
            extras.whyTag = why->tagName;
        }
    }
    const std::optional<QList<RelatedPaper>> related = ranker.related(id, 5);
    if (!related)
        return;
    QList<qint64> ids;
    for (const RelatedPaper &r : *related)
        ids << r.id;
    for (const Paper &p : m_library.papers(ids))
        extras.related.append({p.id, p.title});
}

void MainWindow::onTagsChanged()
{
    m_model->refreshAll();
    if (const std::optional<Paper> paper = m_library.paper(m_shownPaper)) {
        m_annotations->updateState(*paper);
        m_reader->setPaper(paper);
    }
    const SidebarView before = m_sidebar->currentView();
    reloadTags();
    // Only a list that filters by tag can have changed.
    if (m_sidebar->currentView().key != before.key ||
        QString(before.query + m_search->text()).contains(QLatin1String("tag:")))
        runSearch();
}

void MainWindow::onLibraryReplaced()
{
    // What the history would put back may no longer be what the file holds.
    m_annotator.history()->clear();
    showFileAgain();
}

void MainWindow::showFileAgain()
{
    m_watcher->resync();
    m_model->refreshAll();
    reloadSidebar();
    // A note being typed is kept: the pane saves it before showing another.
    // The paper shown again is not one the reader just opened (the
    // background ranking's writes land here too): it is read only if it
    // was being read, and the delay goes on where it was.
    const qint64 before = m_shownPaper;
    const bool wasChosen = m_shownChosen;
    const int reading = m_markReadTimer->isActive() ? m_markReadTimer->remainingTime() : -1;
    m_shownPaper = 0;
    const bool forUser = std::exchange(m_selectingForUser, false);
    showCurrentPaper();
    m_selectingForUser = forUser;
    if (m_shownPaper != 0 && m_shownPaper == before && wasChosen) {
        m_shownChosen = true;
        if (reading >= 0)
            m_markReadTimer->start(qMax(0, reading));
    }
    runSearch();
    scheduleRanking();
}

void MainWindow::reloadSidebar()
{
    const QSignalBlocker block(m_sidebar);
    m_sidebar->reload(m_library);
    m_actions->removeSamples->setEnabled(m_sidebar->hasSampleDigests());
    updateTagCompletions();
}

void MainWindow::reloadTags()
{
    m_sidebar->setTags(m_library.tagCounts());
    updateTagCompletions();
}

void MainWindow::updateTagCompletions()
{
    QStringList names;
    for (const TagCount &t : m_sidebar->tags())
        names << t.name;
    m_annotations->setTagCompletions(names);
}

QList<qint64> MainWindow::selectedIds() const
{
    QList<qint64> ids = m_listPane->selectedIds();
    if (ids.isEmpty() && m_shownPaper)
        ids << m_shownPaper;
    return ids;
}

void MainWindow::moveInQueue(int delta)
{
    const std::optional<qint64> id = currentPaperId();
    if (!id)
        return;
    if (!m_library.isQueued(*id)) {
        statusBar()->showMessage(tr("This paper is not in the reading queue (Q adds it)."), 4000);
        return;
    }
    if (!m_library.moveInQueueBy(*id, delta)) {
        context().fail(m_library.errorString());
        return;
    }
    // The same question again: the list comes back in the new order with
    // the moved paper still selected.
    runSearch();
}

void MainWindow::dropInQueue(qint64 id, int row)
{
    const QList<qint64> &listed = m_model->ids();
    const std::optional<int> from = m_library.queueIndex(id);
    if (listed.isEmpty() || !from || *from < 0)
        return;
    // The list may be filtered (words, Hide Read): the place is the queue's
    // index of the paper dropped before, or after the last one listed.
    const bool atEnd = row >= listed.size();
    const qint64 anchor = atEnd ? listed.last() : listed.at(qMax(0, row));
    if (anchor == id)
        return;
    const std::optional<int> at = m_library.queueIndex(anchor);
    if (!at || *at < 0)
        return;
    int to = *at;
    if (atEnd && *from > to)
        to += 1;
    else if (!atEnd && *from < to)
        to -= 1;
    if (to == *from)
        return;
    if (!m_library.moveInQueue(id, to)) {
        context().fail(m_library.errorString());
        return;
    }
    selectPaper(id);
    runSearch();
}

void MainWindow::applyQuickTag(int index)
{
    const QStringList tags = m_sidebar->mostUsedTags();
    const QList<qint64> ids = selectedIds();
    if (index >= tags.size() || ids.isEmpty())
        return;
    const QString tag = tags.at(index);
    const std::optional<bool> added = m_annotator.toggleTag(ids, tag);
    annotate(added.has_value());
    if (added)
        statusBar()->showMessage(*added ? tr("Tagged \u201c%1\u201d").arg(tag)
                                        : tr("Removed the tag \u201c%1\u201d").arg(tag),
                                 3000);
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

void MainWindow::onImportsFinished(const ImportReport &report)
{
    // The watched folder's files at its start were mostly imported before:
    // "12 already imported" at every start would be noise.
    const bool quiet = std::exchange(m_quietWatchBatch, false) && report.digestsAdded == 0 &&
                       !importNeedsAttention(report) && !report.cancelled;
    if (!quiet) {
        statusBar()->showMessage(importStatusLine(report), 10000);
        if (importNeedsAttention(report))
            showImportSummary(report, this);
    }
    if (report.papersAdded > 0)
        scheduleRanking();
    Q_EMIT importFinished();
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
    if (const QStringList paths = droppedFiles(event->mimeData()); !paths.isEmpty()) {
        event->acceptProposedAction();
        importPaths(paths);
    }
}

} // namespace gleaner
