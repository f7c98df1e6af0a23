// import: digests from files, folders, archives and standard input.
#include "commands.h"
#include "ingest/importer.h"
#include "invocation.h"
#include "output.h"

namespace gleaner::cli {

int Commands::import(Invocation &in, Library &library)
{
    Importer importer(library);
    // "-" is standard input, read by the importer up to the file cap.
    const ImportReport report = importer.importPaths(in.words());
    for (const ImportProblem &p : std::as_const(report.rejected))
        err() << tr("skipped %1").arg(p.toString()) << "\n";
    for (const ImportProblem &p : std::as_const(report.damaged))
        err() << tr("damaged %1").arg(p.toString()) << "\n";
    for (const QString &ignored : std::as_const(report.ignored))
        err() << tr("ignored %1").arg(ignored) << "\n";
    if (!report.failed.isEmpty()) {
        for (const ImportProblem &p : std::as_const(report.failed))
            err() << "gleaner-cli: " << p.toString() << "\n";
        return Rejected;
    }
    out() << tr("Imported: %1").arg(report.summary()) << "\n";
    return report.hasRejections() ? Rejected : Ok;
}

} // namespace gleaner::cli
