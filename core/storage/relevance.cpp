#include "storage/relevance.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace gleaner::relevance {

namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
// bm25()'s floor for a phrase in more than half the rows, whose idf would
// be negative: it still counts, a little.
constexpr double kSmallestIdf = 1e-6;

// What a statement's rows share, worked out on its first row.
struct Shared
{
    std::vector<double> idf;       // by phrase
    double meanLength = 0;         // tokens a row, every column
    std::vector<double> frequency; // by phrase, the current row's
};

// A phrase's matches, oldest first, until kIdfSample of them or the first
// past kIdfRows.
struct Walk
{
    int matches = 0;
    sqlite3_int64 reached = 0; // the row id it stopped at
    bool stopped = false;
};

int countMatch(const Fts5ExtensionApi *api, Fts5Context *fts, void *data)
{
    auto *walk = static_cast<Walk *>(data);
    walk->reached = api->xRowid(fts);
    if (walk->reached > kIdfRows)
        return walk->stopped = true, SQLITE_DONE;
    if (++walk->matches < kIdfSample)
        return SQLITE_OK;
    return walk->stopped = true, SQLITE_DONE;
}

int share(const Fts5ExtensionApi *api, Fts5Context *fts, Shared &shared)
{
    sqlite3_int64 rows = 0;
    sqlite3_int64 tokens = 0;
    int rc = api->xRowCount(fts, &rows);
    if (rc == SQLITE_OK)
        rc = api->xColumnTotalSize(fts, -1, &tokens);
    if (rc != SQLITE_OK)
        return rc;
    shared.meanLength = rows > 0 ? double(tokens) / double(rows) : 1.0;
    const int phrases = api->xPhraseCount(fts);
    shared.frequency.assign(std::size_t(phrases), 0.0);
    // One phrase's idf scales every score alike: the order is bm25()'s
    // whatever it is, so nothing is walked.
    if (phrases == 1) {
        shared.idf = {1.0};
        return SQLITE_OK;
    }
    shared.idf.reserve(std::size_t(phrases));
    for (int i = 0; i < phrases; ++i) {
        Walk walk;
        rc = api->xQueryPhrase(fts, i, &walk, countMatch);
        if (rc != SQLITE_OK)
            return rc;
        double papers = walk.matches;
        // The walk stopped early: the share of the library it covered, by
        // row id, holds the matches it counted.
        if (walk.stopped && walk.reached > 0)
            papers = std::clamp(double(walk.matches) * double(rows) / double(walk.reached),
                                double(walk.matches), double(std::max<sqlite3_int64>(rows, 1)));
        const double idf = std::log((double(rows) - papers + 0.5) / (papers + 0.5));
        shared.idf.push_back(idf > 0 ? idf : kSmallestIdf);
    }
    return SQLITE_OK;
}

void rank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context, int argc,
          sqlite3_value **argv)
{
    auto *shared = static_cast<Shared *>(api->xGetAuxdata(fts, 0));
    if (!shared) {
        auto *made = new Shared;
        int rc = share(api, fts, *made);
        if (rc != SQLITE_OK) {
            delete made;
            sqlite3_result_error_code(context, rc);
            return;
        }
        rc = api->xSetAuxdata(fts, made, [](void *p) { delete static_cast<Shared *>(p); });
        if (rc != SQLITE_OK) {
            // xSetAuxdata has called the destructor already.
            sqlite3_result_error_code(context, rc);
            return;
        }
        shared = made;
    }

    std::fill(shared->frequency.begin(), shared->frequency.end(), 0.0);
    int instances = 0;
    int rc = api->xInstCount(fts, &instances);
    for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
        int phrase = 0;
        int column = 0;
        int offset = 0;
        rc = api->xInst(fts, i, &phrase, &column, &offset);
        if (rc == SQLITE_OK && phrase >= 0 && std::size_t(phrase) < shared->frequency.size())
            shared->frequency[std::size_t(phrase)] +=
                column < argc ? sqlite3_value_double(argv[column]) : 1.0;
    }
    int length = 0;
    if (rc == SQLITE_OK)
        rc = api->xColumnSize(fts, -1, &length);
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(context, rc);
        return;
    }
    const double norm = kK1 * (1 - kB + kB * double(length) / shared->meanLength);
    double score = 0;
    for (std::size_t i = 0; i < shared->idf.size(); ++i) {
        const double f = shared->frequency[i];
        score += shared->idf[i] * f * (kK1 + 1) / (f + norm);
    }
    sqlite3_result_double(context, -score);
}

} // namespace

bool registerFunction(sqlite3 *db)
{
    fts5_api *api = nullptr;
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) != SQLITE_OK)
        return false;
    sqlite3_bind_pointer(st, 1, static_cast<void *>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(st);
    sqlite3_finalize(st);
    return api && api->iVersion >= 2 &&
           api->xCreateFunction(api, "gleaner_bm25", nullptr, rank, nullptr) == SQLITE_OK;
}

} // namespace gleaner::relevance
