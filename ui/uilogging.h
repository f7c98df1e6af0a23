// Logging categories of gleaner-ui.
#pragma once

#include <QLoggingCategory>

namespace gleaner {
Q_DECLARE_LOGGING_CATEGORY(lcReader)
Q_DECLARE_LOGGING_CATEGORY(lcWindow)
} // namespace gleaner
