// Saving the current search under a name, renaming and deleting saved
// searches, each behind its dialog; announced as savedSearchesChanged().
#pragma once

#include <QString>

namespace gleaner {

class ActionContext;

// `query` is the whole query of the view; `suggestedName` fills the field.
void saveSearch(const ActionContext &context, const QString &query, const QString &suggestedName);
void renameSavedSearch(const ActionContext &context, qint64 id, const QString &name);
void deleteSavedSearch(const ActionContext &context, qint64 id, const QString &name);

} // namespace gleaner
