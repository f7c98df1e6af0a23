// The keyboard shortcuts sheet (F1 or ?), made from the window's menus so
// it lists every key an action has, and nothing an action lost.
#pragma once

#include <QDialog>

class QMenuBar;

namespace gleaner {

class ShortcutsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)

public:
    explicit ShortcutsDialog(const QMenuBar *menus, QWidget *parent = nullptr);
};

} // namespace gleaner
