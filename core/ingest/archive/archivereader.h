// Reads the regular files of an archive (zip, tar, tar.gz/.bz2/.xz, or a
// single gzip/bzip2/xz-compressed file such as notes.txt.gz) into memory, one
// at a time, with caps against archive bombs. Never extracts to disk; links,
// devices and other special entries are skipped. The backend (KArchive or
// libarchive) is chosen at configure time; both pass the same tests.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QIODevice;

namespace gleaner {

namespace archiveimpl {
class ReadGuard;
enum class Format;
} // namespace archiveimpl

struct ArchiveLimits
{
    qint64 maxEntrySize = qint64(64) << 20; // one file's uncompressed size
    qint64 maxTotalSize = qint64(1) << 30;  // all files' uncompressed sizes
    int maxEntries = 100000;                // entries of any kind
    double maxRatio = 250.0;                // uncompressed / compressed, whole archive
    qint64 ratioGrace = qint64(8) << 20;    // totals below this are never ratio-checked
};

struct ArchiveEntry
{
    QString path;       // inside the archive, '/'-separated
    QByteArray data;    // the whole uncompressed content
    QDateTime modified; // the member's own time; invalid where the archive keeps none
};

// The checks every read starts with (the file is a regular file, the format
// is one we read, a zip's directory is whole and within the entry limit) live
// here; a backend only decodes what passed them.
class ArchiveReader
{
public:
    // Return false from the visitor to stop early (cancel); read() then
    // returns false with errorString() "Cancelled.".
    using Visitor = std::function<bool(const ArchiveEntry &entry)>;

    virtual ~ArchiveReader() = default;

    static std::unique_ptr<ArchiveReader> create(const ArchiveLimits &limits = {});
    static QString backendName(); // "karchive" or "libarchive"

    // True when the first bytes look like an archive this reader opens
    // (zip, tar, gzip, bzip2, xz). Give 512 bytes: a tar without the "ustar"
    // magic is known by its header checksum. fileName only matters for an
    // empty tar, which is nothing but zero blocks.
    static bool looksLikeArchive(const QByteArray &head, const QString &fileName = {});

    // Reads every regular file in order. False when the archive is damaged,
    // unsupported, or exceeds a limit (errorString() says which, in a
    // sentence); entries already visited stay visited.
    [[nodiscard]] bool readFile(const QString &path, const Visitor &visit);
    [[nodiscard]] bool readData(const QByteArray &data, const QString &name, const Visitor &visit);

    QString errorString() const { return m_error; }
    // Entries skipped without failing: "path: reason" (a link, a device...).
    QStringList skipped() const { return m_skipped; }

protected:
    explicit ArchiveReader(const ArchiveLimits &limits)
        : m_limits(limits)
    {}

    // The backend's part. `device` is open at the archive's first byte; it is
    // a file when `memory` is empty, else a buffer over `memory`. `name` is
    // the archive's name for sentences and for a compressed file's one entry.
    [[nodiscard]] virtual bool readArchive(QIODevice &device, QByteArrayView memory,
                                           const QString &name, archiveimpl::Format format,
                                           archiveimpl::ReadGuard &guard, const Visitor &visit) = 0;

    ArchiveLimits m_limits;
    QString m_error;
    QStringList m_skipped;
};

} // namespace gleaner
