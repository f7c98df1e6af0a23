// Rules in the window: one made in the builder tags the next digest's
// papers and the import says so; a run on the library previews, applies and
// is undone with Ctrl+Z.
#include "catch.h"
#include "mainwindow.h"
#include "rulebuilderdialog.h"
#include "sidebar.h"
#include "windowtesting.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace gleaner;
using namespace gleaner::test;

namespace {

// Runs `fill` on the builder once it is open (it is modal: the action that
// opens it returns when it closes).
void whenBuilderOpens(std::function<void(RuleBuilderDialog &)> fill)
{
    QTimer::singleShot(0, [fill = std::move(fill)] {
        QTRY_VERIFY_WITH_TIMEOUT(
            qobject_cast<RuleBuilderDialog *>(QApplication::activeModalWidget()), 10000);
        fill(*qobject_cast<RuleBuilderDialog *>(QApplication::activeModalWidget()));
    });
}

// Called from the builder's event loop, where a thrown REQUIRE would cross
// Qt's: a missing child fails the test and the caller dereferences nothing
// it has not checked.
template <typename T>
T *child(QWidget &parent, const char *name)
{
    T *found = parent.findChild<T *>(QLatin1String(name));
    CHECK(found);
    return found;
}

QAction *action(MainWindow &w, const char *name)
{
    auto *a = w.findChild<QAction *>(QLatin1String(name));
    REQUIRE(a);
    return a;
}

} // namespace

TEST_CASE("A rule made in the builder tags the next digest's papers, and the import says so",
          "[window][rules]")
{
    freshSettings();
    QTemporaryDir dir;
    MainWindow w(dir.filePath(QStringLiteral("library.sqlite3")));
    showActive(w);
    QSignalSpy imported(&w, &MainWindow::importFinished);
    w.importPaths({fixture("day1.txt")});
    REQUIRE(imported.wait(20000));

    bool filled = false;
    whenBuilderOpens([&](RuleBuilderDialog &dialog) {
        dialog.resize(1024, 700);
        auto *name = child<QLineEdit>(dialog, "ruleName");
        QTest::keyClicks(name, QStringLiteral("qwen"));
        // The first row is there to fill: Title contains qwen.
        CHECK(dialog.conditionCount() == 1);
        auto *field = child<QComboBox>(dialog, "conditionField");
        CHECK(field->currentText() == QStringLiteral("Title"));
        auto *value = child<QLineEdit>(dialog, "conditionValue");
        QTest::keyClicks(value, QStringLiteral("qwen"));
        CHECK(dialog.queryText() == QStringLiteral("title:qwen"));
        // A second row, any of them: the text follows the rows live.
        QTest::mouseClick(child<QPushButton>(dialog, "addCondition"), Qt::LeftButton);
        if (dialog.conditionCount() != 2) {
            dialog.reject();
            return;
        }
        const QList<QComboBox *> fields =
            dialog.findChildren<QComboBox *>(QStringLiteral("conditionField"));
        fields.at(1)->setCurrentIndex(fields.at(1)->findText(QStringLiteral("Abstract")));
        const QList<QLineEdit *> values =
            dialog.findChildren<QLineEdit *>(QStringLiteral("conditionValue"));
        CHECK(dialog.focusWidget() == values.at(1));
        QTest::keyClicks(values.at(1), QStringLiteral("qwen"));
        child<QComboBox>(dialog, "matchMode")->setCurrentIndex(1);
        CHECK(dialog.queryText() == QStringLiteral("title:qwen OR abstract:qwen"));
        // Save is refused until the rule does something.
        auto *buttons = dialog.findChild<QDialogButtonBox *>();
        CHECK_FALSE(buttons->button(QDialogButtonBox::Save)->isEnabled());
        QTest::keyClicks(child<QLineEdit>(dialog, "ruleTags"), QStringLiteral("llm"));
        CHECK(child<QCheckBox>(dialog, "ruleAddTags")->isChecked());
        CHECK(buttons->button(QDialogButtonBox::Save)->isEnabled());
        saveArtifact(dialog, "rule-builder");
        // It fits a small screen: nothing is cut off at 1024x700.
        CHECK(dialog.height() <= 700);
        CHECK(buttons->geometry().bottom() <= dialog.height());
        filled = true;
        buttons->button(QDialogButtonBox::Save)->click();
    });
    action(w, "newRule")->trigger();
    REQUIRE(filled);
    const std::optional<Rule> rule = w.library().rule(QStringLiteral("qwen"));
    REQUIRE(rule);
    CHECK(rule->query == QStringLiteral("title:qwen OR abstract:qwen"));
    CHECK(rule->tags == QStringList{QStringLiteral("llm")});
    CHECK(sidebarLabels(w, Sidebar::tr("Rules")) == QStringList{QStringLiteral("qwen")});

    // From the search box: the builder opens on its text, read into rows.
    w.searchField()->setText(QStringLiteral("upvotes:>=10 tidal"));
    bool fromSearch = false;
    whenBuilderOpens([&](RuleBuilderDialog &dialog) {
        fromSearch = true;
        CHECK(dialog.queryText() == QStringLiteral("upvotes:>=10 tidal"));
        CHECK(dialog.rowsAvailable());
        CHECK(dialog.conditionCount() == 1);
        CHECK(child<QLineEdit>(dialog, "freeWords")->text() == QStringLiteral("tidal"));
        // A query the rows cannot say is edited as text, and says so.
        auto *text = child<QLineEdit>(dialog, "queryText");
        CHECK(text->isReadOnly());
        child<QCheckBox>(dialog, "editAsText")->setChecked(true);
        CHECK_FALSE(text->isReadOnly());
        text->selectAll();
        QTest::keyClicks(text, QStringLiteral("is:unread tidal"));
        CHECK_FALSE(dialog.rowsAvailable());
        CHECK(child<QLabel>(dialog, "queryNote")
                  ->text()
                  .contains(QStringLiteral("can only be edited as text")));
        dialog.reject();
    });
    action(w, "ruleFromSearch")->trigger();
    CHECK(fromSearch);
    w.searchField()->clear();

    // The next digest: its three qwen papers are tagged, and the summary says so.
    imported.clear();
    w.importPaths({gleaner::test::dataPath(QStringLiteral("rules/qwen_day.txt"))});
    REQUIRE(imported.wait(20000));
    CHECK(w.statusBar()->currentMessage().contains(
        QStringLiteral("rule \u2018qwen\u2019: tagged 3")));
    const std::optional<SearchResult> tagged = w.library().search(QStringLiteral("tag:llm"));
    REQUIRE(tagged);
    CHECK(tagged->ids.size() == 3);
    QTRY_COMPARE_WITH_TIMEOUT(sidebarCount(w, QStringLiteral("qwen")), 3, 5000);
    CHECK(sidebarCount(w, QStringLiteral("llm")) == 3);
    saveArtifact(w, "rules-sidebar");
}

TEST_CASE("A rule run on the library previews, applies, and Ctrl+Z undoes it", "[window][rules]")
{
    freshSettings();
    QTemporaryDir dir;
    MainWindow w(dir.filePath(QStringLiteral("library.sqlite3")));
    showActive(w);
    QSignalSpy imported(&w, &MainWindow::importFinished);
    w.importPaths({fixture("day1.txt"), fixture("day2.txt")});
    REQUIRE(imported.wait(20000));
    Rule fish;
    fish.name = QStringLiteral("fish");
    fish.query = QStringLiteral("lanternfish");
    fish.star = true;
    fish.tags = {QStringLiteral("sonar")};
    const std::optional<qint64> id = w.library().addRule(fish);
    REQUIRE(id);
    const std::optional<SearchResult> found = w.library().search(QStringLiteral("lanternfish"));
    REQUIRE(found->ids.size() == 1);
    const qint64 paper = found->ids.first();

    // The preview asks; Cancel changes nothing.
    answerNextMessageBox(QStringLiteral("Cancel"));
    Q_EMIT w.sidebar()->ruleRunRequested(*id);
    QTest::qWait(1500);
    CHECK_FALSE(w.library().paper(paper)->starred);

    answerNextMessageBox(QStringLiteral("OK"));
    Q_EMIT w.sidebar()->ruleRunRequested(*id);
    QTRY_VERIFY_WITH_TIMEOUT(w.library().paper(paper)->starred, 10000);
    CHECK(w.library().tagsOf(paper) == QStringList{QStringLiteral("sonar")});
    QTRY_VERIFY_WITH_TIMEOUT(
        w.statusBar()->currentMessage().contains(QStringLiteral("Ctrl+Z undoes it")), 5000);

    // The message boxes took the window's focus; the shortcut wants it back.
    showActive(w);
    w.paperList()->setFocus();
    QTRY_VERIFY_WITH_TIMEOUT(w.paperList()->hasFocus(), 5000);
    QTest::keyClick(w.paperList(), Qt::Key_Z, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!w.library().paper(paper)->starred, 5000);
    CHECK(w.library().tagsOf(paper).isEmpty());
    // Undone: the rule may run again and do the same.
    CHECK(w.library().runRule(*id, true)->outcome.starred == 1);
}
