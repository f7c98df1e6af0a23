#include "options.h"

#include "search/searchquery.h"

namespace gleaner::cli {

namespace {

// Every name sortOrderFromName() takes, asked of core so that a new order
// shows up here by itself: sortOrderName() is empty past the last one.
QStringList sortOrderNames()
{
    QStringList names;
    for (int i = 0;; ++i) {
        const QString name = sortOrderName(SortOrder(i));
        if (name.isEmpty())
            return names;
        names << name;
    }
}

} // namespace

QCommandLineOption Options::help()
{
    return QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")}, tr("print this help"));
}

QCommandLineOption Options::json()
{
    return QCommandLineOption(QStringLiteral("json"), tr("print JSON instead of text"));
}

QCommandLineOption Options::digest()
{
    return QCommandLineOption(QStringLiteral("digest"),
                              tr("every paper of the digest with this id (see digests)"), tr("ID"));
}

QCommandLineOption Options::sort()
{
    return QCommandLineOption(QStringLiteral("sort"),
                              tr("the order: %1 (default relevance)").arg(oneOf(sortOrderNames())),
                              tr("ORDER"));
}

QCommandLineOption Options::limit()
{
    return QCommandLineOption(QStringLiteral("limit"), tr("at most N papers"), tr("N"));
}

QString Options::oneOf(const QStringList &names)
{
    if (names.size() < 2)
        return names.join(QString());
    return tr("%1 or %2")
        .arg(names.mid(0, names.size() - 1).join(QStringLiteral(", ")), names.constLast());
}

QString Options::badSort()
{
    return tr("--sort takes %1").arg(oneOf(sortOrderNames()));
}

} // namespace gleaner::cli
