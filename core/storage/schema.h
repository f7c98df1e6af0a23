// The library's SQLite schema and its migrations. Each step runs in its own
// transaction and bumps PRAGMA user_version; a file newer than this code is
// refused, and a file that needs migrating is copied aside first.
#pragma once

#include <QString>

namespace gleaner {

class Database;

namespace schema {

// The version this build writes.
int currentVersion();

// Brings the database to currentVersion(). False with a sentence in
// `error` when the file is newer than this build or a step fails; the file
// is then as it was before the failed step.
[[nodiscard]] bool migrate(Database &db, QString *error);

} // namespace schema
} // namespace gleaner
