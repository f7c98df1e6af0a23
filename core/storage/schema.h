// The library's SQLite schema and its migrations. Each step runs in its own
// transaction and bumps PRAGMA user_version; a file newer than this code is
// refused, and a file that needs migrating is copied aside first.
#pragma once

#include <QCoreApplication>
#include <QString>

namespace gleaner {

class Database;

class Schema final
{
    Q_DECLARE_TR_FUNCTIONS(Schema)

public:
    explicit Schema(Database &db);

    // The version this build writes.
    static int currentVersion();

    // Brings the database to currentVersion(). False when the file is newer
    // than this build, is not a Gleaner library, or a step fails; the file is
    // then as it was before the failed step, and errorString() says why.
    [[nodiscard]] bool migrate() { return migrate(currentVersion()); }
    // Stops at `version` (tests build libraries of older formats with it).
    [[nodiscard]] bool migrate(int version);

    QString errorString() const { return m_error; }

private:
    bool isEmptyDatabase();
    bool backUpBeforeMigrating(int fromVersion);
    bool fail(const QString &why);

    Database &m_db;
    QString m_error;
};

} // namespace gleaner
