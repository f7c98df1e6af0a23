// Query words for the benchmarks, read from a library's own index, so the
// query classes fit whatever text the library holds (synthetic or real
// language) and the typing benchmark needs no words from its user.
#pragma once

#include <QStringList>

namespace gleaner {
class Database;
}

namespace gleaner::bench {

struct QueryWords
{
    QStringList rare;   // in the fewest papers (but at least one)
    QStringList common; // in the most papers, function words ("the", "with") left out
    QStringList pairs;  // the most frequent neighbouring pairs of such words in titles
};

// Up to `count` of each, most telling first. Words are letters only, at
// least three of them, so each is one plain term of the query language.
QueryWords queryWords(Database &db, int count);

} // namespace gleaner::bench
