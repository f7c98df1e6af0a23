// Links between papers written in a note as [[title words]]: where they are
// and what they say. Resolving the words to a paper needs the library
// (Library::resolveNoteLink); this only reads the text, so the reader, the
// exports and the CLI agree on what a link is. A link sits on one line, holds
// no brackets and some words, and is not inside `code` or a fenced block.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace gleaner {

struct NoteLink
{
    qsizetype start = 0;  // of the first '['
    qsizetype length = 0; // through the last ']'
    QString words;        // what is between the brackets, trimmed
};

// The longest words a link may hold; a longer run is text.
inline constexpr qsizetype kMaxNoteLinkWords = 300;

[[nodiscard]] QList<NoteLink> noteLinks(const QString &note);

// The words a link is looked up by: its letters and digits, case-folded.
[[nodiscard]] QStringList noteLinkWords(const QString &words);

// `note` with each link replaced by what `replacement` returns for it.
[[nodiscard]] QString replaceNoteLinks(const QString &note,
                                       const std::function<QString(const NoteLink &)> &replacement);

} // namespace gleaner
