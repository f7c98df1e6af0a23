// The real digests in ../shared/seeds through the whole import path. Reports
// itself skipped where that folder is absent.
#include "catch.h"
#include "ingest/importer.h"
#include "storage/library.h"

#include <QDir>
#include <QTemporaryDir>

using namespace gleaner;

TEST_CASE("The real digests import as 359 entries of 351 papers", "[seeds][import]")
{
    GLEANER_REQUIRE_SEEDS();
    QTemporaryDir dir;
    Library library;
    REQUIRE(library.open(dir.filePath(QStringLiteral("seeds.sqlite3"))));
    Importer importer(library);
    const ImportReport r = importer.importPaths({gleaner::test::seedsDir()});
    CHECK(r.ok());
    CHECK(r.rejected.isEmpty());
    CHECK(r.digestsAdded == 3);
    CHECK(r.entries == 359);
    CHECK(r.papersAdded == 351);
    CHECK(r.papersSeenAgain == 8);

    const LibraryStats s = library.stats();
    CHECK(s.papers == 351);
    CHECK(s.digests == 3);
    CHECK(s.appearances == 359);
    // The undated digest's file date is not a digest date.
    CHECK(s.firstDigest == QDate(2026, 1, 7));
    CHECK(s.lastDigest == QDate(2026, 3, 14));
    CHECK(s.undatedDigests == 1);

    // The 2026-01-07 digest (layout A) carries the submitters.
    const SearchResult orgs = library.search(QStringLiteral("org:Qwen")).value();
    REQUIRE(orgs.ids.size() == 1);
    CHECK(library.paper(orgs.ids.first())->submitter.organisation == QStringLiteral("Qwen"));
    CHECK(library.search(QStringLiteral("org:inclusionAI")).value().ids.size() == 1);
    CHECK(library.search(QStringLiteral("digest:2026-01-07")).value().ids.size() == 57);
    CHECK(library.search(QStringLiteral("RealCustom")).value().ids.size() >= 2);

    // Importing the folder again changes nothing.
    const ImportReport again = importer.importPaths({gleaner::test::seedsDir()});
    CHECK(again.digestsAdded == 0);
    CHECK(again.digestsRepeated == 3);
    CHECK(library.stats().appearances == 359);
}
