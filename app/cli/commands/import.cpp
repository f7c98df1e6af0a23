// import: digests from files, folders, archives and standard input, or from
// a watched folder (--watch) until interrupted.
#include "commands.h"
#include "ingest/folderwatcher.h"
#include "ingest/importer.h"
#include "invocation.h"
#include "output.h"
#include "stopsignals.h"

#include <QEventLoop>
#include <QFileInfo>

namespace gleaner::cli {

namespace {

// What import prints of a report: every problem on standard error, the
// summary on standard output. The exit code it stands for.
int printReport(const ImportReport &report)
{
    for (const ImportProblem &p : std::as_const(report.rejected))
        err() << Commands::tr("skipped %1").arg(p.toString()) << "\n";
    for (const ImportProblem &p : std::as_const(report.damaged))
        err() << Commands::tr("damaged %1").arg(p.toString()) << "\n";
    for (const QString &ignored : std::as_const(report.ignored))
        err() << Commands::tr("ignored %1").arg(ignored) << "\n";
    if (!report.failed.isEmpty()) {
        for (const ImportProblem &p : std::as_const(report.failed))
            err() << "gleaner-cli: " << p.toString() << "\n";
        return Rejected;
    }
    out() << Commands::tr("Imported: %1").arg(report.summary()) << "\n";
    return report.hasRejections() ? Rejected : Ok;
}

// The files already in the folder when watching begins come in first; a
// restart finds them imported, and saying "5 already imported" every time
// would only be noise.
bool worthSaying(const ImportReport &report, bool initial)
{
    return !initial || report.digestsAdded > 0 || report.hasRejections() ||
           !report.ignored.isEmpty() || !report.failed.isEmpty() || report.cancelled;
}

int watch(Invocation &in, Library &library)
{
    if (in.words().size() != 1)
        return in.usageError(Commands::tr("--watch takes one folder"));
    const QString folder = QFileInfo(in.words().constFirst()).absoluteFilePath();
    // A mistyped folder would otherwise be waited for in silence.
    if (!QFileInfo(folder).isDir())
        return in.rejected(
            QFileInfo::exists(folder)
                ? Commands::tr("%1 is not a folder; --watch watches a folder").arg(folder)
                : Commands::tr("there is no folder %1 to watch").arg(folder));

    QEventLoop loop;
    StopSignals stop;
    if (!stop.install([&loop] { loop.quit(); }))
        return in.rejected(stop.errorString());

    Importer importer(library);
    // Ctrl+C in the middle of a batch rolls back the file being read.
    importer.setProgressHandler([](const ImportProgress &) { return !StopSignals::requested(); });
    FolderWatcher watcher(folder);
    watcher.setBatchHandler([&](const FolderWatcher::Batch &batch) {
        // Stopping: the loop quits as soon as it reads the pipe, and files
        // handed out before that are left for the next watch.
        if (StopSignals::requested())
            return;
        const ImportReport report = importer.importPaths(batch.files);
        if (worthSaying(report, batch.initial))
            printReport(report);
        out().flush();
        err().flush();
    });
    watcher.setFolderHandler([&](bool exists) {
        out() << (exists ? Commands::tr("%1 is back; watching it again.").arg(folder)
                         : Commands::tr("%1 is gone; waiting for it to come back.").arg(folder))
              << "\n";
        out().flush();
    });

    out() << Commands::tr("Watching %1 for new digests; Ctrl+C stops.").arg(folder) << "\n";
    out().flush();
    watcher.start();
    loop.exec();
    watcher.stop();
    out() << Commands::tr("Stopped watching %1.").arg(folder) << "\n";
    // Stopped on request: each problem was reported when it happened, and a
    // service manager that stops the watch should not see it fail.
    return Ok;
}

} // namespace

QList<QCommandLineOption> Commands::importOptions()
{
    return {
        QCommandLineOption(QStringLiteral("watch"),
                           tr("keep watching the folder PATH and import each digest (.txt) or "
                              "archive saved into it, not its subfolders, until interrupted "
                              "(Ctrl+C)")),
    };
}

int Commands::import(Invocation &in, Library &library)
{
    if (in.isSet(QStringLiteral("watch")))
        return watch(in, library);
    Importer importer(library);
    // "-" is standard input, read by the importer up to the file cap.
    return printReport(importer.importPaths(in.words()));
}

} // namespace gleaner::cli
