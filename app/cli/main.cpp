// gleaner-cli: the core library from the command line.
#include "cli.h"
#include "translations.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    gleaner::installTranslations(app);
    return gleaner::cli::run(app.arguments());
}
