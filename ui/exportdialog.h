// File > Export… (Ctrl+E): picks which papers to export (the current view,
// the selection, the starred papers, a tag or a saved search), the format
// and its options, shows a preview of the first papers and writes the file
// or copies the text. The static exportText() backs the window's "Copy as
// Markdown" and "Copy as BibTeX" actions, so both paths give the same text.
#pragma once

#include "export/exporter.h"
#include "export/notesfolder.h"

#include <QDateTime>
#include <QDialog>
#include <QList>
#include <QString>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;

namespace gleaner {

class Library;

// What the window knows that the dialog cannot work out by itself.
struct ExportScopes
{
    QList<qint64> currentView; // in the order the list shows them
    QString currentViewLabel;  // "Tag: vision", "Search: tidal"...; may be empty
    QList<qint64> selection;
};

class ExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)

public:
    enum class Scope
    {
        CurrentView,
        Selection,
        Starred,
        Tag,
        SavedSearch,
    };

    // The preview shows this many papers at most, so it stays instant for a
    // library-sized export.
    static constexpr int PreviewPapers = 30;

    ExportDialog(Library &library, const ExportScopes &scopes, QWidget *parent = nullptr);

    // The whole export of `ids` in `format`, as the window's copy actions
    // want it: BibTeX with abstracts (a reference manager keeps them),
    // Markdown without (a pasted reading list should stay short).
    static QString exportText(Library &library, const QList<qint64> &ids, ExportFormat format);

    Scope scope() const;
    void setScope(Scope scope);
    ExportFormat format() const;
    void setFormat(ExportFormat format);
    // The papers the chosen scope stands for, in export order.
    QList<qint64> idsForScope() const;
    ExportOptions options() const;
    QString previewText() const;
    // The whole export of the chosen scope, as written and copied.
    QByteArray exportBytes() const;
    // Writes exportBytes() to `path` atomically; false with a sentence in
    // *error when the file could not be written (the old file is untouched).
    [[nodiscard]] bool writeTo(const QString &path);
    // Whether the format chosen is the notes folder (Obsidian, Logseq), which
    // is written by writeNotesTo() rather than as one file.
    bool notesChosen() const;
    void chooseNotes();
    // Writes the chosen scope as a folder of notes (NotesFolder); false with
    // errorString() when it could not. The report says what was written.
    [[nodiscard]] std::optional<NotesReport> writeNotesTo(const QString &dir,
                                                          bool recreate = false);
    // Why the last writeTo() or writeNotesTo() failed.
    QString errorString() const { return m_error; }

    // What the dialog saved when it closed, for the window to confirm:
    // the file (or notes folder), how many papers, in what format.
    struct Saved
    {
        QString path;
        qsizetype papers = 0;
        QString format;
    };
    std::optional<Saved> saved() const { return m_saved; }

    // For a file the reader named: the name to save under, the format's
    // suffix added where there is none; empty when the name has another
    // format's suffix, which is worth a question (a BibTeX file named
    // .md). Suffixes that mean the same (.htm, .markdown) pass.
    static QString fileNameFor(const QString &path, ExportFormat format);
    // Stores the scope and format for the next time the dialog opens.
    void rememberChoices() const;

private:
    bool restoreScope();
    void refresh();
    void updateFormatControls();
    void exportToFile();
    void exportToFolder();
    void copyToClipboard();

    Library &m_library;
    QString m_error;
    ExportScopes m_scopes;

    QRadioButton *m_currentView = nullptr;
    QRadioButton *m_selection = nullptr;
    QRadioButton *m_starred = nullptr;
    QRadioButton *m_tag = nullptr;
    QComboBox *m_tagCombo = nullptr;
    QRadioButton *m_savedSearch = nullptr;
    QComboBox *m_savedSearchCombo = nullptr;
    QComboBox *m_format = nullptr;
    QCheckBox *m_abstracts = nullptr;
    QLineEdit *m_title = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QLabel *m_count = nullptr;
    QPushButton *m_exportButton = nullptr;
    QPushButton *m_copyButton = nullptr;
    // Fixed when the dialog opens, so the preview, the file and the copy
    // carry the same "exported" line.
    QDateTime m_generated;
    // What the reader chose for abstracts; JSON forces them on while shown.
    bool m_wantAbstracts = true;
    std::optional<Saved> m_saved;
};

} // namespace gleaner
