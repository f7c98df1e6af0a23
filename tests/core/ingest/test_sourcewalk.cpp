// The one source walk and the importer's reading of sources: only regular
// files are read, special files are named with a reason without ever being
// opened, and every input that yields no digest is named.
#include "catch.h"
#include "ingest/importer.h"
#include "ingest/sourcewalk.h"
#include "libraryfixture.h"

#include <QDir>
#include <QFile>
#include <QProcess>

#include <sys/stat.h>

using namespace gleaner;
using namespace Qt::StringLiterals;

namespace {

void makeFifo(const QString &path)
{
    REQUIRE(::mkfifo(QFile::encodeName(path).constData(), 0600) == 0);
}

QByteArray gzipped(const QByteArray &data)
{
    QProcess gzip;
    gzip.start(u"gzip"_s, {u"-c"_s});
    REQUIRE(gzip.waitForStarted());
    gzip.write(data);
    gzip.closeWriteChannel();
    REQUIRE(gzip.waitForFinished(30000));
    return gzip.readAllStandardOutput();
}

} // namespace

TEST_CASE("The source walk lists regular files and names everything else", "[ingest]")
{
    test::LibraryFixture fx;
    const QString folder = fx.path(u"digests"_s);
    const QString day1 = fx.copyFixture(u"day1.txt"_s, u"digests/b/day1.txt"_s);
    const QString day2 = fx.copyFixture(u"day2.txt"_s, u"digests/a.txt"_s);
    makeFifo(folder + u"/pipe.txt"_s);
    REQUIRE(QFile::link(u"/dev/zero"_s, folder + u"/zero.txt"_s));

    const SourceWalk walk(folder);
    CHECK(walk.files() == QStringList{day2, day1});
    // Links inside a folder are never followed; the FIFO is named.
    REQUIRE(walk.refused().size() == 1);
    CHECK(walk.refused().first().path == folder + u"/pipe.txt"_s);
    CHECK(walk.refused().first().reason.contains(u"named pipe"_s));

    const SourceWalk link(folder + u"/zero.txt"_s);
    CHECK(link.files().isEmpty());
    REQUIRE(link.refused().size() == 1);
    CHECK(link.refused().first().reason.contains(u"link to a character device"_s));

    CHECK(SourceWalk(u"/dev/null"_s).refused().first().reason.contains(u"character device"_s));
    CHECK(SourceWalk(fx.path(u"missing.txt"_s)).refused().first().reason == u"does not exist"_s);
    QDir().mkpath(fx.path(u"empty"_s));
    CHECK(SourceWalk(fx.path(u"empty"_s)).refused().first().reason == u"is an empty folder"_s);
    CHECK(SourceWalk(day1).files() == QStringList{day1});
    CHECK(SourceWalk::refusal(day1).isEmpty());
}

TEST_CASE("A FIFO is never opened, alone or in a folder", "[ingest]")
{
    test::LibraryFixture fx;
    const QString fifo = fx.path(u"f.txt"_s);
    makeFifo(fifo);
    // Opening a FIFO without a writer blocks; the walk and the open refuse it.
    QFile file(fifo);
    CHECK_FALSE(SourceWalk::openRegularFile(file));
    CHECK_FALSE(file.isOpen());

    const ImportReport r = fx.import({fifo});
    CHECK(r.failed.isEmpty());
    REQUIRE(r.rejected.size() == 1);
    CHECK(r.rejected.first().toString() ==
          fifo + u": is a named pipe (FIFO), not a file; only regular files are read"_s);
    CHECK(r.digestsAdded == 0);
}

TEST_CASE("Text in memory has the file cap, and an archive that yields nothing is named",
          "[ingest]")
{
    test::LibraryFixture fx;
    Importer importer(fx.library);
    importer.setMaxFileSize(1000);
    const ImportReport big = importer.importData(QByteArray(1001, 'a'), u"(clipboard)"_s);
    REQUIRE(big.rejected.size() == 1);
    CHECK(big.rejected.first().toString().startsWith(u"(clipboard): is 1001 bytes, too large"_s));

    const ImportReport zeros = fx.import({[&] {
        const QString path = fx.path(u"zeros.gz"_s);
        QFile out(path);
        REQUIRE(out.open(QIODevice::WriteOnly));
        out.write(gzipped(QByteArray(10240, '\0')));
        return path;
    }()});
    REQUIRE(zeros.rejected.size() == 1);
    CHECK(zeros.rejected.first().source == fx.path(u"zeros.gz"_s));
    CHECK(zeros.rejected.first().message.contains(u"holds no file that could be a digest"_s));
    CHECK(zeros.digestsAdded == 0);
}

TEST_CASE("Progress counts files across every source of one import", "[ingest]")
{
    test::LibraryFixture fx;
    const QString a = fx.copyFixture(u"day1.txt"_s, u"a/day1.txt"_s);
    const QString b = fx.copyFixture(u"day2.txt"_s, u"b/day2.txt"_s);
    Importer importer(fx.library);
    QList<std::pair<int, int>> seen;
    importer.setProgressHandler([&](const ImportProgress &p) {
        seen.append({p.done, p.total});
        return true;
    });
    const ImportReport r = importer.importPaths({fx.path(u"a"_s), fx.path(u"b"_s)});
    CHECK(r.digestsAdded == 2);
    CHECK(seen == QList<std::pair<int, int>>{{0, 2}, {1, 2}, {2, 2}});
}
