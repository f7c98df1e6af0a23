#include "command.h"

#include <QString>
#include <QStringList>

namespace gleaner::cli {

namespace {

QStringList argumentWords(const char *arguments)
{
    return QString::fromLatin1(arguments).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

int Command::minWords() const
{
    int n = 0;
    for (const QString &w : argumentWords(arguments))
        n += w.startsWith(QLatin1Char('[')) ? 0 : 1;
    return n;
}

int Command::maxWords() const
{
    const QStringList words = argumentWords(arguments);
    for (const QString &w : words) {
        if (w.contains(QLatin1String("...")))
            return -1;
    }
    return int(words.size());
}

} // namespace gleaner::cli
