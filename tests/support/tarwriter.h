// Tar archives written byte by byte for the tests: ustar headers with the
// fields the readers look at (name, mode, size, a fixed time of
// 2024-06-01 00:00 UTC, type, link), so a test can build exactly the
// archive it needs, odd entry types included.
#pragma once

#include <QByteArray>
#include <QList>

#include <cstring>
#include <utility>

namespace gleaner::test {

struct TarItem
{
    TarItem(QByteArray name_, QByteArray data_ = {}, char type_ = '0', QByteArray link_ = {})
        : name(std::move(name_))
        , data(std::move(data_))
        , type(type_)
        , link(std::move(link_))
    {}
    QByteArray name;
    QByteArray data;
    char type;
    QByteArray link;
};

inline void putOctal(QByteArray &header, int at, int width, qint64 value)
{
    const QByteArray digits = QByteArray::number(value, 8).rightJustified(width - 1, '0');
    std::memcpy(header.data() + at, digits.constData(), size_t(width - 1));
    header[at + width - 1] = '\0';
}

inline QByteArray tarHeader(const TarItem &item)
{
    QByteArray header(512, '\0');
    std::memcpy(header.data(), item.name.constData(),
                size_t(qMin<qsizetype>(item.name.size(), 100)));
    putOctal(header, 100, 8, item.type == '5' ? 0755 : 0644);
    putOctal(header, 108, 8, 0);
    putOctal(header, 116, 8, 0);
    putOctal(header, 124, 12, item.data.size());
    putOctal(header, 136, 12, 1717200000);
    header[156] = item.type;
    std::memcpy(header.data() + 157, item.link.constData(),
                size_t(qMin<qsizetype>(item.link.size(), 100)));
    std::memcpy(header.data() + 257,
                "ustar\0"
                "00",
                8);
    std::memset(header.data() + 148, ' ', 8);
    int sum = 0;
    for (const char c : header)
        sum += static_cast<uchar>(c);
    putOctal(header, 148, 7, sum);
    return header;
}

inline QByteArray tar(const QList<TarItem> &items)
{
    QByteArray out;
    for (const TarItem &item : items) {
        out += tarHeader(item);
        out += item.data;
        out += QByteArray((512 - item.data.size() % 512) % 512, '\0');
    }
    return out + QByteArray(1024, '\0');
}

} // namespace gleaner::test
