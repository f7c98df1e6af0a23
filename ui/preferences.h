// The user's preferences and everything else Gleaner remembers between runs
// (window layout, last folders, the export format), stored with QSettings,
// and the dialog that edits the preferences. Every settings key lives in
// preferences.cpp, so the names are in one place.
#pragma once

#include "shortcuteditor.h"

#include <QByteArray>
#include <QDialog>
#include <QHash>
#include <QKeySequence>
#include <QString>

class QCheckBox;
class QComboBox;
class QLabel;
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
    // Digests saved into this folder are imported as they arrive, while
    // watchFolder is on (FolderWatcher); kept when it is off, for next time.
    bool watchFolder = false;
    QString watchedFolder;
    // Keys the user gave actions instead of their defaults, by action name
    // (an empty sequence: the action has no key).
    QHash<QString, QKeySequence> shortcuts;

    static Preferences load();
    void save() const;

    // The folder a file dialog of this kind opened last; empty when none.
    enum class Folder
    {
        Import,
        Backup,
        Export
    };
    static QString lastFolder(Folder kind);
    static void setLastFolder(Folder kind, const QString &folder);

    // The format name (exportFormatName()) the Export dialog used last.
    static QString lastExportFormat();
    static void setLastExportFormat(const QString &name);
    // The papers the Export dialog exported last: "view", "selection",
    // "starred", "tag" or "search", and the tag's or saved search's name.
    static std::pair<QString, QString> lastExportScope();
    static void setLastExportScope(const QString &scope, const QString &item);
};

// How the window looked when it closed: restored on the next start.
struct WindowState
{
    QByteArray geometry;
    QByteArray dockState;
    QByteArray splitter;
    // The window's width and the main splitter's pane sizes when it closed:
    // a window fitted to a smaller screen scales its panes by the two
    // widths, rather than keep the sidebar's width and squeeze the list.
    int width = 0;
    QList<int> panes;
    QByteArray listHeader;
    bool sortByColumn = false;
    int sort = 0; // a SortOrder
    bool reverse = false;
    QString viewKey; // SidebarView::key
    qint64 paper = 0;
    qreal zoom = 1.0;
    bool hideRead = false;
    bool compactTable = false; // else the reading layout
    bool readerBelow = false;  // the reader under the list, not beside it
    QByteArray stack;          // the list/reader splitter when readerBelow

    static WindowState load();
    void save() const;
};

class PreferencesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesDialog)

public:
    // `shortcuts`: the actions the Keyboard page lists.
    PreferencesDialog(const Preferences &current, const QList<ShortcutRow> &shortcuts,
                      QWidget *parent = nullptr);
    // The library the window has open: said beside the preference when it
    // is another file (gleaner --library FILE).
    void setOpenLibrary(const QString &path);
    void accept() override;
    Preferences preferences() const;

private:
    QLineEdit *m_library = nullptr;
    QLabel *m_libraryNote = nullptr;
    QSpinBox *m_delay = nullptr;
    QComboBox *m_theme = nullptr;
    QSpinBox *m_fontSize = nullptr;
    QCheckBox *m_watch = nullptr;
    QLineEdit *m_watchedFolder = nullptr;
    ShortcutEditor *m_shortcuts = nullptr;
};

} // namespace gleaner
