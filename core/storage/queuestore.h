// The reading queue ("read later"): papers in an order the reader sets,
// apart from stars. The one place that reads and writes reading_queue.
// Works on any connection and inside the caller's transaction.
//
// Positions are sparse integers, kGap apart when appended, so moving a paper
// writes its own row only: it takes the midpoint of its new neighbours'
// positions. When two neighbours have no room left between them (some twenty
// moves into the same gap), the whole queue is renumbered kGap apart once;
// the rest of the library is never touched. Reader data waiting for its
// paper (pending_reader_data) keeps a position reserved in the same space,
// so a restored queue keeps its order as its papers arrive.
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace gleaner {

class Database;

class QueueStore final
{
    Q_DECLARE_TR_FUNCTIONS(QueueStore)

public:
    static constexpr qint64 kGap = qint64(1) << 20;

    explicit QueueStore(Database &db);

    // The queued papers, first to last.
    [[nodiscard]] std::optional<QList<qint64>> ids();
    [[nodiscard]] std::optional<int> count();
    // The paper's place, 0-based; -1 when it is not queued.
    [[nodiscard]] std::optional<int> indexOf(qint64 paperId);
    // The paper's position (the sort key), when it is queued.
    [[nodiscard]] std::optional<qint64> positionOf(qint64 paperId);

    // Appends the papers not queued yet, in the given order; how many were
    // added. Refused, with nothing changed, when an id is no paper.
    [[nodiscard]] std::optional<int> append(const QList<qint64> &paperIds);
    // Puts a paper in the queue at `position` (a reserved one, from waiting
    // reader data); a paper already queued keeps its place.
    [[nodiscard]] bool insertAt(qint64 paperId, qint64 position);
    // Takes the papers out of the queue; how many were in it.
    [[nodiscard]] std::optional<int> remove(const QList<qint64> &paperIds);
    // Moves a queued paper to `index` (0-based, clamped to the queue).
    // Refused when the paper is not queued.
    [[nodiscard]] bool move(qint64 paperId, int index);

    // A position after every queued paper and every reserved one.
    [[nodiscard]] std::optional<qint64> nextPosition();

    QString errorString() const { return m_error; }

private:
    bool fail(const QString &why);
    bool failDb(const QString &what);
    bool renumber();

    Database &m_db;
    QString m_error;
};

} // namespace gleaner
