// Logging categories of gleaner-core, one per area.
#pragma once

#include <QLoggingCategory>

namespace gleaner {
Q_DECLARE_LOGGING_CATEGORY(lcDatabase)
Q_DECLARE_LOGGING_CATEGORY(lcImport)
Q_DECLARE_LOGGING_CATEGORY(lcArchive)
Q_DECLARE_LOGGING_CATEGORY(lcSearch)
} // namespace gleaner
