// rules, rules add, rules rm, rules run: saved searches that act on every
// new digest (storage/rulestore.h), the twins of the window's Rules.
#include "commands.h"
#include "invocation.h"
#include "options.h"
#include "output.h"
#include "storage/library.h"

#include <QJsonArray>
#include <QJsonObject>

namespace gleaner::cli {

namespace {

// What a rule does, for people: "tag llm, star".
QString actionsText(const Rule &r)
{
    QStringList actions;
    for (const QString &t : r.tags)
        actions << Commands::tr("tag %1").arg(t);
    if (r.star)
        actions << Commands::tr("star");
    if (r.markRead)
        actions << Commands::tr("mark read");
    if (r.dismiss)
        actions << Commands::tr("not interested");
    return actions.join(QStringLiteral(", "));
}

QJsonObject ruleToJson(const Rule &r)
{
    return QJsonObject{
        {QStringLiteral("name"), r.name},
        {QStringLiteral("query"), r.query},
        {QStringLiteral("position"), r.position},
        {QStringLiteral("tags"), QJsonArray::fromStringList(r.tags)},
        {QStringLiteral("star"), r.star},
        {QStringLiteral("read"), r.markRead},
        {QStringLiteral("dismiss"), r.dismiss},
        {QStringLiteral("last_matched"),
         r.lastMatched ? QJsonValue(*r.lastMatched) : QJsonValue(QJsonValue::Null)},
    };
}

QJsonObject outcomeToJson(const RuleOutcome &o, bool dryRun)
{
    return QJsonObject{
        {QStringLiteral("rule"), o.name},          {QStringLiteral("dry_run"), dryRun},
        {QStringLiteral("matched"), o.matched},    {QStringLiteral("tagged"), o.tagged},
        {QStringLiteral("starred"), o.starred},    {QStringLiteral("read"), o.markedRead},
        {QStringLiteral("dismissed"), o.dismissed}};
}

} // namespace

QList<QCommandLineOption> Commands::addRuleOptions()
{
    return {
        QCommandLineOption(QStringLiteral("tag"), tr("add this tag (repeatable)"), tr("TAG")),
        QCommandLineOption(QStringLiteral("star"), tr("star what it matches")),
        QCommandLineOption(QStringLiteral("read"), tr("mark what it matches read")),
        QCommandLineOption(QStringLiteral("dismiss"),
                           tr("mark what it matches \"Not interested\"")),
    };
}

QList<QCommandLineOption> Commands::runRuleOptions()
{
    return {QCommandLineOption(QStringLiteral("dry-run"),
                               tr("only count what it would change; change nothing")),
            Options::json()};
}

int Commands::rules(Invocation &in, Library &library)
{
    if (!in.words().isEmpty() && in.words().first() != QLatin1String("list"))
        return in.usageError(tr("rules takes: list, add NAME QUERY, rm NAME, or run NAME"));
    const QList<Rule> rules = library.rules();
    if (!library.errorString().isEmpty() && rules.isEmpty())
        return in.rejected(library.errorString());
    if (in.json()) {
        printJson(jsonArray(rules, ruleToJson));
        return Ok;
    }
    for (const Rule &r : rules) {
        out() << r.name << "\t" << r.query << "\t" << actionsText(r);
        if (r.lastMatched)
            out() << "\t" << tr("matched %1 last").arg(*r.lastMatched);
        out() << "\n";
    }
    return Ok;
}

int Commands::addRule(Invocation &in, Library &library)
{
    Rule rule;
    rule.name = in.words().first();
    rule.query = in.words().mid(1).join(QLatin1Char(' '));
    rule.tags = in.values(QStringLiteral("tag"));
    rule.star = in.isSet(QStringLiteral("star"));
    rule.markRead = in.isSet(QStringLiteral("read"));
    rule.dismiss = in.isSet(QStringLiteral("dismiss"));
    if (!rule.hasActions())
        return in.usageError(tr("give the rule something to do: --tag T, --star, --read or "
                                "--dismiss"));
    if (!library.addRule(rule))
        return in.rejected(library.errorString());
    // What it will do, and what it would do to the papers already here,
    // which a new rule leaves alone until it is run.
    out() << tr("rule \u2018%1\u2019 added: on every import it will do: %2")
                 .arg(rule.name, actionsText(rule))
          << "\n";
    const std::optional<Rule> added = library.rule(rule.name);
    const std::optional<RuleRun> preview = added ? library.runRule(added->id, true) : std::nullopt;
    if (preview && preview->outcome.matched == 0)
        out() << tr("no paper in the library matches it yet") << "\n";
    else if (preview)
        out() << tr("it matches %n paper(s) in the library now; `gleaner-cli rules run %1` applies "
                    "it to them",
                    nullptr, preview->outcome.matched)
                     .arg(rule.name)
              << "\n";
    return Ok;
}

int Commands::removeRule(Invocation &in, Library &library)
{
    const std::optional<Rule> rule = library.rule(in.words().first());
    if (!rule)
        return in.rejected(library.errorString());
    if (!library.removeRule(rule->id))
        return in.rejected(library.errorString());
    return Ok;
}

int Commands::runRule(Invocation &in, Library &library)
{
    const std::optional<Rule> rule = library.rule(in.words().first());
    if (!rule)
        return in.rejected(library.errorString());
    const bool dryRun = in.isSet(QStringLiteral("dry-run"));
    const std::optional<RuleRun> run = library.runRule(rule->id, dryRun);
    if (!run)
        return in.rejected(library.errorString());
    if (in.json()) {
        printJson(outcomeToJson(run->outcome, dryRun));
        return Ok;
    }
    if (dryRun) {
        out() << tr("rule \u2018%1\u2019 matches %n paper(s); a run would do: %2 (dry run, "
                    "nothing changed)",
                    nullptr, run->outcome.matched)
                     .arg(run->outcome.name, run->outcome.actionsSummary())
              << "\n";
        return Ok;
    }
    out() << run->outcome.summary() << "\n";
    return Ok;
}

} // namespace gleaner::cli
