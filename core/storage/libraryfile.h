// What a library path is before SQLite touches it: missing, empty, a folder,
// readable, writable. Library::open() asks it first, so a read-only command
// never creates or changes a file, and a writer that cannot write says why in
// terms of the file and its folder rather than SQLite's "attempt to write a
// readonly database".
#pragma once

#include <QCoreApplication>
#include <QString>

namespace gleaner {

class Database;

class LibraryFile final
{
    Q_DECLARE_TR_FUNCTIONS(LibraryFile)

public:
    explicit LibraryFile(const QString &path);

    QString path() const { return m_path; }
    // ":memory:", a library without a file; both checks pass for it.
    bool isInMemory() const;

    // True when the path holds something to read as a library: an existing,
    // non-empty regular file.
    [[nodiscard]] bool checkReadable();
    // True when a writer may open the path (creating the file when missing):
    // the file, if there is one, and its folder are writable, since SQLite
    // keeps its write-ahead log and index beside the file.
    [[nodiscard]] bool checkWritable();
    // True once the file is open: its format is a Gleaner library this
    // version reads as it is, without upgrading (a read-only open cannot).
    [[nodiscard]] bool checkFormat(Database &db);

    QString errorString() const { return m_error; }

private:
    QString m_path;
    QString m_error;
};

} // namespace gleaner
