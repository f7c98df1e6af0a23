// A folder of notes for Obsidian, Logseq or any Markdown notebook: one file
// per paper, named by its citation key, with YAML front matter (title,
// citekey, tags, published, upvotes, digests, starred, read), the abstract
// and the reader's note. Below a marker line the file is the user's:
// exporting again rewrites Gleaner's part and keeps theirs byte for byte.
//
// A small manifest in the folder (.gleaner-notes.json) remembers which file
// belongs to which paper (by title identity), so a paper keeps its file when
// its key changes, and a file the user deleted is not written again unless
// asked to (`recreate`).
#pragma once

#include "model/paper.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace gleaner {

struct NotesReport
{
    int written = 0;     // files created or updated
    int unchanged = 0;   // already as they would be written: left alone
    QStringList skipped; // files the user deleted, not recreated
};

class NotesFolder final
{
    Q_DECLARE_TR_FUNCTIONS(gleaner::NotesFolder)

public:
    explicit NotesFolder(QString dir);

    // The papers the notes link to (ExportOptions::linkedPapers): a resolved
    // [[title words]] link is written [[@key]], the paper's citation key.
    void setLinkedPapers(QHash<QString, Paper> linked) { m_linked = std::move(linked); }

    // Writes one file per paper (creating the folder), then the manifest.
    [[nodiscard]] std::optional<NotesReport> write(const QList<Paper> &papers,
                                                   bool recreate = false);
    QString errorString() const { return m_error; }

    // The file for `paper` when `existing` is what its file holds now (empty
    // for a new one): Gleaner's part, the marker, and whatever followed the
    // marker in `existing` (all of `existing` when it has no marker).
    // `linked`, `papers` and `keys` resolve the note's links as above.
    static QString noteText(const Paper &paper, const QString &citationKey, const QString &existing,
                            const QHash<QString, Paper> &linked = {},
                            const QList<Paper> &papers = {}, const QStringList &keys = {});
    // The marker line, without its line feed.
    static QString marker();
    static QString manifestName();

private:
    QString m_dir;
    QString m_error;
    QHash<QString, Paper> m_linked;
};

} // namespace gleaner
