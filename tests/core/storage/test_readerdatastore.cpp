// ReaderDataStore: reader data read and written by identity, the waiting
// room for papers not imported yet, and the import hook that empties it.
#include "catch.h"
#include "libraryfixture.h"
#include "model/titlekey.h"
#include "storage/readerdatastore.h"

using namespace gleaner;
using gleaner::test::LibraryFixture;

namespace {

ReaderData waiting(const QString &title)
{
    ReaderData d;
    d.title = title;
    d.key = titleKey(title);
    d.starred = true;
    d.read = true;
    d.readAt = QStringLiteral("2026-03-04T08:00:00.000Z");
    d.tags = {QStringLiteral("sonar"), QStringLiteral("to cite")};
    d.note = QStringLiteral("Count them again.");
    d.noteChanged = QStringLiteral("2026-03-04T08:01:00.000Z");
    return d;
}

} // namespace

TEST_CASE("ReaderDataStore keeps data waiting for a paper", "[storage][readerdata]")
{
    LibraryFixture f;
    ReaderDataStore store(f.library.database());
    const QString title = QStringLiteral("Counting Lanternfish with Sparse Autoencoders");
    const auto none = store.pending(titleKey(title));
    REQUIRE(none);
    CHECK(none->key.isEmpty());

    REQUIRE(store.savePending(waiting(title)));
    const auto kept = store.pending(titleKey(title));
    REQUIRE(kept);
    CHECK(kept->key == titleKey(title));
    CHECK(kept->title == title);
    CHECK(kept->starred);
    CHECK(kept->read);
    CHECK(kept->readAt == QStringLiteral("2026-03-04T08:00:00.000Z"));
    CHECK(kept->tags == QStringList({QStringLiteral("sonar"), QStringLiteral("to cite")}));
    CHECK(kept->note == QStringLiteral("Count them again."));
    CHECK(kept->noteChanged == QStringLiteral("2026-03-04T08:01:00.000Z"));

    SECTION("a blank note is no note")
    {
        ReaderData blank = waiting(title);
        blank.note = QStringLiteral("  \n");
        REQUIRE(store.savePending(blank));
        const auto replaced = store.pending(titleKey(title));
        REQUIRE(replaced);
        CHECK(replaced->note.isEmpty());
        CHECK(replaced->noteChanged.isEmpty());
    }
    SECTION("the paper's import takes it, once")
    {
        REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
        const qint64 fish = f.idOf(QStringLiteral("Lanternfish"));
        const auto paper = f.library.paper(fish);
        REQUIRE(paper);
        CHECK(paper->starred);
        CHECK(paper->read);
        CHECK(paper->tags == QStringList({QStringLiteral("sonar"), QStringLiteral("to cite")}));
        CHECK(paper->note == QStringLiteral("Count them again."));
        const auto gone = store.pending(titleKey(title));
        REQUIRE(gone);
        CHECK(gone->key.isEmpty());
        const auto again = store.attachPending(fish, titleKey(title));
        REQUIRE(again);
        CHECK_FALSE(*again);
    }
}

TEST_CASE("ReaderDataStore attaches waiting data to a paper", "[storage][readerdata]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    const qint64 fish = f.idOf(QStringLiteral("Lanternfish"));
    ReaderDataStore store(f.library.database());
    ReaderData d = waiting(QStringLiteral("Counting Lanternfish with Sparse Autoencoders"));
    d.readAt.clear();
    d.noteChanged.clear();
    REQUIRE(store.savePending(d));
    const auto attached = store.attachPending(fish, d.key);
    REQUIRE(attached);
    CHECK(*attached);
    const auto mine = store.ofPaper(fish);
    REQUIRE(mine);
    CHECK(mine->starred);
    CHECK(mine->read);
    CHECK_FALSE(mine->readAt.isEmpty()); // a read paper has a read time
    CHECK(mine->note == QStringLiteral("Count them again."));
    CHECK_FALSE(mine->noteChanged.isEmpty());
    CHECK(f.library.tagsOf(fish) ==
          QStringList({QStringLiteral("sonar"), QStringLiteral("to cite")}));
}

TEST_CASE("ReaderDataStore writes a paper's reader data and reads all of it back",
          "[storage][readerdata]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    const qint64 fish = f.idOf(QStringLiteral("Lanternfish"));
    const qint64 tidal = f.idOf(QStringLiteral("Tidal Attention"));
    ReaderDataStore store(f.library.database());

    const auto untouched = store.ofPaper(tidal);
    REQUIRE(untouched);
    CHECK_FALSE(untouched->starred);
    CHECK_FALSE(untouched->read);
    CHECK(untouched->note.isEmpty());
    CHECK_FALSE(store.ofPaper(fish + tidal + 1000));

    ReaderData d = waiting(QStringLiteral("Counting Lanternfish with Sparse Autoencoders"));
    REQUIRE(store.write(fish, d));
    const auto written = store.ofPaper(fish);
    REQUIRE(written);
    CHECK(written->key == d.key);
    CHECK(written->starred);
    CHECK(written->readAt == d.readAt);
    CHECK(written->note == d.note);
    CHECK(written->noteChanged == d.noteChanged);
    CHECK(f.library.search(QStringLiteral("is:starred has:note")).value().ids ==
          QList<qint64>{fish});

    CHECK(f.library.tagsOf(fish).isEmpty()); // tags are TagStore's
    REQUIRE(f.library.addTags({fish}, d.tags));
    REQUIRE(f.library.addTags({tidal}, {QStringLiteral("moe")}));
    REQUIRE(store.savePending(waiting(QStringLiteral("A Paper Nobody Has Imported Yet"))));
    REQUIRE(store.addSavedSearch(QStringLiteral("fish"), QStringLiteral("tag:sonar")));
    REQUIRE(store.addSavedSearch(QStringLiteral("attention"), QStringLiteral("tidal")));
    CHECK_FALSE(store.addSavedSearch(QStringLiteral("fish"), QStringLiteral("other")));

    const auto all = store.readAll();
    REQUIRE(all);
    QStringList titles;
    for (const ReaderData &p : all->papers)
        titles << p.title;
    titles.sort();
    CHECK(titles == QStringList({QStringLiteral("A Paper Nobody Has Imported Yet"),
                                 QStringLiteral("Counting Lanternfish with Sparse Autoencoders"),
                                 QStringLiteral("Tidal Attention: Routing Tokens by Phase")}));
    for (const ReaderData &p : all->papers) {
        if (p.title.startsWith(QStringLiteral("Tidal")))
            CHECK(p.tags == QStringList{QStringLiteral("moe")});
        else
            CHECK(p.tags == QStringList({QStringLiteral("sonar"), QStringLiteral("to cite")}));
    }
    REQUIRE(all->savedSearches.size() == 2);
    CHECK(all->savedSearches.at(0).name == QStringLiteral("attention"));
    CHECK(all->savedSearches.at(1).query == QStringLiteral("tag:sonar"));
}
