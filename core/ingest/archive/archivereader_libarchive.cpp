// The libarchive backend of ArchiveReader, for platforms whose KArchive is
// not built for Qt 6 (Debian 12).
#include "ingest/archive/archivereader.h"
#include "ingest/archive/archivereader_p.h"
#include "logging.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>

#include <archive.h>
#include <archive_entry.h>

#include <langinfo.h>
#include <locale.h>
#include <memory>

namespace gleaner {

namespace {

using archiveimpl::Format;
using archiveimpl::ReadGuard;

struct ArchiveFree
{
    void operator()(struct archive *handle) const { archive_read_free(handle); }
};
using ArchiveHandle = std::unique_ptr<struct archive, ArchiveFree>;

QString errorText(struct archive *handle)
{
    const char *text = archive_error_string(handle);
    // libarchive gives no message for some failures, such as a gzip cut in its trailer.
    return text ? QString::fromLocal8Bit(text) : QStringLiteral("the data cannot be decoded");
}

bool isCompressed(Format format)
{
    return format == Format::Gzip || format == Format::Bzip2 || format == Format::Xz;
}

ArchiveHandle newReader(Format format)
{
    ArchiveHandle handle(archive_read_new());
    if (!handle)
        return handle;
    struct archive *a = handle.get();
    // Only the compressors the design names, not archive_read_support_filter_all():
    // some of its filters fall back to running external programs (lrzip, lzop).
    // ARCHIVE_WARN means exactly such a fallback for these three.
    if (archive_read_support_filter_gzip(a) != ARCHIVE_OK ||
        archive_read_support_filter_bzip2(a) != ARCHIVE_OK ||
        archive_read_support_filter_xz(a) != ARCHIVE_OK) {
        qCWarning(lcArchive) << "libarchive lacks built-in gzip, bzip2 or xz:" << errorText(a);
    }
    // One format per sniffed kind, as the KArchive backend does, so that a tar
    // ending in a zip's bytes is never read as that zip.
    if (format == Format::Zip) {
        archive_read_support_format_zip(a);
    } else {
        archive_read_support_format_tar(a); // ustar, GNU, pax and v7
        if (isCompressed(format))
            archive_read_support_format_raw(a); // a bare notes.txt.gz
    }
    return handle;
}

// libarchive converts entry names to the charset of LC_CTYPE and drops those
// it cannot convert, such as a UTF-8 zip name under the "C" locale. Qt 6.5+
// switches a non-UTF-8 LC_CTYPE to UTF-8 at start-up, Qt 6.4 does not; so
// read under a UTF-8 LC_CTYPE, on this thread only.
class Utf8CtypeScope final
{
public:
    Utf8CtypeScope()
    {
        const QByteArrayView codeset(nl_langinfo(CODESET));
        if (codeset.compare("UTF-8", Qt::CaseInsensitive) == 0 ||
            codeset.compare("utf8", Qt::CaseInsensitive) == 0) {
            return;
        }
        const locale_t current = duplocale(LC_GLOBAL_LOCALE);
        if (current == locale_t{})
            return;
        m_utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", current);
        if (m_utf8 == locale_t{}) {
            freelocale(current);
            return;
        }
        m_previous = uselocale(m_utf8);
    }
    ~Utf8CtypeScope()
    {
        if (m_utf8 != locale_t{}) {
            uselocale(m_previous);
            freelocale(m_utf8);
        }
    }
    Q_DISABLE_COPY_MOVE(Utf8CtypeScope)

private:
    locale_t m_utf8{};
    locale_t m_previous{};
};

QString entryPath(struct archive_entry *entry)
{
    if (const char *utf8 = archive_entry_pathname_utf8(entry))
        return QString::fromUtf8(utf8);
    if (const char *raw = archive_entry_pathname(entry))
        return QFile::decodeName(raw);
    return {};
}

// Why an entry is not visited, or an empty string for a regular file.
QString skipReason(struct archive_entry *entry, const QString &path)
{
    if (path.isEmpty())
        return QStringLiteral("entry without a name");
    if (archive_entry_hardlink(entry))
        return QStringLiteral("hard link");
    switch (archive_entry_filetype(entry)) {
    case AE_IFREG:
        break;
    case AE_IFLNK:
        return QStringLiteral("symbolic link");
    case AE_IFCHR:
    case AE_IFBLK:
        return QStringLiteral("device");
    case AE_IFIFO:
        return QStringLiteral("named pipe");
    case AE_IFSOCK:
        return QStringLiteral("socket");
    default:
        return QStringLiteral("unsupported entry type");
    }
    if (archive_entry_is_encrypted(entry))
        return QStringLiteral("encrypted");
    // The KArchive backend's tar reader does not expand sparse files either.
    if (archive_entry_sparse_count(entry) > 0)
        return QStringLiteral("sparse file");
    return {};
}

class LibArchiveReader final : public ArchiveReader
{
public:
    explicit LibArchiveReader(const ArchiveLimits &limits)
        : ArchiveReader(limits)
    {}

private:
    [[nodiscard]] bool readArchive(QIODevice &device, QByteArrayView memory, const QString &name,
                                   Format format, ReadGuard &guard, const Visitor &visit) override
    {
        const Utf8CtypeScope utf8;
        ArchiveHandle handle = newReader(format);
        if (!handle)
            return guard.fail(QStringLiteral("Out of memory."));
        // A file is read through the descriptor already open and checked,
        // never opened again by name.
        auto *file = qobject_cast<QFile *>(&device);
        const int status =
            memory.isEmpty() && file
                ? archive_read_open_fd(handle.get(), file->handle(),
                                       size_t(archiveimpl::kChunkSize))
                : archive_read_open_memory(handle.get(), memory.data(), size_t(memory.size()));
        if (status != ARCHIVE_OK)
            return guard.damaged(errorText(handle.get()));
        return readEntries(handle.get(), name, guard, visit);
    }

    bool readEntries(struct archive *handle, const QString &name, ReadGuard &guard,
                     const Visitor &visit)
    {
        QByteArray chunk(archiveimpl::kChunkSize, Qt::Uninitialized);
        for (;;) {
            struct archive_entry *entry = nullptr;
            const int status = archive_read_next_header(handle, &entry);
            if (status == ARCHIVE_EOF)
                return true;
            if (status == ARCHIVE_WARN) {
                qCWarning(lcArchive) << name << errorText(handle);
            } else if (status != ARCHIVE_OK) {
                // ARCHIVE_RETRY too: a bad tar header, which we do not try to skip past.
                return guard.damaged(errorText(handle));
            }
            if (!guard.countEntry())
                return false;

            const bool raw = archive_format(handle) == ARCHIVE_FORMAT_RAW;
            const QString path = raw ? archiveimpl::rawEntryName(name)
                                     : archiveimpl::cleanEntryPath(entryPath(entry));
            const bool directory = !raw && archive_entry_filetype(entry) == AE_IFDIR;
            const QString reason = directory ? QString() : skipReason(entry, path);
            const bool keep = !directory && reason.isEmpty();
            if (!reason.isEmpty())
                guard.skip(path, reason);

            // Read even what we drop, counting it: header sizes are not trusted.
            QByteArray content;
            for (;;) {
                const la_ssize_t got =
                    archive_read_data(handle, chunk.data(), size_t(chunk.size()));
                if (got < 0)
                    return guard.damaged(errorText(handle));
                if (got == 0)
                    break;
                const bool ok =
                    keep ? guard.append(content, path, chunk.constData(), got) : guard.discard(got);
                if (!ok)
                    return false;
            }
            if (!keep)
                continue;
            // libarchive falls back to "raw" when a compressed tar's first
            // header is broken; the KArchive backend calls that damaged too.
            if (raw && content.size() >= archiveimpl::kTarBlock &&
                QByteArrayView(content).sliced(257, 5) == "ustar") {
                return guard.damaged(QStringLiteral("a tar header is damaged"));
            }
            const QDateTime modified =
                !raw && archive_entry_mtime_is_set(entry)
                    ? QDateTime::fromSecsSinceEpoch(archive_entry_mtime(entry))
                    : QDateTime();
            if (!guard.deliver(visit, path, std::move(content), modified))
                return false;
        }
    }
};

} // namespace

std::unique_ptr<ArchiveReader> ArchiveReader::create(const ArchiveLimits &limits)
{
    return std::make_unique<LibArchiveReader>(limits);
}

QString ArchiveReader::backendName()
{
    return QStringLiteral("libarchive");
}

} // namespace gleaner
