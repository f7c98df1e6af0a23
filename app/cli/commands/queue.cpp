// queue, queue add, queue rm, queue move: the reading queue
// (storage/queuestore.h), the twins of the window's Reading queue.
#include "commands.h"
#include "invocation.h"
#include "options.h"
#include "output.h"
#include "storage/library.h"

#include <QJsonArray>
#include <QJsonObject>

namespace gleaner::cli {

int Commands::queue(Invocation &in, Library &library)
{
    if (!in.words().isEmpty() && in.words().first() != QLatin1String("list"))
        return in.usageError(tr("queue takes: list, add ID..., rm ID..., or move ID POSITION"));
    const QList<qint64> ids = library.queue();
    if (!library.errorString().isEmpty() && ids.isEmpty())
        return in.rejected(library.errorString());
    const QList<Paper> papers = library.papers(ids);
    if (in.json()) {
        QJsonArray list;
        for (qsizetype i = 0; i < papers.size(); ++i)
            list.append(QJsonObject{{QStringLiteral("position"), int(i + 1)},
                                    {QStringLiteral("id"), papers.at(i).id},
                                    {QStringLiteral("title"), papers.at(i).title},
                                    {QStringLiteral("read"), papers.at(i).read}});
        printJson(list);
        return Ok;
    }
    for (qsizetype i = 0; i < papers.size(); ++i)
        out() << (i + 1) << "\t" << papers.at(i).id << "\t" << papers.at(i).title << "\n";
    return Ok;
}

int Commands::enqueue(Invocation &in, Library &library)
{
    // The papers that exist go in, in the order given; a word naming none
    // is reported and the exit is 1.
    const QList<qint64> ids = in.knownPapers(library, in.words());
    if (ids.isEmpty())
        return Rejected;
    const std::optional<int> added = library.enqueue(ids);
    if (!added)
        return in.rejected(library.errorString());
    const int already = int(ids.size()) - *added;
    out() << tr("Added %n paper(s) to the reading queue", nullptr, *added);
    if (already > 0)
        out() << tr(" (%n already in it)", nullptr, already);
    out() << tr("; it holds %n.", nullptr, library.queueCount()) << "\n";
    return ids.size() == in.words().size() ? Ok : Rejected;
}

int Commands::dequeue(Invocation &in, Library &library)
{
    const QList<qint64> ids = in.knownPapers(library, in.words());
    if (ids.isEmpty())
        return Rejected;
    const std::optional<int> removed = library.dequeue(ids);
    if (!removed)
        return in.rejected(library.errorString());
    out() << tr("Removed %n paper(s) from the reading queue", nullptr, *removed);
    out() << tr("; it holds %n.", nullptr, library.queueCount()) << "\n";
    return ids.size() == in.words().size() ? Ok : Rejected;
}

int Commands::moveInQueue(Invocation &in, Library &library)
{
    const QList<qint64> ids = in.knownPapers(library, {in.words().first()});
    if (ids.isEmpty())
        return Rejected;
    const qint64 id = ids.first();
    const std::optional<int> index = library.queueIndex(id);
    if (!index)
        return in.rejected(library.errorString());
    if (*index < 0)
        return in.rejected(
            tr("paper %1 is not in the reading queue; `gleaner-cli queue add %1` adds it").arg(id));
    const QString where = in.words().at(1).toLower();
    const int last = library.queueCount() - 1;
    int target = -1;
    bool pastTheEnd = false;
    if (where == QLatin1String("up"))
        target = qMax(0, *index - 1);
    else if (where == QLatin1String("down"))
        target = qMin(last, *index + 1);
    else if (where == QLatin1String("top"))
        target = 0;
    else if (where == QLatin1String("bottom"))
        target = last;
    else if (const auto position = Invocation::parseId(where); position && *position >= 1) {
        target = int(qMin(qint64(last), *position - 1));
        pastTheEnd = *position - 1 > last;
    }
    if (target < 0)
        return in.usageError(tr("'%1' is not a place in the queue: give a position from 1, or "
                                "up, down, top or bottom")
                                 .arg(in.words().at(1)));
    if (target != *index && !library.moveInQueue(id, target))
        return in.rejected(library.errorString());
    if (pastTheEnd)
        out() << tr("The reading queue holds %n paper(s): paper %1 goes last.", nullptr, last + 1)
                     .arg(id)
              << "\n";
    else
        out() << tr("Paper %1 is number %2 of %3 in the reading queue.")
                     .arg(id)
                     .arg(target + 1)
                     .arg(last + 1)
              << "\n";
    return Ok;
}

} // namespace gleaner::cli
