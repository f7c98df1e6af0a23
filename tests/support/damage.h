// Ways to damage a library file the way disks and crashes do, for the tests
// of the integrity check and the repair: an index that lost its rows, a page
// of garbage. The library must be closed (its WAL checkpointed) first.
#pragma once

#include "catch.h"
#include "storage/database.h"

#include <QCryptographicHash>
#include <QFile>
#include <QStringList>

namespace gleaner::test {

inline QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

// Page size and the root page of a table or index, read before the damage.
inline std::pair<int, int> pageOf(const QString &libraryPath, const QString &name)
{
    Database db;
    REQUIRE(db.open(libraryPath, Database::OpenMode::ReadOnly));
    Statement size = db.prepare("PRAGMA page_size");
    REQUIRE(size.next());
    Statement root = db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = ?1");
    root.bind(1, name);
    REQUIRE(root.next());
    return {size.integer(0), root.integer(0)};
}

// Makes a one-page index forget every row: its cell count becomes zero, as
// if the page had been written back from a stale cache. Reads still work,
// but lookups through the index find nothing.
inline void emptyIndex(const QString &libraryPath, const QString &index)
{
    const auto [pageSize, root] = pageOf(libraryPath, index);
    REQUIRE(root > 1);
    QFile file(libraryPath);
    REQUIRE(file.open(QIODevice::ReadWrite));
    const qint64 page = qint64(root - 1) * pageSize;
    REQUIRE(file.seek(page));
    const QByteArray header = file.read(8);
    REQUIRE(header.size() == 8);
    REQUIRE(header.at(0) == char(0x0a)); // a leaf of an index b-tree
    REQUIRE(file.seek(page + 3));
    REQUIRE(file.write(QByteArray(2, '\0')) == 2);
}

// Fills the page holding `needle` with garbage after its first bytes, as a
// torn or misdirected write would.
inline void garblePageWith(const QString &libraryPath, const QByteArray &needle, int pageSize)
{
    QFile file(libraryPath);
    REQUIRE(file.open(QIODevice::ReadWrite));
    const QByteArray bytes = file.readAll();
    const qsizetype at = bytes.indexOf(needle);
    REQUIRE(at > 0);
    const qint64 page = at / pageSize * pageSize;
    REQUIRE(file.seek(page + 8));
    QByteArray junk(pageSize - 8, '\0');
    for (qsizetype i = 0; i < junk.size(); ++i)
        junk[i] = char((i * 151 + 7) & 0xff);
    REQUIRE(file.write(junk) == junk.size());
}

// A layout-A digest of `count` papers with long abstracts (one or two to a
// page), titled "Synthetic Paper Number NNNN: ...".
inline QByteArray syntheticDigest(int count, int first = 0)
{
    QByteArray text = "Daily Papers\n\nMar 3\n\n";
    for (int i = first; i < first + count; ++i) {
        const QByteArray n = QByteArray::number(i).rightJustified(4, '0');
        text += "Synthetic Paper Number " + n + ": Tides of Attention\n\n";
        QByteArray abstract = "We study case " + n + ".";
        while (abstract.size() < 1500)
            abstract += " The tidal model of case " + n + " routes tokens by phase and depth.";
        text += abstract + "\n\n  \xe2\x80\xa2 3 authors\n\xc2\xb7\nFeb 27 " +
                QByteArray::number(i % 50) + "\n\n";
    }
    return text;
}

} // namespace gleaner::test
