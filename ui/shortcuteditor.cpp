#include "shortcuteditor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequenceEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace gleaner {

ShortcutEditor::ShortcutEditor(const QList<ShortcutRow> &rows,
                               const QHash<QString, QKeySequence> &overrides, QWidget *parent)
    : QWidget(parent)
    , m_rows(rows)
    , m_table(new QTableWidget(int(rows.size()), 2, this))
{
    setObjectName(QStringLiteral("shortcutEditor"));
    m_table->setHorizontalHeaderLabels({tr("Action"), tr("Key")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Fixed);
    m_table->horizontalHeader()->resizeSection(1, 230);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (int i = 0; i < int(rows.size()); ++i) {
        auto *name = new QTableWidgetItem(rows.at(i).label);
        name->setToolTip(tr("Default: %1")
                             .arg(rows.at(i).defaultKey.isEmpty()
                                      ? tr("none")
                                      : rows.at(i).defaultKey.toString(QKeySequence::NativeText)));
        m_table->setItem(i, 0, name);
        // The key, and a button that leaves the action without one.
        auto *cell = new QWidget;
        auto *edit =
            new QKeySequenceEdit(overrides.value(rows.at(i).id, rows.at(i).defaultKey), cell);
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
        edit->setMaximumSequenceLength(1);
#endif
        auto *clear = new QToolButton(cell);
        clear->setText(tr("Clear"));
        clear->setToolTip(tr("No key for \u201c%1\u201d").arg(rows.at(i).label));
        connect(clear, &QToolButton::clicked, edit, &QKeySequenceEdit::clear);
        auto *row = new QHBoxLayout(cell);
        row->setContentsMargins(2, 1, 2, 1);
        row->addWidget(edit, 1);
        row->addWidget(clear);
        m_table->setCellWidget(i, 1, cell);
    }
    m_table->resizeRowsToContents();
    auto *reset = new QPushButton(tr("&Reset All to Defaults"), this);
    connect(reset, &QPushButton::clicked, this, &ShortcutEditor::resetToDefaults);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addWidget(reset, 0, Qt::AlignRight);
}

QKeySequence ShortcutEditor::keyAt(int row) const
{
    // One key a shortcut: Qt before 6.5 records chords of up to four.
    const QWidget *cell = m_table->cellWidget(row, 1);
    const auto *edit = cell ? cell->findChild<QKeySequenceEdit *>() : nullptr;
    if (!edit || edit->keySequence().isEmpty())
        return {};
    return QKeySequence(edit->keySequence()[0]);
}

QHash<QString, QKeySequence> ShortcutEditor::overrides() const
{
    QHash<QString, QKeySequence> changed;
    for (int i = 0; i < int(m_rows.size()); ++i) {
        if (keyAt(i) != m_rows.at(i).defaultKey)
            changed.insert(m_rows.at(i).id, keyAt(i));
    }
    return changed;
}

QString ShortcutEditor::conflict() const
{
    QHash<QKeySequence, int> owner;
    for (int i = 0; i < int(m_rows.size()); ++i) {
        const QKeySequence key = keyAt(i);
        if (key.isEmpty())
            continue;
        if (owner.contains(key))
            return tr("%1 is the key of both \u201c%2\u201d and \u201c%3\u201d; give one of them "
                      "another key.")
                .arg(key.toString(QKeySequence::NativeText), m_rows.at(owner.value(key)).label,
                     m_rows.at(i).label);
        owner.insert(key, i);
    }
    return {};
}

void ShortcutEditor::resetToDefaults()
{
    for (int i = 0; i < int(m_rows.size()); ++i) {
        if (QWidget *cell = m_table->cellWidget(i, 1)) {
            if (auto *edit = cell->findChild<QKeySequenceEdit *>())
                edit->setKeySequence(m_rows.at(i).defaultKey);
        }
    }
}

} // namespace gleaner
