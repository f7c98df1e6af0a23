// The list pane's header menu: columns to hide and show again, kept in the
// header's state the window saves.
#include "catch.h"
#include "libraryfixture.h"
#include "listpane.h"
#include "paperlistmodel.h"

#include <QAction>
#include <QHeaderView>
#include <QMenu>
#include <QTableView>

using namespace gleaner;

TEST_CASE("The header menu hides and shows columns, and the header state keeps them", "[listpane]")
{
    test::LibraryFixture fx;
    ListPane pane(&fx.library);
    QTableView *table = pane.table();

    std::unique_ptr<QMenu> menu(pane.createColumnMenu(nullptr));
    QStringList names;
    for (const QAction *a : menu->actions())
        names << a->text();
    // The star and the title always stay.
    CHECK(names == QStringList{QStringLiteral("Published"), QStringLiteral("Upvotes"),
                               QStringLiteral("Submitter"), QStringLiteral("Tags")});
    for (const QAction *a : menu->actions())
        CHECK(a->isChecked());

    menu->actions().at(3)->setChecked(false); // Tags
    menu->actions().at(2)->setChecked(false); // Submitter
    CHECK(table->isColumnHidden(PaperListModel::TagsColumn));
    CHECK(table->isColumnHidden(PaperListModel::SubmitterColumn));
    CHECK_FALSE(table->isColumnHidden(PaperListModel::PublishedColumn));

    // A new menu shows what is hidden now.
    std::unique_ptr<QMenu> again(pane.createColumnMenu(nullptr));
    CHECK_FALSE(again->actions().at(3)->isChecked());
    CHECK(again->actions().at(0)->isChecked());

    // What the window saves brings the hidden columns back in another pane.
    const QByteArray state = table->horizontalHeader()->saveState();
    ListPane other(&fx.library);
    REQUIRE(other.table()->horizontalHeader()->restoreState(state));
    CHECK(other.table()->isColumnHidden(PaperListModel::TagsColumn));
    CHECK(other.table()->isColumnHidden(PaperListModel::SubmitterColumn));

    again->actions().at(3)->setChecked(true);
    CHECK_FALSE(table->isColumnHidden(PaperListModel::TagsColumn));
}
