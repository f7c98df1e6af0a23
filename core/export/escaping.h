// The escaping each export format needs so that its readers take digest text
// for text: TeX's special characters for BibTeX, Markdown's markup, HTML's
// entities, RFC 4180 quoting for CSV. Titles and abstracts may hold $...$
// math; BibTeX and Markdown keep a formula as written where that is safe.
// Shared by the formats and, through Exporter, by the tests.
#pragma once

#include <QString>

namespace gleaner::escape {

// Digest text comes from browsers and clipboards: old Mac and Windows line
// ends, tabs and stray control characters. Every format gets plain "\n",
// tabs become spaces and other control characters are dropped.
[[nodiscard]] QString cleanText(const QString &text);
// cleanText() on one line, white space collapsed: titles, tags, names.
[[nodiscard]] QString oneLine(const QString &text);

// For a BibTeX field between braces; keeps $...$ math as math when its
// braces balance.
[[nodiscard]] QString bibtex(const QString &text);
// For Markdown text, including what would start a list, heading or code
// block at the start of a line.
[[nodiscard]] QString markdown(const QString &text);
// For HTML (and XML) text and attribute values.
[[nodiscard]] QString html(const QString &text);
// One CSV field, quoted only when it has to be.
[[nodiscard]] QString csvField(const QString &text);

} // namespace gleaner::escape
