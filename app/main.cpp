// gleaner: the desktop application.
#include "displaycheck.h"
#include "mainwindow.h"
#include "preferences.h"
#include "readerscheme.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileDialog>
#include <QIcon>
#include <QMessageBox>
#include <QPushButton>

#include <cstdio>
#include <gleaner/buildinfo.h>
#include <memory>

namespace {

const QCommandLineOption kLibraryOption(QStringLiteral("library"),
                                        QStringLiteral("Use this library file."),
                                        QStringLiteral("FILE"));

void describe(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        QStringLiteral("Gleaner, an offline reader for daily research-paper digests."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(kLibraryOption);
    parser.addPositionalArgument(QStringLiteral("paths"),
                                 QStringLiteral("Digests, folders or archives to import."),
                                 QStringLiteral("[paths...]"));
}

void nameApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("Gleaner"));
    QCoreApplication::setOrganizationName(QStringLiteral("Gleaner"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GLEANER_VERSION));
}

// --help and --version need no display: answered before one is looked for.
bool asksForHelpOrVersion(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--")
            return false;
        if (arg == "-h" || arg == "-?" || arg == "--help" || arg == "--help-all" || arg == "-v" ||
            arg == "--version")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    if (asksForHelpOrVersion(argc, argv)) {
        QCoreApplication app(argc, argv);
        nameApplication();
        QCommandLineParser parser;
        describe(parser);
        parser.process(app); // prints and exits
        return 0;
    }
    if (const QString why = gleaner::missingDisplayReason(); !why.isEmpty()) {
        std::fprintf(stderr, "gleaner: %s\n", qPrintable(why));
        return 1;
    }

    gleaner::registerReaderScheme();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    gleaner::installTranslations(app);
    nameApplication();
    QApplication::setDesktopFileName(QStringLiteral("org.gleaner.Gleaner"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/gleaner.svg")));

    QCommandLineParser parser;
    describe(parser);
    parser.process(app);

    // A library that cannot be opened (damaged, from a newer Gleaner, not a
    // library): say why and offer to use another file rather than give up.
    QString libraryPath = parser.value(kLibraryOption);
    std::unique_ptr<gleaner::MainWindow> window;
    while (true) {
        window = std::make_unique<gleaner::MainWindow>(libraryPath);
        if (window->isLibraryOpen())
            break;
        QMessageBox box(QMessageBox::Critical, QStringLiteral("Gleaner"), window->libraryError());
        box.setInformativeText(QStringLiteral("The file was left as it is. You can use another "
                                              "library file, or quit and move this one aside."));
        QPushButton *choose =
            box.addButton(QStringLiteral("Use Another Library\u2026"), QMessageBox::AcceptRole);
        box.addButton(QMessageBox::Close);
        box.exec();
        if (box.clickedButton() != choose)
            return 1;
        libraryPath = QFileDialog::getSaveFileName(nullptr, QStringLiteral("Library File"),
                                                   gleaner::Library::defaultPath(),
                                                   QStringLiteral("Gleaner library (*.sqlite3)"),
                                                   nullptr, QFileDialog::DontConfirmOverwrite);
        if (libraryPath.isEmpty())
            return 1;
        gleaner::Preferences prefs = gleaner::Preferences::load();
        prefs.libraryPath = libraryPath;
        prefs.save();
    }
    window->show();
    window->importPaths(parser.positionalArguments());
    return app.exec();
}
