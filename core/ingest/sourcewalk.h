// The files one import source stands for: the file itself, or every file
// below a folder, sorted so that reports and progress do not depend on the
// file system. This is the one walk: the importer imports what it lists and
// the window counts it for progress.
//
// Only regular files are ever read. A device, a named pipe or a socket, named
// directly, behind a link or met in a folder, is refused with a reason before
// anything opens it: reading /dev/zero never ends, and opening a FIFO without
// a writer never returns. Links inside a folder are not followed (they could
// leave the folder or loop); hidden and unreadable files are passed over, as
// a file manager would.
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

class QFile;

namespace gleaner {

class SourceWalk final
{
    Q_DECLARE_TR_FUNCTIONS(SourceWalk)

public:
    struct Refusal
    {
        QString path;
        QString reason; // the end of a sentence whose subject is the path: "is a named pipe, ..."
    };

    explicit SourceWalk(const QString &source);

    // The regular files to read, in order.
    const QStringList &files() const { return m_files; }
    // What the source named or held that is not read, with the reason.
    const QList<Refusal> &refused() const { return m_refused; }

    // Why `path` is not read as a file ("is a named pipe (FIFO), not a file"),
    // from the file system's own record of it, following links; empty for a
    // regular file.
    static QString refusal(const QString &path);

    // Opens a regular file for reading without ever blocking: the type is
    // checked again on the open descriptor, so a FIFO put in the file's place
    // after refusal() cannot hang the import. False leaves `file` closed;
    // refusal() or file.errorString() then says why.
    [[nodiscard]] static bool openRegularFile(QFile &file);

private:
    QStringList m_files;
    QList<Refusal> m_refused;
};

} // namespace gleaner
