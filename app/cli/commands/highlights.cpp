// highlight, highlights, unhighlight: passages of a paper's title or
// abstract marked in a colour with an optional comment
// (storage/highlightstore.h), the twins of the reader's Highlight.
#include "commands.h"
#include "invocation.h"
#include "output.h"
#include "storage/library.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace gleaner::cli {

namespace {

// The paper's highlights, numbered from 1 as `highlights ID` lists them.
std::optional<QList<Highlight>> listed(Invocation &in, Library &library, qint64 &paperId)
{
    const QList<qint64> ids = in.knownPapers(library, {in.words().first()});
    if (ids.isEmpty())
        return std::nullopt;
    paperId = ids.first();
    std::optional<QList<Highlight>> list = library.highlights(paperId);
    if (!list)
        (void)in.rejected(library.errorString());
    return list;
}

} // namespace

QList<QCommandLineOption> Commands::highlightOptions()
{
    return {
        QCommandLineOption(QStringLiteral("comment"), tr("a comment on the passage"), tr("TEXT")),
        QCommandLineOption(QStringLiteral("colour"),
                           tr("its colour: %1 (default %2)")
                               .arg(highlightColours().join(QStringLiteral(", ")),
                                    highlightColours().constFirst()),
                           tr("NAME")),
        QCommandLineOption(QStringLiteral("occurrence"),
                           tr("which occurrence of the passage, counted through the title then "
                              "the abstract (default 1)"),
                           tr("N")),
    };
}

int Commands::highlight(Invocation &in, Library &library)
{
    const QList<qint64> ids = in.knownPapers(library, {in.words().first()});
    if (ids.isEmpty())
        return Rejected;
    const QString passage = in.words().mid(1).join(QLatin1Char(' '));
    // Invocation::value() is empty for an option not given: the defaults are here.
    bool isNumber = true;
    int occurrence = 1;
    if (in.isSet(QStringLiteral("occurrence")))
        occurrence = in.value(QStringLiteral("occurrence")).toInt(&isNumber);
    if (!isNumber || occurrence < 1)
        return in.usageError(tr("--occurrence takes a number from 1"));
    const QString colour = in.isSet(QStringLiteral("colour"))
                               ? in.value(QStringLiteral("colour")).trimmed().toLower()
                               : highlightColours().constFirst();
    if (!isHighlightColour(colour))
        return in.usageError(tr("'%1' is not a highlight colour; the colours are %2")
                                 .arg(in.value(QStringLiteral("colour")),
                                      highlightColours().join(QStringLiteral(", "))));
    std::optional<Highlight> h = library.findPassage(ids.first(), passage, occurrence);
    if (!h)
        return in.rejected(library.errorString());
    h->paperId = ids.first();
    h->colour = colour;
    h->comment = in.value(QStringLiteral("comment"));
    if (!library.addHighlight(*h))
        return in.rejected(library.errorString());
    const std::optional<QList<Highlight>> list = library.highlights(ids.first());
    const qsizetype number = list ? std::find_if(list->cbegin(), list->cend(),
                                                 [&](const Highlight &k) {
                                                     return k.field == h->field &&
                                                            k.start == h->start &&
                                                            k.length == h->length;
                                                 }) -
                                        list->cbegin() + 1
                                  : 0;
    out()
        << tr("Highlighted in the %1 (highlight %2).").arg(highlightFieldName(h->field)).arg(number)
        << "\n";
    return Ok;
}

int Commands::highlights(Invocation &in, Library &library)
{
    qint64 paperId = 0;
    const std::optional<QList<Highlight>> list = listed(in, library, paperId);
    if (!list)
        return Rejected;
    if (in.json()) {
        QJsonArray array;
        for (qsizetype i = 0; i < list->size(); ++i) {
            QJsonObject o = highlightToJson(list->at(i));
            o.insert(QStringLiteral("number"), int(i + 1));
            array.append(o);
        }
        printJson(array);
        return Ok;
    }
    for (qsizetype i = 0; i < list->size(); ++i) {
        const Highlight &h = list->at(i);
        out() << (i + 1) << "\t" << highlightFieldName(h.field) << "\t" << h.colour << "\t"
              << (h.detached ? tr("detached") : QStringLiteral("%1+%2").arg(h.start).arg(h.length))
              << "\t" << h.quote.simplified();
        if (!h.comment.isEmpty())
            out() << "\t" << h.comment.simplified();
        out() << "\n";
    }
    return Ok;
}

int Commands::unhighlight(Invocation &in, Library &library)
{
    qint64 paperId = 0;
    const std::optional<QList<Highlight>> list = listed(in, library, paperId);
    if (!list)
        return Rejected;
    const QString word = in.words().at(1);
    bool isNumber = false;
    const int number = word.toInt(&isNumber);
    if (!isNumber || number < 1 || number > list->size())
        return in.rejected(
            list->isEmpty()
                ? tr("paper %1 has no highlights").arg(paperId)
                : tr("paper %1 has highlights 1 to %2 (see: gleaner-cli highlights %1), not '%3'")
                      .arg(paperId)
                      .arg(list->size())
                      .arg(word));
    if (!library.removeHighlight(list->at(number - 1).id))
        return in.rejected(library.errorString());
    return Ok;
}

} // namespace gleaner::cli
