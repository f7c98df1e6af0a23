// What reference managers identify a paper by: a citation key, and the date
// a citation gives. BibTeX, RIS and CSL-JSON (and the HTML page's anchors)
// share them, so one paper has the same key in every export.
#pragma once

#include "model/paper.h"

#include <QDate>
#include <QList>
#include <QStringList>

namespace gleaner {

// When it was published, else the first digest it appeared in; invalid
// when neither is known.
[[nodiscard]] QDate citationDate(const Paper &paper);

// One key per paper in order: the first significant word of the title
// (folded to ASCII) and the year, "tidal2026". Papers that would share a key
// get a, b, c... in the order of their titles, not of the list, so a paper
// keeps its key however the list is sorted.
[[nodiscard]] QStringList citationKeys(const QList<Paper> &papers);

} // namespace gleaner
