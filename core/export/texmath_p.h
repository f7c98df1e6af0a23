// Private to export/: whether a $...$ formula from a digest can go into a
// .bib as math. LaTeX stops on an unknown command (\mathbb without amssymb)
// or a misplaced superscript, and a .bib is compiled in documents Gleaner
// knows nothing about, so only what a bare \documentclass{article} typesets
// is kept as math; anything else is written as text.
#pragma once

#include <QString>

namespace gleaner::tex {

// `formula` with its $ or $$ delimiters. Characters outside ASCII are
// checked by the caller (texchars_p.h).
[[nodiscard]] bool isSafeMath(const QString &formula);

} // namespace gleaner::tex
