// Tells, before Qt is started, whether a GUI can open at all, so that a
// missing display is one clear line instead of a Qt abort.
#pragma once

#include <QString>

namespace gleaner {

// Empty when a display looks usable; otherwise a sentence saying why not.
QString missingDisplayReason();

} // namespace gleaner
