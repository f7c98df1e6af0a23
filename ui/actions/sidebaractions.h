// The sidebar's context-menu requests (rename a tag, remove a digest...),
// each answered by its action.
#pragma once

#include <functional>

class QObject;

namespace gleaner {

class ActionContext;
class Sidebar;

// The connections live as long as `receiver`.
void connectSidebarActions(Sidebar *sidebar, QObject *receiver,
                           const std::function<ActionContext()> &context);

} // namespace gleaner
