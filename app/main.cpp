// gleaner: the desktop application.
#include "displaycheck.h"
#include "mainwindow.h"
#include "readerscheme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

#include <cstdio>
#include <gleaner/buildinfo.h>

int main(int argc, char *argv[])
{
    if (const QString why = gleaner::missingDisplayReason(); !why.isEmpty()) {
        std::fprintf(stderr, "gleaner: %s\n", qPrintable(why));
        return 1;
    }

    gleaner::registerReaderScheme();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Gleaner"));
    QApplication::setOrganizationName(QStringLiteral("Gleaner"));
    QApplication::setApplicationVersion(QStringLiteral(GLEANER_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.gleaner.Gleaner"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/gleaner.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Gleaner, an offline reader for daily research-paper digests."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    gleaner::MainWindow window;
    window.show();
    return app.exec();
}
