// A rule: a saved search that acts on papers. Its query is the query
// language's (searchquery.h); its actions are what it does to each paper it
// matches, once per paper and action (storage/rulestore.h).
#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace gleaner {

struct Rule
{
    qint64 id = 0;
    QString name;
    QString query;
    int position = 0; // rules run in this order (then by id)
    QStringList tags; // tags it adds
    bool star = false;
    bool markRead = false;
    bool dismiss = false; // "Not interested"
    bool queue = false;   // add to the end of the reading queue
    // Papers it matched the last time it ran (an import or a run on the
    // library); nullopt before its first run.
    std::optional<int> lastMatched;

    bool hasActions() const { return star || markRead || dismiss || queue || !tags.isEmpty(); }
};

// What one rule did (or, in a preview, would do) to a set of papers.
struct RuleOutcome
{
    QString name;
    int matched = 0; // papers its query matched
    int tagged = 0;  // papers that gained at least one of its tags
    int starred = 0;
    int markedRead = 0;
    int dismissed = 0;
    int queued = 0; // papers added to the reading queue

    int changed() const { return tagged + starred + markedRead + dismissed + queued; }
    void add(const RuleOutcome &other);
    // "rule \u2018qwen\u2019: tagged 3, starred 1" (or "..., nothing to do").
    QString summary() const;
    // The part after the colon: "tagged 3, starred 1".
    QString actionsSummary() const;

    Q_DECLARE_TR_FUNCTIONS(RuleOutcome)
};

// What a run of a rule on the library changed, for its undo: only what was
// not so already, and the memory rows it wrote.
struct RuleRun
{
    qint64 ruleId = 0;
    RuleOutcome outcome;
    QList<qint64> starred;
    QList<qint64> markedRead;
    QList<qint64> dismissed;
    QList<qint64> queued;                 // in the order they were added
    QHash<QString, QList<qint64>> tagged; // tag name -> papers that gained it
    // (paper, action) pairs the rule now remembers having done.
    QList<std::pair<qint64, QString>> remembered;

    bool isEmpty() const { return remembered.isEmpty(); }
};

} // namespace gleaner
