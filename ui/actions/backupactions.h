// Backing up and restoring the reader data, and saving a copy of the whole
// library: a file dialog on the GUI thread, the work itself on a LibraryJob,
// the outcome in the status bar or a message box. A restore is announced as
// libraryReplaced().
#pragma once

namespace gleaner {

class ActionContext;
class LibraryJob;

void backUpAnnotations(const ActionContext &context, LibraryJob &job);
void restoreAnnotations(const ActionContext &context, LibraryJob &job);
void snapshotLibrary(const ActionContext &context, LibraryJob &job);

} // namespace gleaner
