// Rebinding keys in Preferences: the editor's overrides, its refusal of a
// key used twice, and the settings that keep them.
#include "catch.h"
#include "preferences.h"
#include "shortcuteditor.h"

#include <QKeySequenceEdit>
#include <QSettings>
#include <QTableWidget>
#include <QToolButton>

using namespace gleaner;

namespace {

QKeySequenceEdit *editAt(ShortcutEditor &editor, int row)
{
    auto *table = editor.findChild<QTableWidget *>();
    REQUIRE(table);
    auto *edit = table->cellWidget(row, 1)->findChild<QKeySequenceEdit *>();
    REQUIRE(edit);
    return edit;
}

const QList<ShortcutRow> kRows = {
    {QStringLiteral("star"), QStringLiteral("Star"), QKeySequence(Qt::Key_S)},
    {QStringLiteral("read"), QStringLiteral("Mark Read / Unread"), QKeySequence(Qt::Key_U)},
};

} // namespace

TEST_CASE("The shortcut editor keeps only what differs from the defaults", "[shortcuts]")
{
    ShortcutEditor editor(kRows, {{QStringLiteral("read"), QKeySequence(Qt::Key_R)}});
    CHECK(editAt(editor, 0)->keySequence() == QKeySequence(Qt::Key_S));
    CHECK(editAt(editor, 1)->keySequence() == QKeySequence(Qt::Key_R));
    CHECK(editor.overrides() ==
          QHash<QString, QKeySequence>{{QStringLiteral("read"), QKeySequence(Qt::Key_R)}});

    // Cleared: the action has no key, which is an override too.
    auto *table = editor.findChild<QTableWidget *>();
    table->cellWidget(0, 1)->findChild<QToolButton *>()->click();
    CHECK(editor.overrides().value(QStringLiteral("star")).isEmpty());
    CHECK(editor.overrides().contains(QStringLiteral("star")));

    editor.resetToDefaults();
    CHECK(editor.overrides().isEmpty());
}

TEST_CASE("A key given to two actions is refused, naming both", "[shortcuts]")
{
    ShortcutEditor editor(kRows, {});
    CHECK(editor.conflict().isEmpty());
    editAt(editor, 1)->setKeySequence(QKeySequence(Qt::Key_S));
    const QString conflict = editor.conflict();
    CHECK(conflict.contains(QStringLiteral("\u201cStar\u201d")));
    CHECK(conflict.contains(QStringLiteral("\u201cMark Read / Unread\u201d")));
    // A chord typed on Qt 6.4 counts by its first key only.
    editAt(editor, 1)->setKeySequence(QKeySequence(QStringLiteral("Ctrl+K, Ctrl+L")));
    CHECK(editor.overrides().value(QStringLiteral("read")) ==
          QKeySequence(QStringLiteral("Ctrl+K")));
    CHECK(editor.conflict().isEmpty());
}

TEST_CASE("Rebound keys are kept in the settings and come back", "[shortcuts]")
{
    QSettings().clear();
    Preferences p = Preferences::load();
    CHECK(p.shortcuts.isEmpty());
    p.shortcuts = {{QStringLiteral("star"), QKeySequence(QStringLiteral("Ctrl+Alt+S"))},
                   {QStringLiteral("read"), QKeySequence()}};
    p.save();
    const Preferences again = Preferences::load();
    CHECK(again.shortcuts == p.shortcuts);
    // Back to the defaults: nothing is left behind.
    p.shortcuts.clear();
    p.save();
    CHECK(Preferences::load().shortcuts.isEmpty());
}
