// What reference managers identify a paper by: a citation key, and the date
// a citation gives. BibTeX, BibLaTeX, RIS and CSL-JSON (and the HTML page's
// anchors) share them, so one paper has the same key in every export.
#pragma once

#include "model/paper.h"

#include <QDate>
#include <QList>
#include <QStringList>

namespace gleaner {

// When it was published; invalid when that is unknown. Never the date of a
// digest it appeared in: that is when the page listed it, and a reference
// manager would take it for a publication year. The digest dates travel in
// each format's free-text field (howpublished, note) instead.
[[nodiscard]] QDate citationDate(const Paper &paper);

// One key per paper in order, in the style of Better BibTeX's
// auth.lower + shorttitle(3,3) + year with no author (digests name none):
//
//   1. the title with math markup stripped ($, ^, _, braces and \command
//      names go, their letters stay: "M$^3$ViT" reads "M3ViT"), apostrophes
//      dropped ("Don't" is "Dont") and folded to ASCII (accents dropped to
//      the base letter, "é" is "e"; letters of other scripts are left out);
//   2. split into words at anything but an ASCII letter or digit;
//   3. the first three words of two or more characters that are not stop
//      words ("a", "the", "of", "towards", ... see isStopWord); "paper" when
//      there is none (a title in another script);
//   4. camel case: the first word in lower case, each later word with its
//      first letter in upper case and the rest as written;
//   5. the year of publication; nothing when it is unknown.
//
// "Sparse Spectral Training of Neural Networks" published 2024 is
// sparseSpectralTraining2024. Keys that would clash (ignoring case, as
// BibTeX does) are told apart in the order of their titles' identity
// (titleKey), then their ids, not of the list: the first keeps the key, the
// next get a, b, c... appended. So a paper keeps its key however the list is
// sorted, and in any export that holds no paper ordered before it under
// the same key.
[[nodiscard]] QStringList citationKeys(const QList<Paper> &papers);

// The title's words as step 1 and 2 above read them, joined by spaces: what
// BibTeX styles sort an entry without authors by (its `key` field). The
// citation key when the title has no Latin word.
[[nodiscard]] QString sortKey(const Paper &paper, const QString &citationKey);

} // namespace gleaner
