// The window's watched folder: set in Preferences, a digest copied in shows
// in the sidebar with the usual summary, a bad file is reported once, and a
// start over files imported before says nothing.
#include "catch.h"
#include "ingest/folderwatcher.h"
#include "mainwindow.h"
#include "preferences.h"
#include "windowtesting.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace gleaner;
using namespace gleaner::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 15000;

void watchInPreferences(const QString &folder)
{
    Preferences prefs = Preferences::load();
    prefs.watchFolder = true;
    prefs.watchedFolder = folder;
    prefs.save();
}

void copyIn(const char *name, const QString &folder, const char *as = nullptr)
{
    REQUIRE(QFile::copy(fixture(name), QDir(folder).filePath(QLatin1String(as ? as : name))));
}

// The import summary boxes open on the window, closed as they are counted.
int closeSummaryBoxes(MainWindow &window, QString *text = nullptr)
{
    int boxes = 0;
    for (QMessageBox *box : window.findChildren<QMessageBox *>()) {
        if (!box->isVisible())
            continue;
        ++boxes;
        if (text)
            *text += box->text() + box->detailedText();
        box->close();
    }
    return boxes;
}

} // namespace

TEST_CASE("Preferences say which library is open when it is not the preferred one",
          "[window][preferences]")
{
    freshSettings();
    const auto says = [](const PreferencesDialog &dialog, const QString &text) {
        const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
        return std::any_of(labels.cbegin(), labels.cend(),
                           [&](const QLabel *l) { return l->text().contains(text); });
    };
    Preferences current;
    current.libraryPath = u"/tmp/papers/library.sqlite3"_s;
    PreferencesDialog other(current, {});
    other.setOpenLibrary(u"/tmp/elsewhere/test.sqlite3"_s);
    CHECK(says(other, u"Open now: /tmp/elsewhere/test.sqlite3"_s));
    PreferencesDialog same(current, {});
    same.setOpenLibrary(u"/tmp/papers/library.sqlite3"_s);
    CHECK_FALSE(says(same, u"Open now"_s));
    // No preference: the default file is the preferred one.
    PreferencesDialog byDefault(Preferences{}, {});
    byDefault.setOpenLibrary(Library::defaultPath());
    CHECK_FALSE(says(byDefault, u"Open now"_s));
    byDefault.setOpenLibrary(u"/tmp/elsewhere/test.sqlite3"_s);
    CHECK(says(byDefault, u"Open now"_s));
}

TEST_CASE("Preferences keep the watched folder and turn it off without forgetting it",
          "[window][watch]")
{
    freshSettings();
    Preferences current;
    current.watchedFolder = u"/tmp/digests"_s;
    PreferencesDialog dialog(current, {});
    auto *watch = dialog.findChild<QCheckBox *>(u"watchFolder"_s);
    auto *folder = dialog.findChild<QLineEdit *>(u"watchedFolder"_s);
    REQUIRE(watch);
    REQUIRE(folder);
    CHECK_FALSE(watch->isChecked());
    CHECK_FALSE(folder->isEnabled());
    CHECK(folder->text() == u"/tmp/digests"_s);
    CHECK_FALSE(dialog.preferences().watchFolder);

    watch->setChecked(true);
    CHECK(folder->isEnabled());
    Preferences edited = dialog.preferences();
    CHECK(edited.watchFolder);
    CHECK(edited.watchedFolder == u"/tmp/digests"_s);
    edited.save();
    const Preferences loaded = Preferences::load();
    CHECK(loaded.watchFolder);
    CHECK(loaded.watchedFolder == u"/tmp/digests"_s);

    // On with no folder is off.
    folder->clear();
    CHECK_FALSE(dialog.preferences().watchFolder);
}

TEST_CASE("The watched folder imports a digest copied into it, and reports a bad file once",
          "[window][watch]")
{
    freshSettings();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString inbox = dir.filePath(u"inbox"_s);
    REQUIRE(QDir().mkpath(inbox));
    watchInPreferences(inbox);

    MainWindow w(dir.filePath(u"library.sqlite3"_s));
    REQUIRE(w.isLibraryOpen());
    w.show();
    REQUIRE(QTest::qWaitForWindowExposed(&w));
    REQUIRE(w.folderWatcher());
    CHECK(w.folderWatcher()->isWatching());
    auto *status = w.findChild<QLabel *>(u"watchStatus"_s);
    REQUIRE(status);
    CHECK(status->isVisible());
    CHECK(status->text() == u"Watching inbox"_s);
    CHECK(status->toolTip().contains(inbox));
    CHECK(sidebarRows(w, u"Digests"_s) == 0);

    QSignalSpy imported(&w, &MainWindow::importFinished);
    copyIn("day1.txt", inbox);
    REQUIRE(QTest::qWaitFor([&] { return sidebarRows(w, u"Digests"_s) == 1; }, kWaitMs));
    REQUIRE(QTest::qWaitFor([&] { return imported.count() >= 1; }, kWaitMs));
    CHECK(w.statusBar()->currentMessage().startsWith(u"Imported: 1 digest added"_s));
    CHECK(closeSummaryBoxes(w) == 0);

    copyIn("notes.md", inbox, "notes.txt");
    REQUIRE(QTest::qWaitFor([&] { return imported.count() >= 2; }, kWaitMs));
    QString said;
    CHECK(closeSummaryBoxes(w, &said) == 1);
    CHECK(said.contains(u"notes.txt"_s));

    // The folder changes again: only the new digest comes in, the bad file
    // is not read or reported again.
    copyIn("day2.txt", inbox);
    REQUIRE(QTest::qWaitFor([&] { return sidebarRows(w, u"Digests"_s) == 2; }, kWaitMs));
    REQUIRE(QTest::qWaitFor([&] { return imported.count() >= 3; }, kWaitMs));
    QTest::qWait(2 * FolderWatcher::kDefaultSettleMs);
    CHECK(imported.count() == 3);
    CHECK(closeSummaryBoxes(w) == 0);
    CHECK(w.statusBar()->currentMessage().startsWith(u"Imported: 1 digest added"_s));
}

TEST_CASE("The watched folder says nothing at the start about digests imported before",
          "[window][watch]")
{
    freshSettings();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString inbox = dir.filePath(u"inbox"_s);
    REQUIRE(QDir().mkpath(inbox));
    copyIn("day1.txt", inbox);
    copyIn("day2.txt", inbox);
    const QString library = dir.filePath(u"library.sqlite3"_s);
    {
        // Imported before, by hand.
        MainWindow w(library);
        QSignalSpy imported(&w, &MainWindow::importFinished);
        w.importPaths({inbox});
        REQUIRE(imported.wait(kWaitMs));
        REQUIRE(sidebarRows(w, u"Digests"_s) == 2);
    }

    watchInPreferences(inbox);
    MainWindow w(library);
    w.show();
    REQUIRE(QTest::qWaitForWindowExposed(&w));
    QSignalSpy imported(&w, &MainWindow::importFinished);
    REQUIRE(imported.wait(kWaitMs)); // the files found at the start, all repeats
    CHECK(w.statusBar()->currentMessage().isEmpty());
    CHECK(closeSummaryBoxes(w) == 0);
    CHECK(sidebarRows(w, u"Digests"_s) == 2);
}
