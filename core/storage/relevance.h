// The relevance function a search ranks by: FTS5 auxiliary function
// `gleaner_bm25`, registered on every connection Database opens.
//
// It is Okapi BM25 as FTS5's own bm25() computes it (k1 1.2, b 0.75, the
// same column weights, the same sign: lower ranks first) but for one thing,
// the idf of each phrase. bm25() counts the papers a phrase is in by walking
// its whole doclist once a statement: a word in most of a million papers
// costs 50 ms before the first row is scored, a two-word phrase 150 ms,
// however few matches the statement ranks.
//
// A query of one phrase (a word, or words in quotes) needs no count: its
// idf scales every score alike, so any value gives bm25()'s order. For a
// query of several, gleaner_bm25 walks each phrase's matches oldest first,
// up to kIdfSample of them or the first past row id kIdfRows. A phrase it
// walked to the end is counted exactly, and when every phrase is the scores
// are bm25()'s. Otherwise the count is estimated from the share of the
// library the walk covered, since row ids are arrival order; the estimate
// only weighs the phrases against each other, and a phrase common enough to
// be estimated is one bm25() gives little weight anyway.
#pragma once

struct sqlite3;

namespace gleaner::relevance {

// Where a phrase's count stops walking and estimates: after this many
// matches, or at a match past this row id.
inline constexpr int kIdfSample = 4096;
inline constexpr long long kIdfRows = 65536;

// The rank clause a ranked select adds beside its MATCH, with the column
// weights (title, abstract) the schema's own rank setting names for bm25().
inline constexpr const char *kRankClause = "rank MATCH 'gleaner_bm25(10.0, 1.0)'";

// Registers gleaner_bm25 on `db`; false if FTS5 is missing or refuses it.
bool registerFunction(sqlite3 *db);

} // namespace gleaner::relevance
