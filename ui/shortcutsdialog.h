// The keyboard shortcuts sheet (F1 or ?).
#pragma once

#include <QDialog>

namespace gleaner {

class ShortcutsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)

public:
    explicit ShortcutsDialog(QWidget *parent = nullptr);
};

} // namespace gleaner
