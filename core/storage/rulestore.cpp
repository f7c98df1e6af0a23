#include "storage/rulestore.h"

#include "model/dates.h"
#include "storage/database.h"
#include "storage/queuestore.h"
#include "storage/searchsql.h"
#include "storage/sqlvalues_p.h"
#include "storage/tagstore.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace gleaner {

namespace {

// The rule's tags cleaned as the library stores them, each once.
QStringList cleanTags(const QStringList &tags)
{
    QStringList clean;
    for (const QString &t : tags) {
        const QString name = TagStore::cleanName(t);
        if (!name.isEmpty() && !clean.contains(name, Qt::CaseInsensitive))
            clean << name;
    }
    return clean;
}

#define RULE_COLUMNS                                                                               \
    "id, name, query, position, tags, star, mark_read, dismiss, last_matched, queue"

Rule ruleFromRow(const Statement &st)
{
    Rule r;
    r.id = st.int64(0);
    r.name = st.text(1);
    r.query = st.text(2);
    r.position = st.integer(3);
    r.tags = sqlvalues::tagsFromJson(st.text(4));
    r.star = st.integer(5) != 0;
    r.markRead = st.integer(6) != 0;
    r.dismiss = st.integer(7) != 0;
    r.lastMatched = sqlvalues::integerOrNone(st, 8);
    r.queue = st.integer(9) != 0;
    return r;
}

} // namespace

RuleStore::RuleStore(Database &db)
    : m_db(db)
{}

QString RuleStore::starAction()
{
    return QStringLiteral("star");
}

QString RuleStore::readAction()
{
    return QStringLiteral("read");
}

QString RuleStore::dismissAction()
{
    return QStringLiteral("dismiss");
}

QString RuleStore::queueAction()
{
    return QStringLiteral("queue");
}

QString RuleStore::tagAction(const QString &tag)
{
    return QStringLiteral("tag:") + TagStore::cleanName(tag);
}

bool RuleStore::fail(const QString &why)
{
    m_error = why;
    return false;
}

bool RuleStore::failDb(const QString &what)
{
    m_error = tr("%1: %2").arg(what, m_db.errorString());
    return false;
}

std::optional<QList<Rule>> RuleStore::rules()
{
    QList<Rule> list;
    Statement st = m_db.prepare("SELECT " RULE_COLUMNS " FROM rules ORDER BY position, id");
    while (st.next())
        list.append(ruleFromRow(st));
    if (!st.ok()) {
        failDb(tr("Could not read the rules"));
        return std::nullopt;
    }
    return list;
}

std::optional<Rule> RuleStore::rule(const QString &name)
{
    Statement st = m_db.prepare("SELECT " RULE_COLUMNS " FROM rules WHERE name = ?1");
    st.bind(1, name.simplified());
    if (st.next())
        return ruleFromRow(st);
    if (st.ok())
        fail(tr("There is no rule \u201c%1\u201d.").arg(name));
    else
        failDb(tr("Could not read the rules"));
    return std::nullopt;
}

std::optional<Rule> RuleStore::rule(qint64 id)
{
    Statement st = m_db.prepare("SELECT " RULE_COLUMNS " FROM rules WHERE id = ?1");
    st.bind(1, std::int64_t(id));
    if (st.next())
        return ruleFromRow(st);
    if (st.ok())
        fail(tr("There is no rule %1.").arg(id));
    else
        failDb(tr("Could not read the rules"));
    return std::nullopt;
}

namespace {

// Why a rule cannot be saved as it is; empty when it can.
QString invalidRule(const Rule &rule)
{
    if (rule.name.simplified().isEmpty())
        return RuleStore::tr("A rule needs a name.");
    if (rule.query.trimmed().isEmpty())
        return RuleStore::tr("A rule needs a search: without one it would act on every paper.");
    Rule clean = rule;
    clean.tags = cleanTags(rule.tags);
    if (!clean.hasActions())
        return RuleStore::tr("A rule needs something to do: a tag to add, a star, "
                             "\u201cmark read\u201d, \u201cNot interested\u201d or the "
                             "reading queue.");
    return {};
}

} // namespace

std::optional<qint64> RuleStore::add(const Rule &rule)
{
    if (const QString why = invalidRule(rule); !why.isEmpty()) {
        fail(why);
        return std::nullopt;
    }
    const QString name = rule.name.simplified();
    Statement taken = m_db.prepare("SELECT 1 FROM rules WHERE name = ?1");
    if (taken.bind(1, name).next()) {
        fail(tr("There is already a rule called \u201c%1\u201d.").arg(name));
        return std::nullopt;
    }
    Statement insert = m_db.prepare(
        "INSERT INTO rules(name, query, position, tags, star, mark_read, dismiss, created, queue) "
        "VALUES (?1, ?2, (SELECT coalesce(max(position), 0) + 1 FROM rules), ?3, ?4, ?5, ?6, ?7, "
        "?8)");
    insert.bind(1, name)
        .bind(2, rule.query.trimmed())
        .bind(3, sqlvalues::tagsToJson(cleanTags(rule.tags)));
    insert.bind(4, rule.star).bind(5, rule.markRead).bind(6, rule.dismiss).bind(7, nowIso());
    insert.bind(8, rule.queue);
    if (!insert.run()) {
        failDb(tr("Could not save the rule"));
        return std::nullopt;
    }
    return m_db.lastInsertId();
}

bool RuleStore::update(const Rule &rule)
{
    if (const QString why = invalidRule(rule); !why.isEmpty())
        return fail(why);
    const QString name = rule.name.simplified();
    Statement taken = m_db.prepare("SELECT 1 FROM rules WHERE name = ?1 AND id <> ?2");
    if (taken.bind(1, name).bind(2, std::int64_t(rule.id)).next())
        return fail(tr("There is already a rule called \u201c%1\u201d.").arg(name));
    Statement st = m_db.prepare("UPDATE rules SET name = ?2, query = ?3, tags = ?4, star = ?5, "
                                "mark_read = ?6, dismiss = ?7, queue = ?8 WHERE id = ?1");
    st.bind(1, std::int64_t(rule.id)).bind(2, name).bind(3, rule.query.trimmed());
    st.bind(4, sqlvalues::tagsToJson(cleanTags(rule.tags)))
        .bind(5, rule.star)
        .bind(6, rule.markRead);
    st.bind(7, rule.dismiss).bind(8, rule.queue);
    if (!st.run())
        return failDb(tr("Could not save the rule"));
    if (m_db.changes() == 0)
        return fail(tr("There is no rule %1.").arg(rule.id));
    return true;
}

bool RuleStore::remove(qint64 id)
{
    Statement st = m_db.prepare("DELETE FROM rules WHERE id = ?1");
    if (!st.bind(1, std::int64_t(id)).run())
        return failDb(tr("Could not delete the rule"));
    if (m_db.changes() == 0)
        return fail(tr("There is no rule %1.").arg(id));
    return true;
}

std::optional<QList<qint64>> RuleStore::matches(const Rule &rule,
                                                const std::optional<QList<qint64>> &onlyIds)
{
    SearchRequest request;
    request.query = rule.query;
    // No ranking: the order does not matter, every match is acted on.
    request.sort = SortOrder::Digest;
    request.countTotal = false;
    request.onlyIds = onlyIds;
    const ParsedQuery parsed = parseQuery(rule.query, false);
    const SearchSql sql(parsed, request);
    QList<qint64> ids;
    if (sql.cannotMatch() || (onlyIds && onlyIds->isEmpty()))
        return ids;
    for (const SqlStatement &probe : sql.absenceProbes()) {
        Statement st = sqlvalues::prepared(m_db, probe);
        if (st.next())
            return ids;
        if (!st.ok()) {
            failDb(tr("Could not run the rule \u201c%1\u201d").arg(rule.name));
            return std::nullopt;
        }
    }
    Statement st = sqlvalues::prepared(m_db, sql.select(false));
    while (st.next())
        ids << st.int64(0);
    if (!st.ok()) {
        failDb(tr("Could not run the rule \u201c%1\u201d").arg(rule.name));
        return std::nullopt;
    }
    return ids;
}

std::optional<bool> RuleStore::remembers(qint64 ruleId, qint64 paperId, const QString &action)
{
    auto st = m_db.cached(
        "SELECT 1 FROM rule_applied WHERE rule_id = ?1 AND paper_id = ?2 AND action = ?3");
    st.bind(1, std::int64_t(ruleId)).bind(2, std::int64_t(paperId)).bind(3, action);
    if (st.next())
        return true;
    if (!st.ok())
        return std::nullopt;
    return false;
}

bool RuleStore::writeMemory(qint64 ruleId, qint64 paperId, const QString &action)
{
    auto st = m_db.cached(
        "INSERT OR IGNORE INTO rule_applied(rule_id, paper_id, action) VALUES (?1, ?2, ?3)");
    return st.bind(1, std::int64_t(ruleId)).bind(2, std::int64_t(paperId)).bind(3, action).run();
}

bool RuleStore::remember(qint64 paperId, const QString &ruleName, const QString &action)
{
    auto st = m_db.cached("INSERT OR IGNORE INTO rule_applied(rule_id, paper_id, action) "
                          "SELECT id, ?2, ?3 FROM rules WHERE name = ?1");
    return st.bind(1, ruleName).bind(2, std::int64_t(paperId)).bind(3, action).run() ||
           failDb(tr("Could not restore what the rules did"));
}

std::optional<RuleRun> RuleStore::apply(const Rule &rule,
                                        const std::optional<QList<qint64>> &onlyIds, bool dryRun)
{
    const std::optional<QList<qint64>> matched = matches(rule, onlyIds);
    if (!matched)
        return std::nullopt;
    RuleRun run;
    run.ruleId = rule.id;
    run.outcome.name = rule.name;
    run.outcome.matched = int(matched->size());
    const auto failed = [this, &rule]() -> std::optional<RuleRun> {
        if (m_error.isEmpty())
            failDb(tr("Could not run the rule \u201c%1\u201d").arg(rule.name));
        return std::nullopt;
    };
    m_error.clear();

    // A flag on papers: changed only where it is not set yet, remembered
    // either way.
    struct Flag
    {
        bool wanted;
        QString action;
        const char *test;
        const char *set;
        bool stamped; // `set` takes the time as ?2
        QList<qint64> *changed;
        int *count;
    };
    const Flag flags[] = {
        {rule.star, starAction(), "SELECT starred FROM papers WHERE id = ?1",
         "UPDATE papers SET starred = 1 WHERE id = ?1", false, &run.starred, &run.outcome.starred},
        {rule.markRead, readAction(), "SELECT read FROM papers WHERE id = ?1",
         "UPDATE papers SET read = 1, read_at = coalesce(read_at, ?2) WHERE id = ?1", true,
         &run.markedRead, &run.outcome.markedRead},
        {rule.dismiss, dismissAction(), "SELECT dismissed FROM papers WHERE id = ?1",
         "UPDATE papers SET dismissed = 1, dismissed_at = coalesce(dismissed_at, ?2) WHERE id = ?1",
         true, &run.dismissed, &run.outcome.dismissed},
    };
    const QString now = nowIso();
    for (const Flag &flag : flags) {
        if (!flag.wanted)
            continue;
        Statement test = m_db.prepare(flag.test);
        Statement set = m_db.prepare(flag.set);
        for (const qint64 id : *matched) {
            const std::optional<bool> done = remembers(rule.id, id, flag.action);
            if (!done)
                return failed();
            if (*done)
                continue;
            test.reset();
            if (!test.bind(1, std::int64_t(id)).next())
                return failed();
            const bool already = test.integer(0) != 0;
            test.reset();
            if (!already) {
                ++*flag.count;
                if (!dryRun) {
                    set.reset();
                    set.bind(1, std::int64_t(id));
                    if (flag.stamped)
                        set.bind(2, now);
                    if (!set.run())
                        return failed();
                    *flag.changed << id;
                }
            }
            if (!dryRun) {
                if (!writeMemory(rule.id, id, flag.action))
                    return failed();
                run.remembered.append({id, flag.action});
            }
        }
    }

    // The reading queue: appended in the order of the matches (newest
    // digest first), each paper once.
    if (rule.queue) {
        QueueStore queue(m_db);
        const QString action = queueAction();
        for (const qint64 id : *matched) {
            const std::optional<bool> done = remembers(rule.id, id, action);
            if (!done)
                return failed();
            if (*done)
                continue;
            m_error.clear();
            const bool already = queue.positionOf(id).has_value();
            if (!queue.errorString().isEmpty())
                return failed();
            if (!already) {
                ++run.outcome.queued;
                if (!dryRun) {
                    if (!queue.append({id})) {
                        m_error = queue.errorString();
                        return failed();
                    }
                    run.queued << id;
                }
            }
            if (!dryRun) {
                if (!writeMemory(rule.id, id, action))
                    return failed();
                run.remembered.append({id, action});
            }
        }
    }

    // Tags: a paper counts once however many of the rule's tags it gains.
    const QStringList tags = cleanTags(rule.tags);
    if (!tags.isEmpty()) {
        TagStore tagStore(m_db);
        Statement has = m_db.prepare("SELECT 1 FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id "
                                     "WHERE pt.paper_id = ?1 AND t.name = ?2");
        for (const qint64 id : *matched) {
            bool gained = false;
            for (const QString &tag : tags) {
                const QString action = tagAction(tag);
                const std::optional<bool> done = remembers(rule.id, id, action);
                if (!done)
                    return failed();
                if (*done)
                    continue;
                has.reset();
                const bool already = has.bind(1, std::int64_t(id)).bind(2, tag).next();
                if (!has.ok())
                    return failed();
                has.reset();
                if (!already) {
                    gained = true;
                    if (!dryRun) {
                        if (!tagStore.addTags({id}, {tag})) {
                            m_error = tagStore.errorString();
                            return failed();
                        }
                        run.tagged[tag] << id;
                    }
                }
                if (!dryRun) {
                    if (!writeMemory(rule.id, id, action))
                        return failed();
                    run.remembered.append({id, action});
                }
            }
            run.outcome.tagged += gained ? 1 : 0;
        }
    }

    if (!dryRun) {
        Statement last = m_db.prepare("UPDATE rules SET last_matched = ?2 WHERE id = ?1");
        if (!last.bind(1, std::int64_t(rule.id)).bind(2, run.outcome.matched).run())
            return failed();
    }
    return run;
}

std::optional<QList<RuleOutcome>> RuleStore::applyAll(const QList<qint64> &ids)
{
    QList<RuleOutcome> outcomes;
    if (ids.isEmpty())
        return outcomes;
    const std::optional<QList<Rule>> all = rules();
    if (!all)
        return std::nullopt;
    for (const Rule &r : *all) {
        if (!r.hasActions())
            continue;
        const std::optional<RuleRun> run = apply(r, ids, false);
        if (!run)
            return std::nullopt;
        if (run->outcome.matched > 0)
            outcomes << run->outcome;
    }
    return outcomes;
}

bool RuleStore::undo(const RuleRun &run)
{
    const auto failed = [this] { return failDb(tr("Could not undo the rule")); };
    struct Flag
    {
        const QList<qint64> &ids;
        const char *clear;
    };
    const Flag flags[] = {
        {run.starred, "UPDATE papers SET starred = 0 WHERE id = ?1"},
        {run.markedRead, "UPDATE papers SET read = 0, read_at = NULL WHERE id = ?1"},
        {run.dismissed, "UPDATE papers SET dismissed = 0, dismissed_at = NULL WHERE id = ?1"},
    };
    for (const Flag &flag : flags) {
        Statement st = m_db.prepare(flag.clear);
        for (const qint64 id : flag.ids) {
            st.reset();
            if (!st.bind(1, std::int64_t(id)).run())
                return failed();
        }
    }
    QueueStore queue(m_db);
    if (!run.queued.isEmpty() && !queue.remove(run.queued)) {
        m_error = queue.errorString();
        return false;
    }
    Statement untag = m_db.prepare("DELETE FROM paper_tags WHERE paper_id = ?1 AND tag_id = "
                                   "(SELECT id FROM tags WHERE name = ?2)");
    for (auto it = run.tagged.cbegin(); it != run.tagged.cend(); ++it) {
        for (const qint64 id : it.value()) {
            untag.reset();
            if (!untag.bind(1, std::int64_t(id)).bind(2, it.key()).run())
                return failed();
        }
    }
    // A tag lives while some paper has it.
    if (!run.tagged.isEmpty() &&
        !m_db.exec("DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM paper_tags)"))
        return failed();
    Statement forget = m_db.prepare(
        "DELETE FROM rule_applied WHERE rule_id = ?1 AND paper_id = ?2 AND action = ?3");
    for (const auto &[paper, action] : run.remembered) {
        forget.reset();
        if (!forget.bind(1, std::int64_t(run.ruleId))
                 .bind(2, std::int64_t(paper))
                 .bind(3, action)
                 .run())
            return failed();
    }
    return true;
}

bool RuleStore::redo(const RuleRun &run)
{
    const auto failed = [this] { return failDb(tr("Could not redo the rule")); };
    const QString now = nowIso();
    struct Flag
    {
        const QList<qint64> &ids;
        const char *set;
        bool stamped;
    };
    const Flag flags[] = {
        {run.starred, "UPDATE papers SET starred = 1 WHERE id = ?1", false},
        {run.markedRead,
         "UPDATE papers SET read = 1, read_at = coalesce(read_at, ?2) WHERE id = ?1", true},
        {run.dismissed,
         "UPDATE papers SET dismissed = 1, dismissed_at = coalesce(dismissed_at, ?2) WHERE id = ?1",
         true},
    };
    for (const Flag &flag : flags) {
        Statement st = m_db.prepare(flag.set);
        for (const qint64 id : flag.ids) {
            st.reset();
            st.bind(1, std::int64_t(id));
            if (flag.stamped)
                st.bind(2, now);
            if (!st.run())
                return failed();
        }
    }
    QueueStore queue(m_db);
    if (!run.queued.isEmpty() && !queue.append(run.queued)) {
        m_error = queue.errorString();
        return false;
    }
    TagStore tags(m_db);
    for (auto it = run.tagged.cbegin(); it != run.tagged.cend(); ++it) {
        if (!tags.addTags(it.value(), {it.key()})) {
            m_error = tags.errorString();
            return false;
        }
    }
    for (const auto &[paper, action] : run.remembered) {
        if (!writeMemory(run.ruleId, paper, action))
            return failed();
    }
    return true;
}

} // namespace gleaner
