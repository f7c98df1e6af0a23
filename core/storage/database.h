// A small RAII layer over the SQLite C API: a connection (Database), prepared
// statements with bound values (Statement) and transactions (Transaction).
// Every value reaches SQL as a bound parameter; nothing here builds SQL text
// from user input.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringView>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace gleaner {

class Statement;
class CachedStatement;

class Database final
{
    Q_DECLARE_TR_FUNCTIONS(Database)

public:
    enum class OpenMode
    {
        ReadWrite,
        ReadOnly
    };

    Database();
    ~Database();
    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens (creating when ReadWrite) the file and applies the connection
    // settings every Gleaner connection uses: WAL, synchronous=NORMAL, foreign keys.
    // ReadOnly never creates or changes the file, and reads it even where
    // its folder is not writable (as immutable, when no other process can
    // be writing it either).
    [[nodiscard]] bool open(const QString &path, OpenMode mode = OpenMode::ReadWrite);
    void close();
    bool isOpen() const { return m_db != nullptr; }
    QString path() const { return m_path; }

    // Runs one or more statements that take no parameters (schema, pragmas).
    [[nodiscard]] bool exec(const char *sql);

    // A statement cached on this connection, for hot paths. It is reset when
    // the returned handle goes out of scope, so a row left unread never keeps
    // an old read snapshot (or the WAL) pinned.
    CachedStatement cached(const char *sql);
    Statement prepare(const char *sql);
    Statement prepare(const QByteArray &sql);

    qint64 lastInsertId() const;
    int changes() const;
    int userVersion();
    [[nodiscard]] bool setUserVersion(int version);

    // Writes a consistent copy of the whole database to `file` (replacing
    // it) with SQLite's online backup API: all pages in one step, so one read
    // transaction and one state of the database, without blocking a writer
    // in WAL mode.
    [[nodiscard]] bool copyTo(const QString &file);

    // Asks a running statement on this connection to stop (from any thread).
    void interrupt();
    // Calls `handler` every `steps` virtual-machine steps of a statement
    // running on this connection; when it returns true the statement stops
    // as with interrupt(). An empty handler removes it. For long work that
    // polls a cancel flag, and for tests that need a query to take long.
    void setProgressHandler(int steps, std::function<bool()> handler);

    // From now on every write on this connection fails, and says `why`
    // (a damaged file found by IntegrityCheck, for one).
    void refuseWrites(const QString &why);
    bool refusesWrites() const { return !m_writeRefusal.isEmpty(); }

    // Why the last failed call on this connection (or on a statement of it)
    // failed: SQLite's message, or a sentence of ours.
    QString errorString() const { return m_error; }
    void setError(const QString &error) { m_error = error; }
    QString sqliteMessage() const;
    sqlite3 *handle() const { return m_db; }

private:
    bool openReadOnly(const QString &path);
    bool openWith(const QString &path, const QByteArray &name, int flags, const char *settings);

    struct Cache;
    sqlite3 *m_db = nullptr;
    int m_errorCode = 0;
    QString m_path;
    QString m_error;
    QString m_writeRefusal;
    std::unique_ptr<Cache> m_cache;
    // On the heap, so SQLite's pointer to it survives a move.
    std::unique_ptr<std::function<bool()>> m_progress;
};

class Statement final
{
public:
    Statement() = default;
    Statement(Database *db, const QByteArray &sql);
    ~Statement();
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool isValid() const { return m_stmt != nullptr; }

    // Parameters are 1-based, as in SQLite.
    Statement &bind(int index, std::int64_t value);
    Statement &bind(int index, int value) { return bind(index, std::int64_t(value)); }
    Statement &bind(int index, bool value) { return bind(index, std::int64_t(value ? 1 : 0)); }
    Statement &bind(int index, double value);
    Statement &bind(int index, QStringView value);
    Statement &bind(int index, const QString &value) { return bind(index, QStringView(value)); }
    Statement &bind(int index, const char *utf8);
    Statement &bind(int index, const QByteArray &blob);
    Statement &bindNull(int index);
    template <typename T>
    Statement &bind(int index, const std::optional<T> &value)
    {
        return value ? bind(index, *value) : bindNull(index);
    }

    // Steps once: true when a row is available; false when done or on error
    // (then ok() is false and the database's errorString() says why).
    [[nodiscard]] bool next();
    // Runs to completion; false on error.
    [[nodiscard]] bool run();
    bool ok() const { return m_ok; }
    void reset();

    bool isNull(int column) const;
    std::int64_t int64(int column) const;
    int integer(int column) const { return int(int64(column)); }
    double real(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;
    // The blob without a copy: valid until the statement steps or resets.
    QByteArrayView blobView(int column) const;
    int columnCount() const;

private:
    void fail();
    Database *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    bool m_ok = true;
};

// A cached statement for the length of a scope; see Database::cached().
class CachedStatement final
{
public:
    explicit CachedStatement(Statement &statement)
        : m_statement(statement)
    {}
    ~CachedStatement() { m_statement.reset(); }
    CachedStatement(const CachedStatement &) = delete;
    CachedStatement &operator=(const CachedStatement &) = delete;

    Statement *operator->() const { return &m_statement; }
    Statement &operator*() const { return m_statement; }
    operator Statement &() const { return m_statement; }

    template <typename... Args>
    Statement &bind(Args &&...args)
    {
        return m_statement.bind(std::forward<Args>(args)...);
    }
    Statement &bindNull(int index) { return m_statement.bindNull(index); }
    [[nodiscard]] bool next() { return m_statement.next(); }
    [[nodiscard]] bool run() { return m_statement.run(); }
    bool ok() const { return m_statement.ok(); }
    void reset() { m_statement.reset(); }
    bool isNull(int column) const { return m_statement.isNull(column); }
    std::int64_t int64(int column) const { return m_statement.int64(column); }
    int integer(int column) const { return m_statement.integer(column); }
    double real(int column) const { return m_statement.real(column); }
    QString text(int column) const { return m_statement.text(column); }
    QByteArray blob(int column) const { return m_statement.blob(column); }

private:
    Statement &m_statement;
};

// Begins on construction (IMMEDIATE, so a writer fails early rather than on
// commit), rolls back on destruction unless commit() succeeded.
class Transaction final
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isActive() const { return m_active; }
    [[nodiscard]] bool commit();
    void rollback();

private:
    Database &m_db;
    bool m_active = false;
};

} // namespace gleaner
