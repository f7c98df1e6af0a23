// What both archive backends share: format sniffing, entry-path clean-up and
// the bookkeeping of ArchiveLimits, so that KArchive and libarchive visit the
// same entries and fail with the same sentences. Internal to gleaner-core.
#pragma once

#include "ingest/archive/archivereader.h"

#include <QByteArrayView>

class QIODevice;

namespace gleaner::archiveimpl {

enum class Format
{
    Unknown,
    Zip,
    Tar,
    Gzip,
    Bzip2,
    Xz
};

constexpr qint64 kTarBlock = 512;
// The read buffer: few calls per entry, and all a read allocates besides the
// entry's own content.
constexpr qint64 kChunkSize = 64 * 1024;

// Recognises the container from its first bytes (at least 512 for a tar
// without the "ustar" magic).
Format sniffFormat(QByteArrayView head, const QString &fileName = {});

// A tar header block whose checksum adds up (any tar dialect, v7 included).
bool isTarHeader(QByteArrayView block);

// Entry paths keep their folders but lose a leading "./" ("./a/b" -> "a/b").
QString cleanEntryPath(const QString &path);

// The one entry of a compressed single file ("notes.txt.gz" -> "notes.txt").
QString rawEntryName(const QString &archiveName);

// "64 MiB", "1 GiB", "1.5 KiB", "100 bytes".
QString describeSize(qint64 bytes);

// The entry count a zip's end-of-central-directory record declares, or -1
// when the record is missing (a truncated or damaged zip). Leaves the
// device at position 0.
qint64 zipDeclaredEntries(QIODevice *device);

class ReadGuard;

// Refuses a zip whose closing directory is missing (it was cut short) or
// declares more entries than the limit, before any backend parses it.
[[nodiscard]] bool checkZipDirectory(QIODevice *device, ReadGuard &guard);

// Counts one read() against ArchiveLimits and writes the reader's error and
// skipped list. Every check fails once and stops the read: the caller returns
// false as soon as a method does.
class ReadGuard final
{
public:
    ReadGuard(const ArchiveLimits &limits, const QString &archiveName, qint64 archiveSize,
              QString &error, QStringList &skipped);
    Q_DISABLE_COPY_MOVE(ReadGuard)

    // Any entry: file, folder, link, device.
    [[nodiscard]] bool countEntry();
    // A zip declares its count up front, which lets us refuse before parsing.
    [[nodiscard]] bool checkDeclaredEntries(qint64 count);

    // Adds one decompressed chunk of an entry, refusing it before the
    // content grows past maxEntrySize.
    [[nodiscard]] bool append(QByteArray &content, const QString &path, const char *bytes,
                              qint64 size);
    // Decompressed bytes that are not kept (a skipped entry, tar metadata)
    // still cost time, so they count towards the total and the ratio.
    [[nodiscard]] bool discard(qint64 size);

    void skip(const QString &path, const QString &reason);
    // Hands a finished entry to the visitor; false means it cancelled.
    [[nodiscard]] bool deliver(const ArchiveReader::Visitor &visit, const QString &path,
                               QByteArray &&content, const QDateTime &modified = {});

    [[nodiscard]] bool notAnArchive();
    [[nodiscard]] bool cannotOpen(const QString &reason);
    [[nodiscard]] bool damaged(const QString &detail);
    [[nodiscard]] bool fail(const QString &sentence);

private:
    [[nodiscard]] bool addExpanded(qint64 size);

    const ArchiveLimits &m_limits;
    QString m_name; // for sentences: “name”, or "The data" from memory without one
    qint64 m_archiveSize;
    QString &m_error;
    QStringList &m_skipped;
    qint64 m_entries = 0;
    qint64 m_total = 0;
};

} // namespace gleaner::archiveimpl
