// Builds the reader pane's HTML for one paper from the page template in the
// resources. Every piece of digest text is escaped here, so markup in an
// abstract shows as text; `$...$` spans become math for KaTeX, URLs become
// links and search terms are marked.
#pragma once

#include "model/paper.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace gleaner {

struct ReaderStyle
{
    bool dark = false;
    int fontSizePt = 11;
    QStringList highlightTerms; // plain words; matched case-insensitively
};

// The page for a paper, or the empty state when there is none.
QString readerHtml(const std::optional<Paper> &paper, const ReaderStyle &style);

// The abstract's HTML alone (exposed for tests).
QString abstractHtml(const QString &abstract, const QStringList &highlightTerms);

} // namespace gleaner
