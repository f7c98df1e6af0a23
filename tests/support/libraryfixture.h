// A fresh library in a temporary folder, plus copies of our fixture digests
// with a known modification time (the year fallback depends on it).
#pragma once

#include "catch.h"
#include "ingest/importer.h"
#include "storage/database.h"
#include "storage/library.h"
#include "storage/schema.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

namespace gleaner::test {

// A note with every character class a backup or an export could mangle.
inline const QString kTrickyNote =
    QStringLiteral("\"Quoted\", {braced} & 100% #1\n$x^2$ <tag> and Юникод 日本語");

// A library file at `path` as a Gleaner of format `version` left it, with
// `sql` run in it (rows in that format's tables); false when either fails.
inline bool writeOldLibrary(const QString &path, int version, const char *sql)
{
    Database db;
    if (!db.open(path))
        return false;
    Schema schema(db);
    return schema.migrate(version) && db.exec(sql);
}

// The one number a query like "SELECT count(*) FROM t" gives.
inline int scalar(Library &library, const char *sql)
{
    Statement st = library.database().prepare(sql);
    REQUIRE(st.next());
    return st.integer(0);
}

class LibraryFixture
{
public:
    LibraryFixture()
    {
        REQUIRE(m_dir.isValid());
        REQUIRE(library.open(libraryPath()));
    }

    QString libraryPath() const { return m_dir.filePath(QStringLiteral("library.sqlite3")); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

    // Copies tests/data/library/<name> to <dir>/<as>, dated 2026-05-01.
    QString copyFixture(const QString &name, const QString &as = {})
    {
        const QString target = m_dir.filePath(as.isEmpty() ? name : as);
        QDir().mkpath(QFileInfo(target).absolutePath());
        QFile::remove(target);
        REQUIRE(QFile::copy(dataPath(QStringLiteral("library/") + name), target));
        QFile file(target);
        REQUIRE(file.open(QIODevice::ReadWrite));
        REQUIRE(file.setFileTime(QDateTime(QDate(2026, 5, 1), QTime(12, 0)),
                                 QFileDevice::FileModificationTime));
        return target;
    }

    ImportReport import(const QStringList &paths)
    {
        Importer importer(library);
        return importer.importPaths(paths);
    }

    qint64 idOf(const QString &titleWords)
    {
        const SearchResult r =
            library.search(QStringLiteral("title:\"%1\"").arg(titleWords)).value();
        REQUIRE(r.ids.size() == 1);
        return r.ids.first();
    }

private:
    // Declared first, so destroyed last: the library closes its connection
    // (and its WAL) before the folder holding it is deleted.
    QTemporaryDir m_dir;

public:
    Library library;
};

} // namespace gleaner::test
