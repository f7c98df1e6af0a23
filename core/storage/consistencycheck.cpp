#include "storage/consistencycheck.h"

#include "storage/database.h"

namespace gleaner {

ConsistencyCheck::ConsistencyCheck(Database &db)
    : m_db(db)
{}

bool ConsistencyCheck::run()
{
    m_problems.clear();
    m_error.clear();
    Statement integrity = m_db.prepare("PRAGMA integrity_check(100)");
    while (integrity.next()) {
        const QString line = integrity.text(0);
        if (line != QLatin1String("ok"))
            m_problems << line;
    }
    if (!integrity.ok()) {
        m_error = tr("Could not check the library: %1").arg(m_db.errorString());
        return false;
    }
    // The 'integrity-check' command writes nothing; it fails with
    // SQLITE_CORRUPT_VTAB when the index and the papers disagree.
    if (!m_db.exec("INSERT INTO papers_fts(papers_fts) VALUES('integrity-check')"))
        m_problems << tr("The search index does not match the papers: %1").arg(m_db.errorString());
    Statement digests =
        m_db.prepare("SELECT d.source, d.entries, (SELECT count(*) FROM appearances a "
                     "WHERE a.digest_id = d.id) FROM digests d");
    while (digests.next()) {
        if (digests.integer(2) != digests.integer(1))
            m_problems << tr("The digest %1 has %2 of its %3 papers.")
                              .arg(digests.text(0))
                              .arg(digests.integer(2))
                              .arg(digests.integer(1));
    }
    if (!digests.ok()) {
        m_error = tr("Could not check the library: %1").arg(m_db.errorString());
        return false;
    }
    if (!m_problems.isEmpty()) {
        m_error = tr("The library is damaged: %1").arg(m_problems.first());
        return false;
    }
    return true;
}

} // namespace gleaner
