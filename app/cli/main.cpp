// gleaner-cli: the core library from the command line.
#include "cli.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    return gleaner::cli::run(app.arguments());
}
