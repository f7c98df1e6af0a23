// tag, untag and tags: a paper's tags and the library's.
#include "commands.h"
#include "invocation.h"
#include "output.h"
#include "storage/library.h"

#include <QJsonObject>

namespace gleaner::cli {

namespace {

// Tags a paper (or takes them off); exits 1 when the paper is unknown.
int changeTags(Invocation &in, Library &library, bool add)
{
    const QList<qint64> ids = in.knownPapers(library, {in.words().first()});
    if (ids.isEmpty())
        return Rejected;
    const QStringList tags = in.words().mid(1);
    if (!(add ? library.addTags(ids, tags) : library.removeTags(ids, tags)))
        return in.rejected(library.errorString());
    return Ok;
}

} // namespace

int Commands::tag(Invocation &in, Library &library)
{
    return changeTags(in, library, true);
}

int Commands::untag(Invocation &in, Library &library)
{
    return changeTags(in, library, false);
}

int Commands::tags(Invocation &in, Library &library)
{
    if (!in.words().isEmpty() && in.words().first() != QLatin1String("list"))
        return in.usageError(
            tr("tags takes: list, rename OLD NEW, merge FROM INTO, or delete NAME"));
    const QList<TagCount> tags = library.tagCounts();
    if (in.json()) {
        printJson(jsonArray(tags, [](const TagCount &t) {
            return QJsonObject{{QStringLiteral("name"), t.name},
                               {QStringLiteral("papers"), t.papers}};
        }));
        return Ok;
    }
    for (const TagCount &t : tags)
        out() << qSetFieldWidth(6) << Qt::right << t.papers << qSetFieldWidth(0) << "  " << t.name
              << "\n";
    return Ok;
}

int Commands::renameTag(Invocation &in, Library &library)
{
    if (!library.renameTag(in.words().at(0), in.words().at(1)))
        return in.rejected(library.errorString());
    return Ok;
}

int Commands::mergeTags(Invocation &in, Library &library)
{
    if (!library.mergeTags(in.words().at(0), in.words().at(1)))
        return in.rejected(library.errorString());
    return Ok;
}

int Commands::deleteTag(Invocation &in, Library &library)
{
    if (!library.deleteTag(in.words().at(0)))
        return in.rejected(library.errorString());
    return Ok;
}

} // namespace gleaner::cli
