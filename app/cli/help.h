// The help gleaner-cli prints, made from the command table so that it
// cannot forget a command or an option.
#pragma once

#include "command.h"

#include <QCoreApplication>
#include <QString>

namespace gleaner::cli {

class Help final
{
    Q_DECLARE_TR_FUNCTIONS(gleaner::cli::Help)

public:
    // Every command with its one-line summary, and the global options.
    static QString overview();
    // One command: its usage, summary, options and sub-commands.
    static QString command(const Command &command);
};

} // namespace gleaner::cli
