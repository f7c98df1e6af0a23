// Builds the reader pane's HTML for one paper from the page template in the
// resources. Every piece of digest text is escaped here, so markup in an
// abstract shows as text; `$...$` spans become math for KaTeX, URLs become
// links and search terms are marked.
#pragma once

#include "model/paper.h"
#include "notehtml.h"

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

// The link on a dismissed paper's page that takes "Not interested" back.
// Digest text never links anything but http(s), so only our page has it.
inline constexpr char kUndismissUrl[] = "gleaner://reader/undismiss";

// What the page shows beside the paper itself: its note rendered
// (NoteHtml::render(), empty for no note) and the papers whose notes link to it.
struct ReaderExtras
{
    QString noteHtml;
    QList<PaperRef> linkedFrom;
    // The paper's highlights: each attached one marked in its field's text
    // (<mark class="hl hl-COLOUR" data-h="ID">), the detached ones listed
    // after the abstract, since their passage is no longer there.
    QList<Highlight> highlights;
    // "For you": the words that put the paper where it is, from which model
    // (a tag's name, empty for the stars), and the nearest papers.
    QStringList why;
    std::optional<QString> whyTag; // unset: no model scores the paper
    QList<PaperRef> related;
};

// The page for a paper, or the empty state when there is none. A dismissed
// paper's page says "Not interested" above the title, with kUndismissUrl.
// The note follows the abstract in a "Note" section, then "Linked from",
// then "Related papers"; the "Why" chips sit under the tags.
QString readerHtml(const std::optional<Paper> &paper, const ReaderStyle &style,
                   const ReaderExtras &extras = {});

// A text's HTML with its $...$ math as spans for KaTeX and the terms
// marked; URLs become links when `links` (the abstract, not the heading).
// Exposed for tests.
enum class Links
{
    Linked,
    Plain
};
// `highlights` (of this text, attached) are marked too: a formula or link
// they touch is marked whole, and where two overlap the later one shows.
QString markedUpHtml(const QString &text, const QStringList &highlightTerms, Links links,
                     const QList<Highlight> &highlights = {});

} // namespace gleaner
