// TagStore: the one way a tag is found, made, given to papers and listed.
#include "catch.h"
#include "libraryfixture.h"
#include "storage/tagstore.h"

using namespace gleaner;
using gleaner::test::LibraryFixture;

TEST_CASE("TagStore makes a tag once and finds it again", "[storage][tags]")
{
    LibraryFixture f;
    TagStore tags(f.library.database());
    CHECK_FALSE(tags.tagId(QStringLiteral("sonar"), false));
    const auto made = tags.tagId(QStringLiteral("sonar"), true);
    REQUIRE(made);
    CHECK(tags.tagId(QStringLiteral("sonar"), false) == made);
    CHECK(tags.tagId(QStringLiteral("sonar"), true) == made);
    // Names are compared without regard to case, as the library shows them.
    CHECK(tags.tagId(QStringLiteral("SONAR"), false) == made);
    CHECK(TagStore::cleanName(QStringLiteral("  to \t  cite \n")) == QStringLiteral("to cite"));
    CHECK(TagStore::cleanName(QStringLiteral(" \t ")).isEmpty());
}

TEST_CASE("TagStore gives tags to papers and counts the new pairs", "[storage][tags]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    const qint64 fish = f.idOf(QStringLiteral("Lanternfish"));
    const qint64 tidal = f.idOf(QStringLiteral("Tidal Attention"));
    TagStore tags(f.library.database());

    const auto added = tags.addTags({fish, tidal}, {QStringLiteral(" to  cite "),
                                                    QStringLiteral("sonar"), QStringLiteral("  ")});
    REQUIRE(added);
    CHECK(*added == 4);
    CHECK(tags.tagsOf(fish) == QStringList({QStringLiteral("sonar"), QStringLiteral("to cite")}));
    CHECK(tags.tagsOf(tidal) == QStringList({QStringLiteral("sonar"), QStringLiteral("to cite")}));

    // Pairs that exist already are not counted again.
    const auto again = tags.addTags({fish}, {QStringLiteral("sonar"), QStringLiteral("fish")});
    REQUIRE(again);
    CHECK(*again == 1);
    CHECK(tags.tagsOf(fish) == QStringList({QStringLiteral("fish"), QStringLiteral("sonar"),
                                            QStringLiteral("to cite")}));
    // A paper the library does not have is left out, not an error.
    const auto missing = tags.addTags({fish + tidal + 1000}, {QStringLiteral("sonar")});
    REQUIRE(missing);
    CHECK(*missing == 0);
    CHECK(tags.tagsOf(fish + tidal + 1000).isEmpty());
    // The library's own view is the same.
    CHECK(f.library.tagsOf(fish) == tags.tagsOf(fish));
}
