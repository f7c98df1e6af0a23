#include "storage/libraryfile.h"

#include "storage/database.h"
#include "storage/schema.h"

#include <QDir>
#include <QFileInfo>

namespace gleaner {

LibraryFile::LibraryFile(const QString &path)
    : m_path(path)
{}

bool LibraryFile::isInMemory() const
{
    // SQLite's name for a library that lives only in the connection (tests,
    // fuzz targets); QFileInfo would take it for a Qt resource path.
    return m_path == QLatin1String(":memory:");
}

bool LibraryFile::checkReadable()
{
    if (isInMemory())
        return true;
    const QFileInfo info(m_path);
    if (!info.exists()) {
        m_error = tr("There is no library at %1.").arg(m_path);
        return false;
    }
    if (!info.isFile()) {
        m_error = tr("%1 is not a file; choose a library file.").arg(m_path);
        return false;
    }
    if (info.size() == 0) {
        m_error = tr("%1 is empty, not a library.").arg(m_path);
        return false;
    }
    if (!info.isReadable()) {
        m_error = tr("The library %1 cannot be read: you do not have permission.").arg(m_path);
        return false;
    }
    return true;
}

bool LibraryFile::checkWritable()
{
    if (isInMemory())
        return true;
    const QFileInfo info(m_path);
    if (info.exists() && !info.isFile()) {
        m_error = tr("%1 is not a file; choose a library file.").arg(m_path);
        return false;
    }
    const QString folder = info.absolutePath();
    if (!QDir().mkpath(folder)) {
        m_error = tr("Could not create the folder %1 for the library.").arg(folder);
        return false;
    }
    if (!QFileInfo(folder).isWritable()) {
        m_error =
            info.exists()
                ? tr("The library %1 cannot be changed because its folder %2 is "
                     "not writable; copy it to a folder you can write to.")
                      .arg(m_path, folder)
                : tr("Cannot create a library in %1: the folder is not writable.").arg(folder);
        return false;
    }
    if (info.exists() && !info.isWritable()) {
        m_error = tr("The library %1 cannot be changed because the file is read-only.").arg(m_path);
        return false;
    }
    return true;
}

bool LibraryFile::checkFormat(Database &db)
{
    Statement tables = db.prepare("SELECT count(*) FROM sqlite_schema");
    const int version = db.userVersion();
    if (version < 0 || !tables.next()) {
        m_error = tr("Could not read the library %1: %2").arg(m_path, db.errorString());
        return false;
    }
    if (version > Schema::currentVersion()) {
        m_error = tr("The library %1 was written by a newer Gleaner (format %2; this version "
                     "reads up to %3). Update Gleaner to open it.")
                      .arg(m_path)
                      .arg(version)
                      .arg(Schema::currentVersion());
        return false;
    }
    if (version == 0) {
        m_error = tables.integer(0) == 0
                      ? tr("%1 is an empty database, not a library.").arg(m_path)
                      : tr("%1 is an SQLite database, but not a Gleaner library.").arg(m_path);
        return false;
    }
    if (version < Schema::currentVersion()) {
        m_error = tr("The library %1 is in an older format (%2); open it once with a command "
                     "that changes it (or in the window) to upgrade it.")
                      .arg(m_path)
                      .arg(version);
        return false;
    }
    return true;
}

} // namespace gleaner
