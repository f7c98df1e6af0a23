// search: the papers a query finds, as a table or as JSON.
#include "commands.h"
#include "export/paperjson.h"
#include "invocation.h"
#include "model/titletext.h"
#include "options.h"
#include "output.h"
#include "rank/ranker.h"
#include "storage/library.h"

namespace gleaner::cli {

QList<QCommandLineOption> Commands::jsonOptions()
{
    return {Options::json()};
}

QList<QCommandLineOption> Commands::searchOptions()
{
    return {Options::sort(), Options::limit(), Options::json()};
}

int Commands::search(Invocation &in, Library &library)
{
    SearchRequest request;
    request.query = in.words().join(QLatin1Char(' '));
    request.sort = in.sortOrder();
    request.limit = in.limit();
    const std::optional<SearchResult> result = library.search(request);
    if (!result)
        return in.rejected(library.errorString());
    if (!result->notice.isEmpty())
        err() << "gleaner-cli: " << result->notice << "\n";
    const QList<Paper> papers = library.papers(result->ids, in.json());
    if (in.json()) {
        // Where the words matched, a page of papers at a time.
        QHash<qint64, Snippet> snippets;
        for (qsizetype i = 0; i < result->ids.size(); i += Library::kMaxSnippetPapers) {
            const auto page =
                library.snippets(request.query, result->ids.mid(i, Library::kMaxSnippetPapers),
                                 request.prefixLastWord);
            if (!page)
                return in.rejected(library.errorString());
            snippets.insert(*page);
        }
        // "For you": each paper's best model, its score and its words.
        Ranker ranker(library.database());
        const auto explanations = ranker.explain(result->ids);
        if (!explanations)
            return in.rejected(ranker.errorString());
        QJsonArray list;
        for (const Paper &p : papers) {
            QJsonObject object = paperToJson(p);
            if (const auto it = snippets.constFind(p.id); it != snippets.cend())
                object.insert(QStringLiteral("snippet"), snippetToJson(*it));
            if (const auto it = explanations->constFind(p.id); it != explanations->cend()) {
                object.insert(QStringLiteral("score"), it->score);
                object.insert(QStringLiteral("why"), QJsonArray::fromStringList(it->words));
                const QString model =
                    it->tagId ? QStringLiteral("tag:") + it->tagName : QStringLiteral("stars");
                object.insert(QStringLiteral("model"), model);
            }
            list.append(object);
        }
        printJson(list);
        return Ok;
    }
    for (const Paper &p : papers) {
        out() << qSetFieldWidth(7) << Qt::right << p.id << qSetFieldWidth(0) << "  "
              << (p.starred ? "*" : " ") << (p.read ? " " : "+") << "  " << qSetFieldWidth(10)
              << Qt::left << dateText(p.published, QStringLiteral("-")) << qSetFieldWidth(0) << "  "
              << qSetFieldWidth(4) << Qt::right
              << (p.upvotes ? QString::number(*p.upvotes) : QStringLiteral("-"))
              << qSetFieldWidth(0) << "  " << plainTitle(p.title) << "\n";
    }
    out() << (result->total == 1 ? tr("1 paper") : tr("%1 papers").arg(result->total));
    if (result->ids.size() < result->total)
        out() << " " << tr("(showing %1)").arg(result->ids.size());
    switch (result->ranking) {
    case Ranking::Relevance:
        break;
    case Ranking::OthersNewestOnly:
        out() << "; "
              << tr("title matches ranked first; of the other matches (too many to rank them "
                    "all) the newest %1 ranked, then the older ones newest first")
                     .arg(result->rankedNewest);
        break;
    case Ranking::TitlesNewestOnly:
        out() << "; "
              << tr("too many to rank them all: title matches first, and in each part the "
                    "newest %1 ranked, then the older ones newest first")
                     .arg(result->rankedNewest);
        break;
    }
    if (result->ranking != Ranking::Relevance && result->rankedSpan > 0)
        out() << "; "
              << tr("only matches among the newest %1 papers ranked").arg(result->rankedSpan);
    if (result->ranking != Ranking::Relevance && result->titlesSpan > 0)
        out() << "; "
              << tr("title matches first only among the newest %1 papers").arg(result->titlesSpan);
    out() << "\n";
    return Ok;
}

} // namespace gleaner::cli
