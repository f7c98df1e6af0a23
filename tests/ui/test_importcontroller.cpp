#include "catch.h"
#include "importcontroller.h"
#include "importstatuswidget.h"
#include "importsummary.h"
#include "ingest/digestparser.h"
#include "storage/library.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <algorithm>
#include <memory>

using namespace gleaner;

namespace {

constexpr int kWaitMs = 60000;

// A library file in a fresh folder, with a reading connection of its own as
// the window has.
struct Fixture
{
    QTemporaryDir dir;
    QString libraryPath = dir.filePath(QStringLiteral("library.sqlite3"));
    Library reader;

    Fixture() { REQUIRE(reader.open(libraryPath)); }

    QString path(const QString &name) const { return dir.filePath(name); }

    QString copyFixture(const QString &fixture, const QString &name)
    {
        const QString to = path(name);
        QDir().mkpath(QFileInfo(to).absolutePath());
        REQUIRE(QFile::copy(gleaner::test::dataPath(fixture), to));
        return to;
    }

    int count(const char *sql)
    {
        Statement st = reader.database().prepare(sql);
        REQUIRE(st.next());
        return st.integer(0);
    }

    // Many small layout B digests, each with its own papers, so an import of
    // the folder takes long enough to be cancelled halfway.
    QString writeDigests(const QString &folder, int files, int entries = 8)
    {
        const QString where = path(folder);
        REQUIRE(QDir().mkpath(where));
        for (int f = 0; f < files; ++f) {
            QByteArray text = "Daily Papers\n\nMar 14\n\n";
            for (int e = 0; e < entries; ++e) {
                text += QStringLiteral("Generated Study %1 of Folder %2, Part %3\n\n"
                                       "An abstract long enough to look like one: we study "
                                       "item %3 of digest %1 and report what we found.\n\n")
                            .arg(f)
                            .arg(folder)
                            .arg(e)
                            .toUtf8();
            }
            QFile file(where + QStringLiteral("/digest-%1.txt").arg(f, 5, 10, QLatin1Char('0')));
            REQUIRE(file.open(QIODevice::WriteOnly));
            file.write(text);
        }
        return where;
    }
};

QList<ImportReport> waitForReports(QSignalSpy &spy, int n)
{
    REQUIRE(QTest::qWaitFor([&] { return spy.count() >= n; }, kWaitMs));
    QList<ImportReport> reports;
    for (const QList<QVariant> &args : std::as_const(spy))
        reports << args.at(0).value<ImportReport>();
    return reports;
}

QStringList digestSources(Library &library)
{
    QStringList sources;
    Statement st = library.database().prepare("SELECT source FROM digests ORDER BY id");
    while (st.next())
        sources << st.text(0);
    return sources;
}

} // namespace

TEST_CASE("The import controller imports files, folders and archives", "[import]")
{
    Fixture f;
    ImportController controller(f.libraryPath);
    QSignalSpy started(&controller, &ImportController::started);
    QSignalSpy finished(&controller, &ImportController::finished);
    CHECK_FALSE(controller.isBusy());

    controller.importPaths({gleaner::test::dataPath(QStringLiteral("library"))});
    CHECK(controller.isBusy());
    ImportReport r = waitForReports(finished, 1).at(0);
    CHECK_FALSE(controller.isBusy());
    CHECK(started.count() == 1);
    CHECK(r.ok());
    // day1, day2, day5_plain and undated_compact; notes.md is no digest.
    CHECK(r.digestsAdded == 4);
    CHECK(r.papersAdded == 8);
    REQUIRE(r.rejected.size() == 1);
    CHECK(r.rejected.first().source.endsWith(QStringLiteral("notes.md")));
    CHECK(f.reader.paperCount() == 8);

    controller.importPaths({gleaner::test::dataPath(QStringLiteral("archives/sample.tar.gz"))});
    r = waitForReports(finished, 2).at(1);
    CHECK(r.ok());
    CHECK(r.digestsAdded == 3);
    CHECK(f.reader.paperCount() == 11);
    CHECK(f.reader.digests().size() == 7);
}

TEST_CASE("The import controller reports progress across several sources", "[import]")
{
    Fixture f;
    const QString a = f.writeDigests(QStringLiteral("a"), 3);
    const QString b = f.writeDigests(QStringLiteral("b"), 2);
    ImportController controller(f.libraryPath);
    QSignalSpy progress(&controller, &ImportController::progress);
    QSignalSpy finished(&controller, &ImportController::finished);
    controller.importPaths({a, b});
    const ImportReport r = waitForReports(finished, 1).at(0);
    CHECK(r.digestsAdded == 5);
    REQUIRE(progress.count() >= 1);
    for (const QList<QVariant> &args : std::as_const(progress)) {
        CHECK(args.at(1).toInt() == 5);
        CHECK(args.at(0).toInt() <= 5);
    }
}

TEST_CASE("The window's own connection reads while an import runs", "[import]")
{
    Fixture f;
    const QString folder = f.writeDigests(QStringLiteral("many"), 100, 60);
    ImportController controller(f.libraryPath);
    QSignalSpy finished(&controller, &ImportController::finished);

    int reads = 0;
    bool allRead = true;
    QList<int> seen;
    QTimer timer;
    timer.setInterval(2);
    QObject::connect(&timer, &QTimer::timeout, &controller, [&] {
        Statement st = f.reader.database().prepare("SELECT count(*) FROM papers");
        allRead = allRead && st.next() && st.ok();
        if (!seen.contains(st.integer(0)))
            seen << st.integer(0);
        f.reader.digests();
        allRead = allRead && f.reader.errorString().isEmpty();
        ++reads;
    });
    controller.importPaths({folder});
    timer.start();
    const ImportReport r = waitForReports(finished, 1).at(0);
    timer.stop();
    CHECK(r.ok());
    CHECK(allRead);
    CHECK(reads > 1);
    // One source is one transaction: readers see all of it or none.
    for (const int papers : std::as_const(seen))
        CHECK((papers == 0 || papers == 100 * 60));
    CHECK(f.reader.paperCount() == 100 * 60);
}

// A statement left mid-step would pin the connection's WAL read snapshot:
// the window would neither see an import that finished after its last search
// nor be able to write (SQLITE_BUSY_SNAPSHOT).
TEST_CASE("After an import the window's connection sees it and can annotate", "[import]")
{
    Fixture f;
    CHECK(f.reader.search(QStringLiteral("attention")).value().ids.isEmpty());
    ImportController controller(f.libraryPath);
    QSignalSpy finished(&controller, &ImportController::finished);
    controller.importPaths({gleaner::test::dataPath(QStringLiteral("library/day1.txt"))});
    REQUIRE(waitForReports(finished, 1).at(0).ok());

    CHECK(f.reader.digests().size() == 1);
    Statement st = f.reader.database().prepare("SELECT id FROM papers ORDER BY id");
    REQUIRE(st.next());
    const qint64 id = st.int64(0);
    st.reset();
    CHECK(f.reader.setStarred({id}, true));
    CHECK(f.reader.errorString().isEmpty());
}

TEST_CASE("Cancelling an import rolls the current source back", "[import]")
{
    Fixture f;
    ImportController controller(f.libraryPath);
    QSignalSpy finished(&controller, &ImportController::finished);
    controller.importPaths(
        {f.copyFixture(QStringLiteral("library/day1.txt"), QStringLiteral("day1.txt"))});
    REQUIRE(waitForReports(finished, 1).at(0).ok());
    REQUIRE(f.count("SELECT count(*) FROM papers") == 3);
    const auto checkUnchanged = [&] {
        CHECK(f.reader.paperCount() == 3);
        CHECK(f.reader.digests().size() == 1);
        CHECK(f.count("SELECT count(*) FROM appearances") == 3);
    };

    SECTION("from a progress report halfway")
    {
        const QString folder = f.writeDigests(QStringLiteral("many"), 300, 50);
        QObject::connect(&controller, &ImportController::progress, &controller,
                         [&](int done, int, const QString &) {
                             if (done >= 1)
                                 controller.cancel();
                         });
        controller.importPaths({folder});
        const ImportReport r = waitForReports(finished, 2).at(1);
        CHECK(r.cancelled);
        CHECK(r.failed.isEmpty()); // a cancel is not a failure
        CHECK(r.digestsAdded == 0);
        // Halfway: some files were read, then rolled back.
        CHECK(r.files >= 1);
        checkUnchanged();
    }
    SECTION("from the status widget's button")
    {
        const QString folder = f.writeDigests(QStringLiteral("many"), 300, 50);
        ImportStatusWidget status;
        status.setController(&controller);
        QObject::connect(&controller, &ImportController::progress, &status,
                         [&](int done, int, const QString &) {
                             if (done >= 1 && !status.isHidden())
                                 status.cancelButton()->click();
                         });
        controller.importPaths({folder});
        const ImportReport r = waitForReports(finished, 2).at(1);
        CHECK(r.cancelled);
        CHECK(status.isHidden());
        checkUnchanged();
    }
    SECTION("of requests still waiting, while later ones run")
    {
        // Enough that the folder is still being read when cancel() comes,
        // even on a loaded machine (50 was once done first).
        const QString folder = f.writeDigests(QStringLiteral("many"), 400);
        controller.importPaths({folder});
        controller.importText(gleaner::test::readData(QStringLiteral("library/day2.txt")),
                              QStringLiteral("pasted"));
        controller.cancel();
        controller.importText(gleaner::test::readData(QStringLiteral("library/day2.txt")),
                              QStringLiteral("pasted again"));
        const QList<ImportReport> reports = waitForReports(finished, 4);
        CHECK(reports.at(1).cancelled);
        CHECK(reports.at(2).cancelled);
        CHECK(reports.at(2).digestsAdded == 0);
        CHECK(reports.at(3).ok());
        CHECK(reports.at(3).digestsAdded == 1);
        CHECK(digestSources(f.reader) ==
              QStringList{f.path(QStringLiteral("day1.txt")), QStringLiteral("pasted again")});
    }
}

TEST_CASE("Destroying the import controller mid-import leaves the library as it was", "[import]")
{
    Fixture f;
    const QString folder = f.writeDigests(QStringLiteral("many"), 300, 50);
    auto controller = std::make_unique<ImportController>(f.libraryPath);
    QSignalSpy progress(controller.get(), &ImportController::progress);
    controller->importPaths({folder});
    controller->importPaths({folder});
    REQUIRE(QTest::qWaitFor([&] { return progress.count() >= 2; }, kWaitMs));
    controller.reset();
    CHECK(f.reader.paperCount() == 0);
    CHECK(f.reader.digests().isEmpty());
}

TEST_CASE("Import requests made while busy all run, in order", "[import]")
{
    Fixture f;
    const QString day1 =
        f.copyFixture(QStringLiteral("library/day1.txt"), QStringLiteral("in/day1.txt"));
    const QString archive =
        f.copyFixture(QStringLiteral("archives/sample.tar.gz"), QStringLiteral("in/sample.tar.gz"));
    ImportController controller(f.libraryPath);
    QSignalSpy started(&controller, &ImportController::started);
    QSignalSpy finished(&controller, &ImportController::finished);

    controller.importPaths({day1});
    controller.importText(gleaner::test::readData(QStringLiteral("library/day2.txt")),
                          QStringLiteral("pasted day 2"));
    controller.importPaths({archive});
    CHECK(controller.pendingRequests() == 3);

    // The widget stays up between queued requests.
    QList<bool> busyAtFinish;
    QObject::connect(&controller, &ImportController::finished, &controller,
                     [&] { busyAtFinish << controller.isBusy(); });
    const QList<ImportReport> r = waitForReports(finished, 3);
    CHECK(started.count() == 3);
    CHECK(busyAtFinish == QList<bool>{true, true, false});
    CHECK(r.at(0).papersAdded == 3);
    CHECK(r.at(1).papersAdded == 2);
    CHECK(r.at(1).papersSeenAgain == 1);
    CHECK(r.at(2).digestsAdded == 3);
    const QStringList sources = digestSources(f.reader);
    REQUIRE(sources.size() == 5);
    CHECK(sources.at(0) == day1);
    CHECK(sources.at(1) == QStringLiteral("pasted day 2"));
    CHECK(sources.at(2).startsWith(archive + QLatin1Char('/')));
}

TEST_CASE("A library that cannot be opened ends the import with its sentence", "[import]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.sqlite3"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray("SQLite format 3") + QByteArray(8192, '\x5a'));
    file.close();

    ImportController controller(path);
    QSignalSpy finished(&controller, &ImportController::finished);
    controller.importPaths({gleaner::test::dataPath(QStringLiteral("library/day1.txt"))});
    const ImportReport r = waitForReports(finished, 1).at(0);
    CHECK_FALSE(r.ok());
    REQUIRE(r.failed.size() == 1);
    CHECK(r.failed.first().source.endsWith(QStringLiteral("day1.txt")));
    CHECK(r.failed.first().message.contains(path));
    CHECK(r.digestsAdded == 0);
    CHECK(importIcon(r) == QMessageBox::Critical);
    CHECK(importStatusLine(r).contains(r.failed.first().message));
    CHECK_FALSE(controller.isBusy());
}

TEST_CASE("The sample digests parse cleanly and import without problems", "[import]")
{
    const QStringList samples = ImportController::samplePaths();
    REQUIRE(samples.size() == 3);
    int entries = 0;
    QList<DigestLayout> layouts;
    for (const QString &path : samples) {
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadOnly));
        DigestParser parser;
        const std::optional<Digest> parsed = parser.parse(QByteArrayView(file.readAll()));
        INFO(path.toStdString());
        REQUIRE(parsed);
        CHECK(parsed->problems.isEmpty());
        CHECK(parsed->entries.size() >= 8);
        CHECK(parsed->entries.size() <= 15);
        entries += int(parsed->entries.size());
        layouts << parsed->layout;
        if (parsed->layout == DigestLayout::Detailed) {
            // "Mar 3" with an entry of "Dec 30, 2025": saved in 2026.
            CHECK(parsed->date == QDate(2026, 3, 3));
            bool doubledOrganisation = false;
            for (const DigestEntry &e : parsed->entries)
                doubledOrganisation = doubledOrganisation ||
                                      e.submitter.organisation == QStringLiteral("Orbital Labs");
            CHECK(doubledOrganisation);
        }
        if (parsed->layout == DigestLayout::Compact)
            CHECK_FALSE(parsed->entries.first().title.startsWith(QStringLiteral("Sub")));
    }
    std::sort(layouts.begin(), layouts.end());
    CHECK(layouts ==
          QList<DigestLayout>{DigestLayout::Detailed, DigestLayout::Spaced, DigestLayout::Compact});

    Fixture f;
    ImportController controller(f.libraryPath);
    QSignalSpy finished(&controller, &ImportController::finished);
    controller.importSamples();
    ImportReport total;
    for (const ImportReport &r : waitForReports(finished, 3)) {
        CHECK(r.ok());
        CHECK_FALSE(r.hasRejections());
        CHECK(r.digestsAdded == 1);
        total.add(r);
    }
    CHECK(total.entries == entries);
    CHECK(f.reader.paperCount() == entries);
    CHECK_FALSE(importNeedsAttention(total));
    CHECK(importIcon(total) == QMessageBox::Information);
    for (const QString &source : digestSources(f.reader))
        CHECK(source.startsWith(QStringLiteral("sample: ")));
}

TEST_CASE("Import details name each skipped file and damaged line", "[import]")
{
    Fixture f;
    const QString damaged =
        f.copyFixture(QStringLiteral("digests/damaged.txt"), QStringLiteral("damaged.txt"));
    const QString notes =
        f.copyFixture(QStringLiteral("library/notes.md"), QStringLiteral("notes.md"));
    const QString prose =
        f.copyFixture(QStringLiteral("digests/prose.txt"), QStringLiteral("prose.txt"));
    ImportController controller(f.libraryPath);
    QSignalSpy finished(&controller, &ImportController::finished);
    controller.importPaths({damaged, notes, prose});
    ImportReport r = waitForReports(finished, 1).at(0);
    REQUIRE(r.ok());
    REQUIRE(r.rejected.size() == 2);
    REQUIRE_FALSE(r.damaged.isEmpty());
    r.ignored << QStringLiteral("pack.tar/link-to-elsewhere");

    const QString details = importDetails(r);
    CHECK(details.contains(notes + QStringLiteral(": ")));
    CHECK(details.contains(prose + QStringLiteral(": ")));
    for (const ImportProblem &p : std::as_const(r.damaged)) {
        CHECK(details.contains(
            QStringLiteral("%1, line %2: %3").arg(damaged, QString::number(p.line), p.message)));
    }
    CHECK(details.contains(QStringLiteral("pack.tar/link-to-elsewhere")));
    CHECK(importIcon(r) == QMessageBox::Warning);
    CHECK(importNeedsAttention(r));
    CHECK(importAdvice(r).contains(QStringLiteral("2 files were skipped")));

    // Pasted garbage is called what it is, not a file.
    controller.importText(QByteArrayLiteral("lunch at noon?\nbring cake"),
                          QStringLiteral("(pasted)"));
    const ImportReport pasted = waitForReports(finished, 2).at(1);
    REQUIRE(pasted.rejected.size() == 1);
    CHECK(importAdvice(pasted).startsWith(QStringLiteral("The pasted text is not a digest")));
    CHECK_FALSE(importAdvice(pasted).contains(QStringLiteral("file")));

    std::unique_ptr<QMessageBox> box(createImportSummaryBox(r, nullptr));
    CHECK(box->icon() == QMessageBox::Warning);
    CHECK(box->detailedText() == details);
    CHECK(box->text() == importHeadline(r));

    SECTION("and say nothing when there is nothing to say")
    {
        ImportReport good;
        good.digestsAdded = 1;
        good.papersAdded = 4;
        CHECK(importDetails(good).isEmpty());
        CHECK(importHeadline(good) == QStringLiteral("Imported 1 digest with 4 new papers."));
        CHECK(importIcon(good) == QMessageBox::Information);
    }
    SECTION("and keep long lists short")
    {
        ImportReport many;
        for (int i = 0; i < 1000; ++i)
            many.rejected.append({QStringLiteral("junk-%1.bin").arg(i), 0, QStringLiteral("x")});
        const QString text = importDetails(many);
        CHECK(text.contains(QStringLiteral("junk-0.bin")));
        CHECK_FALSE(text.contains(QStringLiteral("junk-999.bin")));
        CHECK(text.contains(QStringLiteral("800 more")));
    }
}

TEST_CASE("The import status widget follows the controller", "[import]")
{
    CHECK(ImportStatusWidget::statusText(3, 20, QStringLiteral("/home/me/day1.txt")) ==
          QStringLiteral("Importing 3 of 20: day1.txt\u2026"));
    CHECK(ImportStatusWidget::statusText(0, -1, QStringLiteral("pasted")) ==
          QStringLiteral("Importing pasted\u2026"));
    CHECK(ImportStatusWidget::statusText(2, 5, QStringLiteral("100%1.txt")) ==
          QStringLiteral("Importing 2 of 5: 100%1.txt\u2026"));

    ImportStatusWidget status;
    CHECK(status.isHidden());
    CHECK(status.cancelButton()->shortcut() == QKeySequence(Qt::Key_Escape));
    status.setProgress(0, -1, QStringLiteral("archive.zip"));
    CHECK(status.progressBar()->maximum() == 0);
    status.setProgress(4, 10, QStringLiteral("a.txt"));
    CHECK(status.progressBar()->maximum() == 10);
    CHECK(status.progressBar()->value() == 4);
    status.showIdle();
    CHECK(status.isHidden());

    Fixture f;
    ImportController controller(f.libraryPath);
    status.setController(&controller);
    QSignalSpy finished(&controller, &ImportController::finished);
    bool shownWhenStarted = false;
    QObject::connect(&controller, &ImportController::started, &controller,
                     [&] { shownWhenStarted = !status.isHidden(); });
    controller.importPaths({gleaner::test::dataPath(QStringLiteral("library"))});
    waitForReports(finished, 1);
    CHECK(shownWhenStarted);
    CHECK(status.isHidden());
}
