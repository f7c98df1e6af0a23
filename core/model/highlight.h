// A highlight: a passage of a paper's title or abstract the reader marked in
// a colour, with an optional comment. It is anchored to the text twice over:
// by offsets, and by the passage itself with a little context on either
// side, so that when the text changes (a re-import that fixes a typo or
// changes white space) anchorHighlight() finds the passage again; one it
// cannot find is detached, kept and listed, never dropped.
//
// Offsets and lengths count UTF-16 code units of the field's text as stored
// (TeX as written), as QString and the reader page's script both count.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace gleaner {

enum class HighlightField
{
    Title,
    Abstract,
};

QString highlightFieldName(HighlightField field); // "title", "abstract"
std::optional<HighlightField> highlightFieldFromName(const QString &name);

// The colours a highlight can have, in the order menus offer them; the
// first is the default.
const QStringList &highlightColours();
bool isHighlightColour(const QString &name);

// Characters of context kept on each side of the passage.
inline constexpr int kHighlightContext = 30;

struct Highlight
{
    qint64 id = 0;
    qint64 paperId = 0;
    HighlightField field = HighlightField::Abstract;
    int start = 0;
    int length = 0;
    QString quote;  // the passage as it was when last anchored
    QString prefix; // up to kHighlightContext characters before it
    QString suffix; // and after it
    QString colour = highlightColours().constFirst();
    QString comment;
    QString created;       // ISO 8601
    bool detached = false; // the passage is no longer in the text
};

// A highlight of text.mid(start, length) with its context; nullopt when the
// range is empty or outside the text.
std::optional<Highlight> makeHighlight(const QString &text, HighlightField field, int start,
                                       int length);

// Where a stored highlight's passage is in `text` now.
struct Anchor
{
    enum class Kind
    {
        Exact,      // at its offsets, unchanged
        Moved,      // the same passage elsewhere (the text around it changed)
        Normalised, // the same passage once white space is collapsed
        Fuzzy,      // a passage a few edits away (a typo fixed)
        Detached,   // not found
    } kind = Kind::Detached;
    int start = 0;
    int length = 0;

    bool found() const { return kind != Kind::Detached; }
};

// Finds the highlight's passage in `text`: at its offsets when it is still
// there; else each occurrence of the quote, as written, then with white space
// collapsed, then allowing a few edits (about one a ten characters), the
// one whose surroundings best match the stored context (then the one nearest
// the old offsets) chosen among repeats; else detached.
Anchor anchorHighlight(const QString &text, const Highlight &highlight);

// The highlight anchored to `text`: its offsets, quote and context follow
// the passage found, and it is detached (its old quote kept) when none is.
Highlight reanchored(const QString &text, const Highlight &highlight);

// The start of the `occurrence`-th (1-based) occurrence of `passage` in
// `text`; nullopt when there are fewer.
std::optional<int> findOccurrence(const QString &text, const QString &passage, int occurrence = 1);

// How a highlight is written in backups, waiting reader data and
// `gleaner-cli --json` (without the library's ids):
//   {"field": "abstract", "start": 10, "length": 7, "quote": "...",
//    "prefix": "...", "suffix": "...", "colour": "yellow", "comment": "...",
//    "created": "2026-...", "detached": false}
QJsonObject highlightToJson(const Highlight &highlight);
// Nullopt for an object that is not a highlight (no field, no quote, a
// negative offset); an unknown colour reads as the default.
std::optional<Highlight> highlightFromJson(const QJsonObject &object);
QString highlightsToJsonText(const QList<Highlight> &highlights);
QList<Highlight> highlightsFromJsonText(const QString &json);

} // namespace gleaner
