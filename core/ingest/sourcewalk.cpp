#include "ingest/sourcewalk.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace gleaner {

namespace {

QString describeMode(mode_t mode)
{
    if (S_ISFIFO(mode))
        return SourceWalk::tr("a named pipe (FIFO)");
    if (S_ISCHR(mode))
        return SourceWalk::tr("a character device");
    if (S_ISBLK(mode))
        return SourceWalk::tr("a block device");
    if (S_ISSOCK(mode))
        return SourceWalk::tr("a socket");
    return SourceWalk::tr("not a regular file");
}

} // namespace

QString SourceWalk::refusal(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat target = {};
    if (::stat(native.constData(), &target) != 0) {
        struct stat link = {};
        if (::lstat(native.constData(), &link) == 0 && S_ISLNK(link.st_mode))
            return tr("is a link to something that does not exist");
        return tr("does not exist");
    }
    if (S_ISREG(target.st_mode))
        return {};
    if (S_ISDIR(target.st_mode))
        return tr("is a folder");
    struct stat link = {};
    const bool isLink = ::lstat(native.constData(), &link) == 0 && S_ISLNK(link.st_mode);
    const QString what = describeMode(target.st_mode);
    return isLink ? tr("is a link to %1, not a file; only regular files are read").arg(what)
                  : tr("is %1, not a file; only regular files are read").arg(what);
}

bool SourceWalk::openRegularFile(QFile &file)
{
    if (!refusal(file.fileName()).isEmpty())
        return false;
    const int fd = ::open(QFile::encodeName(file.fileName()).constData(),
                          O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return file.open(QIODevice::ReadOnly); // for QFile's own sentence
    struct stat st = {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return false;
    }
    // A regular file never blocks; reads go through QFile's buffer as usual.
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return false;
    }
    return true;
}

SourceWalk::SourceWalk(const QString &source)
{
    const QFileInfo info(source);
    if (!info.isDir()) {
        const QString reason = refusal(source);
        if (reason.isEmpty())
            m_files << source;
        else
            m_refused.append({source, reason});
        return;
    }
    // System brings FIFOs, devices and sockets into the listing, so that
    // they are named rather than silently passed over.
    QDirIterator it(source, QDir::Files | QDir::System | QDir::NoSymLinks | QDir::Readable,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo entry = it.fileInfo();
        if (entry.isSymLink())
            continue;
        const QString reason = refusal(path);
        if (reason.isEmpty())
            m_files << path;
        else
            m_refused.append({path, reason});
    }
    std::sort(m_files.begin(), m_files.end());
    std::sort(m_refused.begin(), m_refused.end(),
              [](const Refusal &a, const Refusal &b) { return a.path < b.path; });
    if (m_files.isEmpty() && m_refused.isEmpty())
        m_refused.append({source, tr("is an empty folder")});
}

} // namespace gleaner
