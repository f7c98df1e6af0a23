// Whether a library is whole after whatever happened to it (a kill -9, a
// power cut in the middle of an import): SQLite's integrity check over every
// page and index, FTS5's check that the search index matches the papers it
// indexes (it is external content, written by the importer beside each
// paper), and that every digest kept all its appearances: an import commits
// a digest with all of its entries or not at all. The crash-safety test runs
// it after each kill.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace gleaner {

class Database;

class ConsistencyCheck final
{
    Q_DECLARE_TR_FUNCTIONS(ConsistencyCheck)

public:
    explicit ConsistencyCheck(Database &db);

    // True when all three hold. Otherwise problems() lists what was found
    // (SQLite's own lines, at most 100, then FTS5's and the digests') and
    // errorString() sums it up in one sentence, or says why a check could
    // not run.
    [[nodiscard]] bool run();
    QStringList problems() const { return m_problems; }
    QString errorString() const { return m_error; }

private:
    Database &m_db;
    QStringList m_problems;
    QString m_error;
};

} // namespace gleaner
