// The note history dialog on its own: what it lists, what it says of a
// version against the note now, and that nothing can be restored from an
// empty history.
#include "catch.h"
#include "notehistorydialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

using namespace gleaner;

TEST_CASE("The note history dialog lists versions and marks what the note lacks",
          "[notehistory][ui]")
{
    const NoteHistory versions = {
        {QStringLiteral("Count the fish twice. Then compare with sonar."),
         QStringLiteral("2026-03-10T09:10:00.000Z"), true},
        {QStringLiteral("Count the fish.\nSecond line."),
         QStringLiteral("2026-03-10T09:00:00.000Z"), false},
    };
    NoteHistoryDialog dialog(QStringLiteral("Lanternfish"), QStringLiteral("Count the fish twice."),
                             versions);
    auto *list = dialog.findChild<QTreeWidget *>(QStringLiteral("noteVersions"));
    auto *text = dialog.findChild<QPlainTextEdit *>(QStringLiteral("noteVersionText"));
    auto *comparison = dialog.findChild<QLabel *>(QStringLiteral("noteVersionComparison"));
    auto *restore = dialog.findChild<QPushButton *>(QStringLiteral("restoreNoteVersion"));
    REQUIRE(list);
    REQUIRE(text);
    REQUIRE(comparison);
    REQUIRE(restore);
    REQUIRE(list->topLevelItemCount() == 2);
    CHECK(list->topLevelItem(0)->text(1) == QStringLiteral("46 characters"));
    CHECK(list->topLevelItem(0)
              ->data(0, Qt::AccessibleTextRole)
              .toString()
              .endsWith(QStringLiteral("before a deletion")));
    CHECK(list->topLevelItem(1)->text(1) == QStringLiteral("28 characters"));
    CHECK(list->topLevelItem(1)->text(2) == QStringLiteral("Count the fish.")); // its first line

    // The newest is chosen first; its extra words are marked.
    CHECK(dialog.chosenVersion() == 1);
    CHECK(restore->isEnabled());
    CHECK(text->toPlainText() == versions.at(0).text);
    CHECK(comparison->text() ==
          QStringLiteral("Kept just before most of the note was deleted. This version has 25 "
                         "characters the note lacks now (marked)."));
    REQUIRE(text->extraSelections().size() == 1);
    CHECK(text->extraSelections().first().cursor.selectedText() ==
          QStringLiteral(" Then compare with sonar."));

    dialog.chooseVersion(2);
    CHECK(dialog.chosenVersion() == 2);
    CHECK(text->toPlainText() == versions.at(1).text);
    CHECK_FALSE(comparison->text().contains(QStringLiteral("deleted")));

    CHECK(NoteHistoryDialog::comparison(QStringLiteral("same"), QStringLiteral("same"))
              .contains(QStringLiteral("as it is now")));
    CHECK(NoteHistoryDialog::comparison(QStringLiteral("gone"), QString())
              .contains(QStringLiteral("empty now")));
    CHECK(NoteHistoryDialog::comparison(QStringLiteral("abc"), QStringLiteral("abcdef")) ==
          QStringLiteral("The note has 3 characters more now; restoring this version removes "
                         "them."));
    CHECK(NoteHistoryDialog::comparison(QStringLiteral("abXYc"), QStringLiteral("abZc")) ==
          QStringLiteral("This version has 2 characters the note lacks now (marked), and lacks 1 "
                         "of the note's."));

    // Enter on the list restores the chosen version: the dialog is accepted.
    QTest::keyClick(list, Qt::Key_Return);
    CHECK(dialog.result() == QDialog::Accepted);
}

TEST_CASE("An empty note history offers nothing to restore", "[notehistory][ui]")
{
    NoteHistoryDialog dialog(QStringLiteral("Lanternfish"), QStringLiteral("A note"), {});
    auto *restore = dialog.findChild<QPushButton *>(QStringLiteral("restoreNoteVersion"));
    REQUIRE(restore);
    CHECK_FALSE(restore->isEnabled());
    CHECK(dialog.chosenVersion() == 0);
    CHECK(dialog.findChild<QTreeWidget *>(QStringLiteral("noteVersions"))->topLevelItemCount() ==
          0);
}
