#include "displaycheck.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace gleaner {

QString missingDisplayReason()
{
    // An explicit platform (offscreen, wayland, xcb...) is the user's choice.
    if (!qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        return {};
    if (!qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        return {};
    const QString display = qEnvironmentVariable("DISPLAY");
    if (display.isEmpty())
        return QStringLiteral("no display found (DISPLAY and WAYLAND_DISPLAY are not set); start "
                              "Gleaner from a desktop session, or under xvfb-run.");
    // A local X display ":N" has a socket; when it is missing, Qt would abort.
    static const QRegularExpression local(QStringLiteral(R"(^:(\d+)(\.\d+)?$)"));
    const auto m = local.match(display);
    if (m.hasMatch() && !QFileInfo::exists(QStringLiteral("/tmp/.X11-unix/X") + m.captured(1)))
        return QStringLiteral("the display %1 is not running; start Gleaner from a desktop "
                              "session, or under xvfb-run.")
            .arg(display);
    return {};
}

} // namespace gleaner
