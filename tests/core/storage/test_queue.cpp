// The reading queue: papers in the reader's order, moved with sparse
// positions, searched with is:queued and sorted by SortOrder::Queue.
#include "catch.h"
#include "libraryfixture.h"
#include "storage/queuestore.h"

using namespace gleaner;
using gleaner::test::LibraryFixture;

namespace {

struct QueueFixture : LibraryFixture
{
    QueueFixture()
    {
        REQUIRE(import({copyFixture(QStringLiteral("day1.txt")),
                        copyFixture(QStringLiteral("day2.txt"))})
                    .ok());
        tidal = idOf(QStringLiteral("Tidal Attention"));
        fish = idOf(QStringLiteral("Lanternfish"));
        noise = idOf(QStringLiteral("Gradient Noise"));
        quiet = idOf(QStringLiteral("Quiet Tokens"));
        weather = idOf(QStringLiteral("Weather Models"));
    }

    qint64 tidal = 0, fish = 0, noise = 0, quiet = 0, weather = 0;
};

} // namespace

TEST_CASE("The reading queue keeps the order papers were added in, each once", "[queue]")
{
    QueueFixture f;
    CHECK(f.library.queue().isEmpty());
    CHECK(f.library.enqueue({f.noise, f.tidal}) == 2);
    // Already queued papers keep their place; new ones go to the end.
    CHECK(f.library.enqueue({f.tidal, f.fish}) == 1);
    CHECK(f.library.queue() == QList<qint64>{f.noise, f.tidal, f.fish});
    CHECK(f.library.queueCount() == 3);
    CHECK(f.library.stats().queued == 3);
    CHECK(f.library.queueIndex(f.fish) == 2);
    CHECK(f.library.queueIndex(f.quiet) == -1);
    CHECK(f.library.isQueued(f.tidal));
    CHECK_FALSE(f.library.isQueued(f.quiet));
    CHECK(f.library.paper(f.tidal)->queued);
    CHECK_FALSE(f.library.paper(f.quiet)->queued);

    // An unknown id changes nothing and says which.
    CHECK_FALSE(f.library.enqueue({f.quiet, 999999}));
    CHECK(f.library.errorString().contains(QStringLiteral("999999")));
    CHECK(f.library.queue() == QList<qint64>{f.noise, f.tidal, f.fish});

    CHECK(f.library.dequeue({f.tidal, f.quiet}) == 1);
    CHECK(f.library.queue() == QList<qint64>{f.noise, f.fish});
    // A paper removed and added again goes to the end.
    CHECK(f.library.enqueue({f.tidal}) == 1);
    CHECK(f.library.queue() == QList<qint64>{f.noise, f.fish, f.tidal});
}

TEST_CASE("Moving a queued paper changes its place and writes one row", "[queue]")
{
    QueueFixture f;
    REQUIRE(f.library.enqueue({f.tidal, f.fish, f.noise, f.quiet, f.weather}) == 5);
    const auto positions = [&] {
        QList<qint64> list;
        Statement st =
            f.library.database().prepare("SELECT position FROM reading_queue ORDER BY paper_id");
        while (st.next())
            list << st.int64(0);
        return list;
    };

    const QList<qint64> before = positions();
    REQUIRE(f.library.moveInQueue(f.weather, 1));
    CHECK(f.library.queue() == QList<qint64>{f.tidal, f.weather, f.fish, f.noise, f.quiet});
    // Only the moved paper's position changed.
    const QList<qint64> after = positions();
    int changed = 0;
    for (qsizetype i = 0; i < before.size(); ++i)
        changed += before.at(i) != after.at(i) ? 1 : 0;
    CHECK(changed == 1);

    REQUIRE(f.library.moveInQueue(f.tidal, 4));
    CHECK(f.library.queue() == QList<qint64>{f.weather, f.fish, f.noise, f.quiet, f.tidal});
    REQUIRE(f.library.moveInQueue(f.quiet, 0));
    CHECK(f.library.queue() == QList<qint64>{f.quiet, f.weather, f.fish, f.noise, f.tidal});
    // Past the end: the end.
    REQUIRE(f.library.moveInQueue(f.weather, 99));
    CHECK(f.library.queue() == QList<qint64>{f.quiet, f.fish, f.noise, f.tidal, f.weather});
    REQUIRE(f.library.moveInQueueBy(f.noise, -1));
    CHECK(f.library.queue() == QList<qint64>{f.quiet, f.noise, f.fish, f.tidal, f.weather});
    REQUIRE(f.library.moveInQueueBy(f.quiet, -1)); // already first
    REQUIRE(f.library.moveInQueueBy(f.tidal, 1));
    CHECK(f.library.queue() == QList<qint64>{f.quiet, f.noise, f.fish, f.weather, f.tidal});

    // A paper not queued cannot move.
    REQUIRE(f.library.dequeue({f.fish}) == 1);
    CHECK_FALSE(f.library.moveInQueue(f.fish, 0));
    CHECK(f.library.errorString().contains(QStringLiteral("not in the reading queue")));
    CHECK_FALSE(f.library.moveInQueueBy(f.fish, 1));
}

TEST_CASE("Moves into one gap until it runs out renumber the queue and keep the order", "[queue]")
{
    QueueFixture f;
    REQUIRE(f.library.enqueue({f.tidal, f.fish, f.noise}) == 3);
    // Each move puts the last paper between the first two, halving the gap
    // there: the gap of 2^20 is gone after twenty such moves.
    QList<qint64> expected{f.tidal, f.fish, f.noise};
    for (int i = 0; i < 45; ++i) {
        const qint64 last = expected.takeLast();
        expected.insert(1, last);
        REQUIRE(f.library.moveInQueue(last, 1));
        INFO(i);
        REQUIRE(f.library.queue() == expected);
    }
    // Renumbered, not squeezed: every paper has a place of its own.
    CHECK(test::scalar(f.library, "SELECT count(DISTINCT position) FROM reading_queue") == 3);
}

TEST_CASE("A paper removed from the library leaves the queue; a removed digest keeps queued "
          "papers",
          "[queue]")
{
    QueueFixture f;
    REQUIRE(f.library.enqueue({f.quiet, f.tidal}) == 2);
    // Quiet Tokens is only in day 2, and queued: it stays, like a starred paper.
    const QList<DigestInfo> digests = f.library.digests();
    REQUIRE(digests.size() == 2);
    const qint64 day2 = digests.first().id; // newest first
    const std::optional<int> removed = f.library.removeDigest(day2);
    REQUIRE(removed);
    CHECK(*removed == 1); // Weather Models, which nothing kept
    CHECK(f.library.paper(f.quiet));
    CHECK(f.library.queue() == QList<qint64>{f.quiet, f.tidal});

    // A paper deleted from papers takes its place in the queue with it.
    REQUIRE(f.library.database().exec("DELETE FROM papers WHERE title LIKE 'Quiet%'"));
    CHECK(f.library.queue() == QList<qint64>{f.tidal});
    CHECK(f.library.queueCount() == 1);
}

TEST_CASE("is:queued finds the queue and the queue order lists it first to last", "[queue][search]")
{
    QueueFixture f;
    REQUIRE(f.library.enqueue({f.weather, f.tidal, f.fish}) == 3);
    REQUIRE(f.library.moveInQueue(f.fish, 0));

    const SearchResult queued =
        f.library.search(QStringLiteral("is:queued"), SortOrder::Queue).value();
    CHECK(queued.ids == QList<qint64>{f.fish, f.weather, f.tidal});
    CHECK(queued.total == 3);
    // Words and the queue order together: the queue's order among matches.
    const SearchResult words =
        f.library.search(QStringLiteral("is:queued attention"), SortOrder::Queue).value();
    CHECK(words.ids == QList<qint64>{f.tidal});
    const SearchResult reversed = [&] {
        SearchRequest r;
        r.query = QStringLiteral("is:queued");
        r.sort = SortOrder::Queue;
        r.reverse = true;
        return f.library.search(r).value();
    }();
    CHECK(reversed.ids == QList<qint64>{f.tidal, f.weather, f.fish});

    // -is:queued leaves them out; the queue order puts unqueued papers last.
    const SearchResult others =
        f.library.search(QStringLiteral("-is:queued"), SortOrder::Title).value();
    CHECK(others.ids.size() == 2);
    CHECK_FALSE(others.ids.contains(f.fish));
    const SearchResult all = f.library.search(QString(), SortOrder::Queue).value();
    REQUIRE(all.ids.size() == 5);
    CHECK(all.ids.mid(0, 3) == QList<qint64>{f.fish, f.weather, f.tidal});
    CHECK(sortOrderFromName(QStringLiteral("queue")) == SortOrder::Queue);
    CHECK(sortOrderName(SortOrder::Queue) == QStringLiteral("queue"));
}
