#include "catch.h"
#include "libraryfixture.h"
#include "paperlistmodel.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QHeaderView>
#include <QLocale>
#include <QSignalSpy>
#include <QTableView>

using namespace gleaner;
using gleaner::test::LibraryFixture;

namespace {

// A layout A digest of `count` papers with predictable titles and metadata
// (docs/digest-format.md), for lists too long to write as fixtures.
QByteArray syntheticDigest(int count)
{
    QByteArray text = "Daily Papers\n\nMar 3\n\n";
    for (int i = 0; i < count; ++i) {
        text += "Synthetic paper " + QByteArray::number(i).rightJustified(5, '0') +
                " on list models\n\n";
        text += "Abstract number " + QByteArray::number(i) + " about lazy paging.\n\n";
        text += "  \u2022 " + QByteArray::number(i % 9 + 2) + " authors\n\u00b7\n";
        text += "Mar 1, 2025 " + QByteArray::number(i % 50) + "\n\n";
    }
    return text;
}

void importSynthetic(LibraryFixture &fx, int count)
{
    Importer importer(fx.library);
    const ImportReport report =
        importer.importData(syntheticDigest(count), QStringLiteral("synthetic.txt"),
                            QDateTime(QDate(2026, 5, 1), QTime(12, 0)));
    REQUIRE(report.ok());
    REQUIRE(report.papersAdded == count);
}

QList<qint64> allByTitle(Library &library)
{
    const std::optional<SearchResult> result = library.search(QString(), SortOrder::Title);
    REQUIRE(result.has_value());
    return result->ids;
}

QString text(const PaperListModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.data(model.index(row, column), role).toString();
}

} // namespace

TEST_CASE("Paper list model passes the model tester through resets and refreshes",
          "[paperlistmodel]")
{
    LibraryFixture fx;
    REQUIRE(fx.import({fx.copyFixture(QStringLiteral("day1.txt")),
                       fx.copyFixture(QStringLiteral("day2.txt"))})
                .ok());
    const QList<qint64> ids = allByTitle(fx.library);
    REQUIRE(ids.size() > 3);

    PaperListModel model(&fx.library, nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(model.rowCount() == 0);
    CHECK(model.columnCount() == PaperListModel::ColumnCount);

    model.setIds(ids);
    CHECK(model.rowCount() == ids.size());
    REQUIRE(fx.library.setStarred({ids.at(1)}, true));
    model.refresh({ids.at(1), 999999});
    model.refreshAll();
    model.setIds(ids.mid(1, 2));
    CHECK(model.rowCount() == 2);
    model.refresh({ids.at(0)}); // no longer listed: nothing happens
    model.setIds({});
    CHECK(model.rowCount() == 0);
    model.refreshAll();
}

TEST_CASE("Paper list model shows a paper's columns and reader state", "[paperlistmodel]")
{
    LibraryFixture fx;
    REQUIRE(fx.import({fx.copyFixture(QStringLiteral("day1.txt"))}).ok());
    const qint64 tidal = fx.idOf(QStringLiteral("Tidal Attention"));
    const qint64 lanternfish = fx.idOf(QStringLiteral("Counting Lanternfish"));
    const std::optional<Paper> paper = fx.library.paper(tidal);
    REQUIRE(paper);

    PaperListModel model(&fx.library, nullptr);
    model.setIds({lanternfish, tidal});
    CHECK(model.idAt(1) == tidal);
    CHECK(model.idAt(2) == 0);
    CHECK(model.idAt(-1) == 0);
    CHECK(model.rowOf(tidal) == 1);
    CHECK(model.rowOf(lanternfish) == 0);
    CHECK(model.rowOf(123456) == -1);

    using M = PaperListModel;
    CHECK(text(model, 1, M::TitleColumn) ==
          QStringLiteral("Tidal Attention: Routing Tokens by Phase"));
    CHECK(text(model, 1, M::TitleColumn, Qt::ToolTipRole) == paper->title);
    CHECK(text(model, 1, M::SubmitterColumn) == QStringLiteral("6 authors"));
    CHECK(text(model, 0, M::SubmitterColumn) == QStringLiteral("Marine Robotics Lab"));
    CHECK(model.data(model.index(1, M::UpvotesColumn)).toInt() == 14);
    REQUIRE(paper->published.isValid());
    CHECK(text(model, 1, M::PublishedColumn) ==
          QLocale().toString(paper->published, QLocale::ShortFormat));
    CHECK(model.data(model.index(1, M::TagsColumn), M::IdRole).toLongLong() == tidal);
    CHECK(model.data(model.index(1, M::TitleColumn), M::TitleRole).toString() == paper->title);
    const int alignment =
        model.data(model.index(1, M::UpvotesColumn), Qt::TextAlignmentRole).toInt();
    CHECK((alignment & Qt::AlignRight) != 0);
    CHECK(model.headerData(M::TitleColumn, Qt::Horizontal).toString() == QStringLiteral("Title"));
    CHECK(model.headerData(M::UpvotesColumn, Qt::Horizontal).toString() ==
          QStringLiteral("Upvotes"));

    // New papers are unread and unstarred: bold, an empty star.
    CHECK(text(model, 1, M::StarColumn) == QStringLiteral("\u2606"));
    CHECK_FALSE(model.data(model.index(1, 0), M::StarredRole).toBool());
    CHECK_FALSE(model.data(model.index(1, 0), M::ReadRole).toBool());
    CHECK(model.data(model.index(1, M::TitleColumn), Qt::FontRole).value<QFont>().bold());
    CHECK(text(model, 1, M::TagsColumn).isEmpty());

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    REQUIRE(fx.library.setStarred({tidal}, true));
    REQUIRE(fx.library.setRead({tidal}, true));
    REQUIRE(fx.library.addTags({tidal}, {QStringLiteral("routing"), QStringLiteral("attention")}));
    // Cached until refreshed: the model rereads only what it is told changed.
    CHECK(text(model, 1, M::StarColumn) == QStringLiteral("\u2606"));
    model.refresh({tidal});
    REQUIRE(changed.size() == 1);
    CHECK(changed.at(0).at(0).value<QModelIndex>() == model.index(1, 0));
    CHECK(changed.at(0).at(1).value<QModelIndex>() == model.index(1, M::ColumnCount - 1));

    CHECK(text(model, 1, M::StarColumn) == QStringLiteral("\u2605"));
    CHECK(model.data(model.index(1, 0), M::StarredRole).toBool());
    CHECK(model.data(model.index(1, 0), M::ReadRole).toBool());
    CHECK_FALSE(model.data(model.index(1, M::TitleColumn), Qt::FontRole).isValid());
    CHECK(text(model, 1, M::TagsColumn) == QStringLiteral("attention, routing"));
    // The other row was left alone and is still unread.
    CHECK(model.data(model.index(0, M::TitleColumn), Qt::FontRole).value<QFont>().bold());
}

TEST_CASE("Paper list model reads rows lazily in pages with a bounded cache", "[paperlistmodel]")
{
    LibraryFixture fx;
    constexpr int Papers = 3000;
    importSynthetic(fx, Papers);
    const QList<qint64> ids = allByTitle(fx.library);
    REQUIRE(ids.size() == Papers);

    PaperListModel model(&fx.library, nullptr);
    model.setIds(ids);
    CHECK(model.cachedRowCount() == 0);
    // Rows known from the id list alone cost no read.
    CHECK(model.data(model.index(2900, 0), PaperListModel::IdRole).toLongLong() == ids.at(2900));
    CHECK(model.rowOf(ids.at(2900)) == 2900);
    CHECK(model.cachedRowCount() == 0);

    CHECK(text(model, 2500, PaperListModel::TitleColumn) ==
          QStringLiteral("Synthetic paper 02500 on list models"));
    CHECK(model.cachedRowCount() == PaperListModel::PageSize);
    // The rest of that page is already there.
    CHECK(text(model, 2501, PaperListModel::SubmitterColumn) == QStringLiteral("10 authors"));
    CHECK(model.cachedRowCount() == PaperListModel::PageSize);

    // A star rereads that paper's row and nothing else: its neighbour,
    // changed behind the model's back, still shows what the page held.
    REQUIRE(fx.library.setStarred({ids.at(2500), ids.at(2501)}, true));
    model.refresh({ids.at(2500)});
    CHECK(model.data(model.index(2500, 0), PaperListModel::StarredRole).toBool());
    CHECK_FALSE(model.data(model.index(2501, 0), PaperListModel::StarredRole).toBool());
    CHECK(model.cachedRowCount() == PaperListModel::PageSize);
    CHECK(text(model, 2500, PaperListModel::TitleColumn) ==
          QStringLiteral("Synthetic paper 02500 on list models"));
    model.refresh({ids.at(2501)});
    CHECK(model.data(model.index(2501, 0), PaperListModel::StarredRole).toBool());
    // A paper whose page was never read costs nothing until it is shown.
    REQUIRE(fx.library.setStarred({ids.at(10)}, true));
    model.refresh({ids.at(10)});
    CHECK(model.cachedRowCount() == PaperListModel::PageSize);
    CHECK(model.data(model.index(10, 0), PaperListModel::StarredRole).toBool());

    // A long list scrolled end to end never holds more than the cache's pages.
    QList<qint64> longList;
    for (int i = 0; i < 4; ++i)
        longList += ids;
    model.setIds(longList);
    CHECK(model.cachedRowCount() == 0);
    for (int row = 0; row < model.rowCount(); ++row)
        (void)model.data(model.index(row, PaperListModel::TitleColumn));
    CHECK(model.cachedRowCount() <= PaperListModel::MaxCachedPages * PaperListModel::PageSize);
    CHECK(text(model, int(longList.size()) - 1, PaperListModel::TitleColumn) ==
          QStringLiteral("Synthetic paper 02999 on list models"));
    // A repeated id maps to its first row.
    CHECK(model.rowOf(ids.at(7)) == 7);
}

TEST_CASE("Paper list model shows removed papers as blank rows", "[paperlistmodel]")
{
    LibraryFixture fx;
    REQUIRE(fx.import({fx.copyFixture(QStringLiteral("day1.txt"))}).ok());
    const qint64 tidal = fx.idOf(QStringLiteral("Tidal Attention"));
    PaperListModel model(&fx.library, nullptr);
    model.setIds({tidal, 987654});
    CHECK(text(model, 0, PaperListModel::TitleColumn).startsWith(QStringLiteral("Tidal")));
    CHECK_FALSE(model.data(model.index(1, PaperListModel::TitleColumn)).isValid());
    CHECK(model.data(model.index(1, 0), PaperListModel::IdRole).toLongLong() == 987654);
}

TEST_CASE("Paper list model asks for a search instead of sorting", "[paperlistmodel]")
{
    LibraryFixture fx;
    REQUIRE(fx.import({fx.copyFixture(QStringLiteral("day1.txt"))}).ok());
    const QList<qint64> ids = allByTitle(fx.library);
    PaperListModel model(&fx.library, nullptr);
    model.setIds(ids);
    QSignalSpy spy(&model, &PaperListModel::sortRequested);

    auto last = [&spy] {
        const QList<QVariant> args = spy.takeLast();
        return std::pair(args.at(0).value<SortOrder>(), args.at(1).toBool());
    };

    SECTION("columns map to core orders, directions to reverse")
    {
        model.sort(PaperListModel::TitleColumn, Qt::AscendingOrder);
        REQUIRE(spy.size() == 1);
        CHECK(last() == std::pair(SortOrder::Title, false));
        model.sort(PaperListModel::TitleColumn, Qt::DescendingOrder);
        CHECK(last() == std::pair(SortOrder::Title, true));
        model.sort(PaperListModel::PublishedColumn, Qt::DescendingOrder);
        CHECK(last() == std::pair(SortOrder::Published, false));
        model.sort(PaperListModel::UpvotesColumn, Qt::AscendingOrder);
        CHECK(last() == std::pair(SortOrder::Upvotes, true));

        model.sort(PaperListModel::StarColumn, Qt::AscendingOrder);
        model.sort(PaperListModel::SubmitterColumn, Qt::AscendingOrder);
        model.sort(PaperListModel::TagsColumn, Qt::DescendingOrder);
        CHECK(spy.isEmpty());
        // Nothing moved: the list stays as the search ordered it.
        CHECK(model.idAt(0) == ids.at(0));
    }

    SECTION("the header indicator round-trips")
    {
        for (const SortOrder order : {SortOrder::Title, SortOrder::Published, SortOrder::Upvotes}) {
            for (const bool reverse : {false, true}) {
                const int column = PaperListModel::sortColumn(order);
                REQUIRE(column >= 0);
                CHECK(PaperListModel::sortOrderOf(column) == order);
                model.sort(column, PaperListModel::indicatorOrder(order, reverse));
                CHECK(last() == std::pair(order, reverse));
            }
        }
        CHECK(PaperListModel::sortColumn(SortOrder::Relevance) == -1);
        CHECK(PaperListModel::sortColumn(SortOrder::Digest) == -1);
        CHECK_FALSE(PaperListModel::sortOrderOf(PaperListModel::TagsColumn));
    }

    SECTION("a header click in a sorting view")
    {
        QTableView view;
        view.setModel(&model);
        view.setSortingEnabled(true);
        spy.clear();
        view.horizontalHeader()->setSortIndicator(PaperListModel::UpvotesColumn,
                                                  Qt::DescendingOrder);
        REQUIRE(spy.size() == 1);
        CHECK(last() == std::pair(SortOrder::Upvotes, false));
    }
}

TEST_CASE("Paper list model shows where the search's words matched", "[paperlistmodel]")
{
    LibraryFixture fx;
    REQUIRE(fx.import({fx.copyFixture(QStringLiteral("day1.txt")),
                       fx.copyFixture(QStringLiteral("day2.txt"))})
                .ok());
    const qint64 tidal = fx.idOf(QStringLiteral("Tidal Attention"));
    const qint64 quiet = fx.idOf(QStringLiteral("Quiet Tokens"));
    PaperListModel model(&fx.library, nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    auto snippet = [&model](int row) {
        return model.data(model.index(row, PaperListModel::TitleColumn),
                          PaperListModel::SnippetRole);
    };

    // Without a query, no snippets.
    model.setIds({tidal, quiet});
    CHECK_FALSE(snippet(0).isValid());

    // The view asks; the model reads the page's snippets then.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setSnippetQuery(QStringLiteral("oscil"), true);
    REQUIRE(changed.size() == 1);
    CHECK(changed.at(0).at(2).value<QList<int>>() == QList<int>{PaperListModel::SnippetRole});
    CHECK(model.cachedSnippetRowCount() == 0);
    const QVariant value = snippet(0);
    REQUIRE(value.canConvert<Snippet>());
    const Snippet s = value.value<Snippet>();
    REQUIRE(s.highlights.size() == 1);
    CHECK(s.text.mid(s.highlights.first().start, s.highlights.first().length) ==
          QStringLiteral("oscillator"));
    CHECK(model.cachedSnippetRowCount() == 2);
    CHECK_FALSE(snippet(1).isValid()); // Quiet Tokens' abstract has no "oscil..."

    // Finished words, not prefixes, once the search says so.
    model.setSnippetQuery(QStringLiteral("oscil"), false);
    CHECK_FALSE(snippet(0).isValid());

    // A title-only match shows the metadata; filters alone too.
    model.setSnippetQuery(QStringLiteral("pruning"), false);
    CHECK_FALSE(snippet(1).isValid());
    model.setSnippetQuery(QStringLiteral("is:unread"), false);
    CHECK_FALSE(snippet(0).isValid());
    CHECK(model.cachedSnippetRowCount() == 0);

    // New ids forget the old rows' snippets.
    model.setSnippetQuery(QStringLiteral("tokens"), false);
    CHECK(snippet(0).isValid());
    CHECK(snippet(1).isValid());
    model.setIds({quiet});
    CHECK(model.cachedSnippetRowCount() == 0);
    CHECK(snippet(0).value<Snippet>().text.contains(QStringLiteral("prune tokens")));
}

TEST_CASE("Paper list model reads snippets in pages, and a grown list's last page again",
          "[paperlistmodel]")
{
    LibraryFixture fx;
    constexpr int Papers = 300;
    importSynthetic(fx, Papers);
    const QList<qint64> ids = allByTitle(fx.library);
    REQUIRE(ids.size() == Papers);

    PaperListModel model(&fx.library, nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    constexpr int Shown = 150; // as a first page shows, then the rest is appended
    model.setSnippetQuery(QStringLiteral("paging"), false);
    model.setIds(ids.mid(0, Shown));
    auto snippetText = [&model](int row) {
        return model.data(model.index(row, 0), PaperListModel::SnippetRole).value<Snippet>().text;
    };
    CHECK(snippetText(5) == QStringLiteral("Abstract number 5 about lazy paging."));
    CHECK(model.cachedSnippetRowCount() == PaperListModel::SnippetPageSize);
    CHECK(snippetText(Shown - 1) == QStringLiteral("Abstract number 149 about lazy paging."));
    CHECK(text(model, Shown - 1, PaperListModel::TitleColumn) ==
          QStringLiteral("Synthetic paper 00149 on list models"));

    // Rows appended to a page that was read short are read with it again.
    model.extendIds(ids);
    CHECK(model.rowCount() == Papers);
    for (const int row : {Shown - 1, Shown, Shown + 1, 2 * PaperListModel::PageSize, Papers - 1}) {
        CAPTURE(row);
        CHECK(
            text(model, row, PaperListModel::TitleColumn) ==
            QStringLiteral("Synthetic paper %1 on list models").arg(row, 5, 10, QLatin1Char('0')));
        CHECK(snippetText(row) == QStringLiteral("Abstract number %1 about lazy paging.").arg(row));
    }
    // Titles alone ("models") give none.
    model.setSnippetQuery(QStringLiteral("models"), false);
    CHECK(snippetText(0).isEmpty());
}
