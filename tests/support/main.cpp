// The one test main: creates the Qt application object the suite needs
// (GLEANER_TEST_APP: 0 core, 1 widgets, 2 webengine), then runs Catch2.
#if GLEANER_CATCH2_MAJOR >= 3
#include <catch2/catch_session.hpp>
#else
#define CATCH_CONFIG_RUNNER
#endif
#include "catch.h"
#include "translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#if GLEANER_TEST_APP >= 1
#include <QApplication>
#endif
#if GLEANER_TEST_APP >= 2
namespace gleaner {
void registerReaderScheme(); // ui/readerscheme.h, before the application exists
}
#endif

namespace {
int g_skipped = 0;
}

namespace gleaner::test {

QString dataDir()
{
    return QStringLiteral(GLEANER_TEST_DATA_DIR);
}

QString dataPath(const QString &name)
{
    return dataDir() + QLatin1Char('/') + name;
}

QByteArray readData(const QString &name)
{
    QFile file(dataPath(name));
    if (!file.open(QIODevice::ReadOnly))
        FAIL("cannot read fixture " << name.toStdString());
    return file.readAll();
}

QString seedsDir()
{
    const QString dir = QStringLiteral(GLEANER_SEEDS_DIR);
    return QFileInfo(dir).isDir() ? QDir(dir).absolutePath() : QString();
}

void markSkipped(const QString &why)
{
    ++g_skipped;
    WARN("SKIPPED: " << why.toStdString());
}

} // namespace gleaner::test

int main(int argc, char *argv[])
{
    // Tests never touch the user's real settings or library.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("gleaner-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("gleaner-tests"));

#if GLEANER_TEST_APP >= 2
    gleaner::registerReaderScheme();
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
#endif
#if GLEANER_TEST_APP >= 1
    QApplication app(argc, argv);
#else
    QCoreApplication app(argc, argv);
#endif
    // As the programs do: plural forms come from the English catalogue.
    gleaner::installTranslations(app);
    // Settings of this run alone: QStandardPaths' test mode puts every test
    // process's in one folder, so a window test running beside another
    // (ctest -j, a second checkout's suite) would read the other's window
    // state.
    QTemporaryDir settingsDir;
    if (!settingsDir.isValid()) {
        QTextStream(stderr) << "cannot make a folder for the tests' settings\n";
        return 1;
    }
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());

    const int failed = Catch::Session().run(argc, argv);
    if (failed == 0 && g_skipped > 0) {
        QTextStream(stdout) << g_skipped << " test(s) skipped\n";
        return 77;
    }
    return failed;
}
