// Reads the regular files of an archive (zip, tar, tar.gz/.bz2/.xz, or a
// single gzip/bzip2/xz-compressed file such as notes.txt.gz) into memory, one
// at a time, with caps against archive bombs. Never extracts to disk; links,
// devices and other special entries are skipped. The backend (KArchive or
// libarchive) is chosen at configure time; both pass the same tests.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace gleaner {

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
    QString path;    // inside the archive, '/'-separated
    QByteArray data; // the whole uncompressed content
};

class ArchiveReader
{
public:
    // Return false from the visitor to stop early (cancel); read() then
    // returns false with error() "Cancelled.".
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
    // unsupported, or exceeds a limit (error() says which, in a sentence);
    // entries already visited stay visited.
    [[nodiscard]] virtual bool readFile(const QString &path, const Visitor &visit) = 0;
    [[nodiscard]] virtual bool readData(const QByteArray &data, const QString &name,
                                        const Visitor &visit) = 0;

    QString error() const { return m_error; }
    // Entries skipped without failing: "path: reason" (a link, a device...).
    QStringList skipped() const { return m_skipped; }

protected:
    explicit ArchiveReader(const ArchiveLimits &limits)
        : m_limits(limits)
    {}
    ArchiveLimits m_limits;
    QString m_error;
    QStringList m_skipped;
};

} // namespace gleaner
