#include "catch.h"
#include "storage/database.h"

#include <QFile>
#include <QTemporaryDir>

using namespace gleaner;

TEST_CASE("Database binds values and reads them back", "[database]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    Database db;
    REQUIRE(db.open(dir.filePath(QStringLiteral("t.sqlite3"))));
    REQUIRE(db.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, s TEXT, n INTEGER, r REAL)"));

    // Text that would break naively built SQL goes in as a bound value.
    const QString hostile = QStringLiteral("Robert'); DROP TABLE t;-- \"quoted\" — ünïcødé");
    Statement insert = db.prepare("INSERT INTO t(s, n, r) VALUES (?1, ?2, ?3)");
    REQUIRE(insert.bind(1, hostile).bind(2, 42).bind(3, 2.5).run());
    const qint64 id = db.lastInsertId();

    Statement select = db.prepare("SELECT s, n, r FROM t WHERE id = ?1");
    select.bind(1, std::int64_t(id));
    REQUIRE(select.next());
    CHECK(select.text(0) == hostile);
    CHECK(select.integer(1) == 42);
    CHECK(select.real(2) == Approx(2.5));
    CHECK_FALSE(select.next());
    CHECK(select.ok());
}

TEST_CASE("Database uses WAL and foreign keys", "[database]")
{
    QTemporaryDir dir;
    Database db;
    REQUIRE(db.open(dir.filePath(QStringLiteral("t.sqlite3"))));
    Statement mode = db.prepare("PRAGMA journal_mode");
    REQUIRE(mode.next());
    CHECK(mode.text(0) == QStringLiteral("wal"));
    Statement fk = db.prepare("PRAGMA foreign_keys");
    REQUIRE(fk.next());
    CHECK(fk.integer(0) == 1);
}

TEST_CASE("Transaction rolls back unless committed", "[database]")
{
    QTemporaryDir dir;
    Database db;
    REQUIRE(db.open(dir.filePath(QStringLiteral("t.sqlite3"))));
    REQUIRE(db.exec("CREATE TABLE t(x INTEGER)"));
    {
        Transaction tx(db);
        REQUIRE(tx.isActive());
        REQUIRE(db.prepare("INSERT INTO t VALUES (1)").run());
    }
    {
        Transaction tx(db);
        REQUIRE(db.prepare("INSERT INTO t VALUES (2)").run());
        REQUIRE(tx.commit());
    }
    Statement count = db.prepare("SELECT group_concat(x) FROM t");
    REQUIRE(count.next());
    CHECK(count.text(0) == QStringLiteral("2"));
}

TEST_CASE("Cached statements are reset between uses", "[database]")
{
    QTemporaryDir dir;
    Database db;
    REQUIRE(db.open(dir.filePath(QStringLiteral("t.sqlite3"))));
    REQUIRE(db.exec("CREATE TABLE t(x INTEGER)"));
    for (int i = 0; i < 3; ++i)
        REQUIRE(db.cached("INSERT INTO t VALUES (?1)").bind(1, i).run());
    auto sum = db.cached("SELECT sum(x), count(*) FROM t");
    REQUIRE(sum.next());
    CHECK(sum.integer(0) == 3);
    CHECK(sum.integer(1) == 3);
}

TEST_CASE("Database refuses a file that is not a database", "[database]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("junk.sqlite3"));
    QFile junk(path);
    REQUIRE(junk.open(QIODevice::WriteOnly));
    junk.write(QByteArray(4096, 'x'));
    junk.close();

    Database db;
    CHECK_FALSE(db.open(path));
    CHECK_FALSE(db.isOpen());
    CHECK(db.errorString().contains(QStringLiteral("not a database")));
    // The user's file is untouched.
    REQUIRE(junk.open(QIODevice::ReadOnly));
    CHECK(junk.readAll() == QByteArray(4096, 'x'));
}

TEST_CASE("Prepare errors are reported, not crashes", "[database]")
{
    QTemporaryDir dir;
    Database db;
    REQUIRE(db.open(dir.filePath(QStringLiteral("t.sqlite3"))));
    Statement bad = db.prepare("SELEKT nothing");
    CHECK_FALSE(bad.isValid());
    CHECK_FALSE(bad.next());
    CHECK_FALSE(bad.ok());
    CHECK(db.errorString().contains(QStringLiteral("syntax error")));
}
