// The query language shared by the window and gleaner-cli, parsed into an
// FTS5 expression plus typed filters. The library turns the filters into SQL
// from fixed fragments with bound values; the user's text only ever reaches
// SQLite as a bound FTS5 string in which every word is quoted.
//
//   words (AND)   "a phrase"   -word   a OR b   trailing word = prefix
//   title:word  abstract:word  is:starred|unread|read  has:note  has:highlight
//   is:dismissed (marked "Not interested"; -is:dismissed leaves them out)
//   is:queued (in the reading queue; -is:queued leaves them out)
//   tag:NAME  -tag:NAME  digest:YYYY-MM-DD  date:2024  date:>=2024-06
//   upvotes:>=10  authors:>=8  org:NAME
//
// Malformed input never fails: unbalanced quotes close at the end, unknown
// or broken filters are searched as words, characters SQLite and FTS5
// cannot take (NUL, other control characters, lone surrogates) are read as
// spaces, and a query longer than kMaxQueryLength is cut, with a notice.
#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace gleaner {

enum class SortOrder
{
    Relevance,
    Published,
    Upvotes,
    Digest,
    Title,
    RecentlyRead, // when the reader marked it read, newest first
    Queue,        // the reading queue's order; papers not in it last
    ForYou,       // the best "For you" model's score (rank/ranker.h), then upvotes, then
                  // digest position; papers marked "Not interested" last
};

std::optional<SortOrder> sortOrderFromName(const QString &name);
QString sortOrderName(SortOrder order);

enum class Comparison
{
    Less,
    LessEqual,
    Equal,
    GreaterEqual,
    Greater
};

struct NumberFilter
{
    Comparison op = Comparison::Equal;
    int value = 0;
};

// A half-open range of ISO dates [from, to); either end may be empty.
struct DateRange
{
    QString from;
    QString to;
};

// Longer than anyone types or pastes on purpose (a few thousand filters);
// the cut keeps the work a search does bounded.
inline constexpr qsizetype kMaxQueryLength = 65536;

struct ParsedQuery
{
    QString match;   // FTS5 expression of the words to find; empty when none
    QString exclude; // FTS5 expression of words to leave out; empty when none
    QStringList highlightTerms;

    std::optional<bool> starred;
    std::optional<bool> read;
    std::optional<bool> dismissed; // "Not interested"
    std::optional<bool> queued;    // in the reading queue
    std::optional<bool> hasNote;
    std::optional<bool> hasHighlight;
    QStringList tags;
    QStringList excludedTags;
    QStringList digestDates; // YYYY-MM-DD
    QList<DateRange> published;
    QList<NumberFilter> upvotes;
    QList<NumberFilter> authors;
    QStringList organisations;

    // A sentence for the user when the query was not read as written (it
    // was cut); empty otherwise.
    QString notice;

    bool hasWords() const { return !match.isEmpty(); }
    bool isEmpty() const;
};

// One word or filter of a query as the language reads it: `-` before it
// sets `negated`, a "name:" of letters before it is `field` (lower-case), a
// quoted value is `quoted`. parseQuery() reads these; the rule builder reads
// a query back into its rows with them, so both read the same language.
struct QueryToken
{
    bool negated = false;
    QString field; // lower-case, empty for a plain word
    QString value;
    bool quoted = false;
    bool atEnd = false; // last token with no trailing space: still being typed
};
QList<QueryToken> tokenizeQuery(const QString &text);

// `prefixLastWord`: the window searches as the user types, so an unfinished
// last word matches as a prefix; a trailing space ends it.
ParsedQuery parseQuery(const QString &text, bool prefixLastWord = true);

struct SearchRequest
{
    QString query;
    SortOrder sort = SortOrder::Relevance;
    int limit = -1; // -1: every match
    int offset = 0;
    bool countTotal = true;
    bool prefixLastWord = false; // the window sets it while the user types
    qint64 digestId = 0;         // > 0: only this digest's papers (the sidebar's digest views);
                                 // with no words and relevance order they come in digest order
    bool reverse = false;        // the opposite direction of `sort`
    // Only these papers (the ones an import brought, for its rules); unset
    // for every paper. A set is one bound JSON array, whatever its size.
    std::optional<QList<qint64>> onlyIds;
};

// How a relevance-ordered search with words came out. Papers whose titles
// match always come before the others. Each of the two parts is ranked by
// bm25 as a whole when it has few enough matches to sort; a larger part
// ranks its newest SearchResult::rankedNewest matches and lists the older
// ones after them, newest first (while typing, none: newest first).
enum class Ranking
{
    Relevance,        // as asked (every other order, and a search without words too)
    OthersNewestOnly, // title matches ranked whole; of the others, the newest
    TitlesNewestOnly, // both parts rank their newest matches only
};

struct SearchResult
{
    QList<qint64> ids;
    int total = 0; // all matches, not just this page (when counted)
    Ranking ranking = Ranking::Relevance;
    int rankedNewest = 0; // how many matches a part too large to rank whole ranks
    // When set, a part ranked only its matches among the newest this many
    // papers (Library::setRankedSpan).
    int rankedSpan = 0;
    // When set, the title matches that come first are those among the
    // newest this many papers; older ones are among the other matches
    // (where bm25 still weighs their titles: told only when a part was not
    // ranked whole).
    int titlesSpan = 0;
    QStringList highlightTerms;
    QString notice; // ParsedQuery::notice: shown to the user, the search still ran
    // SortOrder::ForYou only: false when no model exists yet and the order
    // is the cold-start fallback (the notice says so).
    bool personal = true;
};

} // namespace gleaner
