// repair: a new library rebuilt from a damaged one (repair/repairer.h).
#include "commands.h"
#include "invocation.h"
#include "output.h"
#include "repair/repairer.h"
#include "storage/database.h"
#include "storage/integritycheck.h"
#include "storage/libraryfile.h"

namespace gleaner::cli {

QList<QCommandLineOption> Commands::repairOptions()
{
    return {
        QCommandLineOption(QStringLiteral("output"),
                           tr("write the repaired library to NEW and leave the damaged one "
                              "where it is"),
                           tr("NEW")),
        QCommandLineOption(QStringLiteral("force"),
                           tr("rebuild the library even when the check finds it sound")),
    };
}

// Opens the file itself (its row has Access::None): a damaged library is
// exactly what the usual opening refuses.
int Commands::repair(Invocation &in, Library &)
{
    const QString path = in.libraryPath();
    LibraryFile file(path);
    if (!file.checkReadable())
        return in.rejected(file.errorString());
    if (!in.isSet(QStringLiteral("force"))) {
        Database db;
        if (db.open(path, Database::OpenMode::ReadOnly)) {
            IntegrityCheck check(db);
            if (check.run()) {
                out() << tr("The library %1 is sound: there is nothing to repair (use --force to "
                            "rebuild it anyway).")
                             .arg(path)
                      << "\n";
                return Ok;
            }
        }
    }
    Repairer repairer(path);
    repairer.setOutput(in.value(QStringLiteral("output")));
    const std::optional<RepairReport> report = repairer.run();
    if (!report)
        return in.rejected(repairer.errorString());
    out() << tr("Repaired: %1").arg(report->summary()) << "\n"
          << tr("Repaired library: %1").arg(report->repairedPath) << "\n"
          << tr("Damaged file kept at: %1").arg(report->damagedPath) << "\n";
    return Ok;
}

} // namespace gleaner::cli
