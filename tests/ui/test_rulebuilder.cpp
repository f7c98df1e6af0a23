// The rule builder without a window: a query read back into rows, rows
// written as the query text, and a query the rows cannot say kept as text.
#include "catch.h"
#include "rulebuilderdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QToolButton>

using namespace gleaner;

namespace {

Rule ruleWith(const QString &query)
{
    Rule r;
    r.id = 5;
    r.name = QStringLiteral("mine");
    r.query = query;
    r.tags = {QStringLiteral("llm"), QStringLiteral("to read")};
    r.star = true;
    return r;
}

} // namespace

TEST_CASE("The builder reads a rule's query back into rows", "[rulebuilder]")
{
    RuleBuilderDialog dialog(ruleWith(QStringLiteral("title:qwen OR abstract:llama tiny")));
    CHECK(dialog.rowsAvailable());
    REQUIRE(dialog.conditionCount() == 2);
    const QList<QComboBox *> fields =
        dialog.findChildren<QComboBox *>(QStringLiteral("conditionField"));
    CHECK(fields.at(0)->currentText() == QStringLiteral("Title"));
    CHECK(fields.at(1)->currentText() == QStringLiteral("Abstract"));
    CHECK(dialog.findChild<QComboBox *>(QStringLiteral("matchMode"))->currentIndex() == 1);
    CHECK(dialog.findChild<QLineEdit *>(QStringLiteral("freeWords"))->text() ==
          QStringLiteral("tiny"));
    CHECK(dialog.findChild<QLineEdit *>(QStringLiteral("ruleTags"))->text() ==
          QStringLiteral("llm, to read"));
    const Rule back = dialog.rule();
    CHECK(back.id == 5);
    CHECK(back.query == QStringLiteral("title:qwen OR abstract:llama tiny"));
    CHECK(back.tags == (QStringList{QStringLiteral("llm"), QStringLiteral("to read")}));
    CHECK(back.star);
    CHECK_FALSE(back.markRead);

    // A tag row cannot be ORed: the text falls back to all, and the note says why.
    auto *add = dialog.findChild<QPushButton *>(QStringLiteral("addCondition"));
    QTest::mouseClick(add, Qt::LeftButton);
    REQUIRE(dialog.conditionCount() == 3);
    QComboBox *third = dialog.findChildren<QComboBox *>(QStringLiteral("conditionField")).at(2);
    third->setCurrentIndex(third->findText(QStringLiteral("Tag")));
    QLineEdit *value = dialog.findChildren<QLineEdit *>(QStringLiteral("conditionValue")).at(2);
    QTest::keyClicks(value, QStringLiteral("llm"));
    CHECK(dialog.queryText() == QStringLiteral("title:qwen abstract:llama tag:llm tiny"));
    CHECK_FALSE(dialog.findChild<QLabel *>(QStringLiteral("anyNote"))->isHidden());

    // A wrong number is left out and named.
    third->setCurrentIndex(third->findText(QStringLiteral("Upvotes")));
    value->clear();
    QTest::keyClicks(value, QStringLiteral("lots"));
    CHECK(dialog.queryText() == QStringLiteral("title:qwen OR abstract:llama tiny"));
    CHECK(dialog.findChild<QLabel *>(QStringLiteral("queryNote"))
              ->text()
              .contains(QStringLiteral("Condition 3")));

    // Removing a row writes the text again.
    dialog.findChildren<QToolButton *>(QStringLiteral("removeCondition")).at(0)->click();
    QCoreApplication::processEvents();
    CHECK(dialog.conditionCount() == 2);
    CHECK(dialog.queryText() == QStringLiteral("abstract:llama tiny"));
}

TEST_CASE("A query the rows cannot say is edited as text", "[rulebuilder]")
{
    RuleBuilderDialog dialog(ruleWith(QStringLiteral("is:unread tag:llm")));
    CHECK_FALSE(dialog.rowsAvailable());
    CHECK(dialog.findChild<QCheckBox *>(QStringLiteral("editAsText"))->isChecked());
    auto *text = dialog.findChild<QLineEdit *>(QStringLiteral("queryText"));
    CHECK_FALSE(text->isReadOnly());
    CHECK(dialog.findChild<QLabel *>(QStringLiteral("queryNote"))
              ->text()
              .contains(QStringLiteral("can only be edited as text")));
    CHECK(dialog.rule().query == QStringLiteral("is:unread tag:llm"));
    // Edited into something the rows can say, the rows come back.
    text->selectAll();
    QTest::keyClicks(text, QStringLiteral("tag:llm upvotes:>=5"));
    CHECK(dialog.rowsAvailable());
    CHECK(dialog.conditionCount() == 2);
    CHECK(dialog.rule().query == QStringLiteral("tag:llm upvotes:>=5"));
}

TEST_CASE("The builder saves only a rule with a name, a query and an action", "[rulebuilder]")
{
    RuleBuilderDialog dialog(Rule{});
    auto *save = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
    CHECK(dialog.conditionCount() == 1);
    CHECK_FALSE(save->isEnabled());
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("ruleName")),
                     QStringLiteral("fish"));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("conditionValue")),
                     QStringLiteral("lanternfish"));
    CHECK_FALSE(save->isEnabled());
    dialog.findChild<QCheckBox *>(QStringLiteral("ruleDismiss"))->setChecked(true);
    CHECK(save->isEnabled());
    CHECK(dialog.rule().query == QStringLiteral("title:lanternfish"));
    CHECK(dialog.rule().dismiss);
}

TEST_CASE("The builder's reading queue action alone makes a rule, and an edited rule shows it",
          "[rulebuilder][queue]")
{
    RuleBuilderDialog dialog(Rule{});
    auto *save = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("ruleName")),
                     QStringLiteral("later"));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("conditionValue")),
                     QStringLiteral("tokens"));
    auto *queue = dialog.findChild<QCheckBox *>(QStringLiteral("ruleQueue"));
    REQUIRE(queue);
    CHECK_FALSE(save->isEnabled());
    queue->setChecked(true);
    CHECK(save->isEnabled());
    CHECK(dialog.rule().queue);
    CHECK_FALSE(dialog.rule().star);

    Rule saved = dialog.rule();
    saved.id = 7;
    RuleBuilderDialog edit(saved);
    CHECK(edit.findChild<QCheckBox *>(QStringLiteral("ruleQueue"))->isChecked());
}
