// Repairing a damaged library into a new one.
#include "catch.h"
#include "damage.h"
#include "libraryfixture.h"
#include "repair/repairer.h"
#include "storage/integritycheck.h"
#include "storage/salvage.h"
#include "storage/schema.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace gleaner;
using gleaner::test::LibraryFixture;
using gleaner::test::writeOldLibrary;

namespace {

bool sound(Library &library)
{
    IntegrityCheck check(library.database());
    return check.run(IntegrityCheck::Depth::Full);
}

} // namespace

TEST_CASE("Repair rebuilds a library whose index lost its rows, with its reader data", "[repair]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt")),
                      f.copyFixture(QStringLiteral("day2.txt"))})
                .ok());
    const qint64 fish = f.idOf(QStringLiteral("Lanternfish"));
    REQUIRE(f.library.setStarred({fish}, true));
    REQUIRE(f.library.addTags({fish}, {QStringLiteral("sonar")}));
    REQUIRE(f.library.setNote(fish, QStringLiteral("Check the sonar data.")));
    REQUIRE(f.library.saveSearch(QStringLiteral("fish"), QStringLiteral("tag:sonar")));
    // A dismissal alone is reader data too.
    const qint64 quiet = f.idOf(QStringLiteral("Quiet"));
    REQUIRE(f.library.setDismissed({quiet}, true));
    // So is a place in the reading queue, and the queue's order.
    const qint64 weather = f.idOf(QStringLiteral("Weather Models"));
    const qint64 tidal = f.idOf(QStringLiteral("Tidal Attention"));
    REQUIRE(f.library.enqueue({tidal, weather, fish}) == 3);
    REQUIRE(f.library.moveInQueue(fish, 0));
    const int papers = f.library.paperCount();
    f.library.close();
    test::emptyIndex(f.libraryPath(), QStringLiteral("papers_key_hash"));
    const QByteArray damagedHash = test::fileHash(f.libraryPath());

    SECTION("into a new file, leaving the damaged one as it was")
    {
        const QString output = f.path(QStringLiteral("repaired.sqlite3"));
        Repairer repairer(f.libraryPath());
        repairer.setOutput(output);
        QList<int> steps;
        repairer.setProgressHandler([&](int done, int) { steps << done; });
        const auto report = repairer.run();
        REQUIRE(report);
        CHECK(report->repairedPath == output);
        CHECK(report->damagedPath == f.libraryPath());
        CHECK(report->digests == 2);
        CHECK(report->fromLibrary == 2);
        CHECK(report->papers == papers);
        CHECK(report->savedSearches == 1);
        CHECK_FALSE(steps.isEmpty());
        CHECK(test::fileHash(f.libraryPath()) == damagedHash);

        Library repaired;
        REQUIRE(repaired.open(output));
        CHECK(sound(repaired));
        CHECK(repaired.paperCount() == papers);
        const SearchResult found =
            repaired.search(QStringLiteral("tag:sonar is:starred has:note")).value();
        REQUIRE(found.ids.size() == 1);
        CHECK(repaired.paper(found.ids.first())->note == QStringLiteral("Check the sonar data."));
        REQUIRE(repaired.savedSearches().size() == 1);
        CHECK(repaired.savedSearches().first().query == QStringLiteral("tag:sonar"));
        const SearchResult dismissed = repaired.search(QStringLiteral("is:dismissed")).value();
        REQUIRE(dismissed.ids.size() == 1);
        CHECK(repaired.paper(dismissed.ids.first())->title.startsWith(QStringLiteral("Quiet")));
        CHECK(report->readerData.dismissalsAdded == 1);
        QStringList queue;
        for (const Paper &p : repaired.papers(repaired.queue()))
            queue << p.title.left(5);
        CHECK(queue == QStringList{QStringLiteral("Count"), QStringLiteral("Tidal"),
                                   QStringLiteral("Weath")});
    }
    SECTION("in place, keeping the damaged file aside")
    {
        Repairer repairer(f.libraryPath());
        const auto report = repairer.run();
        REQUIRE(report);
        CHECK(report->repairedPath == f.libraryPath());
        CHECK(report->damagedPath.startsWith(f.libraryPath() + QStringLiteral(".damaged-")));
        CHECK(test::fileHash(report->damagedPath) == damagedHash);
        Library repaired;
        REQUIRE(repaired.open(f.libraryPath()));
        CHECK(sound(repaired));
        CHECK(repaired.paperCount() == papers);
    }
    SECTION("never over an existing file")
    {
        const QString output = f.path(QStringLiteral("taken.sqlite3"));
        QFile taken(output);
        REQUIRE(taken.open(QIODevice::WriteOnly));
        taken.write("mine");
        taken.close();
        Repairer repairer(f.libraryPath());
        repairer.setOutput(output);
        CHECK_FALSE(repairer.run());
        CHECK(repairer.errorString().contains(QStringLiteral("already exists")));
        CHECK(test::fileHash(f.libraryPath()) == damagedHash);
    }
}

TEST_CASE("Repair after a page of garbage: rows from the file, the rest from the digest file",
          "[repair]")
{
    LibraryFixture f;
    const QString digest = f.path(QStringLiteral("synthetic.txt"));
    {
        QFile file(digest);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(test::syntheticDigest(120));
    }
    const ImportReport imported = f.import({digest});
    REQUIRE(imported.ok());
    REQUIRE(imported.papersAdded == 120);
    const qint64 early = f.idOf(QStringLiteral("Synthetic Paper Number 0010"));
    REQUIRE(f.library.setStarred({early}, true));
    f.library.close();
    const int pageSize = test::pageOf(f.libraryPath(), QStringLiteral("papers")).first;
    test::garblePageWith(f.libraryPath(), "Synthetic Paper Number 0060: Tides", pageSize);

    Library damaged;
    REQUIRE(damaged.open(f.libraryPath()));
    CHECK_FALSE(sound(damaged));
    damaged.close();

    const QString output = f.path(QStringLiteral("repaired.sqlite3"));
    Repairer repairer(f.libraryPath());
    repairer.setOutput(output);

    SECTION("the digest file is still there")
    {
        const auto report = repairer.run();
        REQUIRE(report);
        CHECK(report->fromFiles == 1);
        CHECK(report->fromLibrary == 0);
        CHECK(report->papers == 120);
    }
    SECTION("the digest file is gone")
    {
        REQUIRE(QFile::remove(digest));
        const auto report = repairer.run();
        REQUIRE(report);
        CHECK(report->partial == 1);
        CHECK(report->papers < 120);
        CHECK(report->papers >= 110);
    }
    Library repaired;
    REQUIRE(repaired.open(output));
    CHECK(sound(repaired));
    CHECK(repaired.search(QStringLiteral("is:starred")).value().ids.size() == 1);
}

TEST_CASE("Salvage reads a library older than \"Not interested\"", "[repair][dismiss]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("library.sqlite3"));
    {
        // Format 5: no dismissed columns anywhere.
        REQUIRE(writeOldLibrary(path, 5, R"sql(
            INSERT INTO papers(id, key, key_hash, title, added, starred)
                VALUES (1, 'a starred one', 1, 'A Starred One', '2026-03-03T08:00:00', 1);
            INSERT INTO pending_reader_data(key, title, read, restored)
                VALUES ('awaited', 'Awaited', 1, '2026-03-05T08:00:00.000Z');
        )sql"));
    }
    const std::optional<SalvagedLibrary> salvaged = Salvage(path).read();
    REQUIRE(salvaged);
    CHECK(salvaged->papersRead == 1);
    CHECK(salvaged->unreadableRows == 0);
    REQUIRE(salvaged->readerData.size() == 2);
    for (const ReaderData &d : salvaged->readerData)
        CHECK_FALSE(d.dismissed);
    CHECK(salvaged->readerData.first().starred);
    CHECK(salvaged->readerData.last().read);
}

TEST_CASE("Repair keeps the rules and what they did", "[repair][rules]")
{
    LibraryFixture f;
    Rule fish;
    fish.name = QStringLiteral("fish");
    fish.query = QStringLiteral("lanternfish");
    fish.star = true;
    REQUIRE(f.library.addRule(fish));
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    const qint64 id = f.idOf(QStringLiteral("Lanternfish"));
    REQUIRE(f.library.paper(id)->starred);
    // Unstarred by hand: the rule's memory is all that says so.
    REQUIRE(f.library.setStarred({id}, false));
    f.library.close();
    test::emptyIndex(f.libraryPath(), QStringLiteral("papers_key_hash"));

    const QString output = f.path(QStringLiteral("repaired.sqlite3"));
    Repairer repairer(f.libraryPath());
    repairer.setOutput(output);
    REQUIRE(repairer.run());
    Library repaired;
    REQUIRE(repaired.open(output));
    const std::optional<Rule> rule = repaired.rule(QStringLiteral("fish"));
    REQUIRE(rule);
    CHECK(rule->star);
    CHECK(rule->query == QStringLiteral("lanternfish"));
    const std::optional<SearchResult> found = repaired.search(QStringLiteral("lanternfish"));
    REQUIRE(found->ids.size() == 1);
    CHECK_FALSE(repaired.paper(found->ids.first())->starred);
    // The memory came through: a run stars nothing.
    const std::optional<RuleRun> run = repaired.runRule(rule->id, false);
    REQUIRE(run);
    CHECK(run->outcome.matched == 1);
    CHECK(run->outcome.starred == 0);
}

TEST_CASE("Repair keeps the highlights, the waiting ones too", "[repair][highlights]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    const qint64 id = f.idOf(QStringLiteral("Lanternfish"));
    std::optional<Highlight> h = f.library.findPassage(id, QStringLiteral("sonar images"));
    REQUIRE(h);
    h->paperId = id;
    h->colour = QStringLiteral("pink");
    h->comment = QStringLiteral("the task");
    REQUIRE(f.library.addHighlight(*h));
    // Reader data waiting for a paper not imported, with a highlight.
    ReaderData waiting;
    waiting.title = QStringLiteral("A Paper Still to Come");
    waiting.key = QStringLiteral("a paper still to come");
    waiting.highlights = {
        *makeHighlight(QStringLiteral("Still to Come"), HighlightField::Title, 0, 5)};
    ReaderDataStore store(f.library.database());
    REQUIRE(store.savePending(waiting));
    f.library.close();
    test::emptyIndex(f.libraryPath(), QStringLiteral("papers_key_hash"));

    const std::optional<SalvagedLibrary> salvaged = Salvage(f.libraryPath()).read();
    REQUIRE(salvaged);
    const QString output = f.path(QStringLiteral("repaired.sqlite3"));
    Repairer repairer(f.libraryPath());
    repairer.setOutput(output);
    REQUIRE(repairer.run());
    Library repaired;
    REQUIRE(repaired.open(output));
    const std::optional<SearchResult> found = repaired.search(QStringLiteral("has:highlight"));
    REQUIRE(found->ids.size() == 1);
    const QList<Highlight> list = *repaired.highlights(found->ids.first());
    REQUIRE(list.size() == 1);
    CHECK(list.first().quote == QStringLiteral("sonar images"));
    CHECK(list.first().colour == QStringLiteral("pink"));
    CHECK(list.first().comment == QStringLiteral("the task"));
    CHECK_FALSE(list.first().detached);
    CHECK(test::scalar(repaired, "SELECT count(*) FROM pending_reader_data WHERE "
                                 "json_array_length(highlights) = 1") == 1);
}
