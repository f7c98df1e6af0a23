#include "exportdialog.h"

#include "export/citationkeys.h"
#include "export/notesfolder.h"
#include "preferences.h"
#include "storage/library.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QVBoxLayout>

#include <algorithm>

namespace gleaner {

namespace {

// A query for exactly one tag, quoted so tags with spaces stay one filter
// (the same form the sidebar uses).
QString tagQuery(const QString &tag)
{
    QString quoted = tag;
    quoted.remove(QLatin1Char('"'));
    return QStringLiteral("tag:\"%1\"").arg(quoted);
}

QList<qint64> searchIds(Library &library, const QString &query, SortOrder sort)
{
    SearchRequest request;
    request.query = query;
    request.sort = sort;
    request.limit = -1;
    request.countTotal = false;
    const auto result = library.search(request);
    return result ? result->ids : QList<qint64>();
}

// A file name that says what is in the file, safe on every file system.
QString safeFileName(const QString &text)
{
    static const QRegularExpression unsafe(QStringLiteral("[^\\w.-]+"));
    QString name = text.trimmed();
    name.replace(unsafe, QStringLiteral("-"));
    while (name.startsWith(QLatin1Char('-')) || name.startsWith(QLatin1Char('.')))
        name.remove(0, 1);
    return name.isEmpty() ? QStringLiteral("papers") : name;
}

// The format combo's data for the notes folder, beside the format names.
const QString kNotes = QStringLiteral("notes");

// "1 paper", "12 papers": English plurals without shipping a translation.
QString paperCount(qsizetype n)
{
    return n == 1 ? ExportDialog::tr("1 paper") : ExportDialog::tr("%1 papers").arg(n);
}

} // namespace

ExportDialog::ExportDialog(Library &library, const ExportScopes &scopes, QWidget *parent)
    : QDialog(parent)
    , m_library(library)
    , m_scopes(scopes)
    , m_generated(QDateTime::currentDateTimeUtc())
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export Papers"));

    // Which papers.
    auto *scopeBox = new QGroupBox(tr("Papers"), this);
    auto *scopeGroup = new QButtonGroup(this);
    const QString viewCount = paperCount(m_scopes.currentView.size());
    const QString viewLabel =
        m_scopes.currentViewLabel.isEmpty()
            ? tr("Current view (%1)").arg(viewCount)
            : tr("Current view: %1 (%2)").arg(m_scopes.currentViewLabel, viewCount);
    m_currentView = new QRadioButton(viewLabel, scopeBox);
    m_currentView->setObjectName(QStringLiteral("exportScopeCurrentView"));
    m_selection =
        new QRadioButton(tr("Selection (%1)").arg(paperCount(m_scopes.selection.size())), scopeBox);
    m_selection->setObjectName(QStringLiteral("exportScopeSelection"));
    m_selection->setEnabled(!m_scopes.selection.isEmpty());
    m_starred = new QRadioButton(tr("Starred papers"), scopeBox);
    m_starred->setObjectName(QStringLiteral("exportScopeStarred"));

    m_tag = new QRadioButton(tr("Tag:"), scopeBox);
    m_tag->setObjectName(QStringLiteral("exportScopeTag"));
    m_tagCombo = new QComboBox(scopeBox);
    m_tagCombo->setObjectName(QStringLiteral("exportTag"));
    for (const TagCount &t : m_library.tagCounts())
        m_tagCombo->addItem(tr("%1 (%2)").arg(t.name, paperCount(t.papers)), t.name);
    m_tag->setEnabled(m_tagCombo->count() > 0);
    m_tagCombo->setEnabled(m_tagCombo->count() > 0);

    m_savedSearch = new QRadioButton(tr("Saved search:"), scopeBox);
    m_savedSearch->setObjectName(QStringLiteral("exportScopeSavedSearch"));
    m_savedSearchCombo = new QComboBox(scopeBox);
    m_savedSearchCombo->setObjectName(QStringLiteral("exportSavedSearch"));
    for (const SavedSearch &s : m_library.savedSearches())
        m_savedSearchCombo->addItem(s.name, s.query);
    m_savedSearch->setEnabled(m_savedSearchCombo->count() > 0);
    m_savedSearchCombo->setEnabled(m_savedSearchCombo->count() > 0);

    scopeGroup->addButton(m_currentView);
    scopeGroup->addButton(m_selection);
    scopeGroup->addButton(m_starred);
    scopeGroup->addButton(m_tag);
    scopeGroup->addButton(m_savedSearch);

    auto *scopeLayout = new QGridLayout(scopeBox);
    scopeLayout->addWidget(m_currentView, 0, 0, 1, 2);
    scopeLayout->addWidget(m_selection, 1, 0, 1, 2);
    scopeLayout->addWidget(m_starred, 2, 0, 1, 2);
    scopeLayout->addWidget(m_tag, 3, 0);
    scopeLayout->addWidget(m_tagCombo, 3, 1);
    scopeLayout->addWidget(m_savedSearch, 4, 0);
    scopeLayout->addWidget(m_savedSearchCombo, 4, 1);
    scopeLayout->setColumnStretch(1, 1);

    // How.
    auto *formatBox = new QGroupBox(tr("Format"), this);
    m_format = new QComboBox(formatBox);
    m_format->setObjectName(QStringLiteral("exportFormat"));
    for (const QString &name : exportFormatNames()) {
        if (const auto format = exportFormatFromName(name))
            m_format->addItem(exportFormatLabel(*format), name);
    }
    m_format->addItem(tr("Notes folder (Obsidian, Logseq)"), kNotes);
    m_abstracts = new QCheckBox(tr("Include abstracts"), formatBox);
    m_abstracts->setObjectName(QStringLiteral("exportAbstracts"));
    m_abstracts->setChecked(true);
    m_title = new QLineEdit(formatBox);
    m_title->setObjectName(QStringLiteral("exportTitle"));
    m_title->setPlaceholderText(tr("Reading list"));
    m_title->setClearButtonEnabled(true);
    auto *formatLayout = new QFormLayout(formatBox);
    formatLayout->addRow(tr("&Format:"), m_format);
    formatLayout->addRow(QString(), m_abstracts);
    formatLayout->addRow(tr("List &title:"), m_title);

    m_preview = new QPlainTextEdit(this);
    m_preview->setObjectName(QStringLiteral("exportPreview"));
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("exportCount"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_exportButton = buttons->addButton(tr("&Export\u2026"), QDialogButtonBox::AcceptRole);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setDefault(true);
    m_copyButton = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    m_copyButton->setObjectName(QStringLiteral("exportCopyButton"));
    // Accepting only after a successful write: the buttons' own roles would
    // close the dialog even when the file dialog is cancelled.
    connect(m_exportButton, &QPushButton::clicked, this, [this] {
        if (notesChosen())
            exportToFolder();
        else
            exportToFile();
    });
    connect(m_copyButton, &QPushButton::clicked, this, &ExportDialog::copyToClipboard);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *top = new QHBoxLayout;
    top->addWidget(scopeBox, 1);
    top->addWidget(formatBox, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(new QLabel(tr("Preview:"), this));
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_count);
    layout->addWidget(buttons);

    // The papers exported last time, where they still exist; else several
    // selected papers are most likely what the reader means, else what the
    // list shows.
    if (!restoreScope()) {
        if (m_scopes.selection.size() > 1)
            m_selection->setChecked(true);
        else
            m_currentView->setChecked(true);
    }
    if (const auto saved = exportFormatFromName(Preferences::lastExportFormat()))
        m_format->setCurrentIndex(m_format->findData(exportFormatName(*saved)));
    else if (Preferences::lastExportFormat() == kNotes)
        chooseNotes();
    updateFormatControls();
    refresh();

    connect(scopeGroup, &QButtonGroup::buttonToggled, this, [this](QAbstractButton *, bool on) {
        if (on)
            refresh();
    });
    // Picking a tag or saved search means exporting it.
    connect(m_tagCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (m_tag->isChecked())
            refresh();
        else
            m_tag->setChecked(true);
    });
    connect(m_savedSearchCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (m_savedSearch->isChecked())
            refresh();
        else
            m_savedSearch->setChecked(true);
    });
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        updateFormatControls();
        refresh();
    });
    connect(m_abstracts, &QCheckBox::toggled, this, [this](bool on) {
        if (m_abstracts->isEnabled())
            m_wantAbstracts = on;
        refresh();
    });
    connect(m_title, &QLineEdit::textChanged, this, &ExportDialog::refresh);

    resize(760, 620);
}

QString ExportDialog::exportText(Library &library, const QList<qint64> &ids, ExportFormat format)
{
    ExportOptions options;
    options.format = format;
    options.includeAbstracts = format != ExportFormat::Markdown;
    const QList<Paper> papers = library.papers(ids, true);
    options.linkedPapers = library.linkedPapers(papers);
    return QString::fromUtf8(Exporter::exportPapers(papers, options));
}

ExportDialog::Scope ExportDialog::scope() const
{
    if (m_selection->isChecked())
        return Scope::Selection;
    if (m_starred->isChecked())
        return Scope::Starred;
    if (m_tag->isChecked())
        return Scope::Tag;
    if (m_savedSearch->isChecked())
        return Scope::SavedSearch;
    return Scope::CurrentView;
}

namespace {

const std::pair<ExportDialog::Scope, const char *> kScopeNames[] = {
    {ExportDialog::Scope::CurrentView, "view"},   {ExportDialog::Scope::Selection, "selection"},
    {ExportDialog::Scope::Starred, "starred"},    {ExportDialog::Scope::Tag, "tag"},
    {ExportDialog::Scope::SavedSearch, "search"},
};

} // namespace

bool ExportDialog::restoreScope()
{
    const auto [name, item] = Preferences::lastExportScope();
    const auto known = std::find_if(std::begin(kScopeNames), std::end(kScopeNames),
                                    [&](const auto &s) { return name == QLatin1String(s.second); });
    if (known == std::end(kScopeNames))
        return false;
    switch (known->first) {
    case Scope::CurrentView:
    case Scope::Starred:
        break;
    case Scope::Selection:
        if (m_scopes.selection.isEmpty())
            return false;
        break;
    case Scope::Tag:
    case Scope::SavedSearch: {
        QComboBox *combo = known->first == Scope::Tag ? m_tagCombo : m_savedSearchCombo;
        const int index =
            known->first == Scope::Tag ? combo->findData(item) : combo->findText(item);
        if (index < 0)
            return false;
        combo->setCurrentIndex(index);
        break;
    }
    }
    setScope(known->first);
    return true;
}

void ExportDialog::rememberChoices() const
{
    const Scope s = scope();
    for (const auto &[value, name] : kScopeNames) {
        if (value != s)
            continue;
        const QString item = s == Scope::Tag           ? m_tagCombo->currentData().toString()
                             : s == Scope::SavedSearch ? m_savedSearchCombo->currentText()
                                                       : QString();
        Preferences::setLastExportScope(QLatin1String(name), item);
    }
    Preferences::setLastExportFormat(notesChosen() ? QString(kNotes) : exportFormatName(format()));
}

void ExportDialog::setScope(Scope scope)
{
    switch (scope) {
    case Scope::CurrentView:
        m_currentView->setChecked(true);
        break;
    case Scope::Selection:
        m_selection->setChecked(true);
        break;
    case Scope::Starred:
        m_starred->setChecked(true);
        break;
    case Scope::Tag:
        m_tag->setChecked(true);
        break;
    case Scope::SavedSearch:
        m_savedSearch->setChecked(true);
        break;
    }
}

ExportFormat ExportDialog::format() const
{
    return exportFormatFromName(m_format->currentData().toString())
        .value_or(ExportFormat::Markdown);
}

void ExportDialog::setFormat(ExportFormat format)
{
    m_format->setCurrentIndex(m_format->findData(exportFormatName(format)));
}

bool ExportDialog::notesChosen() const
{
    return m_format->currentData().toString() == kNotes;
}

void ExportDialog::chooseNotes()
{
    m_format->setCurrentIndex(m_format->findData(kNotes));
}

std::optional<NotesReport> ExportDialog::writeNotesTo(const QString &dir, bool recreate)
{
    m_error.clear();
    NotesFolder folder(dir);
    const QList<Paper> papers = m_library.papers(idsForScope(), true);
    folder.setLinkedPapers(m_library.linkedPapers(papers));
    const std::optional<NotesReport> report = folder.write(papers, recreate);
    if (!report)
        m_error = folder.errorString();
    return report;
}

QList<qint64> ExportDialog::idsForScope() const
{
    switch (scope()) {
    case Scope::CurrentView:
        return m_scopes.currentView;
    case Scope::Selection:
        return m_scopes.selection;
    case Scope::Starred:
        return searchIds(m_library, QStringLiteral("is:starred"), SortOrder::Published);
    case Scope::Tag:
        if (m_tagCombo->currentIndex() < 0)
            return {};
        return searchIds(m_library, tagQuery(m_tagCombo->currentData().toString()),
                         SortOrder::Published);
    case Scope::SavedSearch:
        if (m_savedSearchCombo->currentIndex() < 0)
            return {};
        // The order a saved search shows in the window with no sort chosen.
        return searchIds(m_library, m_savedSearchCombo->currentData().toString(),
                         SortOrder::Relevance);
    }
    return {};
}

ExportOptions ExportDialog::options() const
{
    ExportOptions options;
    options.format = format();
    options.includeAbstracts = options.format == ExportFormat::Json || m_abstracts->isChecked();
    options.title = m_title->text().trimmed();
    options.generated = m_generated;
    return options;
}

QString ExportDialog::previewText() const
{
    return m_preview->toPlainText();
}

QByteArray ExportDialog::exportBytes() const
{
    const QList<Paper> papers = m_library.papers(idsForScope(), true);
    ExportOptions withLinks = options();
    withLinks.linkedPapers = m_library.linkedPapers(papers);
    return Exporter::exportPapers(papers, withLinks);
}

bool ExportDialog::writeTo(const QString &path)
{
    m_error.clear();
    QSaveFile file(path);
    const QByteArray bytes = exportBytes();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        m_error =
            tr("Could not write %1: %2.").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

void ExportDialog::refresh()
{
    const QList<qint64> ids = idsForScope();
    // Only the first papers: loading and formatting a whole library on every
    // keystroke in the title would make the dialog sluggish.
    const QList<Paper> papers = m_library.papers(ids.mid(0, PreviewPapers), true);
    ExportOptions preview = options();
    preview.listSize = ids.size(); // the header counts the whole export
    preview.linkedPapers = m_library.linkedPapers(papers);
    if (notesChosen()) {
        // The first paper's file, as a new one.
        const QStringList keys = citationKeys(papers);
        m_preview->setPlainText(
            papers.isEmpty() ? QString()
                             : keys.first() + QStringLiteral(".md\n\n") +
                                   NotesFolder::noteText(papers.first(), keys.first(), QString(),
                                                         preview.linkedPapers, papers, keys));
    } else {
        m_preview->setPlainText(QString::fromUtf8(Exporter::exportPapers(papers, preview)));
    }
    if (ids.size() > PreviewPapers)
        m_count->setText(tr("%1 will be exported; the preview shows the first %2.")
                             .arg(paperCount(ids.size()))
                             .arg(PreviewPapers));
    else
        m_count->setText(tr("%1 will be exported.").arg(paperCount(ids.size())));
    m_exportButton->setEnabled(!ids.isEmpty());
    m_copyButton->setEnabled(!ids.isEmpty() && !notesChosen());
}

void ExportDialog::updateFormatControls()
{
    const ExportFormat f = format();
    // JSON is the shape of `gleaner-cli --json`, which always has abstracts:
    // show them ticked, and give back the reader's choice for other formats.
    const bool json = f == ExportFormat::Json;
    {
        const QSignalBlocker blocker(m_abstracts);
        m_abstracts->setEnabled(!json);
        m_abstracts->setChecked(json || m_wantAbstracts);
    }
    m_title->setEnabled(!notesChosen() && (f == ExportFormat::Markdown || f == ExportFormat::Html));
    if (notesChosen()) {
        // A note file always holds the abstract.
        const QSignalBlocker blocker(m_abstracts);
        m_abstracts->setEnabled(false);
        m_abstracts->setChecked(true);
    }
}

void ExportDialog::exportToFile()
{
    const ExportFormat f = format();
    const QString suffix = exportFormatSuffix(f);
    QString base;
    switch (scope()) {
    case Scope::Starred:
        base = QStringLiteral("starred");
        break;
    case Scope::Tag:
        base = m_tagCombo->currentData().toString();
        break;
    case Scope::SavedSearch:
        base = m_savedSearchCombo->currentText();
        break;
    case Scope::CurrentView:
    case Scope::Selection:
        base = m_title->isEnabled() ? m_title->text() : QString();
        break;
    }
    QString dir = Preferences::lastFolder(Preferences::Folder::Export);
    if (dir.isEmpty() || !QFileInfo(dir).isDir())
        dir = QDir::homePath();
    const QString filter = tr("%1 (*.%2)").arg(exportFormatLabel(f), suffix);
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export Papers"),
        QDir(dir).filePath(safeFileName(base) + QLatin1Char('.') + suffix), filter);
    if (path.isEmpty())
        return;
    // Some platforms' dialogs leave the suffix off; the file should still
    // open in the program it was made for. Another format's suffix is asked
    // about: the file would open in the wrong program.
    if (const QString named = fileNameFor(path, f); !named.isEmpty()) {
        path = named;
    } else {
        const QFileInfo info(path);
        const QString fixed = info.dir().filePath(info.completeBaseName() + u'.' + suffix);
        QMessageBox ask(QMessageBox::Question, tr("Export Papers"),
                        tr("\u201c%1\u201d ends in .%2, but the file will hold %3.")
                            .arg(info.fileName(), info.suffix(), exportFormatLabel(f)),
                        QMessageBox::Cancel, this);
        ask.setInformativeText(tr("Save it as \u201c%1\u201d, so it opens in a program that "
                                  "reads %2?")
                                   .arg(QFileInfo(fixed).fileName(), exportFormatLabel(f)));
        QPushButton *useSuffix =
            ask.addButton(tr("Save as .%1").arg(suffix), QMessageBox::AcceptRole);
        const QPushButton *keep =
            ask.addButton(tr("Keep .%1").arg(info.suffix()), QMessageBox::DestructiveRole);
        ask.setDefaultButton(useSuffix);
        ask.exec();
        if (ask.clickedButton() == useSuffix)
            path = fixed;
        else if (ask.clickedButton() != keep)
            return;
    }

    if (!writeTo(path)) {
        QMessageBox::warning(this, tr("Export Failed"), errorString());
        return;
    }
    Preferences::setLastFolder(Preferences::Folder::Export, QFileInfo(path).absolutePath());
    rememberChoices();
    m_saved = Saved{path, idsForScope().size(), exportFormatLabel(f)};
    accept();
}

namespace {

// The suffixes a file of this format goes by, its own first: other programs
// save Markdown as .markdown or .txt, HTML as .htm.
QStringList suffixesOf(ExportFormat format)
{
    QStringList suffixes{exportFormatSuffix(format)};
    switch (format) {
    case ExportFormat::Markdown:
        suffixes << QStringLiteral("markdown") << QStringLiteral("txt");
        break;
    case ExportFormat::Html:
        suffixes << QStringLiteral("htm") << QStringLiteral("xhtml");
        break;
    case ExportFormat::Ris:
        suffixes << QStringLiteral("txt");
        break;
    case ExportFormat::BibTeX:
    case ExportFormat::BibLaTeX:
    case ExportFormat::CslJson:
    case ExportFormat::Csv:
    case ExportFormat::Json:
        break;
    }
    return suffixes;
}

} // namespace

QString ExportDialog::fileNameFor(const QString &path, ExportFormat format)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffixesOf(format).contains(suffix))
        return path;
    // Another format's suffix is a question; a dot that starts no suffix
    // Gleaner knows ("Notes 1.5") is part of the name.
    const QStringList formats = exportFormatNames();
    const bool another = !suffix.isEmpty() &&
                         std::any_of(formats.cbegin(), formats.cend(), [&](const QString &name) {
                             const auto f = exportFormatFromName(name);
                             return f && suffixesOf(*f).contains(suffix);
                         });
    return another ? QString() : path + u'.' + exportFormatSuffix(format);
}

void ExportDialog::exportToFolder()
{
    QString dir = Preferences::lastFolder(Preferences::Folder::Export);
    if (dir.isEmpty() || !QFileInfo(dir).isDir())
        dir = QDir::homePath();
    const QString folder =
        QFileDialog::getExistingDirectory(this, tr("Export Notes to Folder"), dir);
    if (folder.isEmpty())
        return;
    const std::optional<NotesReport> report = writeNotesTo(folder);
    if (!report) {
        QMessageBox::warning(this, tr("Export Failed"), errorString());
        return;
    }
    Preferences::setLastFolder(Preferences::Folder::Export, folder);
    rememberChoices();
    m_saved = Saved{folder, report->written + report->unchanged, tr("notes")};
    if (!report->skipped.isEmpty())
        QMessageBox::information(
            this, tr("Notes Exported"),
            tr("%1 written, %2 unchanged. %3 you deleted from the folder were left out; "
               "gleaner-cli export --format notes --recreate writes them again.")
                .arg(paperCount(report->written), paperCount(report->unchanged),
                     paperCount(report->skipped.size())));
    accept();
}

void ExportDialog::copyToClipboard()
{
    QApplication::clipboard()->setText(QString::fromUtf8(exportBytes()));
    rememberChoices();
    accept();
}

} // namespace gleaner
