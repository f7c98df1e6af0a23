#include "helpactions.h"

#include "shortcutsdialog.h"

#include <QCoreApplication>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>

#include <gleaner/buildinfo.h>

namespace gleaner {

std::optional<Preferences> editPreferences(QWidget *parent, const Preferences &current,
                                           const QList<ShortcutRow> &shortcuts)
{
    PreferencesDialog dialog(current, shortcuts, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    const Preferences edited = dialog.preferences();
    edited.save();
    return edited;
}

void showShortcuts(QMainWindow *window)
{
    ShortcutsDialog(window->menuBar(), window).exec();
}

void showAbout(QWidget *parent, const QString &libraryPath)
{
    auto tr = [](const char *text) { return QCoreApplication::translate("HelpActions", text); };
    QMessageBox::about(parent, tr("About Gleaner"),
                       tr("<h3>Gleaner %1</h3><p>An offline reader for daily research-paper "
                          "digests.</p><p>Library: %2</p>")
                           .arg(QStringLiteral(GLEANER_VERSION), libraryPath.toHtmlEscaped()));
}

} // namespace gleaner
