// Whether a library file is sound enough to write to. SQLite only notices a
// damaged page when a query happens to read it, and an index that lost a row
// reads as a paper that is not there, so an import into a damaged file adds
// duplicates and spreads the damage. Writers check first (the CLI before any
// write, the window's importer before its first import, the window itself in
// the background) and refuse a damaged file with a sentence that names the
// way back: gleaner-cli repair (repair/repairer.h).
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace gleaner {

class Database;

class IntegrityCheck final
{
    Q_DECLARE_TR_FUNCTIONS(IntegrityCheck)

public:
    enum class Depth
    {
        // PRAGMA quick_check: every page and record readable and well formed;
        // O(pages).
        Quick,
        // PRAGMA integrity_check: also that every index holds exactly its
        // table's rows (a missing row is what makes an import add a paper
        // twice); O(rows log rows).
        Full,
    };

    explicit IntegrityCheck(Database &db);

    // True when the file is sound. False when it is damaged (problems()
    // lists what SQLite found) or the check could not run; errorString()
    // says which in one sentence.
    [[nodiscard]] bool run(Depth depth = Depth::Full);

    bool isDamaged() const { return !m_problems.isEmpty(); }
    // SQLite's own lines, at most 100.
    QStringList problems() const { return m_problems; }
    QString errorString() const { return m_error; }

    // The sentence for a damaged file at `path`, for callers that learnt of
    // the damage some other way (an SQLITE_CORRUPT while reading).
    static QString damagedSentence(const QString &path);

private:
    Database &m_db;
    QStringList m_problems;
    QString m_error;
};

} // namespace gleaner
