// The list pane's header menu: columns to hide and show again, kept in the
// header's state the window saves; and the reading layout beside the table.
#include "catch.h"
#include "libraryfixture.h"
#include "listpane.h"
#include "paperlistmodel.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QSignalSpy>
#include <QTableView>

using namespace gleaner;

namespace {

// The menu's column entries, without the layout toggle and the separator.
QList<QAction *> columnActions(QMenu *menu)
{
    QList<QAction *> columns;
    for (QAction *a : menu->actions()) {
        if (a->isCheckable() && a->text() != QStringLiteral("Compact &Table"))
            columns << a;
    }
    return columns;
}

} // namespace

TEST_CASE("The header menu hides and shows columns, and the header state keeps them", "[listpane]")
{
    test::LibraryFixture fx;
    ListPane pane(&fx.library);
    QTableView *table = pane.table();

    std::unique_ptr<QMenu> menu(pane.createColumnMenu(nullptr));
    const QList<QAction *> columns = columnActions(menu.get());
    QStringList names;
    for (const QAction *a : columns)
        names << a->text();
    // The star and the title always stay.
    CHECK(names == QStringList{QStringLiteral("Published"), QStringLiteral("Upvotes"),
                               QStringLiteral("Submitter"), QStringLiteral("Tags")});
    for (const QAction *a : columns)
        CHECK(a->isChecked());

    columns.at(3)->setChecked(false); // Tags
    columns.at(2)->setChecked(false); // Submitter
    CHECK(table->isColumnHidden(PaperListModel::TagsColumn));
    CHECK(table->isColumnHidden(PaperListModel::SubmitterColumn));
    CHECK_FALSE(table->isColumnHidden(PaperListModel::PublishedColumn));

    // A new menu shows what is hidden now.
    std::unique_ptr<QMenu> again(pane.createColumnMenu(nullptr));
    CHECK_FALSE(columnActions(again.get()).at(3)->isChecked());
    CHECK(columnActions(again.get()).at(0)->isChecked());

    // What the window saves brings the hidden columns back in another pane.
    const QByteArray state = table->horizontalHeader()->saveState();
    ListPane other(&fx.library);
    REQUIRE(other.table()->horizontalHeader()->restoreState(state));
    CHECK(other.table()->isColumnHidden(PaperListModel::TagsColumn));
    CHECK(other.table()->isColumnHidden(PaperListModel::SubmitterColumn));

    columnActions(again.get()).at(3)->setChecked(true);
    CHECK_FALSE(table->isColumnHidden(PaperListModel::TagsColumn));
}

TEST_CASE("The reading layout shows tall rows and gives the table its columns back", "[listpane]")
{
    test::LibraryFixture fx;
    REQUIRE(fx.import({fx.copyFixture(QStringLiteral("day1.txt"))}).ok());
    ListPane pane(&fx.library);
    pane.resize(420, 500);
    pane.model()->setIds(fx.library.search(QString()).value().ids);
    QTableView *table = pane.table();
    table->setColumnHidden(PaperListModel::TagsColumn, true); // the user's table
    const int tableRow = table->verticalHeader()->defaultSectionSize();

    QSignalSpy changed(&pane, &ListPane::listLayoutChanged);
    pane.setListLayout(ListPane::Layout::Reading);
    CHECK(changed.count() == 1);
    // Two title lines and a metadata line: well over twice a table row.
    CHECK(table->verticalHeader()->defaultSectionSize() > 2 * tableRow);
    for (int column = PaperListModel::PublishedColumn; column < PaperListModel::ColumnCount;
         ++column)
        CHECK(table->isColumnHidden(column));
    CHECK_FALSE(table->isColumnHidden(PaperListModel::TitleColumn));
    // Its header menu offers the table, and no columns.
    std::unique_ptr<QMenu> menu(pane.createColumnMenu(nullptr));
    CHECK(columnActions(menu.get()).isEmpty());
    // Rows paint (a long title wraps, metadata and tags below) without trouble.
    pane.show();
    CHECK_FALSE(pane.grab().isNull());

    // The table's own header is what the window saves, even now.
    ListPane other(&fx.library);
    REQUIRE(other.restoreTableHeaderState(pane.tableHeaderState()));
    CHECK(other.table()->isColumnHidden(PaperListModel::TagsColumn));
    CHECK_FALSE(other.table()->isColumnHidden(PaperListModel::PublishedColumn));

    pane.setListLayout(ListPane::Layout::Table);
    CHECK(table->verticalHeader()->defaultSectionSize() == tableRow);
    CHECK(table->isColumnHidden(PaperListModel::TagsColumn));
    CHECK_FALSE(table->isColumnHidden(PaperListModel::PublishedColumn));
    CHECK_FALSE(table->isColumnHidden(PaperListModel::UpvotesColumn));
}

TEST_CASE("The count above the list says when matches were too many to rank", "[listpane]")
{
    test::LibraryFixture fx;
    ListPane pane(&fx.library);
    auto *count = pane.findChild<QLabel *>(QStringLiteral("resultCount"));
    REQUIRE(count);

    SearchResult result;
    result.ids = {3, 2, 1};
    pane.showResults(result, true);
    CHECK(count->text() == QStringLiteral("3 papers"));
    CHECK(count->toolTip().isEmpty());

    result.ranking = Ranking::OthersNewestOnly;
    result.rankedNewest = 6000;
    pane.showResults(result, true);
    CHECK(count->text() == QStringLiteral("3 papers · title matches ranked"));
    CHECK(count->toolTip().contains(
        QStringLiteral("the newest %1 are ranked").arg(QLocale().toString(6000))));

    result.ranking = Ranking::TitlesNewestOnly;
    result.ids = {7};
    pane.showResults(result, true);
    CHECK(count->text() == QStringLiteral("1 paper · newest ranked"));
    CHECK(count->toolTip().startsWith(QStringLiteral("Too many matches to rank them all")));

    // While typing, nothing of a large part is ranked: newest first.
    result.rankedNewest = 0;
    pane.showResults(result, true);
    CHECK(count->text() == QStringLiteral("1 paper · title matches first"));
    CHECK(count->toolTip().contains(QStringLiteral("Type a space after the last word")));
    result.ranking = Ranking::OthersNewestOnly;
    pane.showResults(result, true);
    CHECK(count->text() == QStringLiteral("1 paper · title matches ranked"));
    CHECK(count->toolTip().contains(QStringLiteral("too many to rank while you type")));

    // The first page of a long list, before the rest arrives.
    result.ranking = Ranking::Relevance;
    result.ids = {9, 8};
    pane.showResults(result, false);
    CHECK(count->text() == QStringLiteral("2+ papers"));
    CHECK(count->toolTip().isEmpty());
}
