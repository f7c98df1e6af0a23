// help and version: what gleaner-cli is and what it does.
#include "help.h"

#include "commands.h"
#include "commandtable.h"
#include "invocation.h"
#include "output.h"

#include <gleaner/buildinfo.h>

namespace gleaner::cli {

int Commands::help(Invocation &in, Library &)
{
    if (in.words().isEmpty()) {
        out() << Help::overview();
        return Ok;
    }
    const Command *command = findCommand(in.words());
    if (!command || nameWords(*command) != in.words().size())
        return in.usageError(tr("there is no command '%1'").arg(in.words().join(QLatin1Char(' '))));
    out() << Help::command(*command);
    return Ok;
}

int Commands::version(Invocation &, Library &)
{
    out() << "gleaner-cli " << GLEANER_VERSION << " "
          << tr("(archive backend: %1)").arg(QStringLiteral(GLEANER_ARCHIVE_BACKEND)) << "\n";
    return Ok;
}

} // namespace gleaner::cli
