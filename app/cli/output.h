// gleaner-cli's two streams and the one way it prints JSON.
#pragma once

#include <QDate>
#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QTextStream>

namespace gleaner::cli {

QTextStream &out();
QTextStream &err();

// "Label:" padded to `width` and a space, so that values line up in a
// column whatever the label's translation.
QString field(const QString &label, int width);

// YYYY-MM-DD, or `missing` for an unknown date.
QString dateText(const QDate &date, const QString &missing);

// Indented JSON of an array or an object on standard output.
void printJson(const QJsonValue &value);

template <typename T, typename ToJson>
QJsonArray jsonArray(const QList<T> &items, ToJson toJson)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(toJson(item));
    return array;
}

} // namespace gleaner::cli
