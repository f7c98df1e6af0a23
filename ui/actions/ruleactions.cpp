#include "ruleactions.h"

#include "actioncontext.h"
#include "libraryevents.h"
#include "libraryjob.h"
#include "rulebuilderdialog.h"
#include "storage/library.h"

#include <QCoreApplication>
#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>
#include <QTimer>
#include <QUndoCommand>
#include <QUndoStack>

#include <memory>

namespace gleaner {

namespace {

// The context of this file's messages, declared so that lupdate files them
// under the context they are looked up in.
struct RuleActions
{
    Q_DECLARE_TR_FUNCTIONS(RuleActions)
};

QStringList tagNames(Library &library)
{
    QStringList names;
    for (const TagCount &t : library.tagCounts())
        names << t.name;
    return names;
}

// Opens the builder until the rule is saved or the user gives up; a refused
// rule (a taken name) says why and opens the builder again as it was.
void build(const ActionContext &context, Rule rule)
{
    for (;;) {
        RuleBuilderDialog dialog(rule, context.window());
        dialog.setTagCompletions(tagNames(context.library()));
        if (dialog.exec() != QDialog::Accepted)
            return;
        rule = dialog.rule();
        const bool saved = rule.id ? context.library().updateRule(rule)
                                   : context.library().addRule(rule).has_value();
        if (saved) {
            context.say(RuleActions::tr("Saved the rule \u201c%1\u201d: it runs on every digest "
                                        "you import from now on.")
                            .arg(rule.name),
                        6000);
            Q_EMIT context.events().rulesChanged();
            return;
        }
        QMessageBox::warning(context.window(), RuleActions::tr("Rule Not Saved"),
                             context.library().errorString());
    }
}

// The undo entry of a run on the library: what it changed, put back.
class RuleRunEntry final : public QUndoCommand
{
public:
    RuleRunEntry(const ActionContext &context, RuleRun run)
        : QUndoCommand(RuleActions::tr("Run Rule \u201c%1\u201d").arg(run.outcome.name))
        , m_library(context.library())
        , m_events(context.events())
        , m_window(context.window())
        , m_run(std::move(run))
    {}

    void undo() override { apply(m_library.undoRuleRun(m_run)); }
    void redo() override
    {
        // Pushed after the run: the first redo is the run itself.
        if (std::exchange(m_first, false))
            return;
        apply(m_library.redoRuleRun(m_run));
    }

private:
    void apply(bool ok)
    {
        if (!ok && m_window)
            QMessageBox::warning(m_window, RuleActions::tr("Rule"), m_library.errorString());
        Q_EMIT m_events.digestsChanged();
    }

    Library &m_library;
    LibraryEvents &m_events;
    QPointer<QMainWindow> m_window;
    RuleRun m_run;
    bool m_first = true;
};

} // namespace

void newRule(const ActionContext &context, const QString &query)
{
    Rule rule;
    rule.query = query.trimmed();
    // A one-word search names itself.
    if (!rule.query.contains(QLatin1Char(' ')) && !rule.query.contains(QLatin1Char(':')))
        rule.name = rule.query;
    build(context, rule);
}

void editRule(const ActionContext &context, qint64 id)
{
    for (const Rule &r : context.library().rules()) {
        if (r.id == id) {
            build(context, r);
            return;
        }
    }
    context.fail(RuleActions::tr("That rule is gone."));
    Q_EMIT context.events().rulesChanged();
}

void deleteRule(const ActionContext &context, qint64 id, const QString &name)
{
    if (QMessageBox::question(context.window(), RuleActions::tr("Delete Rule"),
                              RuleActions::tr("Delete the rule \u201c%1\u201d? What it did to "
                                              "papers stays; it will not act on new digests.")
                                  .arg(name),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    if (!context.library().removeRule(id))
        context.fail(context.library().errorString());
    Q_EMIT context.events().rulesChanged();
}

void runRuleOnLibrary(const ActionContext &context, LibraryJob &job, QUndoStack *history, qint64 id,
                      const std::function<void()> &written)
{
    auto preview = std::make_shared<std::optional<RuleRun>>();
    const auto started = job.start(
        RuleActions::tr("Counting what the rule would do\u2026"),
        [id, preview](Library &library) {
            *preview = library.runRule(id, true);
            return *preview ? QString() : library.errorString();
        },
        [context, &job, history, id, written, preview](const QString &failure) {
            if (!failure.isEmpty()) {
                context.fail(failure);
                return;
            }
            const RuleOutcome &o = (*preview)->outcome;
            if (o.changed() == 0) {
                QMessageBox::information(
                    context.window(), RuleActions::tr("Run Rule"),
                    RuleActions::tr("The rule \u201c%1\u201d matches %n paper(s) and has "
                                    "nothing new to do to them.",
                                    nullptr, o.matched)
                        .arg(o.name));
                return;
            }
            if (QMessageBox::question(
                    context.window(), RuleActions::tr("Run Rule"),
                    RuleActions::tr(
                        "The rule \u201c%1\u201d matches %n paper(s) in the "
                        "library. Running it now would do: %2.\n\nEdit \u203a Undo takes it "
                        "back.",
                        nullptr, o.matched)
                        .arg(o.name, o.actionsSummary()),
                    QMessageBox::Ok | QMessageBox::Cancel, QMessageBox::Ok) != QMessageBox::Ok)
                return;
            // Started once this job's end is announced, so the status bar
            // shows the run rather than that end.
            QTimer::singleShot(0, context.window(), [context, &job, history, id, written] {
                auto run = std::make_shared<std::optional<RuleRun>>();
                const bool ran = job.start(
                    RuleActions::tr("Running the rule\u2026"),
                    [id, run](Library &library) {
                        *run = library.runRule(id, false);
                        return *run ? QString() : library.errorString();
                    },
                    [context, history, written, run](const QString &runFailure) {
                        written();
                        if (!runFailure.isEmpty()) {
                            context.fail(runFailure);
                            return;
                        }
                        history->push(new RuleRunEntry(context, **run));
                        context.say(RuleActions::tr("Ran %1. Ctrl+Z undoes it.")
                                        .arg((*run)->outcome.summary()),
                                    8000);
                        Q_EMIT context.events().rulesChanged();
                        Q_EMIT context.events().digestsChanged();
                    });
                if (!ran)
                    context.say(RuleActions::tr("Wait for the work under way to finish, then "
                                                "try again."),
                                5000);
            });
        });
    if (!started)
        context.say(RuleActions::tr("Wait for the work under way to finish, then try again."),
                    5000);
}

} // namespace gleaner
