// ArchiveReader, whichever backend the build chose: the same cases must pass
// on KArchive and on libarchive. Fixtures in tests/data/archives come from
// make-archives.sh (real tools); the odd and hostile archives are built here,
// byte by byte, so their shape is exact.
#include "catch.h"
#include "ingest/archive/archivereader.h"
#include "tarwriter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtEndian>

#include <array>
#include <cstring>
#include <utility>

using gleaner::ArchiveEntry;
using gleaner::ArchiveLimits;
using gleaner::ArchiveReader;
using gleaner::test::putOctal;
using gleaner::test::tar;
using gleaner::test::tarHeader;
using gleaner::test::TarItem;

namespace {

const QString kLongDir =
    QStringLiteral("a-researchers-archive/with-a-folder-name-that-goes-on/and-on-for-long-enough/"
                   "that-tar-needs-help");

QByteArray source(const char *name)
{
    return gleaner::test::readData(QStringLiteral("archives/src/") + QLatin1String(name));
}

QString archivePath(const char *name)
{
    return gleaner::test::dataPath(QStringLiteral("archives/") + QLatin1String(name));
}

struct Result
{
    bool ok = false;
    QString error;
    QStringList skipped;
    QStringList paths;
    QList<QByteArray> contents;
    QList<QDateTime> times;

    QByteArray content(const QString &path) const
    {
        const qsizetype i = paths.indexOf(path);
        return i < 0 ? QByteArray("<missing>") : contents.at(i);
    }
};

// stopAfter: the visitor cancels once it has seen that many entries.
Result readData(const QByteArray &data, const QString &name, const ArchiveLimits &limits = {},
                int stopAfter = -1)
{
    Result result;
    const auto reader = ArchiveReader::create(limits);
    REQUIRE(reader);
    result.ok = reader->readData(data, name, [&](const ArchiveEntry &entry) {
        result.paths.append(entry.path);
        result.contents.append(entry.data);
        result.times.append(entry.modified);
        return stopAfter < 0 || result.paths.size() < stopAfter;
    });
    result.error = reader->errorString();
    result.skipped = reader->skipped();
    return result;
}

Result readFile(const QString &path, const ArchiveLimits &limits = {})
{
    Result result;
    const auto reader = ArchiveReader::create(limits);
    REQUIRE(reader);
    result.ok = reader->readFile(path, [&](const ArchiveEntry &entry) {
        result.paths.append(entry.path);
        result.contents.append(entry.data);
        result.times.append(entry.modified);
        return true;
    });
    result.error = reader->errorString();
    result.skipped = reader->skipped();
    return result;
}

quint32 crc32(const QByteArray &data)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t{};
        for (quint32 i = 0; i < 256; ++i) {
            quint32 c = i;
            for (int bit = 0; bit < 8; ++bit)
                c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    quint32 crc = 0xffffffffu;
    for (const char byte : data)
        crc = table[(crc ^ static_cast<uchar>(byte)) & 0xffu] ^ (crc >> 8);
    return crc ^ 0xffffffffu;
}

// qCompress writes a 4-byte length, then zlib: a 2-byte header, raw deflate
// and a 4-byte Adler-32. Zip and gzip want the raw deflate in the middle.
QByteArray rawDeflate(const QByteArray &data)
{
    const QByteArray zlib = qCompress(data, 9);
    return zlib.mid(6, zlib.size() - 10);
}

void putLe16(QByteArray &out, quint32 value)
{
    out.append(char(value & 0xff)).append(char((value >> 8) & 0xff));
}

void putLe32(QByteArray &out, quint32 value)
{
    putLe16(out, value & 0xffff);
    putLe16(out, value >> 16);
}

QByteArray gzip(const QByteArray &data)
{
    QByteArray out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03", 10);
    out += rawDeflate(data);
    putLe32(out, crc32(data));
    putLe32(out, quint32(data.size()));
    return out;
}

struct ZipItem
{
    ZipItem(QByteArray name_, QByteArray data_, bool deflate_ = true, quint32 mode_ = 0100644,
            qint64 declaredSize_ = -1)
        : name(std::move(name_))
        , data(std::move(data_))
        , deflate(deflate_)
        , mode(mode_)
        , declaredSize(declaredSize_)
    {}
    QByteArray name;
    QByteArray data;
    bool deflate;
    quint32 mode;
    qint64 declaredSize; // a lying header, when not -1
};

QByteArray zip(const QList<ZipItem> &items)
{
    QByteArray out;
    QByteArray directory;
    for (const ZipItem &item : items) {
        const QByteArray stored = item.deflate ? rawDeflate(item.data) : item.data;
        const quint32 size = quint32(item.declaredSize >= 0 ? item.declaredSize : item.data.size());
        const quint32 offset = quint32(out.size());
        const auto common = [&](QByteArray &record) {
            putLe16(record, 20);                   // version needed
            putLe16(record, 0x800);                // names are UTF-8
            putLe16(record, item.deflate ? 8 : 0); // method
            putLe32(record, 0x58c10000);           // DOS time and date, 2024-06-01
            putLe32(record, crc32(item.data));
            putLe32(record, quint32(stored.size()));
            putLe32(record, size);
            putLe16(record, quint32(item.name.size()));
            putLe16(record, 0); // extra field
        };
        out += QByteArray("PK\x03\x04");
        common(out);
        out += item.name;
        out += stored;

        directory += QByteArray("PK\x01\x02");
        putLe16(directory, (3 << 8) | 20); // made by Unix, so the mode counts
        common(directory);
        putLe16(directory, 0); // comment
        putLe16(directory, 0); // disk
        putLe16(directory, 0); // internal attributes
        putLe32(directory, item.mode << 16);
        putLe32(directory, offset);
        directory += item.name;
    }
    const quint32 directoryOffset = quint32(out.size());
    out += directory;
    out += QByteArray("PK\x05\x06");
    putLe32(out, 0); // disk numbers
    putLe16(out, quint32(items.size()));
    putLe16(out, quint32(items.size()));
    putLe32(out, quint32(directory.size()));
    putLe32(out, directoryOffset);
    putLe16(out, 0); // comment
    return out;
}

QList<TarItem> smallFiles(int count)
{
    QList<TarItem> items;
    for (int i = 0; i < count; ++i)
        items.append({"file-" + QByteArray::number(i) + ".txt", "entry " + QByteArray::number(i)});
    return items;
}

const QStringList &samplePaths()
{
    static const QStringList paths{
        QStringLiteral("digests/2024-06-01.txt"),
        QStringLiteral("digests/2024-06-02.txt"),
        QStringLiteral("notes/r\u00e9sum\u00e9.md"),
        kLongDir + QStringLiteral("/2024-06-03.txt"),
        QStringLiteral("empty.txt"),
    };
    return paths;
}

void checkSample(const Result &result)
{
    INFO(result.error.toStdString());
    REQUIRE(result.ok);
    CHECK(result.error.isEmpty());
    CHECK(result.skipped.isEmpty());
    REQUIRE(result.paths == samplePaths());
    CHECK(result.contents.at(0) == source("2024-06-01.txt"));
    CHECK(result.contents.at(1) == source("2024-06-02.txt"));
    CHECK(result.contents.at(2) == source("notes.md"));
    CHECK(result.contents.at(3) == source("2024-06-03.txt"));
    CHECK(result.contents.at(4).isEmpty());
}

} // namespace

TEST_CASE("ArchiveReader names the backend the build chose", "[archive]")
{
    // What configure printed ("Gleaner archive backend: ..."), so a user's
    // bug report names the backend that really reads their archives.
    CHECK(ArchiveReader::backendName() == QLatin1String(GLEANER_ARCHIVE_BACKEND_USED));
    CHECK(ArchiveReader::create() != nullptr);
}

TEST_CASE("looksLikeArchive goes by the first bytes", "[archive]")
{
    const auto looks = [](const QByteArray &head, const QString &name = {}) {
        return ArchiveReader::looksLikeArchive(head, name);
    };
    CHECK(looks(QByteArray("PK\x03\x04rest")));
    CHECK(looks(QByteArray("PK\x05\x06") + QByteArray(18, '\0')));
    CHECK(looks(QByteArray("\x1f\x8b\x08\x00", 4)));
    CHECK(looks(QByteArray("BZh91AY&SY")));
    CHECK(looks(QByteArray("\xfd"
                           "7zXZ\x00\x00",
                           7)));
    CHECK(looks(tar({{"a.txt", "text"}})));

    SECTION("a tar without the ustar magic, by its checksum")
    {
        QByteArray old = tar({{"a.txt", "text"}});
        std::memset(old.data() + 257, 0, 8);
        int sum = 0;
        std::memset(old.data() + 148, ' ', 8);
        for (int i = 0; i < 512; ++i)
            sum += static_cast<uchar>(old[i]);
        putOctal(old, 148, 7, sum);
        CHECK(looks(old.left(512)));
        CHECK(readData(old, QStringLiteral("old.tar")).paths ==
              QStringList{QStringLiteral("a.txt")});
    }
    SECTION("not archives")
    {
        CHECK_FALSE(looks({}));
        CHECK_FALSE(looks(QByteArray("PK")));
        CHECK_FALSE(looks(QByteArray("Daily Papers\nJun 1\n")));
        CHECK_FALSE(looks(QByteArray("BZh0")));
        CHECK_FALSE(looks(QByteArray(1024, 'x'), QStringLiteral("x.tar")));
        CHECK_FALSE(looks(QByteArray(1024, '\0'), QStringLiteral("zeros.bin")));
    }
    SECTION("an empty tar is only zero blocks, so its name decides")
    {
        CHECK(looks(QByteArray(1024, '\0'), QStringLiteral("empty.tar")));
        const Result result = readData(QByteArray(10240, '\0'), QStringLiteral("empty.tar"));
        INFO(result.error.toStdString());
        CHECK(result.ok);
        CHECK(result.paths.isEmpty());
    }
    SECTION("the fixtures")
    {
        for (const char *name : {"sample.zip", "sample.tar", "sample.tar.gz", "sample.tar.bz2",
                                 "sample.tar.xz", "links.tar", "note.txt.gz"}) {
            INFO(name);
            CHECK(looks(gleaner::test::readData(QStringLiteral("archives/") + QLatin1String(name))
                            .left(512),
                        QLatin1String(name)));
        }
        CHECK_FALSE(looks(source("notes.md"), QStringLiteral("notes.md")));
    }
}

TEST_CASE("ArchiveReader reads zip and tar, plain and compressed", "[archive]")
{
    for (const char *name :
         {"sample.zip", "sample.tar", "sample.tar.gz", "sample.tar.bz2", "sample.tar.xz"}) {
        INFO(name);
        SECTION(std::string("from a file: ") + name)
        {
            checkSample(readFile(archivePath(name)));
        }
        SECTION(std::string("from memory: ") + name)
        {
            const QByteArray bytes =
                gleaner::test::readData(QStringLiteral("archives/") + QLatin1String(name));
            checkSample(readData(bytes, QLatin1String(name)));
        }
    }
}

TEST_CASE("ArchiveReader gives each member its own time", "[archive]")
{
    // The fixtures were packed with every member dated 2024-06-01 00:00
    // (1717200000 s, UTC, for tar; zip keeps local time without a zone).
    for (const char *name :
         {"sample.zip", "sample.tar", "sample.tar.gz", "sample.tar.bz2", "sample.tar.xz"}) {
        INFO(name);
        const Result result = readFile(archivePath(name));
        REQUIRE(result.ok);
        REQUIRE_FALSE(result.times.isEmpty());
        for (const QDateTime &t : result.times) {
            REQUIRE(t.isValid());
            CHECK(qAbs(t.secsTo(QDateTime::fromSecsSinceEpoch(1717200000))) <= 14 * 3600);
        }
    }
    // A tar header's time, exactly; none kept is none given.
    const Result dated = readData(tar({TarItem("a.txt", "x")}), QStringLiteral("a.tar"));
    REQUIRE(dated.times.size() == 1);
    CHECK(dated.times.first().toSecsSinceEpoch() == 1717200000);
    // A single compressed file has no member time of its own.
    const Result single = readFile(archivePath("note.txt.gz"));
    REQUIRE(single.times.size() == 1);
    CHECK_FALSE(single.times.first().isValid());
}

TEST_CASE("ArchiveReader reads empty archives", "[archive]")
{
    for (const auto &[name, bytes] : {std::pair{QStringLiteral("empty.zip"), zip({})},
                                      std::pair{QStringLiteral("empty.tar"), tar({})},
                                      std::pair{QStringLiteral("empty.tar.gz"), gzip(tar({}))}}) {
        INFO(name.toStdString());
        const Result result = readData(bytes, name);
        INFO(result.error.toStdString());
        CHECK(result.ok);
        CHECK(result.paths.isEmpty());
        CHECK(result.skipped.isEmpty());
    }
}

TEST_CASE("ArchiveReader reads a compressed single file", "[archive]")
{
    SECTION("a fixture made by gzip")
    {
        const Result result = readFile(archivePath("note.txt.gz"));
        INFO(result.error.toStdString());
        REQUIRE(result.ok);
        CHECK(result.paths == QStringList{QStringLiteral("note.txt")});
        CHECK(result.content(QStringLiteral("note.txt")) == source("note.txt"));
    }
    SECTION("from memory, named after the data")
    {
        const Result result =
            readData(gzip(source("2024-06-01.txt")), QStringLiteral("digest.txt.gz"));
        INFO(result.error.toStdString());
        REQUIRE(result.ok);
        CHECK(result.paths == QStringList{QStringLiteral("digest.txt")});
        CHECK(result.contents.value(0) == source("2024-06-01.txt"));
    }
}

TEST_CASE("ArchiveReader skips links, devices and pipes", "[archive]")
{
    SECTION("a tar made by GNU tar")
    {
        const Result result = readFile(archivePath("links.tar"));
        INFO(result.error.toStdString());
        REQUIRE(result.ok);
        CHECK(result.paths == QStringList{QStringLiteral("links/real.txt")});
        CHECK(result.contents.value(0) == source("note.txt"));
        CHECK(result.skipped == QStringList{QStringLiteral("links/hard-copy.txt: hard link"),
                                            QStringLiteral("links/link-to-real: symbolic link"),
                                            QStringLiteral("links/pipe: named pipe")});
    }
    SECTION("a zip with a symbolic link")
    {
        const Result result = readFile(archivePath("links.zip"));
        INFO(result.error.toStdString());
        REQUIRE(result.ok);
        CHECK(result.paths == QStringList{QStringLiteral("links/real.txt")});
        CHECK(result.skipped == QStringList{QStringLiteral("links/link-to-real: symbolic link")});
    }
    SECTION("every special tar entry")
    {
        const QByteArray bytes = tar({
            {"dir/", {}, '5'},
            {"dir/a.txt", "a"},
            {"dir/soft", {}, '2', "a.txt"},
            {"dir/hard", {}, '1', "dir/a.txt"},
            {"dev/tty", {}, '3'},
            {"dev/sda", {}, '4'},
            {"dir/fifo", {}, '6'},
            {"dir/b.txt", "b"},
        });
        const Result result = readData(bytes, QStringLiteral("special.tar"));
        INFO(result.error.toStdString());
        REQUIRE(result.ok);
        CHECK(result.paths ==
              QStringList{QStringLiteral("dir/a.txt"), QStringLiteral("dir/b.txt")});
        CHECK(result.skipped == QStringList{QStringLiteral("dir/soft: symbolic link"),
                                            QStringLiteral("dir/hard: hard link"),
                                            QStringLiteral("dev/tty: device"),
                                            QStringLiteral("dev/sda: device"),
                                            QStringLiteral("dir/fifo: named pipe")});
    }
    SECTION("a symbolic link made by hand in a zip")
    {
        const QByteArray bytes = zip({
            {"a.txt", "a"},
            {"soft", "a.txt", false, 0120777},
            {"b.txt", "b"},
        });
        const Result result = readData(bytes, QStringLiteral("special.zip"));
        INFO(result.error.toStdString());
        REQUIRE(result.ok);
        CHECK(result.paths == QStringList{QStringLiteral("a.txt"), QStringLiteral("b.txt")});
        CHECK(result.skipped == QStringList{QStringLiteral("soft: symbolic link")});
    }
}

TEST_CASE("ArchiveReader reports entry paths as stored, minus a leading ./", "[archive]")
{
    const QStringList expected{QStringLiteral("a.txt"), QStringLiteral("deep/er/b.txt"),
                               QStringLiteral("../up.txt"), QStringLiteral("/abs.txt")};
    SECTION("tar")
    {
        const Result result = readData(tar({{"./", {}, '5'},
                                            {"./a.txt", "a"},
                                            {"././deep/er/b.txt", "b"},
                                            {"../up.txt", "c"},
                                            {"/abs.txt", "d"}}),
                                       QStringLiteral("paths.tar"));
        INFO(result.error.toStdString());
        REQUIRE(result.ok);
        CHECK(result.paths == expected);
        CHECK(result.content(QStringLiteral("/abs.txt")) == "d");
    }
    SECTION("zip")
    {
        const Result result = readData(
            zip({{"./a.txt", "a"}, {"deep/er/b.txt", "b"}, {"../up.txt", "c"}, {"/abs.txt", "d"}}),
            QStringLiteral("paths.zip"));
        INFO(result.error.toStdString());
        REQUIRE(result.ok);
        CHECK(result.paths == expected);
        CHECK(result.content(QStringLiteral("../up.txt")) == "c");
    }
}

TEST_CASE("ArchiveReader refuses an entry over the size limit", "[archive]")
{
    ArchiveLimits limits;
    limits.maxEntrySize = 100 * 1024;
    const QString expected = QStringLiteral("The file \u201cbig.bin\u201d in the archive is larger "
                                            "than 100 KiB, the limit for one file.");
    const QByteArray big(300 * 1024, 'x');

    SECTION("tar")
    {
        const Result result = readData(tar({{"small.txt", "ok"}, {"big.bin", big}}),
                                       QStringLiteral("big.tar"), limits);
        CHECK_FALSE(result.ok);
        CHECK(result.error == expected);
        CHECK(result.paths == QStringList{QStringLiteral("small.txt")});
    }
    SECTION("zip whose header lies about the size")
    {
        const Result result =
            readData(zip({{"small.txt", "ok"}, {"big.bin", big, true, 0100644, 10}}),
                     QStringLiteral("big.zip"), limits);
        CHECK_FALSE(result.ok);
        CHECK(result.error == expected);
        CHECK(result.paths == QStringList{QStringLiteral("small.txt")});
    }
    SECTION("just at the limit is fine")
    {
        const Result result =
            readData(tar({{"big.bin", big.left(limits.maxEntrySize)}}), QString(), limits);
        INFO(result.error.toStdString());
        CHECK(result.ok);
        CHECK(result.contents.value(0).size() == limits.maxEntrySize);
    }
    SECTION("bzip2 bomb fixture")
    {
        limits.maxEntrySize = 1 << 20;
        const Result result = readFile(archivePath("bomb.tar.bz2"), limits);
        CHECK_FALSE(result.ok);
        CHECK(result.error ==
              QStringLiteral("The file \u201czeros.bin\u201d in the archive is larger than "
                             "1 MiB, the limit for one file."));
    }
}

TEST_CASE("ArchiveReader stops archive bombs", "[archive]")
{
    SECTION("total size over the limit, across entries")
    {
        ArchiveLimits limits;
        limits.maxTotalSize = 2 << 20;
        limits.maxRatio = 1e9;
        const QByteArray mib(1 << 20, '\0');
        const QByteArray bytes =
            zip({{"a.bin", mib}, {"b.bin", mib}, {"c.bin", mib}, {"d.bin", mib}});
        const Result result = readData(bytes, QStringLiteral("zeros.zip"), limits);
        CHECK_FALSE(result.ok);
        CHECK(result.error ==
              QStringLiteral("The archive expands to more than 2 MiB; it may be an archive bomb."));
        CHECK(result.paths == QStringList{QStringLiteral("a.bin"), QStringLiteral("b.bin")});
    }
    SECTION("compression ratio over the limit, past the grace")
    {
        ArchiveLimits limits;
        limits.maxRatio = 50;
        limits.ratioGrace = 256 * 1024;
        const QByteArray bytes = gzip(tar({{"zeros.bin", QByteArray(2 << 20, '\0')}}));
        const Result result = readData(bytes, QStringLiteral("zeros.tar.gz"), limits);
        CHECK_FALSE(result.ok);
        CHECK(
            result.error ==
            QStringLiteral(
                "The archive expands to more than 50 times its size; it may be an archive bomb."));
        CHECK(result.paths.isEmpty());
    }
    SECTION("a compressible archive under the grace is fine")
    {
        const QByteArray bytes = gzip(tar({{"zeros.bin", QByteArray(2 << 20, '\0')}}));
        const Result result = readData(bytes, QStringLiteral("zeros.tar.gz"));
        INFO(result.error.toStdString());
        CHECK(result.ok);
        CHECK(result.contents.value(0).size() == 2 << 20);
    }
    SECTION("default limits on a deflate bomb")
    {
        const QByteArray bytes = zip({{"zeros.bin", QByteArray(16 << 20, '\0')}});
        const Result result = readData(bytes, QStringLiteral("zeros.zip"));
        CHECK_FALSE(result.ok);
        CHECK(
            result.error ==
            QStringLiteral(
                "The archive expands to more than 250 times its size; it may be an archive bomb."));
    }
    SECTION("default limits on a bzip2 bomb fixture")
    {
        const Result result = readFile(archivePath("bomb.tar.bz2"));
        CHECK_FALSE(result.ok);
        CHECK(
            result.error ==
            QStringLiteral(
                "The archive expands to more than 250 times its size; it may be an archive bomb."));
    }
    SECTION("total limit on the bzip2 bomb fixture")
    {
        ArchiveLimits limits;
        limits.maxTotalSize = 1 << 20;
        const Result result = readFile(archivePath("bomb.tar.bz2"), limits);
        CHECK_FALSE(result.ok);
        CHECK(result.error ==
              QStringLiteral("The archive expands to more than 1 MiB; it may be an archive bomb."));
    }
}

TEST_CASE("ArchiveReader limits the number of entries", "[archive]")
{
    ArchiveLimits limits;
    limits.maxEntries = 10;
    const QString expected =
        QStringLiteral("The archive has more than 10 entries, the limit for one archive.");

    SECTION("tar")
    {
        const Result result = readData(tar(smallFiles(20)), QStringLiteral("many.tar"), limits);
        CHECK_FALSE(result.ok);
        CHECK(result.error == expected);
        CHECK(result.paths.size() <= 10);
    }
    SECTION("tar, folders count too")
    {
        QList<TarItem> items = smallFiles(6);
        for (int i = 0; i < 6; ++i)
            items.append({"dir-" + QByteArray::number(i) + '/', {}, '5'});
        const Result result = readData(tar(items), QStringLiteral("many.tar"), limits);
        CHECK_FALSE(result.ok);
        CHECK(result.error == expected);
    }
    SECTION("zip")
    {
        QList<ZipItem> items;
        for (const TarItem &file : smallFiles(20))
            items.append({file.name, file.data});
        const Result result = readData(zip(items), QStringLiteral("many.zip"), limits);
        CHECK_FALSE(result.ok);
        CHECK(result.error == expected);
        CHECK(result.paths.size() <= 10);
    }
    SECTION("exactly the limit is fine")
    {
        const Result result = readData(tar(smallFiles(10)), QStringLiteral("ten.tar"), limits);
        INFO(result.error.toStdString());
        CHECK(result.ok);
        CHECK(result.paths.size() == 10);
    }
}

TEST_CASE("ArchiveReader fails on damaged and truncated archives", "[archive]")
{
    const auto checkDamaged = [](const Result &result, const QString &name) {
        CHECK_FALSE(result.ok);
        INFO(result.error.toStdString());
        CHECK(result.error.startsWith(
            QStringLiteral("\u201c%1\u201d is damaged or incomplete (").arg(name)));
        CHECK(result.error.endsWith(QLatin1String(").")));
    };

    for (const char *name :
         {"sample.zip", "sample.tar", "sample.tar.gz", "sample.tar.bz2", "sample.tar.xz"}) {
        SECTION(std::string("cut in half: ") + name)
        {
            const QByteArray bytes =
                gleaner::test::readData(QStringLiteral("archives/") + QLatin1String(name));
            // For the plain tar, half is inside the data of an entry.
            checkDamaged(readData(bytes.left(bytes.size() / 2), QLatin1String(name)),
                         QLatin1String(name));
        }
    }
    SECTION("a tar cut inside an entry's data")
    {
        const QByteArray bytes = tar({{"a.txt", "a"}, {"b.txt", QByteArray(4000, 'b')}});
        const Result result = readData(bytes.left(512 * 3 + 100), QStringLiteral("cut.tar"));
        checkDamaged(result, QStringLiteral("cut.tar"));
        CHECK(result.paths == QStringList{QStringLiteral("a.txt")});
    }
    SECTION("a gzip cut short")
    {
        const QByteArray bytes = gzip(tar(smallFiles(3)));
        checkDamaged(readData(bytes.left(bytes.size() - 6), QStringLiteral("cut.tar.gz")),
                     QStringLiteral("cut.tar.gz"));
        const QByteArray single = gzip(source("2024-06-01.txt"));
        checkDamaged(readData(single.left(single.size() - 6), QStringLiteral("cut.txt.gz")),
                     QStringLiteral("cut.txt.gz"));
    }
    SECTION("a tar header with a bad checksum")
    {
        QByteArray bytes = tar({{"a.txt", "a"}, {"b.txt", "b"}});
        bytes[1024] = 'X'; // the second header's name
        const Result result = readData(bytes, QStringLiteral("bad.tar"));
        checkDamaged(result, QStringLiteral("bad.tar"));
        CHECK(result.paths == QStringList{QStringLiteral("a.txt")});
    }
    SECTION("a zip entry whose data does not match its CRC")
    {
        QByteArray bytes = zip({{"a.txt", "stored text", false}});
        const qsizetype at = bytes.indexOf("stored text");
        REQUIRE(at > 0);
        bytes[at] = 'S';
        checkDamaged(readData(bytes, QStringLiteral("crc.zip")), QStringLiteral("crc.zip"));
    }
    SECTION("a zip whose deflate data is garbage")
    {
        QByteArray bytes = zip({{"a.txt", source("2024-06-01.txt")}});
        for (int i = 40; i < 60; ++i)
            bytes[i] = char(0xff);
        checkDamaged(readData(bytes, QStringLiteral("garbage.zip")), QStringLiteral("garbage.zip"));
    }
}

TEST_CASE("ArchiveReader refuses what is not an archive", "[archive]")
{
    SECTION("text")
    {
        const Result result = readData(source("notes.md"), QStringLiteral("notes.md"));
        CHECK_FALSE(result.ok);
        CHECK(result.error ==
              QStringLiteral("\u201cnotes.md\u201d is not an archive Gleaner can read "
                             "(zip, tar, tar.gz, tar.bz2 or tar.xz)."));
        CHECK(result.paths.isEmpty());
    }
    SECTION("a text file on disk")
    {
        const Result result =
            readFile(gleaner::test::dataPath(QStringLiteral("archives/src/note.txt")));
        CHECK_FALSE(result.ok);
        CHECK(result.error.startsWith(QStringLiteral("\u201cnote.txt\u201d is not an archive")));
    }
    SECTION("nothing at all, without a name")
    {
        const Result result = readData({}, {});
        CHECK_FALSE(result.ok);
        CHECK(result.error.startsWith(QStringLiteral("The data is not an archive")));
    }
    SECTION("a missing file")
    {
        const Result result = readFile(QStringLiteral("/nonexistent/gleaner/missing.zip"));
        CHECK_FALSE(result.ok);
        CHECK(result.error.startsWith(QStringLiteral("Cannot open \u201cmissing.zip\u201d: ")));
    }
    SECTION("a folder")
    {
        QTemporaryDir dir;
        REQUIRE(dir.isValid());
        const Result result = readFile(dir.path());
        CHECK_FALSE(result.ok);
        CHECK(result.error.endsWith(QLatin1String(": it is not a regular file.")));
    }
}

TEST_CASE("ArchiveReader stops when the visitor cancels", "[archive]")
{
    for (const auto &[name, bytes] :
         {std::pair{QStringLiteral("three.tar"), tar(smallFiles(3))},
          std::pair{QStringLiteral("three.zip"), zip({{"file-0.txt", "entry 0"},
                                                      {"file-1.txt", "entry 1"},
                                                      {"file-2.txt", "entry 2"}})}}) {
        INFO(name.toStdString());
        ArchiveLimits limits;
        const Result result = readData(bytes, name, limits, 1);
        CHECK_FALSE(result.ok);
        CHECK(result.error == QStringLiteral("Cancelled."));
        CHECK(result.paths == QStringList{QStringLiteral("file-0.txt")});
    }
}

TEST_CASE("ArchiveReader starts each read afresh", "[archive]")
{
    const auto reader = ArchiveReader::create();
    const auto ignore = [](const ArchiveEntry &) { return true; };
    CHECK_FALSE(reader->readData(QByteArray("plain text"), QStringLiteral("a.txt"), ignore));
    CHECK_FALSE(reader->errorString().isEmpty());
    CHECK(reader->readFile(archivePath("links.tar"), ignore));
    CHECK(reader->errorString().isEmpty());
    CHECK(reader->skipped().size() == 3);
    CHECK(reader->readFile(archivePath("sample.zip"), ignore));
    CHECK(reader->skipped().isEmpty());
}

TEST_CASE("ArchiveReader survives cut and flipped bytes", "[archive]")
{
    // Not a fuzzer, but every cut point and a spread of flipped bytes over
    // each kind of archive; under the asan preset this catches bad reads.
    for (const char *name : {"sample.zip", "sample.tar", "sample.tar.gz", "sample.tar.bz2",
                             "sample.tar.xz", "links.zip", "note.txt.gz"}) {
        INFO(name);
        const QByteArray bytes =
            gleaner::test::readData(QStringLiteral("archives/") + QLatin1String(name));
        const qsizetype step = qMax<qsizetype>(1, bytes.size() / 300);
        for (qsizetype at = 0; at < bytes.size(); at += step) {
            INFO(at);
            const Result cut = readData(bytes.left(at), QLatin1String(name));
            CHECK((cut.ok || !cut.error.isEmpty()));
            QByteArray flipped = bytes;
            flipped[at] = char(flipped[at] ^ 0x5a);
            const Result damaged = readData(flipped, QLatin1String(name));
            CHECK((damaged.ok || !damaged.error.isEmpty()));
        }
    }
}
