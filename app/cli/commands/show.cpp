// show: one paper with everything the library knows about it.
#include "commands.h"
#include "export/paperjson.h"
#include "invocation.h"
#include "model/submitter.h"
#include "model/weblinks.h"
#include "output.h"
#include "storage/library.h"

#include <QJsonArray>
#include <QJsonObject>

namespace gleaner::cli {

int Commands::web(Invocation &in, Library &library)
{
    const auto id = Invocation::parseId(in.words().first());
    if (!id)
        return in.usageError(tr("web takes one paper ID"));
    const auto paper = library.paper(*id);
    if (!paper)
        return in.rejected(tr("there is no paper %1").arg(*id));
    out() << paperSearchUrl(*paper).toString(QUrl::FullyEncoded) << "\n";
    return Ok;
}

int Commands::show(Invocation &in, Library &library)
{
    const auto id = Invocation::parseId(in.words().first());
    if (!id)
        return in.usageError(tr("show takes one paper ID"));
    const auto paper = library.paper(*id);
    if (!paper)
        return in.rejected(tr("there is no paper %1").arg(*id));
    // The [[links]] whose words name several papers lead to the best of
    // them, which the reader marks, and so does show.
    QList<Library::NoteLinkGuess> guesses;
    const QList<qint64> links = library.noteLinkTargets(*id, &guesses);
    const QList<qint64> linkedFrom = library.linkedFrom(*id);
    const int queueIndex = library.queueIndex(*id).value_or(-1);
    if (in.json()) {
        QJsonObject object = paperToJson(*paper);
        const auto idArray = [](const QList<qint64> &ids) {
            QJsonArray array;
            for (const qint64 i : ids)
                array.append(i);
            return array;
        };
        // The papers the note's [[links]] lead to, and those whose notes link here.
        object.insert(QStringLiteral("links"), idArray(links));
        object.insert(QStringLiteral("linked_from"), idArray(linkedFrom));
        QJsonArray ambiguous;
        for (const Library::NoteLinkGuess &g : guesses)
            ambiguous.append(QJsonObject{{QStringLiteral("words"), g.words},
                                         {QStringLiteral("paper"), g.paper},
                                         {QStringLiteral("papers_matching"), g.others + 1}});
        object.insert(QStringLiteral("ambiguous_links"), ambiguous);
        // Its place in the reading queue, 1 first; null when it is not queued.
        object.insert(QStringLiteral("queued"), queueIndex >= 0);
        object.insert(QStringLiteral("queue_position"),
                      queueIndex >= 0 ? QJsonValue(queueIndex + 1) : QJsonValue(QJsonValue::Null));
        QJsonArray marked;
        for (const Highlight &h : library.highlights(*id).value_or(QList<Highlight>()))
            marked.append(highlightToJson(h));
        object.insert(QStringLiteral("highlights"), marked);
        printJson(object);
        return Ok;
    }
    const auto idList = [](const QList<qint64> &ids) {
        QStringList text;
        for (const qint64 i : ids)
            text << QString::number(i);
        return text.join(QStringLiteral(", "));
    };
    const QString submitter = submitterText(paper->submitter, TextStyle::Localised);
    out() << paper->title << "\n\n";
    out() << field(tr("ID"), 11) << paper->id << "\n";
    out() << field(tr("By"), 11) << (submitter.isEmpty() ? QStringLiteral("-") : submitter) << "\n";
    out() << field(tr("Published"), 11) << dateText(paper->published, QStringLiteral("-")) << "\n";
    out() << field(tr("Upvotes"), 11)
          << (paper->upvotes ? QString::number(*paper->upvotes) : QStringLiteral("-")) << "\n";
    out() << field(tr("Starred"), 11) << (paper->starred ? tr("yes") : tr("no")) << "\n";
    out() << field(tr("Read"), 11) << (paper->read ? tr("yes") : tr("no")) << "\n";
    if (paper->dismissed)
        out() << field(tr("Dismissed"), 11) << tr("yes (not interested)") << "\n";
    if (queueIndex >= 0)
        out() << field(tr("Queued"), 11)
              << tr("number %1 of %2 in the reading queue")
                     .arg(queueIndex + 1)
                     .arg(library.queueCount())
              << "\n";
    out() << field(tr("Tags"), 11)
          << (paper->tags.isEmpty() ? QStringLiteral("-") : paper->tags.join(QStringLiteral(", ")))
          << "\n";
    if (!links.isEmpty())
        out() << field(tr("Links"), 11) << idList(links) << "\n";
    for (const Library::NoteLinkGuess &g : guesses)
        out() << QString(12, QLatin1Char(' '))
              << (g.others >= Library::kNoteLinkOthersCounted
                      ? tr("[[%1]] leads to %2, the best of more than %3 papers with these words "
                           "in their titles")
                            .arg(g.words)
                            .arg(g.paper)
                            .arg(Library::kNoteLinkOthersCounted)
                      : tr("[[%1]] leads to %2, the best of %n papers with these words in their "
                           "titles",
                           nullptr, g.others + 1)
                            .arg(g.words)
                            .arg(g.paper))
              << "\n";
    if (!linkedFrom.isEmpty())
        out() << field(tr("Linked from"), 11) << idList(linkedFrom) << "\n";
    for (const Appearance &ap : paper->appearances) {
        out() << field(tr("Digest"), 11) << dateText(ap.digestDate, tr("undated")) << " #"
              << ap.position << " "
              << (ap.upvotes
                      ? QStringLiteral("(%1) ").arg(upvotesText(*ap.upvotes, TextStyle::Localised))
                      : QString())
              << ap.source << "\n";
    }
    out() << "\n" << paper->abstract << "\n";
    const QList<Highlight> marked = library.highlights(*id).value_or(QList<Highlight>());
    if (!marked.isEmpty())
        out() << "\n" << tr("Highlights:") << "\n";
    for (const Highlight &h : marked) {
        out() << "  > " << h.quote.simplified() << (h.detached ? tr(" (detached)") : QString());
        if (!h.comment.isEmpty())
            out() << QStringLiteral(" \u2014 ") << h.comment.simplified();
        out() << "\n";
    }
    if (!paper->note.isEmpty())
        out() << "\n"
              << tr("Note (%1):").arg(paper->noteChanged.toLocalTime().toString(Qt::ISODate))
              << "\n"
              << paper->note << "\n";
    return Ok;
}

} // namespace gleaner::cli
