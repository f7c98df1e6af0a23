// The Keyboard page of Preferences: every action that can have a key, its
// key in a QKeySequenceEdit, and a way back to the defaults. It edits the
// overrides Preferences::shortcuts stores (by action name); a key taken by
// two actions is refused with a sentence naming both.
#pragma once

#include <QHash>
#include <QKeySequence>
#include <QList>
#include <QWidget>

class QTableWidget;

namespace gleaner {

struct ShortcutRow
{
    QString id;    // the action's objectName: what the settings store
    QString label; // the action's text as menus show it
    QKeySequence defaultKey;
};

class ShortcutEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutEditor)

public:
    ShortcutEditor(const QList<ShortcutRow> &rows, const QHash<QString, QKeySequence> &overrides,
                   QWidget *parent = nullptr);

    // The keys that differ from the defaults, by id (an empty sequence: no key).
    QHash<QString, QKeySequence> overrides() const;
    // Empty when no key is used twice; else which actions share which key.
    QString conflict() const;
    void resetToDefaults();

private:
    QKeySequence keyAt(int row) const;

    QList<ShortcutRow> m_rows;
    QTableWidget *m_table = nullptr;
};

} // namespace gleaner
