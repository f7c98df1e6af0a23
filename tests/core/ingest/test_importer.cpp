// What an import of several sources reports when one of them cannot be
// saved: the sources before it stay, it is named with why, nothing after it
// is tried, and nothing of it is kept.
#include "catch.h"
#include "ingest/importer.h"
#include "libraryfixture.h"
#include "storage/database.h"
#include "storage/library.h"
#include "tarwriter.h"

#include <QFile>

using namespace gleaner;
using gleaner::test::LibraryFixture;
using namespace Qt::StringLiterals;

TEST_CASE("A source that cannot be saved is named in failed, and the ones before it stay",
          "[ingest]")
{
    test::LibraryFixture fx;
    const QString day1 = fx.copyFixture(u"day1.txt"_s);
    const QString day2 = fx.copyFixture(u"day2.txt"_s);

    Importer importer(fx.library);
    int sourcesStarted = 0;
    importer.setProgressHandler([&](const ImportProgress &p) {
        // The first file of the second source: from here on writes fail,
        // as they would on a full disk.
        if (p.current == day2 && sourcesStarted++ == 0)
            fx.library.database().refuseWrites(u"the disk is full"_s);
        return true;
    });
    const ImportReport report = importer.importPaths({day1, day2});

    CHECK_FALSE(report.ok());
    CHECK_FALSE(report.cancelled);
    CHECK(report.digestsAdded == 1);
    REQUIRE(report.failed.size() == 1);
    CHECK(report.failed.first().source == day2);
    CHECK(report.failed.first().message ==
          u"could not be saved, so nothing of it was kept: the disk is full"_s);
    CHECK(report.summary().endsWith(u", 1 source not imported"_s));

    // day1 is in the library, nothing of day2 (it shares one paper with day1).
    CHECK(fx.library.digests().size() == 1);
    CHECK(fx.library.paperCount() == 3);
}

TEST_CASE("Import reports add up their failures and stay ok without any", "[ingest]")
{
    ImportReport a;
    a.digestsAdded = 1;
    CHECK(a.ok());
    ImportReport b;
    b.failed.append({u"b.txt"_s, 0, u"could not be saved, so nothing of it was kept: x"_s});
    a.add(b);
    CHECK_FALSE(a.ok());
    CHECK(a.failed.size() == 1);
    CHECK(a.summary() == u"1 digest added (0 new papers, 0 seen again), 1 source not imported"_s);
}

TEST_CASE("A digest in an archive takes its date from the member's time, not the archive's",
          "[ingest][archive]")
{
    LibraryFixture f;
    // A page with no date, saved (tarWriter's fixed time) on 2024-06-01,
    // packed into an archive dated 2026-05-01.
    const QString archive = f.path(QStringLiteral("saved.tar"));
    {
        QFile file(archive);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(gleaner::test::tar(
            {{"pages/undated.txt",
              gleaner::test::readData(QStringLiteral("library/undated_compact.txt"))}}));
        REQUIRE(file.setFileTime(QDateTime(QDate(2026, 5, 1), QTime(12, 0)),
                                 QFileDevice::FileModificationTime));
    }
    REQUIRE(f.import({archive}).ok());
    const QList<DigestInfo> digests = f.library.digests();
    REQUIRE(digests.size() == 1);
    CHECK(digests.first().certainty == DateCertainty::Undated);
    // The member's day in local time: 1 June, or 31 May west of UTC.
    const QDate member = QDateTime::fromSecsSinceEpoch(1717200000).date();
    CHECK(digests.first().date == member);
}
