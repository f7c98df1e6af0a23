// The integrity check writers run first, and read-only opens that never
// create or change a file.
#include "catch.h"
#include "damage.h"
#include "libraryfixture.h"
#include "storage/integritycheck.h"
#include "storage/schema.h"

#include <QDir>
#include <QFileInfo>

using namespace gleaner;
using gleaner::test::LibraryFixture;

TEST_CASE("A sound library passes the quick and the full check", "[integrity]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    IntegrityCheck check(f.library.database());
    CHECK(check.run(IntegrityCheck::Depth::Quick));
    CHECK(check.run(IntegrityCheck::Depth::Full));
    CHECK_FALSE(check.isDamaged());
    CHECK(check.errorString().isEmpty());
}

TEST_CASE("An index that lost its rows is found damaged, in one sentence", "[integrity]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    f.library.close();
    test::emptyIndex(f.libraryPath(), QStringLiteral("papers_key_hash"));

    // Reading still works: this is the damage that goes unnoticed.
    Library damaged;
    REQUIRE(damaged.open(f.libraryPath()));
    CHECK(damaged.paperCount() == 3);
    IntegrityCheck check(damaged.database());
    CHECK_FALSE(check.run(IntegrityCheck::Depth::Full));
    CHECK(check.isDamaged());
    CHECK_FALSE(check.problems().isEmpty());
    CHECK(check.errorString().contains(f.libraryPath()));
    CHECK(check.errorString().contains(QStringLiteral("gleaner-cli repair")));
    CHECK(check.errorString().count(QLatin1Char('.')) <= 2); // one sentence (the path has one)
}

TEST_CASE("A read-only open never creates or changes a file", "[integrity][readonly]")
{
    LibraryFixture f;
    Library reader;

    SECTION("a missing file is not created")
    {
        const QString missing = f.path(QStringLiteral("none/library.sqlite3"));
        CHECK_FALSE(reader.open(missing, Database::OpenMode::ReadOnly));
        CHECK(reader.errorString() == QStringLiteral("There is no library at %1.").arg(missing));
        CHECK_FALSE(QFileInfo::exists(f.path(QStringLiteral("none"))));
    }
    SECTION("an empty file stays empty")
    {
        const QString empty = f.path(QStringLiteral("empty.sqlite3"));
        QFile file(empty);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.close();
        CHECK_FALSE(reader.open(empty, Database::OpenMode::ReadOnly));
        CHECK(reader.errorString() == QStringLiteral("%1 is empty, not a library.").arg(empty));
        CHECK(QFileInfo(empty).size() == 0);
        CHECK_FALSE(QFileInfo::exists(empty + QStringLiteral("-wal")));
    }
    SECTION("an older format is not upgraded")
    {
        REQUIRE(f.library.database().setUserVersion(1));
        f.library.close();
        const QByteArray before = test::fileHash(f.libraryPath());
        CHECK_FALSE(reader.open(f.libraryPath(), Database::OpenMode::ReadOnly));
        CHECK(reader.errorString().contains(QStringLiteral("older format")));
        CHECK(test::fileHash(f.libraryPath()) == before);
        CHECK(QDir(f.path(QString())).entryList({QStringLiteral("*.bak")}).isEmpty());
    }
    SECTION("a library reads, and refuses writes")
    {
        REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
        f.library.close();
        const QByteArray before = test::fileHash(f.libraryPath());
        REQUIRE(reader.open(f.libraryPath(), Database::OpenMode::ReadOnly));
        CHECK(reader.paperCount() == 3);
        CHECK_FALSE(reader.setStarred({1}, true));
        reader.close();
        CHECK(test::fileHash(f.libraryPath()) == before);
    }
}
