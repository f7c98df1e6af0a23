#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace gleaner {

namespace {

// "Mark &All Read…" as a sheet shows it.
QString actionName(const QAction *action)
{
    QString name = action->text();
    name.remove(QLatin1Char('&'));
    if (name.endsWith(QChar(0x2026)))
        name.chop(1);
    return name;
}

QString keysText(const QAction *action)
{
    QStringList keys;
    for (const QKeySequence &key : action->shortcuts())
        keys << key.toString(QKeySequence::NativeText);
    return keys.join(ShortcutsDialog::tr(" or "));
}

} // namespace

ShortcutsDialog::ShortcutsDialog(const QMenuBar *menus, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    // Each menu's actions that have keys, in menu order; the digit keys of
    // the quick tags as one row.
    QList<std::pair<QString, QString>> rows;
    for (const QAction *top : menus->actions()) {
        const QMenu *menu = top->menu();
        if (!menu)
            continue;
        for (const QAction *action : menu->actions()) {
            if (action->menu()) {
                if (!action->menu()->actions().isEmpty())
                    rows.append({tr("1 \u2013 9"), tr("Toggle one of the nine most used tags")});
                continue;
            }
            if (!action->shortcuts().isEmpty())
                rows.append({keysText(action), actionName(action)});
        }
    }
    rows.append({tr("Down or Enter in the search field"), tr("Go to the list")});
    rows.append({tr("Esc in the search field"), tr("Clear the search")});
    auto *table = new QTableWidget(int(rows.size()), 2, this);
    table->setHorizontalHeaderLabels({tr("Keys"), tr("Action")});
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->setShowGrid(false);
    for (int i = 0; i < rows.size(); ++i) {
        table->setItem(i, 0, new QTableWidgetItem(rows.at(i).first));
        table->setItem(i, 1, new QTableWidgetItem(rows.at(i).second));
    }
    table->resizeColumnToContents(0);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(table);
    layout->addWidget(buttons);
    resize(520, 480);
}

} // namespace gleaner
