#include "uilogging.h"

namespace gleaner {
Q_LOGGING_CATEGORY(lcReader, "gleaner.ui.reader", QtWarningMsg)
Q_LOGGING_CATEGORY(lcWindow, "gleaner.ui.window", QtWarningMsg)
} // namespace gleaner
