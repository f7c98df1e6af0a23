#include "storage/integritycheck.h"

#include "logging.h"
#include "storage/database.h"

namespace gleaner {

IntegrityCheck::IntegrityCheck(Database &db)
    : m_db(db)
{}

bool IntegrityCheck::run(Depth depth)
{
    m_problems.clear();
    m_error.clear();
    Statement st = m_db.prepare(depth == Depth::Quick ? "PRAGMA quick_check(100)"
                                                      : "PRAGMA integrity_check(100)");
    while (st.next()) {
        const QString line = st.text(0);
        if (line != QLatin1String("ok"))
            m_problems << line;
    }
    if (!st.ok()) {
        // A page so damaged that the check itself cannot walk it.
        const QString why = m_db.errorString();
        if (why.contains(QLatin1String("malformed")) || why.contains(QLatin1String("corrupt")) ||
            why.contains(QLatin1String("not a database"))) {
            m_problems << why;
        } else {
            m_error = tr("Could not check the library %1: %2").arg(m_db.path(), why);
            return false;
        }
    }
    if (m_problems.isEmpty())
        return true;
    qCInfo(lcDatabase) << "library" << m_db.path() << "is damaged:" << m_problems;
    m_error = damagedSentence(m_db.path());
    return false;
}

QString IntegrityCheck::damagedSentence(const QString &path)
{
    return tr("The library %1 is damaged, so nothing was written to it; run "
              "\u201cgleaner-cli repair\u201d (or File \u203a Repair Library\u2026 in the window) "
              "to rebuild it "
              "into a new file.")
        .arg(path);
}

} // namespace gleaner
