// Who submitted a paper, as the digest shows it: a count of authors, an
// organisation, or nothing. The list, the reader and the exports each print
// it; submitterText() is the one place that words it, in the style each needs,
// and upvotesText() the one that words a paper's upvote count.
#pragma once

#include <QString>

namespace gleaner {

struct Submitter
{
    enum class Kind
    {
        None,
        Authors,
        Organisation
    };
    Kind kind = Kind::None;
    int authors = 0;      // when kind == Authors
    QString organisation; // when kind == Organisation, already un-doubled ("Gensyn")

    friend bool operator==(const Submitter &, const Submitter &) = default;
};

enum class TextStyle
{
    // "1 author", "1234 authors": English with plain digits, for files other
    // programs read (exports) and for the reader page, whose text is not
    // translated either.
    Plain,
    // Translated, the count in the user's locale ("1,234 authors"): for the
    // paper list, which shows everything else in the user's language too.
    Localised,
};

// The organisation as parsed, or the author count; empty when none is shown.
[[nodiscard]] QString submitterText(const Submitter &submitter, TextStyle style);

// "1 upvote", "12 upvotes". Callers leave an unknown count out rather than
// word it: layouts B and C show none, and that is not zero.
[[nodiscard]] QString upvotesText(int upvotes, TextStyle style);

} // namespace gleaner
