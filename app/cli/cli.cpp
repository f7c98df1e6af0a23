#include "cli.h"

#include "commandtable.h"
#include "help.h"
#include "invocation.h"
#include "output.h"
#include "storage/integritycheck.h"
#include "storage/library.h"
#include "storage/libraryfile.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace gleaner::cli {

namespace {

int usageError(const QString &message)
{
    err() << "gleaner-cli: " << message << "\n"
          << QCoreApplication::translate("gleaner::cli", "(see gleaner-cli --help)") << "\n";
    return Usage;
}

// The one way a command gets its library, as its row in the table asks.
// Readers open the file read-only: they never create, upgrade or change a
// library, and work where its folder is read-only. Writers first check that
// the file is sound: writing to a damaged file spreads the damage (an index
// that lost a row makes an import add a paper twice).
bool openLibrary(Library &library, const QString &path, Access access)
{
    const auto refuse = [](const QString &why) {
        err() << "gleaner-cli: " << why << "\n";
        return false;
    };
    if (access == Access::None)
        return true;
    if (access != Access::Creates && !QFileInfo::exists(path))
        return refuse(QCoreApplication::translate(
                          "gleaner::cli", "there is no library at %1; check --library, or "
                                          "import digests first (gleaner-cli import PATH...)")
                          .arg(path));
    // Only commands that bring data in may make a library of an empty file.
    if (access == Access::Writes) {
        LibraryFile file(path);
        if (!file.checkReadable())
            return refuse(file.errorString());
    }
    const bool readOnly = access == Access::Reads;
    library.setUpgradeNotice([](int from, int to) {
        err() << "gleaner-cli: " << Schema::upgradeMessage(from, to) << "\n";
        err().flush();
    });
    if (!library.open(path,
                      readOnly ? Database::OpenMode::ReadOnly : Database::OpenMode::ReadWrite))
        return refuse(library.errorString());
    if (!readOnly) {
        IntegrityCheck check(library.database());
        if (!check.run())
            return refuse(check.errorString());
    }
    return true;
}

} // namespace

int run(const QStringList &arguments)
{
    QStringList args = arguments.mid(1);
    QString libraryPath;
    // --library may stand anywhere before or after the command.
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--library")) {
            if (i + 1 >= args.size())
                return usageError(
                    QCoreApplication::translate("gleaner::cli", "--library needs a FILE"));
            libraryPath = args.at(i + 1);
            args.remove(i, 2);
            break;
        }
        if (args.at(i).startsWith(QLatin1String("--library="))) {
            libraryPath = args.at(i).mid(10);
            args.remove(i);
            break;
        }
    }
    if (args.isEmpty()) {
        err() << Help::overview();
        return Usage;
    }
    // The options that stand for a command.
    const QString first = args.first();
    if (first == QLatin1String("--help") || first == QLatin1String("-h"))
        args.first() = QStringLiteral("help");
    else if (first == QLatin1String("--version") || first == QLatin1String("-v"))
        args.first() = QStringLiteral("version");

    const Command *command = findCommand(args);
    if (!command)
        return usageError(
            QCoreApplication::translate("gleaner::cli", "unknown command '%1'").arg(args.first()));
    Invocation invocation(*command, libraryPath.isEmpty() ? Library::defaultPath() : libraryPath);
    if (!invocation.parse(args.mid(nameWords(*command))))
        return Usage;
    if (invocation.helpRequested()) {
        out() << Help::command(*command);
        return Ok;
    }
    Library library;
    if (!openLibrary(library, invocation.libraryPath(), command->accessOf(invocation)))
        return Rejected;
    return command->run(invocation, library);
}

} // namespace gleaner::cli
