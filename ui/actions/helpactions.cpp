#include "helpactions.h"

#include "shortcutsdialog.h"

#include <QCoreApplication>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>

#include <gleaner/buildinfo.h>

namespace gleaner {

namespace {

// The context of this file's messages, declared so that lupdate files them
// under the context they are looked up in.
struct HelpActions
{
    Q_DECLARE_TR_FUNCTIONS(HelpActions)
};

} // namespace

std::optional<Preferences> editPreferences(QWidget *parent, const Preferences &current,
                                           const QList<ShortcutRow> &shortcuts,
                                           const QString &openLibrary)
{
    PreferencesDialog dialog(current, shortcuts, parent);
    dialog.setOpenLibrary(openLibrary);
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
    QMessageBox::about(
        parent, HelpActions::tr("About Gleaner"),
        HelpActions::tr("<h3>Gleaner %1</h3><p>An offline reader for daily research-paper "
                        "digests.</p><p>Library: %2</p>")
            .arg(QStringLiteral(GLEANER_VERSION), libraryPath.toHtmlEscaped()));
}

} // namespace gleaner
