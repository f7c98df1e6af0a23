// The user's preferences, stored with QSettings, and the dialog that edits
// them.
#pragma once

#include <QDialog>
#include <QString>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace gleaner {

struct Preferences
{
    enum class Theme
    {
        System,
        Light,
        Dark
    };

    QString libraryPath;      // empty: Library::defaultPath()
    int markReadDelaySec = 3; // 0: never mark read by reading
    Theme theme = Theme::System;
    int readerFontSize = 11;

    static Preferences load();
    void save() const;
};

class PreferencesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesDialog)

public:
    explicit PreferencesDialog(const Preferences &current, QWidget *parent = nullptr);
    Preferences preferences() const;

private:
    QLineEdit *m_library = nullptr;
    QSpinBox *m_delay = nullptr;
    QComboBox *m_theme = nullptr;
    QSpinBox *m_fontSize = nullptr;
};

} // namespace gleaner
