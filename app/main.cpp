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

int main(int argc, char *argv[])
{
    if (const QString why = gleaner::missingDisplayReason(); !why.isEmpty()) {
        std::fprintf(stderr, "gleaner: %s\n", qPrintable(why));
        return 1;
    }

    gleaner::registerReaderScheme();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    gleaner::installTranslations(app);
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

    // A library that cannot be opened (damaged, from a newer Gleaner, not a
    // library): say why and offer to use another file rather than give up.
    QString libraryPath = parser.value(libraryOption);
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
