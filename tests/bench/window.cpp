// gleaner-window-bench: how the real window feels on a large library.
// Generates (or reuses) a library of synthetic digests, then measures inside
// the process, with QElapsedTimer around the window's own code paths:
//
//   cold start   constructing MainWindow on the library until its paper list
//                begins to paint rows (the first run also starts WebEngine);
//   star / read  the Star and Mark Read actions, as the S and U keys trigger
//                them, until every pane is updated: the action's own work
//                plus the event processing that repaints the list row, the
//                sidebar counts and the annotation pane.
//
// Each is run N times; p50 and p95 are printed as a Markdown table. Needs a
// display for the reader pane (xvfb-run works).
//
//   gleaner-window-bench [--papers N] [--runs R] [--library FILE]
#include "actions/repairaction.h"
#include "annotationpane.h"
#include "corpus.h"
#include "ingest/importer.h"
#include "mainwindow.h"
#include "paperlistmodel.h"
#include "readerscheme.h"
#include "sidebar.h"
#include "storage/library.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace gleaner;
using namespace gleaner::bench;

namespace {

struct Percentiles
{
    double p50 = 0;
    double p95 = 0;
    double max = 0;
};

Percentiles summarise(QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) {
        return ms.at(qMin(ms.size() - 1, qsizetype(q * double(ms.size()))));
    };
    return {at(0.50), at(0.95), ms.last()};
}

QString describe(const QList<double> &ms)
{
    const Percentiles p = summarise(ms);
    return QStringLiteral("p50 %1 ms, p95 %2 ms, max %3 ms (%4 runs)")
        .arg(p.p50, 0, 'f', 2)
        .arg(p.p95, 0, 'f', 2)
        .arg(p.max, 0, 'f', 2)
        .arg(ms.size());
}

// Runs the event loop until `done` or `timeoutMs`.
bool waitUntil(const std::function<bool()> &done, int timeoutMs = 60000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 20);
    }
    return true;
}

// Notes when a widget begins to paint while `ready` holds.
class PaintWatch final : public QObject
{
public:
    PaintWatch(QWidget *widget, std::function<bool()> ready)
        : m_ready(std::move(ready))
    {
        widget->installEventFilter(this);
    }
    bool painted() const { return m_painted; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_painted && m_ready())
            m_painted = true;
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<bool()> m_ready;
    bool m_painted = false;
};

QAction *findAction(QWidget *window, const QString &text)
{
    for (QAction *action : window->findChildren<QAction *>()) {
        if (action->text() == text)
            return action;
    }
    return nullptr;
}

int sidebarCount(Sidebar *sidebar, const QString &label)
{
    QAbstractItemModel *model = sidebar->model();
    const QModelIndexList found = model->match(model->index(0, 0), Qt::DisplayRole, label, 1,
                                               Qt::MatchExactly | Qt::MatchRecursive);
    if (found.isEmpty())
        return -1;
    return QLocale().toInt(found.first().siblingAtColumn(1).data().toString());
}

} // namespace

int main(int argc, char *argv[])
{
    registerReaderScheme();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("gleaner-window-bench"));
    QApplication::setApplicationName(QStringLiteral("gleaner-window-bench"));

    int papers = 100000;
    int runs = 30;
    QString libraryArg;
    bool compactTable = false; // the table instead of the reading layout
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--papers") && i + 1 < args.size())
            papers = args.at(++i).toInt();
        else if (args.at(i) == QLatin1String("--runs") && i + 1 < args.size())
            runs = args.at(++i).toInt();
        else if (args.at(i) == QLatin1String("--library") && i + 1 < args.size())
            libraryArg = args.at(++i);
        else if (args.at(i) == QLatin1String("--table"))
            compactTable = true;
        else {
            std::fprintf(stderr, "usage: gleaner-window-bench [--papers N] [--runs R] "
                                 "[--library FILE] [--table]\n");
            return 2;
        }
    }
    if (papers <= 0 || runs <= 1) {
        std::fprintf(stderr, "gleaner-window-bench: --papers and --runs take positive numbers\n");
        return 2;
    }

    QTemporaryDir temp(QDir::tempPath() + QStringLiteral("/gleaner-window-bench-XXXXXX"));
    if (!temp.isValid())
        return 1;
    // The window remembers its state; none of it may reach the user's own.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, temp.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, temp.path());
    QSettings().setValue(QStringLiteral("reading/markReadDelay"), 0);
    QSettings().setValue(QStringLiteral("list/compactTable"), compactTable);

    // A library given and present is used as it is (its reader data
    // changes); otherwise one is generated and imported here.
    QString libraryPath = libraryArg;
    if (libraryPath.isEmpty() || !QFileInfo::exists(libraryPath)) {
        if (libraryPath.isEmpty())
            libraryPath = temp.filePath(QStringLiteral("library.sqlite3"));
        std::fprintf(stderr, "generating and importing %d papers...\n", papers);
        Corpus corpus(papers);
        const QString digestDir = temp.filePath(QStringLiteral("digests"));
        QDir().mkpath(digestDir);
        for (qsizetype i = 0; i < corpus.digests().size(); ++i) {
            QFile f(QStringLiteral("%1/%2.txt").arg(digestDir).arg(i, 6, 10, QLatin1Char('0')));
            if (!f.open(QIODevice::WriteOnly) || f.write(corpus.digests().at(i)) < 0)
                return 1;
        }
        corpus.releaseDigests();
        Library library;
        if (!library.open(libraryPath))
            return 1;
        Importer importer(library);
        if (!importer.importPaths({digestDir}).ok())
            return 1;
        // Some reader data, as a library in use has.
        QList<qint64> some;
        for (qint64 id = 1; id <= papers; id += 97)
            some << id;
        (void)library.setRead(some, true);
        (void)library.setStarred(some.mid(0, some.size() / 3), true);
        (void)library.addTags(some.mid(0, some.size() / 2), {QStringLiteral("to-read")});
        library.refreshStatistics();
    }
    int libraryPapers = 0;
    {
        Library library;
        if (!library.open(libraryPath))
            return 1;
        libraryPapers = library.paperCount();
    }

    QList<std::pair<QString, QString>> table;
    auto row = [&](const QString &metric, const QString &value) {
        table.append({metric, value});
        std::fprintf(stderr, "  %s: %s\n", qPrintable(metric), qPrintable(value));
    };
    row(QStringLiteral("papers"), QString::number(libraryPapers));
    row(QStringLiteral("list layout"),
        compactTable ? QStringLiteral("compact table") : QStringLiteral("reading"));

    // Cold start: a new window each run, to its first painted rows.
    QList<double> startMs;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        MainWindow window(libraryPath);
        if (!window.isLibraryOpen())
            return 1;
        PaintWatch watch(window.paperList()->viewport(),
                         [&] { return window.paperModel()->rowCount() > 0; });
        window.resize(1024, 700);
        window.show();
        if (!waitUntil([&] { return watch.painted(); })) {
            std::fprintf(stderr, "gleaner-window-bench: the list never painted\n");
            return 1;
        }
        startMs << double(timer.nsecsElapsed()) / 1e6;
        // Let the whole list and the reader settle before the window goes.
        QSignalSpy searched(&window, &MainWindow::searchFinished);
        (void)(searched.count() > 0 || searched.wait(30000));
        window.close();
    }
    std::fprintf(stderr, "  (first start %.1f ms, with WebEngine's own start)\n", startMs.first());
    row(QStringLiteral("cold start to first list paint"), describe(startMs));

    // Annotations on the open window.
    MainWindow window(libraryPath);
    QSignalSpy searched(&window, &MainWindow::searchFinished);
    window.resize(1024, 700);
    window.show();
    if (!waitUntil([&] { return searched.count() > 0; }))
        return 1;
    // The integrity check a window starts in the background takes a second
    // of CPU at 100k papers; the edits are measured once it is done, as a
    // reader annotates after start-up.
    if (auto *check = window.findChild<RepairAction *>();
        check && !waitUntil([&] { return !check->isChecking(); }, 120000))
        return 1;
    QTableView *list = window.paperList();
    list->setFocus();
    list->selectionModel()->setCurrentIndex(window.paperModel()->index(3, 1),
                                            QItemSelectionModel::ClearAndSelect |
                                                QItemSelectionModel::Rows);
    waitUntil([] { return false; }, 500);
    QAction *star = findAction(&window, QObject::tr("&Star"));
    QAction *read = findAction(&window, QObject::tr("Mark &Read / Unread"));
    auto *starBox = window.annotationPane()->findChild<QCheckBox *>(QStringLiteral("starBox"));
    auto *readBox = window.annotationPane()->findChild<QCheckBox *>(QStringLiteral("readBox"));
    if (!star || !read || !starBox || !readBox) {
        std::fprintf(stderr, "gleaner-window-bench: the window has no Star or Read action\n");
        return 1;
    }

    auto measure = [&](QAction *action, QCheckBox *box, int role, const QString &sidebarLabel) {
        QList<double> ms;
        for (int i = 0; i < runs; ++i) {
            const bool before = box->isChecked();
            const int countBefore = sidebarCount(window.sidebar(), sidebarLabel);
            QElapsedTimer timer;
            timer.start();
            action->trigger();
            // Repaints and anything the action posted.
            QCoreApplication::processEvents();
            ms << double(timer.nsecsElapsed()) / 1e6;
            // Every pane must show the change, or the figure means nothing.
            const bool after = box->isChecked();
            const bool rowAfter =
                window.paperModel()->index(list->currentIndex().row(), 0).data(role).toBool();
            const int countAfter = sidebarCount(window.sidebar(), sidebarLabel);
            const int expected =
                countBefore +
                (role == PaperListModel::ReadRole ? (after ? -1 : 1) : (after ? 1 : -1));
            if (after == before || rowAfter != after || countAfter != expected) {
                std::fprintf(stderr,
                             "gleaner-window-bench: a pane was not updated (box %d->%d, row %d, "
                             "%s %d->%d)\n",
                             before, after, rowAfter, qPrintable(sidebarLabel), countBefore,
                             countAfter);
                return QList<double>();
            }
            waitUntil([] { return false; }, 20);
        }
        return ms;
    };
    const QList<double> starMs =
        measure(star, starBox, PaperListModel::StarredRole, QObject::tr("Starred"));
    const QList<double> readMs =
        measure(read, readBox, PaperListModel::ReadRole, QObject::tr("Unread"));
    if (starMs.isEmpty() || readMs.isEmpty())
        return 1;
    row(QStringLiteral("star to every pane updated"), describe(starMs));
    row(QStringLiteral("read mark to every pane updated"), describe(readMs));
    window.close();

    QTextStream out(stdout);
    out << "\n| metric | value |\n|---|---|\n";
    for (const auto &[metric, value] : table)
        out << "| " << metric << " | " << value << " |\n";
    return 0;
}
