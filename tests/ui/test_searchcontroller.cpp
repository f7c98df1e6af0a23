#include "catch.h"
#include "libraryfixture.h"
#include "searchcontroller.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace gleaner;
using gleaner::test::LibraryFixture;

namespace {

// Enough papers that a search takes a moment, so bursts overtake running ones.
void importSynthetic(LibraryFixture &fx, int count)
{
    QByteArray text = "Daily Papers\n\nMar 3\n\n";
    for (int i = 0; i < count; ++i) {
        text += "Burst paper " + QByteArray::number(i) + " word" + QByteArray::number(i % 20) +
                " about controllers\n\n";
        text += "Abstract " + QByteArray::number(i) + " with common words and rare" +
                QByteArray::number(i % 97) + " terms.\n\n";
        text += "  \u2022 3 authors\n\u00b7\nMar 1, 2025 " + QByteArray::number(i % 40) + "\n\n";
    }
    Importer importer(fx.library);
    const ImportReport report = importer.importData(text, QStringLiteral("burst.txt"),
                                                    QDateTime(QDate(2026, 5, 1), QTime(12, 0)));
    REQUIRE(report.ok());
    REQUIRE(report.papersAdded == count);
}

SearchRequest request(const QString &query, SortOrder sort = SortOrder::Relevance)
{
    SearchRequest r;
    r.query = query;
    r.sort = sort;
    return r;
}

quint64 generationOf(const QList<QVariant> &args)
{
    return args.at(0).value<quint64>();
}

SearchResult resultOf(const QList<QVariant> &args)
{
    return args.at(1).value<SearchResult>();
}

} // namespace

TEST_CASE("Search controller delivers results with their generation", "[searchcontroller]")
{
    LibraryFixture fx;
    REQUIRE(fx.import({fx.copyFixture(QStringLiteral("day1.txt"))}).ok());
    const qint64 lanternfish = fx.idOf(QStringLiteral("Counting Lanternfish"));

    SearchController controller(fx.libraryPath(), nullptr);
    CHECK(controller.libraryPath() == fx.libraryPath());
    CHECK(controller.generation() == 0);
    QSignalSpy spy(&controller, &SearchController::finished);
    QSignalSpy failures(&controller, &SearchController::failed);

    const quint64 first = controller.search(request(QStringLiteral("lanternfish")));
    CHECK(first == 1);
    CHECK(controller.isBusy());
    REQUIRE(spy.wait(5000));
    REQUIRE(spy.size() == 1);
    CHECK(generationOf(spy.at(0)) == first);
    const SearchResult result = resultOf(spy.at(0));
    CHECK(failures.isEmpty());
    CHECK(result.ids == QList<qint64>{lanternfish});
    CHECK_FALSE(controller.isBusy());

    // The worker's connection sees what the GUI's connection wrote.
    REQUIRE(fx.library.setStarred({lanternfish}, true));
    const quint64 second = controller.search(request(QStringLiteral("is:starred")));
    CHECK(second == first + 1);
    REQUIRE(spy.wait(5000));
    CHECK(generationOf(spy.at(1)) == second);
    CHECK(resultOf(spy.at(1)).ids == QList<qint64>{lanternfish});
}

TEST_CASE("Search controller delivers only the newest of a burst", "[searchcontroller]")
{
    LibraryFixture fx;
    importSynthetic(fx, 4000);

    SearchController controller(fx.libraryPath(), nullptr);
    QSignalSpy spy(&controller, &SearchController::finished);
    QSignalSpy failures(&controller, &SearchController::failed);

    // Alternating word and filter-only searches, so an interrupt may land on
    // either kind; the last one must still succeed.
    quint64 last = 0;
    for (int i = 0; i < 20; ++i) {
        last = controller.search(i % 2 ? request(QStringLiteral("common words"), SortOrder::Title)
                                       : request(QStringLiteral("upvotes:>=%1").arg(i)));
    }
    const quint64 finalGeneration =
        controller.search(request(QStringLiteral("word7 controllers"), SortOrder::Upvotes));
    CHECK(finalGeneration == last + 1);

    REQUIRE(spy.wait(10000));
    // Give any stale result time to (wrongly) arrive.
    QTest::qWait(300);
    REQUIRE(spy.size() == 1);
    CHECK(generationOf(spy.at(0)) == finalGeneration);
    const SearchResult result = resultOf(spy.at(0));
    CHECK(failures.isEmpty());
    CHECK(result.ids.size() == 200);

    // A filter-only search right after interrupted ones still works.
    spy.clear();
    const quint64 afterBurst = controller.search(request(QStringLiteral("upvotes:>=39")));
    REQUIRE(spy.wait(5000));
    CHECK(generationOf(spy.at(0)) == afterBurst);
    CHECK(failures.isEmpty());
    CHECK(resultOf(spy.at(0)).ids.size() == 100);
}

TEST_CASE("Search controller cancel delivers nothing", "[searchcontroller]")
{
    LibraryFixture fx;
    importSynthetic(fx, 500);
    SearchController controller(fx.libraryPath(), nullptr);
    QSignalSpy spy(&controller, &SearchController::finished);
    (void)controller.search(request(QStringLiteral("common")));
    controller.cancel();
    CHECK_FALSE(controller.isBusy());
    CHECK_FALSE(spy.wait(500));
    CHECK(spy.isEmpty());
}

TEST_CASE("Search controller reports a library it cannot open", "[searchcontroller]")
{
    LibraryFixture fx;
    // A folder where the library file should be.
    const QString folder = fx.path(QStringLiteral("not-a-file"));
    REQUIRE(QDir().mkpath(folder));
    SearchController controller(folder, nullptr);
    QSignalSpy spy(&controller, &SearchController::failed);
    QSignalSpy results(&controller, &SearchController::finished);
    const quint64 generation = controller.search(request(QStringLiteral("anything")));
    REQUIRE(spy.wait(5000));
    CHECK(generationOf(spy.at(0)) == generation);
    CHECK(results.isEmpty());
    CHECK_FALSE(spy.at(0).at(1).toString().isEmpty());
    CHECK_FALSE(controller.isBusy());
}

TEST_CASE("Search controller interrupts a running search when it shuts down", "[searchcontroller]")
{
    LibraryFixture fx;
    importSynthetic(fx, 4000);
    const SearchRequest slow = request(QStringLiteral("common words"), SortOrder::Title);
    constexpr int Steps = 20;

    // How many progress calls the search makes when it runs to its end.
    int wholeSearch = 0;
    fx.library.database().setProgressHandler(Steps, [&] {
        ++wholeSearch;
        return false;
    });
    REQUIRE(fx.library.search(slow).value().ids.size() == 4000);
    fx.library.database().setProgressHandler(0, {});
    REQUIRE(wholeSearch > 200);

    // The same search, made slow on the worker's connection: 1 ms every
    // `Steps` steps puts its end seconds away.
    auto calls = std::make_shared<std::atomic<int>>(0);
    auto controller = std::make_unique<SearchController>(fx.libraryPath(), nullptr);
    controller->setConnectionSetup([calls](Library &library) {
        library.database().setProgressHandler(Steps, [calls] {
            ++*calls;
            QThread::msleep(1);
            return false;
        });
    });
    QSignalSpy spy(controller.get(), &SearchController::finished);
    (void)controller->search(slow);
    QTRY_VERIFY_WITH_TIMEOUT(*calls > 0, 10000);
    // The worker is inside the search; tearing down must stop it there.
    controller.reset();
    const int atShutdown = *calls;
    CHECK(atShutdown < wholeSearch / 2);
    CHECK(spy.isEmpty());
    // Nothing runs on after the controller is gone.
    QTest::qWait(50);
    CHECK(*calls == atShutdown);
}
