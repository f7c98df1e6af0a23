// The window's small dialogs: Preferences, the keyboard shortcuts, About.
#pragma once

#include "preferences.h"

#include <optional>

class QMainWindow;
class QWidget;

namespace gleaner {

// The preferences as the user left them, saved; nullopt when cancelled.
// `openLibrary`: the file the window has open.
std::optional<Preferences> editPreferences(QWidget *parent, const Preferences &current,
                                           const QList<ShortcutRow> &shortcuts,
                                           const QString &openLibrary);
void showShortcuts(QMainWindow *window);
void showAbout(QWidget *parent, const QString &libraryPath);

} // namespace gleaner
