// The library's SQLite schema and its migrations. Each step runs in its own
// transaction and bumps PRAGMA user_version; a file newer than this code is
// refused, and a file that needs migrating is copied aside first.
#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>

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

    // Called once before an upgrade starts (the backup copy, then the steps),
    // which can take a minute at 100k papers: the caller says so to the user.
    using UpgradeNotice = std::function<void(int fromVersion, int toVersion)>;
    void setUpgradeNotice(UpgradeNotice notice) { m_notice = std::move(notice); }
    // What a notice tells the user, in the window and gleaner-cli alike.
    static QString upgradeMessage(int fromVersion, int toVersion);

private:
    bool isEmptyDatabase();
    bool backUpBeforeMigrating(int fromVersion);
    bool fail(const QString &why);

    Database &m_db;
    QString m_error;
    UpgradeNotice m_notice;
};

} // namespace gleaner
