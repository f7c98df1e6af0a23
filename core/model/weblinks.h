// The one way Gleaner points outside itself: a web search for a paper, for
// its PDF and full text. Gleaner makes no request; the window hands the
// address to the system's browser when the reader asks (Paper > Open on the
// Web), and gleaner-cli web prints it.
#pragma once

#include "model/paper.h"

#include <QUrl>

namespace gleaner {

// arXiv's title search for the paper's title in plain text (math rendered
// as the list shows it): digests come from arXiv papers, and a title search
// there finds the abstract page and its PDF in one click.
[[nodiscard]] QUrl paperSearchUrl(const Paper &paper);

} // namespace gleaner
