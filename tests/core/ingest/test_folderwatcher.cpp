// The watched folder: files are handed out once they are written, once per
// version, temporary and hidden names are passed over, and a folder that
// appears late or comes back is picked up by the poll. Intervals are short
// so the suite runs fast; nothing here asserts how fast anything happened.
#include "catch.h"
#include "ingest/folderwatcher.h"
#include "ingest/importer.h"
#include "libraryfixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace gleaner;
using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 15000; // the most any test waits for a batch

void writeFile(const QString &path, const QByteArray &bytes,
               QIODevice::OpenMode mode = QIODevice::WriteOnly | QIODevice::Truncate)
{
    QFile file(path);
    REQUIRE(file.open(mode));
    REQUIRE(file.write(bytes) == bytes.size());
}

// A watcher with short intervals that records every batch, and the size
// each file had when it was handed out.
struct Recorder
{
    explicit Recorder(const QString &folder, int settleMs = 100, int pollMs = 200)
        : watcher(folder)
    {
        watcher.setSettleInterval(settleMs);
        watcher.setPollInterval(pollMs);
        watcher.setBatchHandler([this](const FolderWatcher::Batch &batch) {
            batches << batch;
            for (const QString &file : batch.files)
                sizes << QFileInfo(file).size();
        });
    }

    QStringList names() const
    {
        QStringList out;
        for (const FolderWatcher::Batch &batch : batches) {
            for (const QString &file : batch.files)
                out << QFileInfo(file).fileName();
        }
        return out;
    }

    [[nodiscard]] bool waitForBatches(qsizetype count)
    {
        return QTest::qWaitFor([&] { return batches.size() >= count; }, kWaitMs);
    }

    // Lets the watcher look several times more; for "nothing else came".
    void idle(int looks = 5)
    {
        QTest::qWait(looks * qMax(watcher.settleInterval(), watcher.pollInterval()));
    }

    FolderWatcher watcher;
    QList<FolderWatcher::Batch> batches;
    QList<qint64> sizes;
};

} // namespace

TEST_CASE("Watched folder: digests and archives by name, not temporary, hidden or other files",
          "[ingest][watch]")
{
    for (const QString &name :
         {u"day1.txt"_s, u"DAY1.TXT"_s, u"2026-03-05 Daily Papers.txt"_s, u"part.txt"_s,
          u"papers.zip"_s, u"week.tar"_s, u"week.tar.gz"_s, u"week.tgz"_s, u"week.tar.bz2"_s,
          u"week.tar.xz"_s, u"day1.txt.gz"_s})
        CHECK(FolderWatcher::isCandidateName(name));
    // Not named like a digest: the rest of a Downloads folder.
    for (const QString &name : {u"paper.pdf"_s, u"figure.png"_s, u"page.html"_s, u"notes.md"_s,
                                u"digest"_s, u"txt"_s, QString()})
        CHECK_FALSE(FolderWatcher::isCandidateName(name));
    for (const QString &name :
         {u"day1.txt.part"_s, u"day1.txt.PART"_s, u"day1.txt.crdownload"_s, u"day1.download"_s,
          u"day1.txt.partial"_s, u"day1.tmp"_s, u"day1.temp"_s, u"day1.txt~"_s, u".#day1.txt"_s,
          u".day1.txt.swp"_s, u".hidden.txt"_s})
        CHECK_FALSE(FolderWatcher::isCandidateName(name));
}

TEST_CASE("Watched folder: a file written in two goes is handed out once, whole", "[ingest][watch]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    // A long settle interval: the first half must look unfinished while the
    // test waits between the two writes.
    Recorder r(dir.path(), 1500);
    r.watcher.start();
    QTest::qWait(50);

    const QByteArray digest = test::readData(u"library/day1.txt"_s);
    const QString path = dir.filePath(u"day1.txt"_s);
    QElapsedTimer sinceFirstWrite;
    sinceFirstWrite.start();
    writeFile(path, digest.left(digest.size() / 2));
    QTest::qWait(200);
    if (sinceFirstWrite.elapsed() < r.watcher.settleInterval())
        CHECK(r.batches.isEmpty());
    writeFile(path, digest.mid(digest.size() / 2), QIODevice::WriteOnly | QIODevice::Append);

    REQUIRE(r.waitForBatches(1));
    r.watcher.setSettleInterval(100); // for idle(): nothing is pending any more
    r.idle();
    CHECK(r.names() == QStringList{u"day1.txt"_s});
    CHECK(r.sizes == QList<qint64>{digest.size()});
    CHECK(r.batches.first().files == QStringList{QDir::cleanPath(path)});
    CHECK_FALSE(r.batches.first().initial);
}

TEST_CASE("Watched folder: an unchanged file comes out once, a changed one again",
          "[ingest][watch]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    Recorder r(dir.path());
    r.watcher.start();
    const QString path = dir.filePath(u"day1.txt"_s);
    writeFile(path, test::readData(u"library/day1.txt"_s));
    REQUIRE(r.waitForBatches(1));
    // Other files coming and going, and the poll, do not bring it back.
    writeFile(dir.filePath(u"day2.txt"_s), test::readData(u"library/day2.txt"_s));
    REQUIRE(r.waitForBatches(2));
    r.idle();
    CHECK(r.names() == QStringList{u"day1.txt"_s, u"day2.txt"_s});

    // Rewritten in place (no new name for the folder to notice): the poll
    // sees the new size.
    writeFile(path, test::readData(u"library/day5_plain.txt"_s));
    REQUIRE(r.waitForBatches(3));
    r.idle();
    CHECK(r.names() == QStringList{u"day1.txt"_s, u"day2.txt"_s, u"day1.txt"_s});

    // Removed and saved again, the same bytes are a new arrival.
    REQUIRE(QFile::remove(path));
    r.idle(2);
    writeFile(path, test::readData(u"library/day5_plain.txt"_s));
    REQUIRE(r.waitForBatches(4));
    CHECK(r.names().count(u"day1.txt"_s) == 3);
}

TEST_CASE("Watched folder: a file the importer refuses is reported once", "[ingest][watch]")
{
    test::LibraryFixture fx;
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    FolderWatcher watcher(dir.path());
    watcher.setSettleInterval(100);
    watcher.setPollInterval(200);
    Importer importer(fx.library);
    QList<ImportReport> reports;
    watcher.setBatchHandler(
        [&](const FolderWatcher::Batch &batch) { reports << importer.importPaths(batch.files); });
    watcher.start();

    writeFile(dir.filePath(u"notes.txt"_s), test::readData(u"library/notes.md"_s));
    REQUIRE(QTest::qWaitFor([&] { return reports.size() == 1; }, kWaitMs));
    CHECK(reports.first().rejected.size() == 1);
    CHECK(reports.first().digestsAdded == 0);

    // The folder changes twice; only the new digests are read.
    writeFile(dir.filePath(u"day1.txt"_s), test::readData(u"library/day1.txt"_s));
    REQUIRE(QTest::qWaitFor([&] { return reports.size() == 2; }, kWaitMs));
    writeFile(dir.filePath(u"day2.txt"_s), test::readData(u"library/day2.txt"_s));
    REQUIRE(QTest::qWaitFor([&] { return reports.size() == 3; }, kWaitMs));
    QTest::qWait(1000);
    REQUIRE(reports.size() == 3);
    int rejected = 0;
    int added = 0;
    for (const ImportReport &report : reports) {
        rejected += int(report.rejected.size());
        added += report.digestsAdded;
    }
    CHECK(rejected == 1);
    CHECK(added == 2);
}

TEST_CASE("Watched folder: downloads in progress, folders, links and pipes are passed over",
          "[ingest][watch]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    Recorder r(dir.path());
    r.watcher.start();
    const QByteArray digest = test::readData(u"library/day1.txt"_s);
    for (const QString &name : {u"day1.txt.part"_s, u"day1.txt.crdownload"_s, u"day1.tmp"_s,
                                u"day1.txt~"_s, u".#day1.txt"_s, u".hidden.txt"_s, u"day1.pdf"_s})
        writeFile(dir.filePath(name), digest);
    REQUIRE(QDir(dir.path()).mkdir(u"sub"_s));
    writeFile(dir.filePath(u"sub/inner.txt"_s), digest);
    REQUIRE(QFile::link(dir.filePath(u"sub/inner.txt"_s), dir.filePath(u"link.txt"_s)));
    REQUIRE(::mkfifo(QFile::encodeName(dir.filePath(u"pipe.txt"_s)).constData(), 0600) == 0);
    // Firefox's placeholder: the final name, empty until the download is renamed onto it.
    writeFile(dir.filePath(u"day2.txt"_s), {});
    writeFile(dir.filePath(u"day2.txt.part"_s), test::readData(u"library/day2.txt"_s));
    writeFile(dir.filePath(u"day5.txt"_s), test::readData(u"library/day5_plain.txt"_s));

    REQUIRE(r.waitForBatches(1));
    r.idle();
    CHECK(r.names() == QStringList{u"day5.txt"_s});

    // The download finishes: renamed onto the placeholder.
    REQUIRE(::rename(QFile::encodeName(dir.filePath(u"day2.txt.part"_s)).constData(),
                     QFile::encodeName(dir.filePath(u"day2.txt"_s)).constData()) == 0);
    REQUIRE(r.waitForBatches(2));
    r.idle(2);
    CHECK(r.names() == QStringList{u"day5.txt"_s, u"day2.txt"_s});
}

TEST_CASE("Watched folder: what is there at the start comes out first, marked initial",
          "[ingest][watch]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    writeFile(dir.filePath(u"day1.txt"_s), test::readData(u"library/day1.txt"_s));
    writeFile(dir.filePath(u"day2.txt"_s), test::readData(u"library/day2.txt"_s));
    Recorder r(dir.path());
    r.watcher.start();
    REQUIRE(r.waitForBatches(1));
    CHECK(r.batches.first().initial);
    CHECK(r.names() == QStringList{u"day1.txt"_s, u"day2.txt"_s});

    writeFile(dir.filePath(u"day5.txt"_s), test::readData(u"library/day5_plain.txt"_s));
    REQUIRE(r.waitForBatches(2));
    CHECK_FALSE(r.batches.at(1).initial);
    CHECK(r.batches.at(1).files.size() == 1);

    // Stopped and started again, it remembers what it handed out.
    r.watcher.stop();
    r.watcher.start();
    r.idle();
    CHECK(r.batches.size() == 2);
}

TEST_CASE("Watched folder: a folder made after the start, or removed and made again, is watched",
          "[ingest][watch]")
{
    QTemporaryDir parent;
    REQUIRE(parent.isValid());
    const QString folder = parent.filePath(u"later/digests"_s);
    Recorder r(folder);
    QList<bool> changes;
    r.watcher.setFolderHandler([&](bool exists) { changes << exists; });
    r.watcher.start();
    CHECK(r.watcher.isWatching());
    CHECK_FALSE(r.watcher.folderExists());
    r.idle(2);
    CHECK(r.batches.isEmpty());

    REQUIRE(QDir().mkpath(folder));
    writeFile(folder + u"/day1.txt"_s, test::readData(u"library/day1.txt"_s));
    REQUIRE(r.waitForBatches(1));
    CHECK_FALSE(r.batches.first().initial); // it was not there when watching began
    CHECK(r.watcher.folderExists());

    REQUIRE(QDir(folder).removeRecursively());
    REQUIRE(QTest::qWaitFor([&] { return !r.watcher.folderExists(); }, kWaitMs));
    REQUIRE(QDir().mkpath(folder));
    writeFile(folder + u"/day2.txt"_s, test::readData(u"library/day2.txt"_s));
    REQUIRE(r.waitForBatches(2));
    CHECK(r.names() == QStringList{u"day1.txt"_s, u"day2.txt"_s});
    CHECK(changes == QList<bool>{true, false, true});

    // Changes after the folder came back are seen at once too, not only by
    // the poll: with a poll slower than the test waits, the new file still comes.
    r.watcher.setPollInterval(600000);
    writeFile(folder + u"/day5.txt"_s, test::readData(u"library/day5_plain.txt"_s));
    REQUIRE(r.waitForBatches(3));
}
