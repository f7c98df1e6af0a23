// The window's small dialogs: Preferences, the keyboard shortcuts, About.
#pragma once

#include "preferences.h"

#include <optional>

class QMainWindow;
class QWidget;

namespace gleaner {

// The preferences as the user left them, saved; nullopt when cancelled.
std::optional<Preferences> editPreferences(QWidget *parent, const Preferences &current,
                                           const QList<ShortcutRow> &shortcuts);
void showShortcuts(QMainWindow *window);
void showAbout(QWidget *parent, const QString &libraryPath);

} // namespace gleaner
