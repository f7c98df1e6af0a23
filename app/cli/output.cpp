#include "output.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace gleaner::cli {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QString field(const QString &label, int width)
{
    return QString(label + QLatin1Char(':')).leftJustified(width) + QLatin1Char(' ');
}

QString dateText(const QDate &date, const QString &missing)
{
    return date.isValid() ? date.toString(Qt::ISODate) : missing;
}

void printJson(const QJsonValue &value)
{
    const QJsonDocument doc =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    out() << QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
}

} // namespace gleaner::cli
