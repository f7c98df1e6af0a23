#include "storage/queuestore.h"

#include "model/dates.h"
#include "storage/database.h"

namespace gleaner {

QueueStore::QueueStore(Database &db)
    : m_db(db)
{}

bool QueueStore::fail(const QString &why)
{
    m_error = why;
    return false;
}

bool QueueStore::failDb(const QString &what)
{
    m_error = tr("%1: %2").arg(what, m_db.errorString());
    return false;
}

std::optional<QList<qint64>> QueueStore::ids()
{
    QList<qint64> list;
    auto st = m_db.cached("SELECT paper_id FROM reading_queue ORDER BY position, paper_id");
    while (st.next())
        list << st.int64(0);
    if (!st.ok()) {
        failDb(tr("Could not read the reading queue"));
        return std::nullopt;
    }
    return list;
}

std::optional<int> QueueStore::count()
{
    auto st = m_db.cached("SELECT count(*) FROM reading_queue");
    if (!st.next()) {
        failDb(tr("Could not read the reading queue"));
        return std::nullopt;
    }
    return st.integer(0);
}

std::optional<qint64> QueueStore::positionOf(qint64 paperId)
{
    m_error.clear();
    auto st = m_db.cached("SELECT position FROM reading_queue WHERE paper_id = ?1");
    st.bind(1, std::int64_t(paperId));
    if (st.next())
        return st.int64(0);
    if (!st.ok())
        failDb(tr("Could not read the reading queue"));
    return std::nullopt;
}

std::optional<int> QueueStore::indexOf(qint64 paperId)
{
    m_error.clear();
    const std::optional<qint64> position = positionOf(paperId);
    if (!position)
        return m_error.isEmpty() ? std::optional<int>(-1) : std::nullopt;
    // Counted on the position index: the papers before it.
    auto st = m_db.cached("SELECT count(*) FROM reading_queue WHERE position < ?1 "
                          "OR (position = ?1 AND paper_id < ?2)");
    st.bind(1, std::int64_t(*position)).bind(2, std::int64_t(paperId));
    if (!st.next()) {
        failDb(tr("Could not read the reading queue"));
        return std::nullopt;
    }
    return st.integer(0);
}

std::optional<qint64> QueueStore::nextPosition()
{
    auto st = m_db.cached("SELECT max(coalesce((SELECT max(position) FROM reading_queue), 0), "
                          "coalesce((SELECT max(queue_position) FROM pending_reader_data), 0))");
    if (!st.next()) {
        failDb(tr("Could not read the reading queue"));
        return std::nullopt;
    }
    return st.int64(0) + kGap;
}

std::optional<int> QueueStore::append(const QList<qint64> &paperIds)
{
    auto exists = m_db.cached("SELECT 1 FROM papers WHERE id = ?1");
    for (const qint64 id : paperIds) {
        exists.reset();
        exists.bind(1, std::int64_t(id));
        if (!exists.next()) {
            if (exists.ok())
                fail(tr("There is no paper %1.").arg(id));
            else
                failDb(tr("Could not add to the reading queue"));
            return std::nullopt;
        }
    }
    std::optional<qint64> position = nextPosition();
    if (!position)
        return std::nullopt;
    int added = 0;
    const QString now = nowIso();
    auto insert = m_db.cached("INSERT OR IGNORE INTO reading_queue(paper_id, position, added) "
                              "VALUES (?1, ?2, ?3)");
    for (const qint64 id : paperIds) {
        insert.reset();
        insert.bind(1, std::int64_t(id)).bind(2, std::int64_t(*position)).bind(3, now);
        if (!insert.run()) {
            failDb(tr("Could not add to the reading queue"));
            return std::nullopt;
        }
        if (m_db.changes() > 0) {
            ++added;
            *position += kGap;
        }
    }
    return added;
}

bool QueueStore::insertAt(qint64 paperId, qint64 position)
{
    auto insert = m_db.cached("INSERT OR IGNORE INTO reading_queue(paper_id, position, added) "
                              "VALUES (?1, ?2, ?3)");
    insert.bind(1, std::int64_t(paperId)).bind(2, std::int64_t(position)).bind(3, nowIso());
    return insert.run() || failDb(tr("Could not add to the reading queue"));
}

std::optional<int> QueueStore::remove(const QList<qint64> &paperIds)
{
    int removed = 0;
    auto drop = m_db.cached("DELETE FROM reading_queue WHERE paper_id = ?1");
    for (const qint64 id : paperIds) {
        drop.reset();
        if (!drop.bind(1, std::int64_t(id)).run()) {
            failDb(tr("Could not remove from the reading queue"));
            return std::nullopt;
        }
        removed += m_db.changes();
    }
    return removed;
}

bool QueueStore::renumber()
{
    Statement st = m_db.prepare(
        "UPDATE reading_queue SET position = r.n * ?1 FROM (SELECT paper_id, row_number() OVER "
        "(ORDER BY position, paper_id) AS n FROM reading_queue) r "
        "WHERE r.paper_id = reading_queue.paper_id");
    st.bind(1, std::int64_t(kGap));
    return st.run() || failDb(tr("Could not reorder the reading queue"));
}

bool QueueStore::move(qint64 paperId, int index)
{
    m_error.clear();
    if (!positionOf(paperId)) {
        if (m_error.isEmpty())
            fail(tr("Paper %1 is not in the reading queue.").arg(paperId));
        return false;
    }
    // The neighbours it goes between, in the queue without it: the one
    // before `index` and the one at it. Read off the position index.
    const std::optional<int> total = count();
    if (!total)
        return false;
    const int at = qBound(0, index, *total - 1);
    for (int attempt = 0; attempt < 2; ++attempt) {
        Statement around = m_db.prepare(
            "SELECT position FROM reading_queue WHERE paper_id <> ?1 ORDER BY position, paper_id "
            "LIMIT ?2 OFFSET ?3");
        around.bind(1, std::int64_t(paperId)).bind(2, at == 0 ? 1 : 2).bind(3, qMax(0, at - 1));
        std::optional<qint64> before;
        std::optional<qint64> after;
        if (around.next()) {
            (at == 0 ? after : before) = around.int64(0);
            if (at > 0 && around.next())
                after = around.int64(0);
        }
        if (!around.ok())
            return failDb(tr("Could not reorder the reading queue"));
        around = Statement();
        std::optional<qint64> position;
        if (!before && !after)
            position = kGap; // alone in the queue
        else if (!before)
            position = *after - kGap;
        else if (!after)
            position = *before + kGap;
        else if (*after - *before >= 2)
            position = *before + (*after - *before) / 2;
        if (position) {
            auto set = m_db.cached("UPDATE reading_queue SET position = ?2 WHERE paper_id = ?1");
            set.bind(1, std::int64_t(paperId)).bind(2, std::int64_t(*position));
            return set.run() || failDb(tr("Could not reorder the reading queue"));
        }
        if (attempt == 0 && !renumber())
            return false;
    }
    return fail(tr("Could not reorder the reading queue."));
}

} // namespace gleaner
