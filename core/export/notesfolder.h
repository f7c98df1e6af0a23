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

    // Writes one file per paper (creating the folder), then the manifest.
    [[nodiscard]] std::optional<NotesReport> write(const QList<Paper> &papers,
                                                   bool recreate = false);
    QString errorString() const { return m_error; }

    // The file for `paper` when `existing` is what its file holds now (empty
    // for a new one): Gleaner's part, the marker, and whatever followed the
    // marker in `existing` (all of `existing` when it has no marker).
    static QString noteText(const Paper &paper, const QString &citationKey,
                            const QString &existing);
    // The marker line, without its line feed.
    static QString marker();
    static QString manifestName();

private:
    QString m_dir;
    QString m_error;
};

} // namespace gleaner
