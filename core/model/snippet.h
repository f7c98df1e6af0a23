// Where a search's words matched in a paper's abstract: a short window of
// the abstract as plain text, with the matched words as ranges into it, so a
// list can show them in bold and a script can find them without parsing
// markup. Plain data, plus the one function that cuts the window.
#pragma once

#include <QList>
#include <QString>

namespace gleaner {

struct Snippet
{
    // A range of `text` in UTF-16 code units (QString positions); never
    // splits a surrogate pair.
    struct Range
    {
        qsizetype start = 0;
        qsizetype length = 0;
        friend bool operator==(const Range &, const Range &) = default;
    };

    // A few words of the abstract, "…" where the abstract goes on. White
    // space runs are one space; TeX stays as written.
    QString text;
    QList<Range> highlights; // in order, never overlapping, never empty

    bool isEmpty() const { return highlights.isEmpty(); }
};

// About this many words around the matches: a line of a list, or a little more.
inline constexpr int kSnippetWords = 14;

// Cuts a snippet out of `marked`, an abstract in which each match is
// enclosed by `open` ... `close` (what FTS5's highlight() returns). The
// window of `words` words covers as many different matched words as it can
// (the earliest such), starting a little before its first match; a `$...$` span is never cut in two
// unless it is longer than a window could show. Empty when nothing is
// marked, or when the marks do not pair up (an abstract that contains a
// marker character itself is the caller's to refuse: it cannot be read).
Snippet snippetFromMarked(const QString &marked, QChar open, QChar close,
                          int words = kSnippetWords);

} // namespace gleaner
