// The archive reader (the configured backend) on arbitrary bytes: it never
// crashes, it holds its caps (archivereader.h), and a failure says why.
// Members that are archives themselves are read too, as the importer does.
#include "fuzzsupport.h"
#include "ingest/archive/archivereader.h"

using namespace gleaner;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::ensureApplication();
    return 0;
}

namespace {

// Small caps keep one input's memory in the fuzzer's budget.
ArchiveLimits limits()
{
    ArchiveLimits l;
    l.maxEntrySize = qint64(4) << 20;
    l.maxTotalSize = qint64(16) << 20;
    l.maxEntries = 2000;
    l.ratioGrace = qint64(1) << 20;
    return l;
}

void readArchive(const QByteArray &data, const QString &name, int depth)
{
    const ArchiveLimits caps = limits();
    const auto reader = ArchiveReader::create(caps);
    qint64 total = 0;
    int entries = 0;
    QList<std::pair<QString, QByteArray>> nested;
    const bool ok = reader->readData(data, name, [&](const ArchiveEntry &entry) {
        ++entries;
        total += entry.data.size();
        fuzz::check(entry.data.size() <= caps.maxEntrySize, "an entry beyond the size cap",
                    entry.path);
        fuzz::check(total <= caps.maxTotalSize, "entries beyond the total cap", entry.path);
        fuzz::check(entries <= caps.maxEntries, "entries beyond the count cap", entry.path);
        if (depth < 2 && ArchiveReader::looksLikeArchive(entry.data.left(512), entry.path))
            nested.append({entry.path, entry.data});
        return true;
    });
    if (!ok)
        fuzz::check(!reader->errorString().isEmpty(), "a failed read has no reason", name);
    for (const auto &[path, bytes] : nested)
        readArchive(bytes, path, depth + 1);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    // ".tar" only matters for an archive of nothing but zero blocks.
    readArchive(bytes, QStringLiteral("input.tar"), 0);
    return 0;
}
