// Rules (model/rule.h) and what they did: the one place that reads and
// writes the rules and rule_applied tables. Works on any connection and
// inside the caller's transaction (the import's, a run's, a restore's).
//
// A rule does an action to a paper at most once: each time it acts (or
// finds the paper already so) it writes a row (rule, paper, action) in
// rule_applied, and a paper with that row is passed over ever after. So a
// star the reader takes off, a tag the reader removes, a paper marked unread
// again stay as the reader left them whatever the rule matches later. The
// memory belongs to the rule's id: renaming a rule or editing its query
// keeps it, a tag added to a rule's actions is a new action (the papers it
// matched before get it when it next matches them), and removing a rule
// removes its memory (a rule made again under the same name starts afresh).
// Rules never touch a note.
#pragma once

#include "model/rule.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace gleaner {

class Database;

class RuleStore final
{
    Q_DECLARE_TR_FUNCTIONS(RuleStore)

public:
    explicit RuleStore(Database &db);

    // The action names rule_applied keeps.
    static QString starAction();
    static QString readAction();
    static QString dismissAction();
    static QString queueAction();
    static QString tagAction(const QString &tag);

    // Every rule in the order they run (position, then id).
    [[nodiscard]] std::optional<QList<Rule>> rules();
    // The rule of that name (case-insensitive); nullopt with errorString()
    // saying so when there is none.
    [[nodiscard]] std::optional<Rule> rule(const QString &name);
    [[nodiscard]] std::optional<Rule> rule(qint64 id);

    // Adds a rule at the end of the order; its id. Refused without a name,
    // a query or an action, and when the name is taken.
    [[nodiscard]] std::optional<qint64> add(const Rule &rule);
    // Changes the rule with rule.id: name, query and actions (its memory stays).
    [[nodiscard]] bool update(const Rule &rule);
    [[nodiscard]] bool remove(qint64 id);

    // Runs the rule on the papers it matches, among `onlyIds` when given
    // (an import's papers), else in the whole library. `dryRun` counts what
    // it would do and writes nothing; otherwise what changed is in the
    // returned RuleRun, and the rule's last match count is recorded.
    [[nodiscard]] std::optional<RuleRun>
    apply(const Rule &rule, const std::optional<QList<qint64>> &onlyIds, bool dryRun);
    // Every rule with actions, in order, on these papers (an import's): the
    // outcome of each rule that matched one of them.
    [[nodiscard]] std::optional<QList<RuleOutcome>> applyAll(const QList<qint64> &ids);
    // Puts back what a run changed and forgets the memory it wrote, so the
    // library is as before the run.
    [[nodiscard]] bool undo(const RuleRun &run);
    // Does again exactly what an undone run did (the redo of its undo).
    [[nodiscard]] bool redo(const RuleRun &run);

    // Remembers (rule name, action) for a paper, from a backup or waiting
    // reader data; rules not in the library are skipped.
    [[nodiscard]] bool remember(qint64 paperId, const QString &ruleName, const QString &action);

    QString errorString() const { return m_error; }

private:
    bool fail(const QString &why);
    bool failDb(const QString &what);
    std::optional<QList<qint64>> matches(const Rule &rule,
                                         const std::optional<QList<qint64>> &onlyIds);
    std::optional<bool> remembers(qint64 ruleId, qint64 paperId, const QString &action);
    bool writeMemory(qint64 ruleId, qint64 paperId, const QString &action);

    Database &m_db;
    QString m_error;
};

} // namespace gleaner
