// The escaping each export format needs so that its readers take digest text
// for text: TeX's special characters for BibTeX, Markdown's markup, HTML's
// entities, RFC 4180 quoting for CSV. Titles and abstracts may hold $...$
// math; BibTeX and Markdown keep a formula as written where that is safe.
// Shared by the formats and, through Exporter, by the tests.
#pragma once

#include <QList>
#include <QString>

namespace gleaner::escape {

// Digest text comes from browsers and clipboards: old Mac and Windows line
// ends, tabs and stray control characters. Every format gets plain "\n",
// tabs become spaces and other control characters are dropped.
[[nodiscard]] QString cleanText(const QString &text);
// cleanText() on one line, white space collapsed: titles, tags, names.
[[nodiscard]] QString oneLine(const QString &text);

// How a .bib spells what is not ASCII. Ascii (the BibTeX flavour): LaTeX
// commands only ({\'{e}}, \textendash{}, \ensuremath{\alpha}). Utf8 (the
// BibLaTeX flavour): what pdflatex's UTF-8 input sets (Latin-1 and Latin
// Extended-A letters, dashes, quotes) stays as written, the rest is spelled
// as in Ascii. In both, a run of letters in a script pdflatex cannot set
// without fonts of its own becomes its script's name in brackets
// ("[Cyrillic]"): a .bib is compiled in documents Gleaner knows nothing
// about, and the first to hold such a title would stop there. (A
// \ifdefined\Umathchar branch for XeLaTeX was tried: biber's sorting and
// pandoc read both branches.) CSL-JSON, RIS and JSON keep every script.
enum class TexText
{
    Ascii,
    Utf8,
};

// For a BibTeX field between braces; keeps $...$ math as math when its
// braces balance and a bare LaTeX document typesets it (texmath_p.h). URLs
// keep their characters: escaped so LaTeX prints and readers decode them as
// written, with no -- or '' turned into a dash or a quote.
[[nodiscard]] QString bibtex(const QString &text, TexText spelling = TexText::Ascii);
// For Markdown text, including what would start a list, heading or code
// block at the start of a line.
[[nodiscard]] QString markdown(const QString &text);
// A note, which is Markdown already (the reader renders it so): kept as
// written, lists, emphasis, math and all, except that no raw HTML comes
// through, as in the reader: each < outside fenced code is backslash-
// escaped (in a code span the backslash shows: safe over pretty).
[[nodiscard]] QString markdownNote(const QString &text);
// For HTML (and XML) text and attribute values.
[[nodiscard]] QString html(const QString &text);
// html(), with each formula a span for a typesetter, delimiters kept so the
// text reads the same untypeset: `$x$` becomes <span class="math">$x$</span>,
// `$$x$$` <span class="math display">$$x$$</span>.
// As in the reader, a formula neither starts nor ends with a space, so
// "$5 and $6" stays text. *hasMath, when given, is set when one was found
// (and left as it was otherwise), so one flag can gather a whole page.
[[nodiscard]] QString htmlWithMath(const QString &text, bool *hasMath = nullptr);
// A text cut at the formulas htmlWithMath() typesets: each piece is a run
// of text or one formula with its delimiters. The reader's notes use it too.
struct TextPiece
{
    bool math = false;
    QString text;
};
[[nodiscard]] QList<TextPiece> mathPieces(const QString &text);
// One formula, delimiters included, as the span typeset-math.js reads.
[[nodiscard]] QString mathSpan(const QString &formula);
// One CSV field, quoted only when it has to be.
[[nodiscard]] QString csvField(const QString &text);

} // namespace gleaner::escape
