#include "storage/database.h"

#include "logging.h"
#include "storage/relevance.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QUrl>

#include <sqlite3.h>

namespace gleaner {

struct Database::Cache
{
    QHash<const char *, Statement *> statements;
    ~Cache() { qDeleteAll(statements); }
};

Database::Database() = default;

Database::~Database()
{
    close();
}

Database::Database(Database &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_path(std::move(other.m_path))
    , m_error(std::move(other.m_error))
    , m_writeRefusal(std::move(other.m_writeRefusal))
    , m_cache(std::move(other.m_cache))
    , m_progress(std::move(other.m_progress))
{}

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        close();
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
        m_error = std::move(other.m_error);
        m_writeRefusal = std::move(other.m_writeRefusal);
        m_cache = std::move(other.m_cache);
        m_progress = std::move(other.m_progress);
    }
    return *this;
}

bool Database::open(const QString &path, OpenMode mode)
{
    close();
    if (mode == OpenMode::ReadOnly)
        return openReadOnly(path);
    return openWith(path, path.toUtf8(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                    "PRAGMA foreign_keys=ON; PRAGMA schema_version;");
}

bool Database::openReadOnly(const QString &path)
{
    // query_only as well: a reader never writes, whatever a caller asks.
    const char *settings = "PRAGMA query_only=ON; PRAGMA foreign_keys=ON; PRAGMA schema_version;";
    QUrl url = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath());
    // First as a writer that never writes (query_only, and never creating
    // the file): the last such connection to close tidies away the -wal and
    // -shm files a WAL library has while open, which a read-only connection
    // cannot do, so every reading command would leave them behind.
    url.setQuery(QStringLiteral("mode=rw"));
    if (openWith(path, url.toEncoded(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI, settings))
        return true;
    const int first = m_errorCode & 0xff;
    if (first != SQLITE_READONLY && first != SQLITE_CANTOPEN && first != SQLITE_PERM)
        return false;
    url.setQuery(QStringLiteral("mode=ro"));
    const int flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
    if (openWith(path, url.toEncoded(), flags, settings))
        return true;
    // A WAL library in a folder the reader cannot write: SQLite cannot make
    // the -shm index it shares with writers. Nobody can write there either,
    // so the file is read as immutable, unless a -wal file holds changes
    // that only a connection with that index could read.
    const int code = m_errorCode & 0xff;
    if (code != SQLITE_READONLY && code != SQLITE_CANTOPEN)
        return false;
    if (QFileInfo(path + QStringLiteral("-wal")).size() > 0) {
        m_error = QStringLiteral("its latest changes are in %1-wal, which needs a writable folder "
                                 "to be read")
                      .arg(path);
        return false;
    }
    url.setQuery(QStringLiteral("immutable=1"));
    if (!openWith(path, url.toEncoded(), flags, settings))
        return false;
    qCDebug(lcDatabase) << "reading" << path << "as immutable: its folder is not writable";
    return true;
}

bool Database::openWith(const QString &path, const QByteArray &name, int flags,
                        const char *settings)
{
    close();
    m_errorCode = 0;
    const int rc = sqlite3_open_v2(name.constData(), &m_db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        m_errorCode = m_db ? sqlite3_extended_errcode(m_db) : rc;
        m_error = tr("Could not open %1: %2").arg(path, sqliteMessage());
        close();
        return false;
    }
    m_path = path;
    m_cache = std::make_unique<Cache>();
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, 5000);
    // The first statement to touch the file also tells whether it is a
    // database at all ("file is not a database").
    if (!exec(settings)) {
        const QString why = m_error;
        m_errorCode = sqlite3_extended_errcode(m_db);
        close();
        m_error = why;
        return false;
    }
    // What a ranked search orders by (storage/relevance.h).
    if (!relevance::registerFunction(m_db)) {
        m_error = tr("Could not open %1: its SQLite lacks the FTS5 full-text index").arg(path);
        close();
        return false;
    }
    return true;
}

void Database::close()
{
    m_cache.reset();
    m_writeRefusal.clear();
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
    m_progress.reset();
}

bool Database::exec(const char *sql)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        m_error = !m_writeRefusal.isEmpty() && (sqlite3_errcode(m_db) & 0xff) == SQLITE_READONLY
                      ? m_writeRefusal
                      : QString::fromUtf8(message ? message : sqlite3_errmsg(m_db));
        sqlite3_free(message);
        qCDebug(lcDatabase) << "exec failed:" << m_error;
        return false;
    }
    return true;
}

CachedStatement Database::cached(const char *sql)
{
    Statement *&slot = m_cache->statements[sql];
    if (!slot)
        slot = new Statement(this, QByteArray(sql));
    else
        slot->reset();
    return CachedStatement(*slot);
}

Statement Database::prepare(const char *sql)
{
    return Statement(this, QByteArray(sql));
}

Statement Database::prepare(const QByteArray &sql)
{
    return Statement(this, sql);
}

qint64 Database::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

int Database::userVersion()
{
    Statement st = prepare("PRAGMA user_version");
    return st.next() ? st.integer(0) : -1;
}

bool Database::setUserVersion(int version)
{
    // PRAGMA takes no parameters; the value is an integer we produce.
    const QByteArray sql = "PRAGMA user_version=" + QByteArray::number(version);
    return exec(sql.constData());
}

bool Database::copyTo(const QString &file)
{
    sqlite3 *dest = nullptr;
    int rc = sqlite3_open_v2(QFile::encodeName(file).constData(), &dest,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc == SQLITE_OK) {
        sqlite3_backup *backup = sqlite3_backup_init(dest, "main", m_db, "main");
        if (backup) {
            // Busy only while a writer checkpoints or recovers.
            for (int tries = 0; tries < 100; ++tries) {
                rc = sqlite3_backup_step(backup, -1);
                if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
                    break;
                sqlite3_sleep(50);
            }
            sqlite3_backup_finish(backup);
            if (rc == SQLITE_DONE)
                rc = sqlite3_errcode(dest);
        } else {
            rc = sqlite3_errcode(dest);
        }
    }
    const QString why = QString::fromUtf8(sqlite3_errstr(rc));
    sqlite3_close(dest);
    if (rc != SQLITE_OK && rc != SQLITE_DONE) {
        m_error = why;
        return false;
    }
    return true;
}

void Database::interrupt()
{
    if (m_db)
        sqlite3_interrupt(m_db);
}

void Database::setProgressHandler(int steps, std::function<bool()> handler)
{
    if (!m_db)
        return;
    if (!handler) {
        sqlite3_progress_handler(m_db, 0, nullptr, nullptr);
        m_progress.reset();
        return;
    }
    m_progress = std::make_unique<std::function<bool()>>(std::move(handler));
    sqlite3_progress_handler(
        m_db, steps,
        [](void *function) { return (*static_cast<std::function<bool()> *>(function))() ? 1 : 0; },
        m_progress.get());
}

QString Database::sqliteMessage() const
{
    if (!m_db)
        return tr("out of memory");
    if (!m_writeRefusal.isEmpty() && (sqlite3_errcode(m_db) & 0xff) == SQLITE_READONLY)
        return m_writeRefusal;
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

void Database::refuseWrites(const QString &why)
{
    m_writeRefusal = why;
    (void)exec("PRAGMA query_only=ON");
}

Statement::Statement(Database *db, const QByteArray &sql)
    : m_db(db)
{
    const int rc = sqlite3_prepare_v3(db->handle(), sql.constData(), int(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    if (rc != SQLITE_OK) {
        m_stmt = nullptr;
        m_ok = false;
        db->setError(db->sqliteMessage());
        qCDebug(lcDatabase) << "prepare failed:" << db->errorString() << sql;
    }
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement &&other) noexcept
    : m_db(other.m_db)
    , m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_ok(other.m_ok)
{}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = other.m_db;
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_ok = other.m_ok;
    }
    return *this;
}

Statement &Statement::bind(int index, std::int64_t value)
{
    if (m_stmt)
        sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    if (m_stmt)
        sqlite3_bind_double(m_stmt, index, value);
    return *this;
}

Statement &Statement::bind(int index, QStringView value)
{
    if (m_stmt) {
        if (value.isNull()) {
            // A null QString is an empty text here; NULL needs bindNull().
            sqlite3_bind_text(m_stmt, index, "", 0, SQLITE_STATIC);
        } else {
            sqlite3_bind_text16(m_stmt, index, value.utf16(), int(value.size() * 2),
                                SQLITE_TRANSIENT);
        }
    }
    return *this;
}

Statement &Statement::bind(int index, const char *utf8)
{
    if (m_stmt)
        sqlite3_bind_text(m_stmt, index, utf8, -1, SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bind(int index, const QByteArray &blob)
{
    if (m_stmt)
        sqlite3_bind_blob(m_stmt, index, blob.constData(), int(blob.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindNull(int index)
{
    if (m_stmt)
        sqlite3_bind_null(m_stmt, index);
    return *this;
}

bool Statement::next()
{
    if (!m_stmt) {
        m_ok = false;
        return false;
    }
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        fail();
    return false;
}

bool Statement::run()
{
    while (next()) {
    }
    return m_ok;
}

void Statement::reset()
{
    if (m_stmt) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
    m_ok = m_stmt != nullptr;
}

void Statement::fail()
{
    m_ok = false;
    m_db->setError(m_db->sqliteMessage());
    qCDebug(lcDatabase) << "step failed:" << m_db->errorString() << sqlite3_sql(m_stmt);
    sqlite3_reset(m_stmt);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QString Statement::text(int column) const
{
    const auto *data = static_cast<const char16_t *>(sqlite3_column_text16(m_stmt, column));
    if (!data)
        return {};
    return QString::fromUtf16(data, sqlite3_column_bytes16(m_stmt, column) / 2);
}

QByteArray Statement::blob(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return QByteArray(data, sqlite3_column_bytes(m_stmt, column));
}

QByteArrayView Statement::blobView(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return QByteArrayView(data, sqlite3_column_bytes(m_stmt, column));
}

int Statement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

Transaction::Transaction(Database &db)
    : m_db(db)
{
    m_active = m_db.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (m_active)
        rollback();
}

bool Transaction::commit()
{
    if (!m_active)
        return false;
    if (!m_db.exec("COMMIT")) {
        rollback();
        return false;
    }
    m_active = false;
    return true;
}

void Transaction::rollback()
{
    if (m_active) {
        // Keep the error that caused the rollback, not the rollback's own.
        const QString why = m_db.errorString();
        (void)m_db.exec("ROLLBACK");
        m_db.setError(why);
        m_active = false;
    }
}

} // namespace gleaner
