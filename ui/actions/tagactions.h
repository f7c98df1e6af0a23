// Renaming, merging and deleting a tag from the sidebar, each behind its
// dialog; the change is announced as LibraryEvents::tagsChanged().
#pragma once

#include <QString>

namespace gleaner {

class ActionContext;

void renameTag(const ActionContext &context, const QString &tag);
void mergeTag(const ActionContext &context, const QString &tag);
void deleteTag(const ActionContext &context, const QString &tag);

} // namespace gleaner
