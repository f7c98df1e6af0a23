// gleaner: the desktop application.
#include "displaycheck.h"
#include "mainwindow.h"
#include "readerscheme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>

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
    const QCommandLineOption libraryOption(QStringLiteral("library"),
                                           QStringLiteral("Use this library file."),
                                           QStringLiteral("FILE"));
    parser.addOption(libraryOption);
    parser.addPositionalArgument(QStringLiteral("paths"),
                                 QStringLiteral("Digests, folders or archives to import."),
                                 QStringLiteral("[paths...]"));
    parser.process(app);

    gleaner::MainWindow window(parser.value(libraryOption));
    if (!window.isLibraryOpen()) {
        QMessageBox::critical(nullptr, QStringLiteral("Gleaner"),
                              window.libraryError() +
                                  QStringLiteral("\n\nChoose another library file with "
                                                 "--library FILE, or move this one aside."));
        return 1;
    }
    window.show();
    window.importPaths(parser.positionalArguments());
    return app.exec();
}
