// The one table of gleaner-cli's commands: the dispatcher, the help and the
// tests all read it.
#pragma once

#include "command.h"

#include <QList>
#include <QStringList>

namespace gleaner::cli {

const QList<Command> &commandTable();

// The row named by the first words of `words` ("tags rename" before
// "tags"); nullptr when there is none.
const Command *findCommand(const QStringList &words);

// How many words of the command line a row's name takes.
qsizetype nameWords(const Command &command);

} // namespace gleaner::cli
