#include "annotationpane.h"
#include "catch.h"
#include "damage.h"
#include "ingest/importer.h"
#include "mainwindow.h"
#include "model/weblinks.h"
#include "paperlistmodel.h"
#include "readerview.h"
#include "sidebar.h"
#include "windowtesting.h"

#include <QAction>
#include <QCheckBox>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace gleaner;
using namespace gleaner::test;

namespace {

// A new library in `dir` with the first two test digests; its path.
QString twoDayLibrary(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("library.sqlite3"));
    Library library;
    REQUIRE(library.open(path));
    Importer importer(library);
    REQUIRE(importer.importPaths({fixture("day1.txt"), fixture("day2.txt")}).ok());
    return path;
}

} // namespace

TEST_CASE("Main window shows the sidebar, list, reader and annotation panes", "[window]")
{
    freshSettings();
    QTemporaryDir dir;
    MainWindow window(dir.filePath(QStringLiteral("library.sqlite3")));
    REQUIRE(window.isLibraryOpen());
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));

    QSplitter *splitter = window.splitter();
    REQUIRE(splitter->count() == 4);
    CHECK(splitter->widget(0)->objectName() == QStringLiteral("sidebar"));
    CHECK(splitter->widget(1)->objectName() == QStringLiteral("listPane"));
    CHECK(splitter->widget(2)->objectName() == QStringLiteral("readerPane"));
    CHECK(splitter->widget(3)->objectName() == QStringLiteral("annotationPane"));
    for (int i = 0; i < splitter->count(); ++i)
        CHECK(splitter->widget(i)->width() > 100);
    // An empty library greets with the way in.
    QWidget *empty = window.findChild<QWidget *>(QStringLiteral("emptyState"));
    REQUIRE(empty);
    CHECK(empty->isVisible());
    // Files, a folder (the dialog for files chooses no folder), or samples.
    QStringList buttons;
    for (const QPushButton *button : empty->findChildren<QPushButton *>())
        buttons << button->text();
    CHECK(buttons == QStringList{QStringLiteral("Import Digests\u2026"),
                                 QStringLiteral("Import Folder\u2026"),
                                 QStringLiteral("Try Sample Digests")});
    saveArtifact(window, "window-empty");
}

TEST_CASE("Main window refuses a corrupt library with a sentence", "[window]")
{
    freshSettings();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.sqlite3"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    MainWindow window(path);
    CHECK_FALSE(window.isLibraryOpen());
    CHECK(window.libraryError().contains(QStringLiteral("not a database")));
}

TEST_CASE("A reader's session survives closing and reopening the window", "[window]")
{
    freshSettings(1);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("library.sqlite3"));
    qint64 fish = 0;
    {
        MainWindow w(path);
        showActive(w);
        QSignalSpy imported(&w, &MainWindow::importFinished);
        QSignalSpy searched(&w, &MainWindow::searchFinished);
        w.importPaths({fixture("day1.txt"), fixture("day2.txt")});
        REQUIRE(imported.wait(20000));
        searched.clear();
        REQUIRE(searched.wait(10000));
        CHECK(w.paperModel()->rowCount() == 5);

        // Search as you type; the unfinished word matches as a prefix.
        searched.clear();
        w.searchField()->setFocus();
        QTest::keyClicks(w.searchField(), QStringLiteral("lanternf"));
        REQUIRE(waitForSearch(searched));
        while (searched.wait(400)) {
        }
        REQUIRE(w.paperModel()->rowCount() == 1);
        fish = w.paperModel()->idAt(0);

        // Enter from the search field opens it; "s" stars it.
        QTest::keyClick(w.searchField(), Qt::Key_Return);
        REQUIRE(w.paperList()->hasFocus());
        REQUIRE(w.currentPaperId() == std::optional<qint64>(fish));
        QTest::keyClick(w.paperList(), Qt::Key_S);
        CHECK(w.library().paper(fish)->starred);
        // Reading it for the delay marks it read.
        QTRY_VERIFY_WITH_TIMEOUT(w.library().paper(fish)->read, 15000);

        // "t" goes to the tag editor; Enter adds the tag.
        QTest::keyClick(w.paperList(), Qt::Key_T);
        auto *tagEdit = w.annotationPane()->findChild<QLineEdit *>(QStringLiteral("tagEdit"));
        REQUIRE(tagEdit);
        REQUIRE(tagEdit->hasFocus());
        QTest::keyClicks(tagEdit, QStringLiteral("sonar"));
        QTest::keyClick(tagEdit, Qt::Key_Return);
        CHECK(w.library().paper(fish)->tags == QStringList{QStringLiteral("sonar")});
        // Enter hands the keyboard back to the list, where single keys work.
        CHECK(w.paperList()->hasFocus());

        // "n" goes to the note, which saves itself after a pause...
        w.paperList()->setFocus();
        QTest::keyClick(w.paperList(), Qt::Key_N);
        auto *note = w.annotationPane()->findChild<QPlainTextEdit *>(QStringLiteral("noteEdit"));
        REQUIRE(note);
        REQUIRE(note->hasFocus());
        QTest::keyClicks(note, QStringLiteral("Count the fish twice."));
        QTRY_COMPARE_WITH_TIMEOUT(w.library().paper(fish)->note,
                                  QStringLiteral("Count the fish twice."), 3000);
        saveArtifact(w, "window-reading");
        // ...and when the window closes right after typing.
        QTest::keyClicks(note, QStringLiteral(" Then sleep."));
        w.close();
    }
    {
        Library check;
        REQUIRE(check.open(path));
        const auto paper = check.paper(fish);
        REQUIRE(paper);
        CHECK(paper->note == QStringLiteral("Count the fish twice. Then sleep."));
    }
    MainWindow again(path);
    QSignalSpy searched(&again, &MainWindow::searchFinished);
    again.show();
    REQUIRE(QTest::qWaitForWindowExposed(&again));
    REQUIRE(waitForSearch(searched));
    CHECK(again.paperModel()->rowCount() == 5);
    // The paper that was open is open again, with everything kept.
    CHECK(again.currentPaperId() == std::optional<qint64>(fish));
    const auto paper = again.library().paper(fish);
    CHECK(paper->starred);
    CHECK(paper->read);
    CHECK(paper->tags == QStringList{QStringLiteral("sonar")});
    auto *note = again.annotationPane()->findChild<QPlainTextEdit *>(QStringLiteral("noteEdit"));
    CHECK(note->toPlainText() == QStringLiteral("Count the fish twice. Then sleep."));
}

TEST_CASE("Only a paper the reader opens is marked read, not one the window shows by itself",
          "[window]")
{
    freshSettings(1);
    QTemporaryDir dir;
    const QString path = twoDayLibrary(dir);
    MainWindow w(path);
    QSignalSpy searched(&w, &MainWindow::searchFinished);
    showActive(w);
    REQUIRE(waitForSearch(searched));
    // The list has the focus and makes its first row current: shown, not read.
    w.paperList()->setFocus();
    QTRY_VERIFY_WITH_TIMEOUT(w.currentPaperId().has_value(), 5000);
    const qint64 first = *w.currentPaperId();
    // gleaner-cli tags the first paper; the window reads the library again.
    const auto tagElsewhere = [&](const QString &tag) {
        searched.clear();
        QProcess cli;
        cli.start(QStringLiteral(GLEANER_CLI_PATH),
                  {QStringLiteral("--library"), path, QStringLiteral("tag"), QString::number(first),
                   tag});
        return cli.waitForFinished(30000) && cli.exitCode() == 0 && searched.wait(10000);
    };
    // Another process writes: the window shows everything again, the open
    // paper too, and that is not reading it either.
    REQUIRE(tagElsewhere(QStringLiteral("sonar")));
    QTest::qWait(2500); // over twice the delay
    CHECK_FALSE(w.library().paper(first)->read);

    // The next paper, chosen from the keyboard, is read after the delay,
    // even when another write lands meanwhile (the ranking's, a CLI's).
    QTest::keyClick(w.paperList(), Qt::Key_Down);
    const std::optional<qint64> next = w.currentPaperId();
    REQUIRE(next);
    REQUIRE(*next != first);
    REQUIRE(tagElsewhere(QStringLiteral("reef")));
    CHECK(w.currentPaperId() == next);
    QTRY_VERIFY_WITH_TIMEOUT(w.library().paper(*next)->read, 15000);
    CHECK_FALSE(w.library().paper(first)->read);
}

TEST_CASE("Enter straight after typing opens the first match, not the paper shown before",
          "[window]")
{
    freshSettings(1);
    QTemporaryDir dir;
    const QString path = twoDayLibrary(dir);
    MainWindow w(path);
    QSignalSpy searched(&w, &MainWindow::searchFinished);
    showActive(w);
    REQUIRE(waitForSearch(searched));
    w.paperList()->setFocus();
    QTRY_VERIFY_WITH_TIMEOUT(w.currentPaperId().has_value(), 5000);
    const qint64 shown = *w.currentPaperId();

    // The words and Enter come faster than the search: Enter waits for it.
    searched.clear();
    w.searchField()->setFocus();
    QTest::keyClicks(w.searchField(), QStringLiteral("gradient"));
    QTest::keyClick(w.searchField(), Qt::Key_Return);
    REQUIRE(waitForSearch(searched));
    REQUIRE(w.paperModel()->rowCount() == 1);
    const qint64 guide = w.paperModel()->idAt(0);
    REQUIRE(guide != shown);
    CHECK(w.paperList()->hasFocus());
    CHECK(w.currentPaperId() == std::optional<qint64>(guide));
    // The match is chosen and read after the delay; the paper shown before
    // never was.
    QTRY_VERIFY_WITH_TIMEOUT(w.library().paper(guide)->read, 15000);
    CHECK_FALSE(w.library().paper(shown)->read);

    // Typing on after Enter: the keyboard stays in the search field.
    w.searchField()->setFocus();
    w.searchField()->clear();
    QTest::keyClicks(w.searchField(), QStringLiteral("field"));
    QTest::keyClick(w.searchField(), Qt::Key_Return);
    QTest::keyClicks(w.searchField(), QStringLiteral(" guide"));
    searched.clear();
    REQUIRE(waitForSearch(searched));
    while (searched.wait(400)) {
    }
    CHECK(w.searchField()->hasFocus());
    CHECK(w.searchField()->text() == QStringLiteral("field guide"));
}

TEST_CASE("Main window remembers its geometry and pane sizes", "[window]")
{
    freshSettings();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("library.sqlite3"));
    QList<int> sizes;
    {
        MainWindow window(path);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        window.resize(1300, 760);
        window.splitter()->setSizes({180, 400, 500, 220});
        sizes = window.splitter()->sizes();
        window.close();
    }
    MainWindow again(path);
    again.show();
    REQUIRE(QTest::qWaitForWindowExposed(&again));
    CHECK(again.size() == QSize(1300, 760));
    CHECK(again.splitter()->sizes() == sizes);
}

TEST_CASE("A window saved wider than it opens keeps each pane's share", "[window]")
{
    freshSettings();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("library.sqlite3"));
    QByteArray narrowGeometry;
    {
        MainWindow narrow(path);
        narrow.show();
        REQUIRE(QTest::qWaitForWindowExposed(&narrow));
        narrow.resize(1000, 700);
        QTRY_COMPARE(narrow.width(), 1000);
        narrow.close();
        narrowGeometry = narrow.saveGeometry();
    }
    QList<int> wide;
    {
        MainWindow window(path);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        window.resize(1500, 800);
        QTRY_COMPARE(window.width(), 1500);
        window.splitter()->setSizes({360, 500, 440, 200});
        wide = window.splitter()->sizes();
        window.close();
    }
    // As if it had been saved on a screen twice as wide (each pane twice
    // its width), and this one were smaller: the window opens 1,000 wide.
    QVariantList doubled;
    for (const int pane : wide)
        doubled << pane * 2;
    QSettings().setValue(QStringLiteral("window/width"), 3000);
    QSettings().setValue(QStringLiteral("window/panes"), doubled);
    QSettings().setValue(QStringLiteral("window/geometry"), narrowGeometry);
    MainWindow again(path);
    again.show();
    REQUIRE(QTest::qWaitForWindowExposed(&again));
    REQUIRE(again.width() == 1000);
    const QList<int> sizes = again.splitter()->sizes();
    REQUIRE(sizes.size() == wide.size());
    // The sidebar a third of its 720 pixels, not the 360 the splitter
    // state kept, and the list about a third of its width too (the reader
    // and the annotations keep their least widths).
    CAPTURE(sizes, wide);
    CHECK(std::abs(sizes.at(0) - wide.at(0) * 2 / 3) <= 12);
    CHECK(std::abs(sizes.at(1) - wide.at(1) * 2 / 3) <= 24);
}

TEST_CASE("No pane can be squeezed away, and the layout comes back usable", "[window]")
{
    freshSettings();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("library.sqlite3"));
    {
        MainWindow window(path);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        window.resize(1024, 700);
        window.splitter()->setSizes({10, 10, 10, 2000}); // a drag to the far left
        const QList<int> sizes = window.splitter()->sizes();
        CHECK(sizes.at(0) >= 120);
        CHECK(sizes.at(1) >= 260);
        CHECK(sizes.at(2) >= 280); // the reader keeps room to read
        window.close();
    }
    MainWindow again(path);
    again.show();
    REQUIRE(QTest::qWaitForWindowExposed(&again));
    CHECK(again.splitter()->sizes().at(2) >= 280);
}

TEST_CASE("The reader can sit below the list, and stays there after a restart", "[window]")
{
    freshSettings();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("library.sqlite3"));
    auto below = [](MainWindow &w) {
        for (QAction *a : w.findChildren<QAction *>()) {
            if (a->text() == QStringLiteral("Reader &Below the List"))
                return a;
        }
        FAIL("no Reader Below the List action");
        return static_cast<QAction *>(nullptr);
    };
    {
        MainWindow window(path);
        window.resize(1024, 700);
        showActive(window);
        below(window)->trigger();
        QSplitter *main = window.splitter();
        REQUIRE(main->count() == 3);
        QSplitter *stack = window.stackSplitter();
        CHECK(main->widget(1) == stack);
        CHECK(stack->orientation() == Qt::Vertical);
        CHECK(stack->widget(0)->objectName() == QStringLiteral("listPane"));
        CHECK(stack->widget(1)->objectName() == QStringLiteral("readerPane"));
        // The list gets the width a narrow window has.
        CHECK(stack->widget(0)->width() > 600);
        CHECK(stack->widget(1)->height() > 150);
        saveArtifact(window, "window-reader-below-1024");
        window.close();
    }
    {
        MainWindow again(path);
        again.show();
        REQUIRE(QTest::qWaitForWindowExposed(&again));
        REQUIRE(again.splitter()->count() == 3);
        CHECK(below(again)->isChecked());
        // And back beside it.
        below(again)->trigger();
        REQUIRE(again.splitter()->count() == 4);
        CHECK(again.splitter()->widget(1)->objectName() == QStringLiteral("listPane"));
        CHECK(again.splitter()->widget(2)->objectName() == QStringLiteral("readerPane"));
        CHECK(again.splitter()->widget(2)->width() >= 280);
        again.close();
    }
    MainWindow third(path);
    third.show();
    REQUIRE(QTest::qWaitForWindowExposed(&third));
    CHECK(third.splitter()->count() == 4);
}

TEST_CASE("Moved below the list and back, the list keeps the keys", "[window]")
{
    freshSettings();
    QTemporaryDir dir;
    MainWindow w(dir.filePath(QStringLiteral("library.sqlite3")));
    w.resize(1024, 700);
    QSignalSpy imported(&w, &MainWindow::importFinished);
    showActive(w);
    w.importPaths({fixture("day1.txt"), fixture("day2.txt")});
    REQUIRE(imported.wait(20000));
    QTRY_VERIFY_WITH_TIMEOUT(w.currentPaperId().has_value(), 10000);
    QAction *below = nullptr;
    for (QAction *a : w.findChildren<QAction *>()) {
        if (a->text() == QStringLiteral("Reader &Below the List"))
            below = a;
    }
    REQUIRE(below);
    w.paperList()->setFocus();
    for (int move = 0; move < 2; ++move) {
        CAPTURE(move);
        below->trigger();
        // Taken out of the splitter, the list lost the focus to whatever
        // came next (an annotation check box): j and k did nothing.
        CHECK(w.paperList()->hasFocus());
        const std::optional<qint64> before = w.currentPaperId();
        QTest::keyClick(w.paperList(), Qt::Key_J);
        CHECK(w.currentPaperId() != before);
    }
}

TEST_CASE("The open window shows what gleaner-cli writes to the same library", "[window]")
{
    freshSettings();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("library.sqlite3"));
    MainWindow w(path);
    QSignalSpy imported(&w, &MainWindow::importFinished);
    QSignalSpy searched(&w, &MainWindow::searchFinished);
    w.show();
    REQUIRE(QTest::qWaitForWindowExposed(&w));
    w.importPaths({fixture("day1.txt")});
    REQUIRE(imported.wait(20000));
    QTRY_COMPARE_WITH_TIMEOUT(w.paperModel()->rowCount(), 3, 10000);
    const qint64 first = w.paperModel()->idAt(0);
    const int digestsBefore = sidebarRows(w, QStringLiteral("Digests"));

    // gleaner-cli imports another day while the window, on its own
    // connection, stars a paper: both writers wait their turn.
    QProcess cli;
    cli.start(QStringLiteral(GLEANER_CLI_PATH),
              {QStringLiteral("--library"), path, QStringLiteral("import"), fixture("day2.txt")});
    REQUIRE(cli.waitForStarted(10000));
    REQUIRE(w.selectPaper(first));
    w.activateWindow();
    auto *starBox = w.annotationPane()->findChild<QCheckBox *>(QStringLiteral("starBox"));
    REQUIRE(starBox);
    starBox->click();
    REQUIRE(cli.waitForFinished(30000));
    const QString cliErrors = QString::fromUtf8(cli.readAllStandardError());
    CHECK(cli.exitCode() == 0);
    CHECK_FALSE(cliErrors.contains(QStringLiteral("locked")));
    CHECK_FALSE(w.statusBar()->currentMessage().contains(QStringLiteral("locked")));

    // Then it stars a paper of the new day.
    const SearchResult quiet = w.library().search(QStringLiteral("title:\"Quiet Tokens\"")).value();
    REQUIRE(quiet.ids.size() == 1);
    QProcess star;
    star.start(QStringLiteral(GLEANER_CLI_PATH),
               {QStringLiteral("--library"), path, QStringLiteral("star"),
                QString::number(quiet.ids.first())});
    REQUIRE(star.waitForFinished(30000));
    CHECK(star.exitCode() == 0);

    // The window shows the new digest, its papers and the CLI's star
    // without a restart, and kept its own star.
    QTRY_COMPARE_WITH_TIMEOUT(w.paperModel()->rowCount(), 5, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(sidebarRows(w, QStringLiteral("Digests")), digestsBefore + 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(sidebarCount(w, QStringLiteral("Starred")), 2, 10000);
    const int row = w.paperModel()->rowOf(quiet.ids.first());
    REQUIRE(row >= 0);
    QTRY_VERIFY_WITH_TIMEOUT(
        w.paperModel()->index(row, 0).data(PaperListModel::StarredRole).toBool(), 10000);
    CHECK(w.library().paper(first)->starred);
    CHECK(w.library().paper(quiet.ids.first())->starred);
}

TEST_CASE("A damaged library is read but not written, and File > Repair Library fixes it",
          "[window][repair]")
{
    freshSettings();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("library.sqlite3"));
    {
        MainWindow first(path);
        QSignalSpy imported(&first, &MainWindow::importFinished);
        first.importPaths({fixture("day1.txt")});
        REQUIRE(imported.wait(20000));
        const SearchResult all = first.library().search(QString()).value();
        REQUIRE(all.ids.size() == 3);
        REQUIRE(first.library().setStarred({all.ids.first()}, true));
    }
    // Lookups by title now miss every paper: an import would add duplicates.
    test::emptyIndex(path, QStringLiteral("papers_key_hash"));
    const QByteArray damaged = test::fileHash(path);

    MainWindow w(path);
    REQUIRE(w.isLibraryOpen());
    QAction *repair = w.findChild<QAction *>(QStringLiteral("repairLibraryAction"));
    REQUIRE(repair);
    w.show();
    REQUIRE(QTest::qWaitForWindowExposed(&w));
    QTRY_VERIFY_WITH_TIMEOUT(repair->isEnabled(), 30000);
    auto *offer = w.findChild<QMessageBox *>(QStringLiteral("damagedLibraryMessage"));
    REQUIRE(offer);
    offer->reject();

    // Reading works; every write says why it is refused, and the file stays as it is.
    QTRY_COMPARE_WITH_TIMEOUT(w.paperModel()->rowCount(), 3, 10000);
    const qint64 id = w.paperModel()->idAt(0);
    CHECK_FALSE(w.library().setRead({id}, true));
    CHECK(w.library().errorString().contains(QStringLiteral("is damaged")));
    CHECK(test::fileHash(path) == damaged);

    QSignalSpy searched(&w, &MainWindow::searchFinished);
    repair->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!repair->isEnabled(), 60000);
    CHECK(w.statusBar()->currentMessage().contains(QStringLiteral("damaged file is kept")));
    REQUIRE(waitForSearch(searched));
    CHECK(w.paperModel()->rowCount() == 3);
    CHECK(w.library().search(QStringLiteral("is:starred")).value().ids.size() == 1);
    CHECK(w.library().setRead({id}, true));

    // The importer writes to the repaired file, not to the one moved aside.
    QSignalSpy imported(&w, &MainWindow::importFinished);
    w.importPaths({fixture("day2.txt")});
    REQUIRE(imported.wait(20000));
    QTRY_COMPARE_WITH_TIMEOUT(w.paperModel()->rowCount(), 5, 10000);
    const QStringList aside =
        QDir(dir.path()).entryList({QStringLiteral("library.sqlite3.damaged-*")}, QDir::Files);
    REQUIRE_FALSE(aside.isEmpty());
    CHECK(test::fileHash(dir.filePath(aside.first())) == damaged);
}

TEST_CASE("Sample digests are marked as samples and removed in one action", "[window]")
{
    freshSettings();
    QTemporaryDir dir;
    MainWindow w(dir.filePath(QStringLiteral("library.sqlite3")));
    QSignalSpy imported(&w, &MainWindow::importFinished);
    showActive(w);
    auto *remove = w.findChild<QAction *>(QStringLiteral("removeSamplesAction"));
    REQUIRE(remove);
    CHECK_FALSE(remove->isEnabled());
    w.importPaths({fixture("day1.txt")});
    REQUIRE(imported.wait(20000));
    const int own = w.library().paperCount();
    w.importSamples();
    QTRY_COMPARE_WITH_TIMEOUT(sidebarRows(w, QStringLiteral("Digests")), 4, 20000);
    const QStringList labels = sidebarLabels(w, QStringLiteral("Digests"));
    CHECK(labels.filter(QRegularExpression(QStringLiteral("^Sample \u00b7 "))).size() == 3);
    CHECK(remove->isEnabled());

    // A sample paper the reader starred stays; the user's digest is untouched.
    const QList<qint64> samples = w.library().sampleDigests();
    REQUIRE(samples.size() == 3);
    const qint64 starred = w.library().digestPapers(samples.first())->first();
    REQUIRE(w.library().setStarred({starred}, true));
    answerNextMessageBox(QStringLiteral("Remove"));
    remove->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(sidebarRows(w, QStringLiteral("Digests")), 1, 10000);
    CHECK(w.library().sampleDigests().isEmpty());
    CHECK_FALSE(remove->isEnabled());
    CHECK(w.library().paper(starred).has_value());
    CHECK(w.library().paperCount() == own + 1);
    CHECK(w.statusBar()->currentMessage().startsWith(QStringLiteral("Removed the sample digests")));
}

TEST_CASE("Words typed past the open paper, then cleared, keep it open", "[window]")
{
    freshSettings();
    QTemporaryDir dir;
    MainWindow w(dir.filePath(QStringLiteral("library.sqlite3")));
    QSignalSpy imported(&w, &MainWindow::importFinished);
    QSignalSpy searched(&w, &MainWindow::searchFinished);
    showActive(w);
    w.importPaths({fixture("day1.txt"), fixture("day2.txt")});
    REQUIRE(imported.wait(20000));
    QTRY_COMPARE_WITH_TIMEOUT(w.paperModel()->rowCount(), 5, 10000);
    const qint64 open = w.library().search(QStringLiteral("lanternfish")).value().ids.value(0);
    REQUIRE(open);
    REQUIRE(w.selectPaper(open));
    QTRY_VERIFY_WITH_TIMEOUT(w.windowTitle().contains(QStringLiteral("Lanternfish")), 5000);

    // A search that leaves it out: the reader keeps it.
    searched.clear();
    w.searchField()->setText(QStringLiteral("quiet tokens"));
    REQUIRE(waitForSearch(searched));
    CHECK(w.paperModel()->rowOf(open) < 0);
    CHECK(w.windowTitle().contains(QStringLiteral("Lanternfish")));
    // Cleared: the list has it selected again.
    searched.clear();
    w.searchField()->clear();
    REQUIRE(waitForSearch(searched));
    QTRY_COMPARE_WITH_TIMEOUT(w.paperModel()->rowCount(), 5, 10000);
    CHECK(w.currentPaperId() == open);
    CHECK(w.windowTitle().contains(QStringLiteral("Lanternfish")));

    // Another view is another list: its own first paper, not the old one.
    searched.clear();
    REQUIRE(w.sidebar()->selectView(QStringLiteral("library:starred")));
    REQUIRE(waitForSearch(searched));
    CHECK_FALSE(w.windowTitle().contains(QStringLiteral("Lanternfish")));
}

TEST_CASE("A new search starts its list at the top; the same one again stays where it was",
          "[window]")
{
    freshSettings();
    QTemporaryDir dir;
    MainWindow w(dir.filePath(QStringLiteral("library.sqlite3")));
    QSignalSpy imported(&w, &MainWindow::importFinished);
    QSignalSpy searched(&w, &MainWindow::searchFinished);
    showActive(w);
    // Enough papers that the list scrolls, in two kinds a query tells apart.
    QByteArray text = "Daily Papers\n\nMar 3\n\n";
    for (int i = 0; i < 120; ++i) {
        text += (i % 2 ? "Kelp forest survey " : "Coral reef census ") + QByteArray::number(i) +
                "\n\nAbstract number " + QByteArray::number(i) + " of a long list.\n\n";
        text += "  \u2022 3 authors\n\u00b7\nMar 1, 2025 " + QByteArray::number(i % 40) + "\n\n";
    }
    w.importText(text, QStringLiteral("many.txt"));
    REQUIRE(imported.wait(20000));
    QTRY_COMPARE_WITH_TIMEOUT(w.paperModel()->rowCount(), 120, 10000);
    QScrollBar *bar = w.paperList()->verticalScrollBar();
    REQUIRE(bar->maximum() > 0);

    // The same question asked again (here, because a digest came in) with
    // the reader far down the list: it stays there.
    searched.clear();
    w.searchField()->setText(QStringLiteral("kelp"));
    REQUIRE(waitForSearch(searched));
    REQUIRE(w.paperModel()->rowCount() == 60);
    REQUIRE(bar->maximum() > 0);
    w.paperList()->clearSelection();
    w.paperList()->setCurrentIndex(QModelIndex());
    bar->setValue(bar->maximum());
    const int far = bar->value();
    REQUIRE(far > 0);
    searched.clear();
    w.importText("Daily Papers\n\nMar 4\n\nTide tables\n\nAn unrelated paper.\n\n"
                 "  \u2022 2 authors\n\u00b7\nMar 2, 2025 1\n\n",
                 QStringLiteral("next.txt"));
    REQUIRE(imported.wait(20000));
    REQUIRE(waitForSearch(searched));
    CHECK(w.paperModel()->rowCount() == 60);
    CHECK(bar->value() == far);

    // Another question (a word more): its best matches are at the top, in sight.
    searched.clear();
    w.searchField()->setText(QStringLiteral("kelp survey"));
    REQUIRE(waitForSearch(searched));
    REQUIRE(w.paperModel()->rowCount() == 60);
    CHECK(bar->value() == 0);

    // A paper far down is open, and other words match it too: the list
    // still starts at their best matches, the reader keeps the paper, and
    // Enter opens the first match rather than going back to it.
    w.paperList()->setCurrentIndex(w.paperModel()->index(55, 0));
    const std::optional<qint64> open = w.currentPaperId();
    REQUIRE(open);
    const QString title = w.windowTitle();
    REQUIRE(bar->value() > 0);
    searched.clear();
    w.searchField()->setFocus();
    w.searchField()->setText(QStringLiteral("kelp forest"));
    REQUIRE(waitForSearch(searched));
    REQUIRE(w.paperModel()->rowOf(*open) >= 0);
    CHECK(bar->value() == 0);
    CHECK_FALSE(w.currentPaperId());
    CHECK(w.windowTitle() == title);
    // The same words with a space after them (whole words now, no prefix):
    // still not back down to the open paper.
    searched.clear();
    w.searchField()->setText(QStringLiteral("kelp forest "));
    REQUIRE(waitForSearch(searched));
    CHECK(bar->value() == 0);
    CHECK_FALSE(w.currentPaperId());
    CHECK(w.windowTitle() == title);
    QTest::keyClick(w.searchField(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(w.currentPaperId().has_value(), 5000);
    CHECK(w.paperModel()->rowOf(*w.currentPaperId()) == 0);
}

namespace {

// Stands in for the system's browser.
class UrlCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> urls;

public Q_SLOTS:
    void open(const QUrl &url) { urls << url; }
};

} // namespace

TEST_CASE("Paper > Open on the Web hands the paper's search to the browser", "[window]")
{
    freshSettings();
    QTemporaryDir dir;
    MainWindow w(dir.filePath(QStringLiteral("library.sqlite3")));
    QSignalSpy imported(&w, &MainWindow::importFinished);
    showActive(w);
    w.importPaths({fixture("day1.txt")});
    REQUIRE(imported.wait(20000));
    QTRY_COMPARE_WITH_TIMEOUT(w.paperModel()->rowCount(), 3, 10000);
    const qint64 fish = w.library().search(QStringLiteral("lanternfish")).value().ids.value(0);
    REQUIRE(w.selectPaper(fish));
    w.paperList()->setFocus();

    UrlCatcher browser;
    QDesktopServices::setUrlHandler(QStringLiteral("https"), &browser, "open");
    QTest::keyClick(w.paperList(), Qt::Key_O);
    QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
    REQUIRE(browser.urls.size() == 1);
    CHECK(browser.urls.first() == paperSearchUrl(*w.library().paper(fish)));
    CHECK(w.statusBar()->currentMessage().contains(QStringLiteral("Counting Lanternfish")));
}

#include "test_mainwindow.moc"
