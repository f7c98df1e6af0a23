// Private to export/: what LaTeX makes of one character outside ASCII, for
// pdflatex with nothing but a \documentclass (OT1 fonts, UTF-8 input): the
// document every .bib has to survive. The BibTeX escaping (escaping.cpp)
// asks this table, and citation keys fold titles to ASCII with it.
#pragma once

#include <QString>
#include <QStringView>

namespace gleaner::tex {

struct TexChar
{
    enum class Kind
    {
        // Text pdflatex sets from its default UTF-8 input: Latin letters with
        // the accents OT1 can build, quotes, dashes, spaces. `tex` is its
        // ASCII spelling ({\'{e}}, \textendash{}, ~).
        Latin,
        // A Latin letter or mark OT1 cannot build (ogonek, eth, thorn, guillemets):
        // `tex` is the nearest ASCII spelling, so the UTF-8 flavour must
        // not keep it as written either.
        LatinApprox,
        // A mathematical symbol or a Greek letter: `tex` is its command in
        // math mode (\alpha, \leq, ^{2}); text needs \ensuremath around it.
        Math,
        // A letter of a script pdflatex cannot set without fonts of its own
        // (Cyrillic, Han, Arabic, ...): `tex` names the script.
        Script,
        // Nothing LaTeX can print: zero-width characters and symbols without
        // a command (emoji). `tex` is empty.
        Drop,
    };
    Kind kind = Kind::Drop;
    QString tex;
    // The ASCII letters a citation key reads in it ("e" for é, "ss" for ß),
    // empty for anything that is not a letter or digit.
    QString fold;
};

// One character outside ASCII with the combining marks that follow it
// (a grapheme as a title spells it: "é" or "e\u0301").
[[nodiscard]] TexChar texChar(QStringView cluster);

// The length of the cluster starting at `i`: one code point (two UTF-16
// units for a surrogate pair) and the combining marks after it.
[[nodiscard]] qsizetype clusterLength(QStringView text, qsizetype i);

// `text` with accented Latin letters folded to their base letters ("é" is
// "e", "ß" is "ss") and everything else outside ASCII turned into a space.
[[nodiscard]] QString foldToAscii(const QString &text);

} // namespace gleaner::tex
