// The schema's migrations: a library of an older format is copied aside and
// upgraded with its data intact.
#include "catch.h"
#include "libraryfixture.h"
#include "storage/schema.h"

#include <QDir>
#include <QFileInfo>

using namespace gleaner;
using gleaner::test::LibraryFixture;

TEST_CASE("A format 1 library is upgraded with a backup copy and its data intact", "[schema]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt")),
                      f.copyFixture(QStringLiteral("day2.txt"))})
                .ok());
    const qint64 fish = f.idOf(QStringLiteral("Lanternfish"));
    REQUIRE(f.library.setStarred({fish}, true));
    REQUIRE(f.library.setNote(fish, test::kTrickyNote));
    REQUIRE(f.library.addTags({fish}, {QStringLiteral("sonar")}));
    const int papers = f.library.paperCount();
    f.library.close();
    {
        // Format 1 is format 3 without the waiting room (2) and the
        // organisation index (3).
        Database v1;
        REQUIRE(v1.open(f.libraryPath()));
        REQUIRE(v1.exec("DROP TABLE pending_reader_data; DROP INDEX papers_organisation"));
        REQUIRE(v1.setUserVersion(1));
    }

    Library upgraded;
    REQUIRE(upgraded.open(f.libraryPath()));
    CHECK(upgraded.database().userVersion() == Schema::currentVersion());
    CHECK(Schema::currentVersion() >= 2);
    const QStringList backups = QDir(QFileInfo(f.libraryPath()).absolutePath())
                                    .entryList({QStringLiteral("library.sqlite3.v1-*.bak")});
    CHECK(backups.size() == 1);
    CHECK(upgraded.paperCount() == papers);
    const auto paper = upgraded.paper(fish);
    REQUIRE(paper);
    CHECK(paper->starred);
    CHECK(paper->note == test::kTrickyNote);
    CHECK(paper->tags == QStringList{QStringLiteral("sonar")});
    CHECK(test::scalar(upgraded, "SELECT count(*) FROM pending_reader_data") == 0);

    // The copy is the old library, still at format 1.
    Database old;
    REQUIRE(old.open(QFileInfo(f.libraryPath()).absolutePath() + u'/' + backups.value(0),
                     Database::OpenMode::ReadOnly));
    CHECK(old.userVersion() == 1);
}
