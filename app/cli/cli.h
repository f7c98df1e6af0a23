// The commands of gleaner-cli. Exit codes: 0 all well, 1 some input was
// rejected (the rest still done), 2 usage error.
#pragma once

#include <QStringList>

namespace gleaner::cli {

enum ExitCode
{
    Ok = 0,
    Rejected = 1,
    Usage = 2
};

int run(const QStringList &arguments);

} // namespace gleaner::cli
