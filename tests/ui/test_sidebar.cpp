// The sidebar's digest rows: what each is called and what its tooltip says,
// so an undated digest never passes for a dated one and two rows of one day
// can be told apart.
#include "catch.h"
#include "sidebar.h"

#include <QAbstractItemModel>

using namespace gleaner;

namespace {

DigestInfo digest(qint64 id, QDate date, DateCertainty certainty, const QString &source)
{
    DigestInfo d;
    d.id = id;
    d.date = date;
    d.certainty = certainty;
    d.source = source;
    d.entries = 3;
    d.unread = 3;
    return d;
}

// The digest rows as (label, tooltip), in order.
QList<std::pair<QString, QString>> digestRows(const Sidebar &sidebar)
{
    QList<std::pair<QString, QString>> rows;
    const QAbstractItemModel *model = sidebar.model();
    for (int s = 0; s < model->rowCount(); ++s) {
        const QModelIndex section = model->index(s, 0);
        if (section.data().toString() != Sidebar::tr("Digests"))
            continue;
        for (int r = 0; r < model->rowCount(section); ++r) {
            const QModelIndex row = model->index(r, 0, section);
            rows.append({row.data().toString(), row.data(Qt::ToolTipRole).toString()});
        }
    }
    return rows;
}

} // namespace

TEST_CASE("Sidebar labels undated and guessed digests as such", "[sidebar]")
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    Sidebar sidebar;
    sidebar.setDigests({
        digest(1, QDate(2026, 1, 7), DateCertainty::Derived, QStringLiteral("/d/jan7.txt")),
        digest(2, QDate(2026, 3, 14), DateCertainty::FileTime, QStringLiteral("/d/mar14.txt")),
        digest(3, QDate(2026, 12, 1), DateCertainty::Undated, QStringLiteral("/d/saved.txt")),
        digest(4, QDate(2026, 12, 1), DateCertainty::Undated, QStringLiteral("/d/saved (1).txt")),
        digest(5, QDate(2026, 12, 1), DateCertainty::User, QStringLiteral("/d/fixed.txt")),
    });
    const auto rows = digestRows(sidebar);
    REQUIRE(rows.size() == 5);
    CHECK(rows.at(0).first == QStringLiteral("7 Jan 2026"));
    CHECK(rows.at(1).first == QStringLiteral("14 Mar 2026 ?"));
    CHECK(rows.at(1).second.contains(QStringLiteral("the year is a guess")));
    // Undated, by the file's date; the two of one day by their file names.
    CHECK(rows.at(2).first == QStringLiteral("Undated \u00b7 file of 1 Dec 2026 \u00b7 saved.txt"));
    CHECK(rows.at(3).first ==
          QStringLiteral("Undated \u00b7 file of 1 Dec 2026 \u00b7 saved (1).txt"));
    CHECK(rows.at(2).second.contains(QStringLiteral("The page shows no date")));
    // A date the user gave reads as a date, told apart from nothing.
    CHECK(rows.at(4).first == QStringLiteral("1 Dec 2026"));
    CHECK_FALSE(rows.at(4).second.contains(QStringLiteral("guess")));
    QLocale::setDefault(QLocale::c());
}

TEST_CASE("Sidebar lists rules under saved searches with what each matched last",
          "[sidebar][rules]")
{
    Sidebar sidebar;
    sidebar.setSavedSearches({{1, QStringLiteral("fish"), QStringLiteral("tag:fish")}});
    Rule qwen;
    qwen.id = 7;
    qwen.name = QStringLiteral("qwen");
    qwen.query = QStringLiteral("title:qwen");
    qwen.lastMatched = 3;
    Rule fresh;
    fresh.id = 8;
    fresh.name = QStringLiteral("fresh");
    fresh.query = QStringLiteral("new");
    sidebar.setRules({qwen, fresh});
    const QAbstractItemModel *model = sidebar.model();
    QStringList sections;
    for (int s = 0; s < model->rowCount(); ++s)
        sections << model->index(s, 0).data().toString();
    REQUIRE(sections.indexOf(Sidebar::tr("Rules")) >
            sections.indexOf(Sidebar::tr("Saved searches")));
    const QModelIndex rules = model->index(int(sections.indexOf(Sidebar::tr("Rules"))), 0);
    REQUIRE(model->rowCount(rules) == 2);
    CHECK(model->index(0, 0, rules).data().toString() == QStringLiteral("qwen"));
    CHECK(model->index(0, 1, rules).data().toString() == QStringLiteral("3"));
    CHECK(model->index(0, 0, rules)
              .data(Qt::ToolTipRole)
              .toString()
              .contains(QStringLiteral("title:qwen")));
    CHECK(model->index(1, 1, rules).data().toString().isEmpty());
    CHECK(model->index(1, 0, rules)
              .data(Qt::ToolTipRole)
              .toString()
              .contains(QStringLiteral("not run yet")));
    // Picking a rule shows what its query finds.
    REQUIRE(sidebar.selectView(QStringLiteral("rule:7")));
    CHECK(sidebar.currentView().kind == SidebarView::Kind::Rule);
    CHECK(sidebar.currentView().query == QStringLiteral("title:qwen"));
    CHECK(sidebar.currentView().ruleId == 7);
    sidebar.setRules({});
    CHECK(sidebar.currentView().key == Sidebar::allPapers().key);
}
