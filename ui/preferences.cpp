#include "preferences.h"

#include "storage/library.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace gleaner {

Preferences Preferences::load()
{
    QSettings s;
    Preferences p;
    p.libraryPath = s.value(QStringLiteral("library/path")).toString();
    p.markReadDelaySec = qBound(0, s.value(QStringLiteral("reading/markReadDelay"), 3).toInt(), 60);
    p.theme = Theme(qBound(0, s.value(QStringLiteral("appearance/theme"), 0).toInt(), 2));
    p.readerFontSize = qBound(6, s.value(QStringLiteral("reader/fontSize"), 11).toInt(), 48);
    p.watchFolder = s.value(QStringLiteral("import/watchFolder"), false).toBool();
    p.watchedFolder = s.value(QStringLiteral("import/watchedFolder")).toString();
    s.beginGroup(QStringLiteral("shortcuts"));
    for (const QString &id : s.childKeys())
        p.shortcuts.insert(id, QKeySequence(s.value(id).toString(), QKeySequence::PortableText));
    s.endGroup();
    return p;
}

void Preferences::save() const
{
    QSettings s;
    s.setValue(QStringLiteral("library/path"), libraryPath);
    s.setValue(QStringLiteral("reading/markReadDelay"), markReadDelaySec);
    s.setValue(QStringLiteral("appearance/theme"), int(theme));
    s.setValue(QStringLiteral("reader/fontSize"), readerFontSize);
    s.setValue(QStringLiteral("import/watchFolder"), watchFolder);
    s.setValue(QStringLiteral("import/watchedFolder"), watchedFolder);
    s.remove(QStringLiteral("shortcuts"));
    s.beginGroup(QStringLiteral("shortcuts"));
    for (auto it = shortcuts.cbegin(); it != shortcuts.cend(); ++it)
        s.setValue(it.key(), it.value().toString(QKeySequence::PortableText));
    s.endGroup();
}

namespace {

QString folderKey(Preferences::Folder kind)
{
    switch (kind) {
    case Preferences::Folder::Import:
        return QStringLiteral("import/lastDir");
    case Preferences::Folder::Backup:
        return QStringLiteral("backup/lastDir");
    case Preferences::Folder::Export:
        return QStringLiteral("export/lastDir");
    }
    return {};
}

} // namespace

QString Preferences::lastFolder(Folder kind)
{
    return QSettings().value(folderKey(kind)).toString();
}

void Preferences::setLastFolder(Folder kind, const QString &folder)
{
    QSettings().setValue(folderKey(kind), folder);
}

QString Preferences::lastExportFormat()
{
    return QSettings().value(QStringLiteral("export/format")).toString();
}

void Preferences::setLastExportFormat(const QString &name)
{
    QSettings().setValue(QStringLiteral("export/format"), name);
}

std::pair<QString, QString> Preferences::lastExportScope()
{
    const QSettings s;
    return {s.value(QStringLiteral("export/scope")).toString(),
            s.value(QStringLiteral("export/scopeItem")).toString()};
}

void Preferences::setLastExportScope(const QString &scope, const QString &item)
{
    QSettings s;
    s.setValue(QStringLiteral("export/scope"), scope);
    s.setValue(QStringLiteral("export/scopeItem"), item);
}

WindowState WindowState::load()
{
    QSettings s;
    WindowState w;
    w.geometry = s.value(QStringLiteral("window/geometry")).toByteArray();
    w.dockState = s.value(QStringLiteral("window/state")).toByteArray();
    w.splitter = s.value(QStringLiteral("window/splitter")).toByteArray();
    w.width = s.value(QStringLiteral("window/width"), 0).toInt();
    for (const QVariant &pane : s.value(QStringLiteral("window/panes")).toList())
        w.panes << pane.toInt();
    w.listHeader = s.value(QStringLiteral("list/header")).toByteArray();
    w.sortByColumn = s.value(QStringLiteral("list/sortByColumn")).toBool();
    w.sort = s.value(QStringLiteral("list/sort"), 0).toInt();
    w.reverse = s.value(QStringLiteral("list/reverse")).toBool();
    w.viewKey = s.value(QStringLiteral("view/key")).toString();
    w.paper = s.value(QStringLiteral("view/paper")).toLongLong();
    w.zoom = s.value(QStringLiteral("reader/zoom"), 1.0).toReal();
    w.hideRead = s.value(QStringLiteral("list/hideRead")).toBool();
    w.compactTable = s.value(QStringLiteral("list/compactTable")).toBool();
    w.readerBelow = s.value(QStringLiteral("window/readerBelow")).toBool();
    w.stack = s.value(QStringLiteral("window/stack")).toByteArray();
    return w;
}

void WindowState::save() const
{
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), geometry);
    s.setValue(QStringLiteral("window/state"), dockState);
    s.setValue(QStringLiteral("window/splitter"), splitter);
    s.setValue(QStringLiteral("window/width"), width);
    QVariantList paneList;
    for (const int pane : panes)
        paneList << pane;
    s.setValue(QStringLiteral("window/panes"), paneList);
    s.setValue(QStringLiteral("list/header"), listHeader);
    s.setValue(QStringLiteral("list/sortByColumn"), sortByColumn);
    s.setValue(QStringLiteral("list/sort"), sort);
    s.setValue(QStringLiteral("list/reverse"), reverse);
    s.setValue(QStringLiteral("view/key"), viewKey);
    s.setValue(QStringLiteral("view/paper"), paper);
    s.setValue(QStringLiteral("reader/zoom"), zoom);
    s.setValue(QStringLiteral("list/hideRead"), hideRead);
    s.setValue(QStringLiteral("list/compactTable"), compactTable);
    s.setValue(QStringLiteral("window/readerBelow"), readerBelow);
    s.setValue(QStringLiteral("window/stack"), stack);
}

PreferencesDialog::PreferencesDialog(const Preferences &current,
                                     const QList<ShortcutRow> &shortcuts, QWidget *parent)
    : QDialog(parent)
    , m_library(new QLineEdit(current.libraryPath, this))
    , m_delay(new QSpinBox(this))
    , m_theme(new QComboBox(this))
    , m_fontSize(new QSpinBox(this))
    , m_watch(new QCheckBox(tr("&Watch a folder:"), this))
    , m_watchedFolder(new QLineEdit(current.watchedFolder, this))
    , m_shortcuts(new ShortcutEditor(shortcuts, current.shortcuts, this))
{
    setWindowTitle(tr("Preferences"));
    m_library->setPlaceholderText(Library::defaultPath());
    auto *browse = new QPushButton(tr("&Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(
            this, tr("Library File"),
            m_library->text().isEmpty() ? Library::defaultPath() : m_library->text(),
            tr("Gleaner library (*.sqlite3);;All files (*)"), nullptr,
            QFileDialog::DontConfirmOverwrite);
        if (!file.isEmpty())
            m_library->setText(file);
    });
    auto *libraryRow = new QHBoxLayout;
    libraryRow->addWidget(m_library, 1);
    libraryRow->addWidget(browse);

    m_delay->setRange(0, 60);
    m_delay->setSuffix(tr(" s"));
    m_delay->setSpecialValueText(tr("Never"));
    m_delay->setValue(current.markReadDelaySec);
    m_theme->addItems({tr("Follow the system"), tr("Light"), tr("Dark")});
    m_theme->setCurrentIndex(int(current.theme));
    m_fontSize->setRange(6, 48);
    m_fontSize->setSuffix(tr(" pt"));
    m_fontSize->setValue(current.readerFontSize);

    m_watch->setObjectName(QStringLiteral("watchFolder"));
    m_watch->setChecked(current.watchFolder);
    m_watchedFolder->setObjectName(QStringLiteral("watchedFolder"));
    m_watchedFolder->setPlaceholderText(tr("A folder your browser saves digests into"));
    auto *chooseFolder = new QPushButton(tr("C&hoose…"), this);
    connect(chooseFolder, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(
            this, tr("Watched Folder"),
            m_watchedFolder->text().isEmpty() ? Preferences::lastFolder(Preferences::Folder::Import)
                                              : m_watchedFolder->text());
        if (folder.isEmpty())
            return;
        m_watchedFolder->setText(folder);
        m_watch->setChecked(true);
    });
    const auto enableFolder = [this, chooseFolder](bool on) {
        m_watchedFolder->setEnabled(on);
        chooseFolder->setEnabled(on);
    };
    connect(m_watch, &QCheckBox::toggled, this, enableFolder);
    enableFolder(m_watch->isChecked());
    auto *watchRow = new QHBoxLayout;
    watchRow->addWidget(m_watchedFolder, 1);
    watchRow->addWidget(chooseFolder);

    auto *form = new QFormLayout;
    auto *libraryLabel = new QLabel(tr("&Library file:"), this);
    libraryLabel->setBuddy(m_library);
    form->addRow(libraryLabel, libraryRow);
    m_libraryNote = new QLabel(tr("A new library file is used from the next start."), this);
    m_libraryNote->setWordWrap(true);
    m_libraryNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_libraryNote->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), m_libraryNote);
    form->addRow(tr("&Mark read after:"), m_delay);
    form->addRow(tr("&Theme:"), m_theme);
    form->addRow(tr("Reader &font size:"), m_fontSize);
    form->addRow(m_watch, watchRow);
    auto *watchNote = new QLabel(tr("Each digest saved into it is imported a moment after it is "
                                    "written; subfolders are not looked into."),
                                 this);
    watchNote->setWordWrap(true);
    watchNote->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(QString(), watchNote);

    auto *general = new QWidget(this);
    general->setLayout(form);
    auto *tabs = new QTabWidget(this);
    tabs->addTab(general, tr("&General"));
    tabs->addTab(m_shortcuts, tr("&Keyboard"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs, 1);
    layout->addWidget(buttons);
    resize(560, 520);
}

void PreferencesDialog::setOpenLibrary(const QString &path)
{
    const QString preferred = m_library->text().trimmed().isEmpty() ? Library::defaultPath()
                                                                    : m_library->text().trimmed();
    if (path.isEmpty() ||
        QFileInfo(path).absoluteFilePath() == QFileInfo(preferred).absoluteFilePath())
        return;
    m_libraryNote->setText(tr("Open now: %1, given at the start. A new library file is used from "
                              "the next start.")
                               .arg(QDir::toNativeSeparators(path)));
}

void PreferencesDialog::accept()
{
    if (const QString conflict = m_shortcuts->conflict(); !conflict.isEmpty()) {
        QMessageBox::warning(this, tr("Keyboard Shortcuts"), conflict);
        return;
    }
    QDialog::accept();
}

Preferences PreferencesDialog::preferences() const
{
    Preferences p;
    p.libraryPath = m_library->text().trimmed();
    p.markReadDelaySec = m_delay->value();
    p.theme = Preferences::Theme(m_theme->currentIndex());
    p.readerFontSize = m_fontSize->value();
    p.watchedFolder = m_watchedFolder->text().trimmed();
    p.watchFolder = m_watch->isChecked() && !p.watchedFolder.isEmpty();
    p.shortcuts = m_shortcuts->overrides();
    return p;
}

} // namespace gleaner
