// Rules from the window: made in the builder (from scratch or from the
// search in the box), edited, deleted, and run on the library with a
// preview and an undo. Each change is announced as rulesChanged(); a run
// that changed papers as digestsChanged(), which rereads the sidebar and the list.
#pragma once

#include <QString>

#include <functional>

class QUndoStack;

namespace gleaner {

class ActionContext;
class LibraryJob;

// `query` fills the builder (the current search); empty for a new rule.
void newRule(const ActionContext &context, const QString &query);
void editRule(const ActionContext &context, qint64 id);
void deleteRule(const ActionContext &context, qint64 id, const QString &name);
// Counts what the rule would do on a thread of its own, asks, runs it there
// and keeps an undo entry in `history`. `written` runs on the GUI thread
// after the job's connection wrote (the window takes the file as seen).
void runRuleOnLibrary(const ActionContext &context, LibraryJob &job, QUndoStack *history, qint64 id,
                      const std::function<void()> &written);

} // namespace gleaner
