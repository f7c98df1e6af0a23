// The KArchive (KF6) backend of ArchiveReader. Zip goes through KZip. Tar goes
// through a small single-pass reader of our own over KCompressionDevice,
// because KTar does not fit the contract: it decompresses a .tar.gz/.bz2/.xz
// into a temporary file before reading it (extraction to disk, and a bomb
// fills the disk before any limit can be checked), reads only the first
// block of a pax header, and reports FIFOs and devices as empty files.
#include "ingest/archive/archivereader.h"
#include "ingest/archive/archivereader_p.h"
#include "logging.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>

#include <KArchiveDirectory>
#include <KCompressionDevice>
#include <KZip>
#include <KZipFileEntry>

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <memory>
#include <sys/stat.h>
#include <vector>

namespace gleaner {

namespace {

using archiveimpl::Format;
using archiveimpl::kChunkSize;
using archiveimpl::kTarBlock;
using archiveimpl::ReadGuard;

constexpr std::array<quint32, 256> makeCrcTable()
{
    std::array<quint32, 256> table{};
    for (quint32 i = 0; i < 256; ++i) {
        quint32 c = i;
        for (int bit = 0; bit < 8; ++bit)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
    return table;
}

// KZip does not verify the CRC-32 the zip stores, and a damaged entry must
// not reach the importer as text.
quint32 zipCrc32(QByteArrayView data)
{
    static constexpr std::array<quint32, 256> kTable = makeCrcTable();
    quint32 crc = 0xffffffffu;
    for (const char byte : data)
        crc = kTable[(crc ^ static_cast<uchar>(byte)) & 0xffu] ^ (crc >> 8);
    return crc ^ 0xffffffffu;
}

// Reads up to size bytes, retrying short reads; -1 when the device reports
// an error (for KCompressionDevice: damaged compressed data).
qint64 readUpTo(QIODevice *in, char *out, qint64 size)
{
    qint64 done = 0;
    while (done < size) {
        const qint64 got = in->read(out + done, size - done);
        if (got < 0)
            return -1;
        if (got == 0)
            break;
        done += got;
    }
    return done;
}

QString zipSkipReason(const KZipFileEntry *file, const QString &path)
{
    if (path.isEmpty())
        return QStringLiteral("entry without a name");
    // A zip can only really hold links besides files and folders; libarchive
    // reads any other Unix type bits as a regular file, and so do we.
    if (!file->symLinkTarget().isEmpty() || (file->permissions() & S_IFMT) == S_IFLNK)
        return QStringLiteral("symbolic link");
    return {};
}

// The zip's directory was checked by ArchiveReader before this runs.
bool readZip(QIODevice *device, ReadGuard &guard, const ArchiveReader::Visitor &visit)
{
    KZip zip(device);
    if (!zip.open(QIODevice::ReadOnly))
        return guard.damaged(zip.errorString());

    // KZip keeps a tree whose folders are hashes; visit in archive order.
    std::vector<const KZipFileEntry *> files;
    std::vector<const KArchiveDirectory *> folders{zip.directory()};
    while (!folders.empty()) {
        const KArchiveDirectory *folder = folders.back();
        folders.pop_back();
        const QStringList names = folder->entries();
        for (const QString &name : names) {
            const KArchiveEntry *entry = folder->entry(name);
            if (entry && entry->isDirectory())
                folders.push_back(static_cast<const KArchiveDirectory *>(entry));
            else if (const auto *file = dynamic_cast<const KZipFileEntry *>(entry))
                files.push_back(file);
        }
    }
    std::sort(files.begin(), files.end(), [](const KZipFileEntry *a, const KZipFileEntry *b) {
        return a->position() < b->position();
    });

    QByteArray chunk(kChunkSize, Qt::Uninitialized);
    for (const KZipFileEntry *file : files) {
        const QString path = archiveimpl::cleanEntryPath(file->path());
        const QString reason = zipSkipReason(file, path);
        if (!reason.isEmpty()) {
            guard.skip(path, reason);
            continue;
        }
        // createDevice() streams the entry; data() would inflate all of it
        // before any limit could be checked.
        const std::unique_ptr<QIODevice> in(file->createDevice());
        if (!in) {
            return guard.damaged(
                QStringLiteral("\u201c%1\u201d uses a compression method Gleaner cannot read")
                    .arg(path));
        }
        QByteArray content;
        for (;;) {
            const qint64 got = in->read(chunk.data(), chunk.size());
            if (got < 0) {
                return guard.damaged(
                    QStringLiteral("\u201c%1\u201d cannot be decompressed").arg(path));
            }
            if (got == 0)
                break;
            if (!guard.append(content, path, chunk.constData(), got))
                return false;
        }
        if (zipCrc32(content) != quint32(file->crc32())) {
            return guard.damaged(
                QStringLiteral("\u201c%1\u201d does not match its checksum").arg(path));
        }
        if (!guard.deliver(visit, path, std::move(content), file->date()))
            return false;
    }
    return true;
}

bool isZeroBlock(QByteArrayView block)
{
    return std::all_of(block.begin(), block.end(), [](char c) { return c == 0; });
}

// Parses a numeric tar field: octal text, or GNU base-256 for big values.
bool parseTarNumber(QByteArrayView field, qint64 &value)
{
    value = 0;
    constexpr qint64 kMax = std::numeric_limits<qint64>::max();
    if (!field.isEmpty() && (static_cast<uchar>(field[0]) & 0x80)) {
        if (static_cast<uchar>(field[0]) & 0x40)
            return false; // negative
        value = static_cast<uchar>(field[0]) & 0x3f;
        for (qsizetype i = 1; i < field.size(); ++i) {
            if (value > (kMax >> 8))
                return false;
            value = (value << 8) | static_cast<uchar>(field[i]);
        }
        return true;
    }
    qsizetype i = 0;
    while (i < field.size() && field[i] == ' ')
        ++i;
    for (; i < field.size() && field[i] >= '0' && field[i] <= '7'; ++i) {
        if (value > (kMax >> 3))
            return false;
        value = value * 8 + (field[i] - '0');
    }
    return i == field.size() || field[i] == ' ' || field[i] == '\0';
}

QByteArray cString(QByteArrayView field)
{
    const qsizetype end = field.indexOf('\0');
    return (end < 0 ? field : field.first(end)).toByteArray();
}

struct PaxFields
{
    QByteArray path;
    qint64 size = -1;
    bool sparse = false;
};

// Records of "LENGTH key=value\n", LENGTH counting the whole record.
bool parsePax(QByteArrayView data, PaxFields &pax)
{
    while (!data.isEmpty()) {
        if (isZeroBlock(data))
            return true;
        const qsizetype space = data.indexOf(' ');
        bool ok = false;
        const qint64 length = space > 0 ? data.first(space).toLongLong(&ok, 10) : 0;
        if (!ok || length <= space + 2 || length > data.size() || data[length - 1] != '\n')
            return false;
        const QByteArrayView record = data.sliced(space + 1, length - space - 2);
        const qsizetype equals = record.indexOf('=');
        if (equals < 0)
            return false;
        const QByteArrayView key = record.first(equals);
        const QByteArrayView value = record.sliced(equals + 1);
        if (key == "path") {
            pax.path = value.toByteArray();
        } else if (key == "size") {
            pax.size = value.toLongLong(&ok, 10);
            if (!ok || pax.size < 0)
                return false;
        } else if (key.startsWith("GNU.sparse.")) {
            pax.sparse = true;
        }
        data = data.sliced(length);
    }
    return true;
}

// Reads a tar stream front to back, never seeking, so it runs as well over a
// decompressing device as over a file.
class TarReader final
{
public:
    TarReader(QIODevice *in, KCompressionDevice *compression, ReadGuard &guard,
              const ArchiveReader::Visitor &visit)
        : m_in(in)
        , m_compression(compression)
        , m_guard(guard)
        , m_visit(visit)
    {}
    Q_DISABLE_COPY_MOVE(TarReader)

    // firstBlock: a header already read while sniffing, or empty.
    bool read(const QByteArray &firstBlock);

private:
    // GNU tar's own limit is far lower; anything this big is not a name.
    static constexpr qint64 kMaxExtensionSize = qint64(1) << 20;
    // libarchive refuses more than 32 in a row too.
    static constexpr int kMaxExtensions = 32;

    bool endOfStream();
    // After the closing block only padding remains, but a compressed stream
    // must still reach its own end: its checksum comes last.
    bool drainToEnd();
    bool streamError()
    {
        return m_guard.damaged(m_compression ? QStringLiteral("the compressed data is damaged")
                                             : QStringLiteral("it cannot be read"));
    }
    bool readExtension(qint64 size, QByteArray &data);
    // Reads size bytes of entry data into content, or drops them when
    // content is null; then the padding to the next block.
    bool readData(qint64 size, QByteArray *content, const QString &path);
    // Tar data ends on a block boundary; `where` names it for the error.
    bool skipPadding(qint64 size, const QString &where);

    QIODevice *m_in;
    KCompressionDevice *m_compression; // null for a plain tar
    ReadGuard &m_guard;
    const ArchiveReader::Visitor &m_visit;
    QByteArray m_chunk = QByteArray(kChunkSize, Qt::Uninitialized);
};

bool TarReader::read(const QByteArray &firstBlock)
{
    QByteArray header = firstBlock;
    QByteArray longPath;
    PaxFields pax;
    int extensions = 0;
    for (;;) {
        if (header.isEmpty()) {
            header.resize(kTarBlock);
            const qint64 got = readUpTo(m_in, header.data(), kTarBlock);
            if (got < 0)
                return streamError();
            if (got == 0) {
                if (extensions > 0)
                    return m_guard.damaged(QStringLiteral("it ends after a tar extension header"));
                return endOfStream();
            }
            if (got < kTarBlock)
                return m_guard.damaged(QStringLiteral("it ends inside a tar header"));
        }
        const QByteArrayView block(header);
        // One zero block ends the archive; GNU tar writes two, and libarchive
        // also stops at the first.
        if (isZeroBlock(block))
            return drainToEnd();
        if (!archiveimpl::isTarHeader(block))
            return m_guard.damaged(QStringLiteral("a tar header is damaged"));

        const char type = block[156];
        qint64 size = 0;
        if (!parseTarNumber(block.sliced(124, 12), size))
            return m_guard.damaged(QStringLiteral("a tar header has an invalid size"));

        if (type == 'L' || type == 'K' || type == 'x' || type == 'g') {
            if (++extensions > kMaxExtensions)
                return m_guard.damaged(QStringLiteral("too many tar extension headers in a row"));
            QByteArray data;
            if (!readExtension(size, data))
                return false;
            if (type == 'L')
                longPath = cString(data);
            else if (type == 'x' && !parsePax(data, pax))
                return m_guard.damaged(QStringLiteral("a pax extension header is malformed"));
            header.clear();
            continue;
        }
        extensions = 0;
        if (!m_guard.countEntry())
            return false;
        // The header's own time (a pax mtime record, which only adds a
        // fraction, is not read); 0 is "none kept".
        qint64 seconds = 0;
        const QDateTime modified = parseTarNumber(block.sliced(136, 12), seconds) && seconds > 0
                                       ? QDateTime::fromSecsSinceEpoch(seconds)
                                       : QDateTime();

        QByteArray name = cString(block.first(100));
        // POSIX ustar splits long names into prefix and name; GNU tar uses
        // that area for other fields and says so with a different magic.
        if (block.sliced(257, 6) == QByteArrayView("ustar\0", 6)) {
            const QByteArray prefix = cString(block.sliced(345, 155));
            if (!prefix.isEmpty())
                name = prefix + '/' + name;
        }
        if (!longPath.isEmpty())
            name = longPath;
        if (!pax.path.isEmpty())
            name = pax.path;
        if (pax.size >= 0)
            size = pax.size;
        const bool sparse = pax.sparse;
        longPath.clear();
        pax = PaxFields();
        header.clear();

        const QString path = archiveimpl::cleanEntryPath(QString::fromUtf8(name));
        bool hasData = true;
        bool folder = false;
        QString reason;
        switch (type) {
        case '0':
        case '\0':
        case '7':
            // Pre-POSIX tars mark folders with a trailing slash only.
            folder = name.endsWith('/');
            break;
        case '5':
        case 'D':
            folder = true;
            break;
        case '1':
            reason = QStringLiteral("hard link");
            break;
        case '2':
            reason = QStringLiteral("symbolic link");
            hasData = false;
            break;
        case '3':
        case '4':
            reason = QStringLiteral("device");
            hasData = false;
            break;
        case '6':
            reason = QStringLiteral("named pipe");
            hasData = false;
            break;
        case 'S':
            reason = QStringLiteral("sparse file");
            break;
        default:
            reason = QStringLiteral("unsupported entry type");
            break;
        }
        if (!folder && reason.isEmpty() && sparse)
            reason = QStringLiteral("sparse file");
        if (!folder && reason.isEmpty() && path.isEmpty())
            reason = QStringLiteral("entry without a name");
        const qint64 dataSize = hasData ? size : 0;

        if (folder || !reason.isEmpty()) {
            if (!reason.isEmpty())
                m_guard.skip(path, reason);
            if (!readData(dataSize, nullptr, path))
                return false;
            continue;
        }
        QByteArray content;
        if (!readData(dataSize, &content, path))
            return false;
        if (!m_guard.deliver(m_visit, path, std::move(content), modified))
            return false;
    }
}

bool TarReader::drainToEnd()
{
    if (!m_compression)
        return true;
    for (;;) {
        const qint64 got = m_in->read(m_chunk.data(), m_chunk.size());
        if (got < 0)
            return streamError();
        if (got == 0)
            return endOfStream();
        if (!m_guard.discard(got))
            return false;
    }
}

bool TarReader::endOfStream()
{
    // Writers may omit the closing zero blocks, but a compressed stream that
    // stops short of its own end was cut off.
    if (m_compression && !m_compression->atEnd())
        return m_guard.damaged(QStringLiteral("the compressed data ends early"));
    return true;
}

bool TarReader::readExtension(qint64 size, QByteArray &data)
{
    const QString where = QStringLiteral("a tar extension header");
    if (size > kMaxExtensionSize)
        return m_guard.damaged(where + QLatin1String(" is too large"));
    data.resize(size);
    const qint64 got = readUpTo(m_in, data.data(), size);
    if (got < 0)
        return streamError();
    if (got < size)
        return m_guard.damaged(QStringLiteral("it ends inside ") + where);
    return m_guard.discard(size) && skipPadding(size, where);
}

bool TarReader::readData(qint64 size, QByteArray *content, const QString &path)
{
    const QString where = QStringLiteral("\u201c%1\u201d").arg(path);
    qint64 left = size;
    while (left > 0) {
        const qint64 got = readUpTo(m_in, m_chunk.data(), qMin(left, qint64(m_chunk.size())));
        if (got < 0)
            return streamError();
        if (got == 0)
            return m_guard.damaged(QStringLiteral("it ends inside ") + where);
        left -= got;
        const bool ok = content ? m_guard.append(*content, path, m_chunk.constData(), got)
                                : m_guard.discard(got);
        if (!ok)
            return false;
    }
    return skipPadding(size, where);
}

bool TarReader::skipPadding(qint64 size, const QString &where)
{
    const qint64 padding = (kTarBlock - size % kTarBlock) % kTarBlock;
    const qint64 got = readUpTo(m_in, m_chunk.data(), padding);
    if (got < 0)
        return streamError();
    if (got < padding)
        return m_guard.damaged(QStringLiteral("it ends inside ") + where);
    return true;
}

KCompressionDevice::CompressionType compressionType(Format format)
{
    switch (format) {
    case Format::Bzip2:
        return KCompressionDevice::BZip2;
    case Format::Xz:
        return KCompressionDevice::Xz;
    default:
        return KCompressionDevice::GZip;
    }
}

// A compressed stream holds a tar, or else one plain file (notes.txt.gz).
bool readCompressed(QIODevice *device, Format format, const QString &name, ReadGuard &guard,
                    const ArchiveReader::Visitor &visit)
{
    KCompressionDevice in(device, false, compressionType(format));
    if (!in.open(QIODevice::ReadOnly)) {
        return guard.fail(QStringLiteral("This build of KArchive cannot decompress %1.")
                              .arg(format == Format::Bzip2 ? QLatin1String("bzip2")
                                   : format == Format::Xz  ? QLatin1String("xz")
                                                           : QLatin1String("gzip")));
    }
    QByteArray first(kTarBlock, Qt::Uninitialized);
    const qint64 got = readUpTo(&in, first.data(), kTarBlock);
    if (got < 0)
        return guard.damaged(QStringLiteral("the compressed data is damaged"));
    first.truncate(got);
    const QByteArrayView head(first);
    if (got == kTarBlock &&
        (isZeroBlock(head) || archiveimpl::isTarHeader(head) || head.sliced(257, 5) == "ustar")) {
        TarReader tar(&in, &in, guard, visit);
        return tar.read(first);
    }

    if (!guard.countEntry())
        return false;
    const QString path = archiveimpl::rawEntryName(name);
    QByteArray content;
    if (!guard.append(content, path, first.constData(), got))
        return false;
    QByteArray chunk(kChunkSize, Qt::Uninitialized);
    for (;;) {
        const qint64 more = in.read(chunk.data(), chunk.size());
        if (more < 0)
            return guard.damaged(QStringLiteral("the compressed data is damaged"));
        if (more == 0)
            break;
        if (!guard.append(content, path, chunk.constData(), more))
            return false;
    }
    if (!in.atEnd())
        return guard.damaged(QStringLiteral("the compressed data ends early"));
    return guard.deliver(visit, path, std::move(content));
}

bool readDevice(QIODevice *device, Format format, const QString &name, ReadGuard &guard,
                const ArchiveReader::Visitor &visit)
{
    switch (format) {
    case Format::Unknown:
        return guard.notAnArchive();
    case Format::Zip:
        return readZip(device, guard, visit);
    case Format::Tar: {
        TarReader tar(device, nullptr, guard, visit);
        return tar.read({});
    }
    case Format::Gzip:
    case Format::Bzip2:
    case Format::Xz:
        return readCompressed(device, format, name, guard, visit);
    }
    return guard.notAnArchive();
}

class KArchiveReader final : public ArchiveReader
{
public:
    explicit KArchiveReader(const ArchiveLimits &limits)
        : ArchiveReader(limits)
    {}

private:
    [[nodiscard]] bool readArchive(QIODevice &device, QByteArrayView, const QString &name,
                                   Format format, ReadGuard &guard, const Visitor &visit) override
    {
        return readDevice(&device, format, name, guard, visit);
    }
};

} // namespace

std::unique_ptr<ArchiveReader> ArchiveReader::create(const ArchiveLimits &limits)
{
    return std::make_unique<KArchiveReader>(limits);
}

QString ArchiveReader::backendName()
{
    return QStringLiteral("karchive");
}

} // namespace gleaner
