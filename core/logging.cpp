#include "logging.h"

namespace gleaner {
Q_LOGGING_CATEGORY(lcDatabase, "gleaner.core.database", QtWarningMsg)
Q_LOGGING_CATEGORY(lcImport, "gleaner.core.import", QtWarningMsg)
Q_LOGGING_CATEGORY(lcArchive, "gleaner.core.archive", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSearch, "gleaner.core.search", QtWarningMsg)
} // namespace gleaner
