#include "actioncontext.h"

#include "uilogging.h"

#include <QMainWindow>
#include <QStatusBar>

namespace gleaner {

void ActionContext::say(const QString &text, int ms) const
{
    m_window->statusBar()->showMessage(text, ms);
}

void ActionContext::fail(const QString &why) const
{
    qCWarning(lcWindow) << why;
    say(why, 10000);
}

} // namespace gleaner
