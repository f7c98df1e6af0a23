#include "shortcutsdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace gleaner {

ShortcutsDialog::ShortcutsDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    const QList<std::pair<QString, QString>> rows = {
        {tr("J / K, Down / Up"), tr("Next / previous paper")},
        {tr("Space"), tr("Page down the abstract, then the next unread paper")},
        {tr("S"), tr("Star or unstar the selected papers")},
        {tr("U"), tr("Mark the selected papers read or unread")},
        {tr("T"), tr("Add a tag")},
        {tr("N"), tr("Write a note")},
        {tr("1 \u2013 9"), tr("Toggle one of the nine most used tags")},
        {tr("/ or Ctrl+F"), tr("Search")},
        {tr("Esc"), tr("Clear the search")},
        {tr("Ctrl+O"), tr("Import digests")},
        {tr("Ctrl+Shift+O"), tr("Import a folder")},
        {tr("Ctrl+Shift+V"), tr("Import a copied page")},
        {tr("Ctrl+S"), tr("Save the search")},
        {tr("Ctrl+E"), tr("Export papers")},
        {tr("Ctrl+C / Ctrl+Shift+C"), tr("Copy the selected papers as Markdown / BibTeX")},
        {tr("Ctrl++ / Ctrl+- / Ctrl+0"), tr("Zoom the reader")},
        {tr("Ctrl+,"), tr("Preferences")},
        {tr("F1 or ?"), tr("This sheet")},
    };
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
