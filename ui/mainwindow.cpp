#include "mainwindow.h"

#include "annotationpane.h"
#include "readerview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedLayout>
#include <QTableView>
#include <QVBoxLayout>

#include <gleaner/buildinfo.h>

namespace gleaner {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_splitter(new QSplitter(Qt::Horizontal, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Gleaner"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/gleaner.svg")));

    auto *listPane = new QWidget(m_splitter);
    listPane->setObjectName(QStringLiteral("listPane"));
    m_search = new QLineEdit(listPane);
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setPlaceholderText(tr("Search papers  (/ or Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_list = new QTableView(listPane);
    m_list->setObjectName(QStringLiteral("paperList"));
    m_list->verticalHeader()->hide();
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_emptyState = new QLabel(tr("<p><b>No digests yet.</b></p><p>Import a day's digest to start "
                                 "reading.</p>"),
                              listPane);
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    auto *stack = new QStackedLayout;
    stack->addWidget(m_list);
    stack->addWidget(m_emptyState);
    stack->setCurrentWidget(m_emptyState);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(6, 6, 0, 6);
    listLayout->addWidget(m_search);
    listLayout->addLayout(stack, 1);

    m_reader = new ReaderView(m_splitter);
    m_reader->setObjectName(QStringLiteral("readerPane"));
    connect(m_reader, &ReaderView::externalLinkActivated, this,
            [](const QUrl &url) { QDesktopServices::openUrl(url); });
    m_annotations = new AnnotationPane(m_splitter);

    m_splitter->addWidget(listPane);
    m_splitter->addWidget(m_reader);
    m_splitter->addWidget(m_annotations);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 1);
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);

    createActions();
    restoreState();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *find = view->addAction(tr("&Find"), this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    find->setShortcuts({QKeySequence::Find, QKeySequence(Qt::Key_Slash)});
    view->addSeparator();
    QAction *zoomIn = view->addAction(tr("Zoom &In"), m_reader, &ReaderView::zoomIn);
    zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    QAction *zoomOut = view->addAction(tr("Zoom &Out"), m_reader, &ReaderView::zoomOut);
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction *zoomReset = view->addAction(tr("&Actual Size"), m_reader, &ReaderView::resetZoom);
    zoomReset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Gleaner"), this, &MainWindow::showAbout);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Gleaner"),
                       tr("<h3>Gleaner %1</h3><p>An offline reader for daily research-paper "
                          "digests.</p>")
                           .arg(QStringLiteral(GLEANER_VERSION)));
}

void MainWindow::restoreState()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1280, 800);
    const QByteArray split = settings.value(QStringLiteral("window/splitter")).toByteArray();
    if (split.isEmpty() || !m_splitter->restoreState(split))
        m_splitter->setSizes({420, 620, 240});
}

void MainWindow::saveState() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    event->accept();
}

} // namespace gleaner
