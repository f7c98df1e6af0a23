#include "ingest/archive/archivereader.h"

#include "ingest/archive/archivereader_p.h"
#include "ingest/sourcewalk.h"
#include "logging.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QtEndian>

#include <algorithm>
#include <cstring>
#include <limits>

namespace gleaner {

bool ArchiveReader::looksLikeArchive(const QByteArray &head, const QString &fileName)
{
    return archiveimpl::sniffFormat(head, fileName) != archiveimpl::Format::Unknown;
}

bool ArchiveReader::readFile(const QString &path, const Visitor &visit)
{
    QFile file(path);
    archiveimpl::ReadGuard guard(m_limits, path, QFileInfo(path).size(), m_error, m_skipped);
    // A folder, a pipe or a device is refused before it is opened: reading
    // /dev/zero would never end, opening a FIFO never return.
    if (!SourceWalk::openRegularFile(file)) {
        const QString reason = SourceWalk::refusal(path);
        return guard.cannotOpen(reason.isEmpty() ? file.errorString()
                                                 : QStringLiteral("it is not a regular file"));
    }
    const archiveimpl::Format format =
        archiveimpl::sniffFormat(file.peek(archiveimpl::kTarBlock), path);
    if (format == archiveimpl::Format::Unknown)
        return guard.notAnArchive();
    if (format == archiveimpl::Format::Zip && !archiveimpl::checkZipDirectory(&file, guard))
        return false;
    if (!file.seek(0))
        return guard.cannotOpen(file.errorString());
    qCDebug(lcArchive) << "reading" << path << "with" << backendName();
    return readArchive(file, {}, path, format, guard, visit);
}

bool ArchiveReader::readData(const QByteArray &data, const QString &name, const Visitor &visit)
{
    archiveimpl::ReadGuard guard(m_limits, name, data.size(), m_error, m_skipped);
    const archiveimpl::Format format = archiveimpl::sniffFormat(
        QByteArrayView(data).first(qMin<qsizetype>(data.size(), archiveimpl::kTarBlock)), name);
    if (format == archiveimpl::Format::Unknown)
        return guard.notAnArchive();
    QBuffer buffer;
    buffer.setData(data);
    if (!buffer.open(QIODevice::ReadOnly))
        return guard.fail(QStringLiteral("Cannot read the archive from memory."));
    if (format == archiveimpl::Format::Zip && !archiveimpl::checkZipDirectory(&buffer, guard))
        return false;
    return readArchive(buffer, QByteArrayView(data), name, format, guard, visit);
}

namespace archiveimpl {

namespace {

bool startsWith(QByteArrayView data, QByteArrayView prefix, qsizetype at = 0)
{
    return data.size() >= at + prefix.size() && data.sliced(at, prefix.size()) == prefix;
}

bool isZeroBlock(QByteArrayView block)
{
    return block.size() >= kTarBlock &&
           std::all_of(block.begin(), block.begin() + kTarBlock, [](char c) { return c == 0; });
}

} // namespace

Format sniffFormat(QByteArrayView head, const QString &fileName)
{
    if (startsWith(head, "PK\x03\x04") || startsWith(head, "PK\x05\x06"))
        return Format::Zip;
    // The third gzip byte is the method, always 8 (deflate) in practice.
    if (startsWith(head, "\x1f\x8b\x08"))
        return Format::Gzip;
    if (startsWith(head, "BZh") && head.size() >= 4 && head[3] >= '1' && head[3] <= '9')
        return Format::Bzip2;
    static constexpr char kXzMagic[] = {'\xfd', '7', 'z', 'X', 'Z', '\0'};
    if (startsWith(head, QByteArrayView(kXzMagic, sizeof kXzMagic)))
        return Format::Xz;
    if (startsWith(head, "ustar", 257) || isTarHeader(head))
        return Format::Tar;
    // An empty tar is nothing but zero blocks; only its name says what it is.
    if (isZeroBlock(head) && fileName.endsWith(QLatin1String(".tar"), Qt::CaseInsensitive))
        return Format::Tar;
    return Format::Unknown;
}

bool isTarHeader(QByteArrayView block)
{
    if (block.size() < kTarBlock)
        return false;
    constexpr qsizetype kChecksumAt = 148;
    constexpr qsizetype kChecksumSize = 8;
    qsizetype i = kChecksumAt;
    const qsizetype end = kChecksumAt + kChecksumSize;
    while (i < end && block[i] == ' ')
        ++i;
    qint64 stored = 0;
    int digits = 0;
    for (; i < end && block[i] >= '0' && block[i] <= '7'; ++i, ++digits)
        stored = stored * 8 + (block[i] - '0');
    if (digits == 0 || (i < end && block[i] != ' ' && block[i] != '\0'))
        return false;

    // The checksum counts its own field as spaces. Some old writers summed
    // signed chars, so accept either sum.
    qint64 unsignedSum = 0;
    qint64 signedSum = 0;
    for (qsizetype j = 0; j < kTarBlock; ++j) {
        const bool inField = j >= kChecksumAt && j < end;
        const char c = inField ? ' ' : block[j];
        unsignedSum += static_cast<unsigned char>(c);
        signedSum += static_cast<signed char>(c);
    }
    return stored == unsignedSum || stored == signedSum;
}

QString cleanEntryPath(const QString &path)
{
    QStringView view(path);
    while (view.startsWith(QLatin1String("./")))
        view = view.sliced(2);
    return view.toString();
}

QString rawEntryName(const QString &archiveName)
{
    QString name = QFileInfo(archiveName).fileName();
    for (const QLatin1String suffix :
         {QLatin1String(".gz"), QLatin1String(".bz2"), QLatin1String(".xz")}) {
        if (name.endsWith(suffix, Qt::CaseInsensitive)) {
            name.chop(suffix.size());
            break;
        }
    }
    return name.isEmpty() ? QStringLiteral("data") : name;
}

QString describeSize(qint64 bytes)
{
    struct Unit
    {
        qint64 size;
        QLatin1String name;
    };
    const Unit units[] = {{qint64(1) << 30, QLatin1String("GiB")},
                          {qint64(1) << 20, QLatin1String("MiB")},
                          {qint64(1) << 10, QLatin1String("KiB")}};
    for (const Unit &unit : units) {
        if (bytes < unit.size)
            continue;
        const QString number = bytes % unit.size == 0
                                   ? QString::number(bytes / unit.size)
                                   : QString::number(double(bytes) / double(unit.size), 'f', 1);
        return number + QLatin1Char(' ') + unit.name;
    }
    return QString::number(bytes) + (bytes == 1 ? QLatin1String(" byte") : QLatin1String(" bytes"));
}

qint64 zipDeclaredEntries(QIODevice *device)
{
    constexpr qint64 kRecordSize = 22;
    constexpr qint64 kMaxComment = 0xffff;
    constexpr qint64 kLocatorSize = 20;
    constexpr qint64 kZip64RecordSize = 56;

    const qint64 size = device->size();
    if (size < kRecordSize)
        return -1;
    const qint64 tailSize = qMin(size, kRecordSize + kMaxComment);
    if (!device->seek(size - tailSize))
        return -1;
    const QByteArray tail = device->read(tailSize);
    device->seek(0);
    const auto *bytes = reinterpret_cast<const uchar *>(tail.constData());

    // Search from the end: the record is last, followed only by its comment.
    for (qsizetype i = tail.size() - kRecordSize; i >= 0; --i) {
        if (std::memcmp(bytes + i, "PK\x05\x06", 4) != 0)
            continue;
        const qint64 commentSize = qFromLittleEndian<quint16>(bytes + i + 20);
        if (i + kRecordSize + commentSize > tail.size())
            continue;
        const quint16 count = qFromLittleEndian<quint16>(bytes + i + 10);
        if (count != 0xffff || i < kLocatorSize ||
            std::memcmp(bytes + i - kLocatorSize, "PK\x06\x07", 4) != 0)
            return count;

        // Zip64: the real count is in a record the locator points to.
        const auto offset = qFromLittleEndian<quint64>(bytes + i - kLocatorSize + 8);
        if (offset > quint64(size - kZip64RecordSize) || !device->seek(qint64(offset)))
            return count;
        const QByteArray record = device->read(kZip64RecordSize);
        device->seek(0);
        if (record.size() < kZip64RecordSize || !record.startsWith("PK\x06\x06"))
            return count;
        const auto count64 =
            qFromLittleEndian<quint64>(reinterpret_cast<const uchar *>(record.constData()) + 32);
        return qint64(qMin<quint64>(count64, std::numeric_limits<qint64>::max()));
    }
    return -1;
}

bool checkZipDirectory(QIODevice *device, ReadGuard &guard)
{
    const qint64 declared = zipDeclaredEntries(device);
    if (declared < 0)
        return guard.damaged(QStringLiteral("the zip directory at its end is missing"));
    return guard.checkDeclaredEntries(declared);
}

ReadGuard::ReadGuard(const ArchiveLimits &limits, const QString &archiveName, qint64 archiveSize,
                     QString &error, QStringList &skipped)
    : m_limits(limits)
    , m_name(archiveName.isEmpty()
                 ? QStringLiteral("The data")
                 : QStringLiteral("\u201c%1\u201d").arg(QFileInfo(archiveName).fileName()))
    , m_archiveSize(qMax<qint64>(archiveSize, 1))
    , m_error(error)
    , m_skipped(skipped)
{
    m_error.clear();
    m_skipped.clear();
}

bool ReadGuard::countEntry()
{
    return checkDeclaredEntries(++m_entries);
}

bool ReadGuard::checkDeclaredEntries(qint64 count)
{
    if (count <= m_limits.maxEntries)
        return true;
    return fail(QStringLiteral("The archive has more than %1 entries, the limit for one archive.")
                    .arg(m_limits.maxEntries));
}

bool ReadGuard::append(QByteArray &content, const QString &path, const char *bytes, qint64 size)
{
    if (size <= 0)
        return true;
    if (qint64(content.size()) + size > m_limits.maxEntrySize) {
        return fail(QStringLiteral("The file \u201c%1\u201d in the archive is larger than %2, "
                                   "the limit for one file.")
                        .arg(path, describeSize(m_limits.maxEntrySize)));
    }
    if (!addExpanded(size))
        return false;
    content.append(bytes, qsizetype(size));
    return true;
}

bool ReadGuard::discard(qint64 size)
{
    return size <= 0 || addExpanded(size);
}

bool ReadGuard::addExpanded(qint64 size)
{
    m_total += size;
    if (m_total > m_limits.maxTotalSize) {
        return fail(
            QStringLiteral("The archive expands to more than %1; it may be an archive bomb.")
                .arg(describeSize(m_limits.maxTotalSize)));
    }
    if (m_total > m_limits.ratioGrace &&
        double(m_total) > m_limits.maxRatio * double(m_archiveSize)) {
        return fail(QStringLiteral("The archive expands to more than %1 times its size; "
                                   "it may be an archive bomb.")
                        .arg(m_limits.maxRatio));
    }
    return true;
}

void ReadGuard::skip(const QString &path, const QString &reason)
{
    qCDebug(lcArchive) << "skipping" << path << reason;
    m_skipped.append(path + QLatin1String(": ") + reason);
}

bool ReadGuard::deliver(const ArchiveReader::Visitor &visit, const QString &path,
                        QByteArray &&content, const QDateTime &modified)
{
    const ArchiveEntry entry{path, std::move(content), modified};
    if (visit(entry))
        return true;
    qCDebug(lcArchive) << "reading cancelled after" << path;
    m_error = QStringLiteral("Cancelled.");
    return false;
}

bool ReadGuard::notAnArchive()
{
    return fail(QStringLiteral("%1 is not an archive Gleaner can read "
                               "(zip, tar, tar.gz, tar.bz2 or tar.xz).")
                    .arg(m_name));
}

bool ReadGuard::cannotOpen(const QString &reason)
{
    return fail(QStringLiteral("Cannot open %1: %2.").arg(m_name, reason));
}

bool ReadGuard::damaged(const QString &detail)
{
    QString why = detail.trimmed();
    while (why.endsWith(QLatin1Char('.')))
        why.chop(1);
    return fail(QStringLiteral("%1 is damaged or incomplete (%2).").arg(m_name, why));
}

bool ReadGuard::fail(const QString &sentence)
{
    m_error = sentence;
    qCInfo(lcArchive).noquote() << sentence;
    return false;
}

} // namespace archiveimpl
} // namespace gleaner
