#include "storage/readerdatastore.h"

#include "storage/database.h"
#include "storage/highlightstore.h"
#include "storage/notehistorystore.h"
#include "storage/queuestore.h"
#include "storage/rulestore.h"
#include "storage/sqlvalues_p.h"
#include "storage/tagstore.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace gleaner {

namespace {

// A paper's reader data (no tags) from the columns key, title, starred,
// read, read_at, note, note_changed, dismissed, dismissed_at, in that order
// (the first nine of kPendingColumns too).
ReaderData paperFromRow(const Statement &row)
{
    ReaderData d;
    d.key = row.text(0);
    d.title = row.text(1);
    d.starred = row.integer(2) != 0;
    d.read = row.integer(3) != 0;
    d.readAt = sqlvalues::textOrEmpty(row, 4);
    d.note = sqlvalues::textOrEmpty(row, 5);
    d.noteChanged = sqlvalues::textOrEmpty(row, 6);
    d.dismissed = row.integer(7) != 0;
    d.dismissedAt = sqlvalues::textOrEmpty(row, 8);
    return d;
}

// pending_reader_data keeps what rules did as [[rule, action], ...].
QList<std::pair<QString, QString>> rulesFromJson(const QString &json)
{
    QList<std::pair<QString, QString>> done;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonArray pair = v.toArray();
        if (pair.size() == 2 && pair.at(0).isString() && pair.at(1).isString())
            done.append({pair.at(0).toString(), pair.at(1).toString()});
    }
    return done;
}

QString rulesToJson(const QList<std::pair<QString, QString>> &done)
{
    QJsonArray list;
    for (const auto &[rule, action] : done)
        list.append(QJsonArray{rule, action});
    return QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact));
}

} // namespace

ReaderDataStore::ReaderDataStore(Database &db)
    : m_db(db)
{}

QString ReaderDataStore::errorString() const
{
    return m_db.errorString();
}

std::optional<ReaderDataSet> ReaderDataStore::readAll()
{
    // One read transaction: papers, waiting data and searches from one state.
    if (!m_db.exec("SAVEPOINT gleaner_reader_data"))
        return std::nullopt;
    ReaderDataSet set;
    TagStore tags(m_db);
    Statement papers =
        m_db.prepare("SELECT key, title, starred, read, read_at, note, note_changed, dismissed, "
                     "dismissed_at, id, (SELECT position FROM reading_queue q WHERE q.paper_id = "
                     "papers.id) FROM papers WHERE starred OR read OR dismissed "
                     "OR note IS NOT NULL "
                     "OR id IN (SELECT paper_id FROM paper_tags) "
                     "OR id IN (SELECT paper_id FROM rule_applied) "
                     "OR id IN (SELECT paper_id FROM note_versions) "
                     "OR id IN (SELECT paper_id FROM reading_queue) "
                     "OR id IN (SELECT paper_id FROM highlights)");
    Statement done = m_db.prepare("SELECT r.name, a.action FROM rule_applied a JOIN rules r ON "
                                  "r.id = a.rule_id WHERE a.paper_id = ?1 ORDER BY 1, 2");
    NoteHistoryStore history(m_db);
    bool historyRead = true;
    HighlightStore highlights(m_db);
    bool highlightsRead = true;
    while (papers.next()) {
        ReaderData d = paperFromRow(papers);
        const std::optional<QList<Highlight>> marked = highlights.ofPaper(papers.int64(9));
        highlightsRead = highlightsRead && marked.has_value();
        if (marked) {
            for (Highlight h : *marked) {
                h.id = 0;
                h.paperId = 0;
                d.highlights.append(h);
            }
        }
        d.tags = tags.tagsOf(papers.int64(9));
        const std::optional<NoteHistory> versions = history.history(papers.int64(9));
        historyRead = historyRead && versions.has_value();
        d.noteHistory = versions.value_or(NoteHistory());
        if (!papers.isNull(10))
            d.queuePosition = papers.int64(10);
        done.reset();
        done.bind(1, std::int64_t(papers.int64(9)));
        while (done.next())
            d.rulesApplied.append({done.text(0), done.text(1)});
        set.papers.append(d);
    }
    Statement pending =
        m_db.prepare(QByteArray("SELECT ") + kPendingColumns + " FROM pending_reader_data");
    while (pending.next())
        set.papers.append(pendingFromRow(pending));
    std::optional<QList<SavedSearch>> searches;
    RuleStore ruleStore(m_db);
    std::optional<QList<Rule>> rules;
    if (papers.ok() && pending.ok() && done.ok() && historyRead && highlightsRead)
        rules = ruleStore.rules();
    if (rules)
        searches = savedSearches();
    if (!searches) {
        const QString why = m_db.errorString();
        (void)m_db.exec("ROLLBACK TO gleaner_reader_data; RELEASE gleaner_reader_data");
        m_db.setError(why);
        return std::nullopt;
    }
    (void)m_db.exec("RELEASE gleaner_reader_data");
    set.savedSearches = *searches;
    set.rules = *rules;
    return set;
}

std::optional<QList<SavedSearch>> ReaderDataStore::savedSearches()
{
    QList<SavedSearch> list;
    Statement st = m_db.prepare("SELECT id, name, query FROM saved_searches ORDER BY name");
    while (st.next())
        list.append({st.int64(0), st.text(1), st.text(2)});
    if (!st.ok())
        return std::nullopt;
    return list;
}

std::optional<ReaderData> ReaderDataStore::ofPaper(qint64 paperId)
{
    auto find = m_db.cached("SELECT key, title, starred, read, read_at, note, note_changed, "
                            "dismissed, dismissed_at FROM papers WHERE id = ?1");
    find.bind(1, std::int64_t(paperId));
    if (!find.next()) {
        if (find.ok())
            m_db.setError(tr("There is no paper %1.").arg(paperId));
        return std::nullopt;
    }
    return paperFromRow(find);
}

bool ReaderDataStore::write(qint64 paperId, const ReaderData &data)
{
    auto update = m_db.cached("UPDATE papers SET starred = ?2, read = ?3, read_at = ?4, note = ?5, "
                              "note_changed = ?6, dismissed = ?7, dismissed_at = ?8 WHERE id = ?1");
    update.bind(1, std::int64_t(paperId)).bind(2, data.starred).bind(3, data.read);
    update.bind(4, sqlvalues::textOrNull(data.readAt)).bind(5, sqlvalues::textOrNull(data.note));
    update.bind(6, sqlvalues::textOrNull(data.noteChanged)).bind(7, data.dismissed);
    update.bind(8, data.dismissed ? sqlvalues::textOrNull(data.dismissedAt) : std::nullopt);
    return update.run();
}

std::optional<ReaderData> ReaderDataStore::pending(const QString &key)
{
    // kPendingColumns, spelt out: cached() keeps the text's address.
    auto find = m_db.cached("SELECT key, title, starred, read, read_at, note, note_changed, "
                            "dismissed, dismissed_at, tags, rules_applied, note_history, "
                            "queue_position, highlights FROM pending_reader_data WHERE key = ?1");
    find.bind(1, key);
    ReaderData d;
    if (!find.next()) {
        if (!find.ok())
            return std::nullopt;
        return d;
    }
    return pendingFromRow(find);
}

ReaderData ReaderDataStore::pendingFromRow(const Statement &row)
{
    // The columns of a paper's reader data, then the tags it waits with.
    ReaderData d = paperFromRow(row);
    d.tags = sqlvalues::tagsFromJson(row.text(9));
    // Files older than rules (the salvage of one) have no such column.
    if (row.columnCount() > 10)
        d.rulesApplied = rulesFromJson(row.text(10));
    // Nor have files older than note history, the reading queue or
    // highlights.
    if (row.columnCount() > 11)
        d.noteHistory =
            NoteHistoryStore::fromJson(QJsonDocument::fromJson(row.text(11).toUtf8()).array());
    if (row.columnCount() > 12 && !row.isNull(12))
        d.queuePosition = row.int64(12);
    if (row.columnCount() > 13)
        d.highlights = highlightsFromJsonText(row.text(13));
    return d;
}

bool ReaderDataStore::savePending(const ReaderData &data)
{
    auto save = m_db.cached(
        "INSERT OR REPLACE INTO pending_reader_data(key, title, starred, read, read_at, tags, "
        "note, note_changed, restored, dismissed, dismissed_at, rules_applied, note_history, "
        "queue_position, highlights) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
    const QString now = nowIso();
    const bool hasNote = !data.note.trimmed().isEmpty();
    save.bind(1, data.key).bind(2, data.title).bind(3, data.starred).bind(4, data.read);
    save.bind(5, data.read ? sqlvalues::textOrNull(data.readAt) : std::nullopt);
    save.bind(6, sqlvalues::tagsToJson(data.tags)).bind(9, now).bind(10, data.dismissed);
    save.bind(11, data.dismissed ? sqlvalues::textOrNull(data.dismissedAt) : std::nullopt);
    save.bind(12, rulesToJson(data.rulesApplied));
    save.bind(13, QString::fromUtf8(QJsonDocument(NoteHistoryStore::toJson(data.noteHistory))
                                        .toJson(QJsonDocument::Compact)));
    save.bind(14,
              data.queuePosition ? std::optional<std::int64_t>(*data.queuePosition) : std::nullopt);
    save.bind(15, highlightsToJsonText(data.highlights));
    if (hasNote)
        save.bind(7, data.note).bind(8, data.noteChanged.isEmpty() ? now : data.noteChanged);
    else
        save.bindNull(7).bindNull(8);
    return save.run();
}

std::optional<bool> ReaderDataStore::attachPending(qint64 paperId, const QString &key)
{
    std::optional<ReaderData> waiting = pending(key);
    if (!waiting)
        return std::nullopt;
    if (waiting->key.isEmpty())
        return false;
    ReaderData &d = *waiting;
    const QString now = nowIso();
    d.readAt = d.read ? (d.readAt.isEmpty() ? now : d.readAt) : QString();
    d.dismissedAt = d.dismissed ? (d.dismissedAt.isEmpty() ? now : d.dismissedAt) : QString();
    if (!d.note.isEmpty() && d.noteChanged.isEmpty())
        d.noteChanged = now;
    if (!write(paperId, d))
        return std::nullopt;
    TagStore tags(m_db);
    if (!tags.addTags({paperId}, d.tags)) {
        m_db.setError(tags.errorString());
        return std::nullopt;
    }
    RuleStore rules(m_db);
    for (const auto &[rule, action] : d.rulesApplied) {
        if (!rules.remember(paperId, rule, action)) {
            m_db.setError(rules.errorString());
            return std::nullopt;
        }
    }
    NoteHistoryStore history(m_db);
    if (!history.merge(paperId, d.noteHistory))
        return std::nullopt;
    // Into the place the restore reserved for it in the queue.
    QueueStore queue(m_db);
    if (d.queuePosition && !queue.insertAt(paperId, *d.queuePosition)) {
        m_db.setError(queue.errorString());
        return std::nullopt;
    }
    // Anchored to the text the paper arrived with, which may differ from
    // the one the backup was made from.
    HighlightStore highlights(m_db);
    if (!highlights.restore(paperId, d.highlights)) {
        m_db.setError(highlights.errorString());
        return std::nullopt;
    }
    auto drop = m_db.cached("DELETE FROM pending_reader_data WHERE key = ?1");
    if (!drop.bind(1, key).run())
        return std::nullopt;
    return true;
}

bool ReaderDataStore::addSavedSearch(const QString &name, const QString &query)
{
    auto insert = m_db.cached("INSERT INTO saved_searches(name, query) VALUES (?1, ?2)");
    return insert.bind(1, name).bind(2, query).run();
}

} // namespace gleaner
