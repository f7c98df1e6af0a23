// backup, restore and snapshot: copies of the reader's data and of the
// whole library.
#include "backup/backup.h"

#include "commands.h"
#include "invocation.h"
#include "output.h"
#include "storage/library.h"

namespace gleaner::cli {

int Commands::backup(Invocation &in, Library &library)
{
    const QString &path = in.words().first();
    Backup backup(library);
    if (path == QLatin1String("-")) {
        const std::optional<BackupDocument> document = backup.toJson();
        if (!document)
            return in.rejected(backup.errorString());
        return in.writeOutput(path, document->json) ? Ok : Rejected;
    }
    const std::optional<BackupSummary> summary = backup.write(path);
    if (!summary)
        return in.rejected(backup.errorString());
    const QString papers =
        summary->papers == 1 ? tr("1 paper") : tr("%1 papers").arg(summary->papers);
    const QString searches = summary->savedSearches == 1
                                 ? tr("1 saved search")
                                 : tr("%1 saved searches").arg(summary->savedSearches);
    out() << tr("Backed up the reader data of %1 and %2 to %3").arg(papers, searches, path) << "\n";
    return Ok;
}

int Commands::restore(Invocation &in, Library &library)
{
    const QString &path = in.words().first();
    Backup backup(library);
    std::optional<RestoreReport> restored;
    if (path == QLatin1String("-")) {
        const auto data = in.readStandardInput();
        if (!data)
            return in.usageError(tr("cannot read standard input"));
        restored = backup.restoreData(*data);
    } else {
        restored = backup.restore(path);
    }
    if (!restored)
        return in.rejected(backup.errorString());
    const RestoreReport &report = *restored;
    out() << tr("Restored: %1").arg(report.summary()) << "\n";
    for (const QString &title : std::as_const(report.noteConflicts))
        out() << "  " << tr("both notes kept (the backup's after a separator line): %1").arg(title)
              << "\n";
    for (const QString &name : std::as_const(report.renamedSearches))
        out() << "  " << tr("saved search with a different query kept as: %1").arg(name) << "\n";
    return Ok;
}

int Commands::snapshot(Invocation &in, Library &library)
{
    const QString &path = in.words().first();
    Backup backup(library);
    if (!backup.snapshot(path))
        return in.rejected(backup.errorString());
    out() << tr("Snapshot of %1 written to %2").arg(library.path(), path) << "\n";
    return Ok;
}

} // namespace gleaner::cli
