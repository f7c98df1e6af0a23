#include "storage/notehistorystore.h"

#include "model/dates.h"
#include "storage/database.h"

#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace gleaner {

namespace {

QDateTime timeOf(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODateWithMs);
}

struct NewestRow
{
    qint64 id = 0;
    QString text;
    QDateTime since;
    bool pinned = false;
    bool closed = false;
};

} // namespace

NoteHistoryStore::NoteHistoryStore(Database &db)
    : m_db(db)
{}

QString NoteHistoryStore::errorString() const
{
    return m_db.errorString();
}

bool NoteHistoryStore::isLargeDeletion(const QString &before, const QString &after)
{
    if (before.isEmpty())
        return false;
    // What lies between the common start and the common end is what the
    // edit replaced: a select-all and type replaces all of it.
    const qsizetype shorter = std::min(before.size(), after.size());
    qsizetype prefix = 0;
    while (prefix < shorter && before.at(prefix) == after.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < shorter - prefix &&
           before.at(before.size() - 1 - suffix) == after.at(after.size() - 1 - suffix))
        ++suffix;
    const qsizetype removed = before.size() - prefix - suffix;
    return removed * 2 > before.size();
}

QList<int> NoteHistoryStore::prunable(const NoteHistory &versions, const QDateTime &now)
{
    const QDateTime day = now.addDays(-1);
    const QDateTime week = now.addDays(-7);
    const QDateTime pinLimit = now.addDays(-kPinnedDays);
    // The newest first, so the first version seen in an hour (a day) is the
    // one that stays for it.
    QList<int> order(versions.size());
    for (int i = 0; i < int(order.size()); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return timeOf(versions.at(a).saved) > timeOf(versions.at(b).saved);
    });
    QSet<QString> hours;
    QSet<QString> days;
    QList<int> kept;
    QSet<int> dropped;
    QSet<int> protectedOnes;
    for (const int i : std::as_const(order)) {
        const NoteVersion &v = versions.at(i);
        const QDateTime saved = timeOf(v.saved).toUTC();
        const bool isProtected = v.pinned && saved.isValid() && saved > pinLimit;
        if (isProtected)
            protectedOnes.insert(i);
        bool keep = true;
        if (saved.isValid() && saved < week) {
            keep = !days.contains(saved.date().toString(Qt::ISODate));
            days.insert(saved.date().toString(Qt::ISODate));
        } else if (saved.isValid() && saved < day) {
            const QString hour = saved.toString(QStringLiteral("yyyy-MM-ddTHH"));
            keep = !hours.contains(hour);
            hours.insert(hour);
        }
        if (keep || isProtected)
            kept << i;
        else
            dropped.insert(i);
    }
    // The cap, oldest first, sparing the protected.
    qsizetype count = kept.size();
    for (qsizetype k = kept.size() - 1; k >= 0 && count > kMaxVersions; --k) {
        if (protectedOnes.contains(kept.at(k)))
            continue;
        dropped.insert(kept.at(k));
        --count;
    }
    QList<int> result(dropped.cbegin(), dropped.cend());
    std::sort(result.begin(), result.end());
    return result;
}

bool NoteHistoryStore::insert(qint64 paperId, const NoteVersion &version, const QString &since,
                              bool closed)
{
    auto add = m_db.cached("INSERT INTO note_versions(paper_id, text, saved, since, pinned, "
                           "closed) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    add.bind(1, std::int64_t(paperId)).bind(2, version.text).bind(3, version.saved);
    add.bind(4, since).bind(5, version.pinned).bind(6, closed);
    return add.run();
}

bool NoteHistoryStore::keep(qint64 paperId, const QString &before, const QString &beforeSaved,
                            const QString &after, const QDateTime &now)
{
    if (before.isEmpty() || before == after)
        return true;
    const QString nowText = isoDateTime(now);
    const QString saved = beforeSaved.isEmpty() ? nowText : beforeSaved;
    if (isLargeDeletion(before, after))
        return insert(paperId, {before, saved, true}, nowText, false) && prune(paperId, now);

    std::optional<NewestRow> newest;
    {
        auto find = m_db.cached("SELECT id, text, since, pinned, closed FROM note_versions "
                                "WHERE paper_id = ?1 ORDER BY since DESC, id DESC LIMIT 1");
        find.bind(1, std::int64_t(paperId));
        if (find.next())
            newest = NewestRow{find->int64(0), find->text(1), timeOf(find->text(2)),
                               find->integer(3) != 0, find->integer(4) != 0};
        else if (!find.ok())
            return false;
    }
    const bool sameSession = newest && !newest->pinned && !newest->closed &&
                             newest->since.isValid() &&
                             newest->since.secsTo(now) < kSessionSeconds && newest->since <= now;
    if (sameSession && !isLargeDeletion(newest->text, before)) {
        auto replace = m_db.cached("UPDATE note_versions SET text = ?2, saved = ?3 WHERE id = ?1");
        replace.bind(1, std::int64_t(newest->id)).bind(2, before).bind(3, saved);
        return replace.run();
    }
    return insert(paperId, {before, saved, false}, nowText, false) && prune(paperId, now);
}

bool NoteHistoryStore::keepNow(qint64 paperId, const QString &text, const QString &saved,
                               const QString &after, const QDateTime &now)
{
    if (text.isEmpty())
        return true;
    const QString nowText = isoDateTime(now);
    // Closed: typing on right after a restore must not overwrite the note
    // the restore replaced, or the restore could not be undone.
    return insert(paperId, {text, saved.isEmpty() ? nowText : saved, isLargeDeletion(text, after)},
                  nowText, true) &&
           prune(paperId, now);
}

std::optional<int> NoteHistoryStore::merge(qint64 paperId, const NoteHistory &versions)
{
    std::optional<NoteHistory> known = history(paperId);
    if (!known)
        return std::nullopt;
    int added = 0;
    for (NoteVersion v : versions) {
        // One spelling of times, so the same version always compares equal.
        v.saved = isoDateTime(timeOf(v.saved));
        if (v.text.isEmpty() || v.saved.isEmpty())
            continue;
        const bool have = std::any_of(known->cbegin(), known->cend(),
                                      [&](const NoteVersion &k) { return k.sameAs(v); });
        if (have)
            continue;
        if (!insert(paperId, v, v.saved, true))
            return std::nullopt;
        known->append(v);
        ++added;
    }
    return added;
}

QJsonArray NoteHistoryStore::toJson(const NoteHistory &versions)
{
    QJsonArray list;
    for (const NoteVersion &v : versions)
        list.append(QJsonObject{{QStringLiteral("text"), v.text},
                                {QStringLiteral("saved"), v.saved},
                                {QStringLiteral("pinned"), v.pinned}});
    return list;
}

NoteHistory NoteHistoryStore::fromJson(const QJsonArray &json)
{
    NoteHistory versions;
    for (const QJsonValue &value : json) {
        const QJsonObject o = value.toObject();
        NoteVersion v;
        v.text = o.value(QStringLiteral("text")).toString();
        v.saved = isoDateTime(timeOf(o.value(QStringLiteral("saved")).toString()));
        v.pinned = o.value(QStringLiteral("pinned")).toBool();
        if (!v.text.isEmpty() && !v.saved.isEmpty())
            versions.append(v);
    }
    return versions;
}

std::optional<NoteHistory> NoteHistoryStore::history(qint64 paperId)
{
    NoteHistory list;
    auto st = m_db.cached("SELECT text, saved, pinned FROM note_versions WHERE paper_id = ?1 "
                          "ORDER BY saved DESC, id DESC");
    st.bind(1, std::int64_t(paperId));
    while (st.next())
        list.append({st->text(0), st->text(1), st->integer(2) != 0});
    if (!st.ok())
        return std::nullopt;
    return list;
}

bool NoteHistoryStore::prune(qint64 paperId, const QDateTime &now)
{
    QList<qint64> ids;
    NoteHistory versions;
    {
        auto st = m_db.cached("SELECT id, text, saved, pinned FROM note_versions "
                              "WHERE paper_id = ?1 ORDER BY saved DESC, id DESC");
        st.bind(1, std::int64_t(paperId));
        while (st.next()) {
            ids << st->int64(0);
            versions.append({st->text(1), st->text(2), st->integer(3) != 0});
        }
        if (!st.ok())
            return false;
    }
    for (const int i : prunable(versions, now)) {
        auto drop = m_db.cached("DELETE FROM note_versions WHERE id = ?1");
        if (!drop.bind(1, std::int64_t(ids.at(i))).run())
            return false;
    }
    return true;
}

} // namespace gleaner
