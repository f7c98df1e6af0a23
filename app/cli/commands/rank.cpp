// rank, rank train, rank rebuild, related, suggest-tags: "For you"
// (rank/ranker.h) from a shell, the twins of the window's For you order,
// its reader's related papers and its annotation pane's suggestions.
#include "commands.h"
#include "invocation.h"
#include "model/titletext.h"
#include "options.h"
#include "output.h"
#include "rank/ranker.h"
#include "storage/library.h"
#include "storage/rankstore.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>

namespace gleaner::cli {

namespace {

QString modelName(const RankModel &m)
{
    return m.isStarModel() ? Commands::tr("stars") : Commands::tr("tag %1").arg(m.tagName);
}

} // namespace

QList<QCommandLineOption> Commands::relatedOptions()
{
    return {
        QCommandLineOption(QStringLiteral("limit"), tr("at most N papers (default 5)"), tr("N")),
        Options::json()};
}

int Commands::rank(Invocation &in, Library &library)
{
    if (!in.words().isEmpty() && in.words().first() != QLatin1String("status"))
        return in.usageError(tr("rank takes: status, train, or rebuild"));
    RankStore store(library.database());
    Ranker ranker(library.database());
    const auto state = store.state();
    const auto models = store.models(false);
    const auto stale = ranker.staleReasons();
    if (!state || !models)
        return in.rejected(store.errorString());
    if (!stale)
        return in.rejected(ranker.errorString());
    if (in.json()) {
        const auto bytes = store.vectorBytes();
        if (!bytes)
            return in.rejected(store.errorString());
        QJsonArray list;
        for (const RankModel &m : *models) {
            list.append(QJsonObject{
                {QStringLiteral("model"),
                 m.isStarModel() ? QStringLiteral("stars") : QStringLiteral("tag")},
                {QStringLiteral("tag"),
                 m.isStarModel() ? QJsonValue(QJsonValue::Null) : QJsonValue(m.tagName)},
                {QStringLiteral("trained"), m.trained.toString(Qt::ISODate)},
                {QStringLiteral("positives"), m.positives},
                {QStringLiteral("dismissed"), m.dismissed},
                {QStringLiteral("unlabelled"), m.unlabelled},
            });
        }
        printJson(QJsonObject{
            {QStringLiteral("papers"), state->papers},
            {QStringLiteral("vectors"), state->vectors},
            {QStringLiteral("vector_bytes"), *bytes},
            {QStringLiteral("terms"), state->terms},
            {QStringLiteral("vocabulary_papers"), state->documents},
            {QStringLiteral("built"), state->built.isValid()
                                          ? QJsonValue(state->built.toString(Qt::ISODate))
                                          : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("stale"), !stale->isEmpty()},
            {QStringLiteral("stale_reasons"), QJsonArray::fromStringList(*stale)},
            {QStringLiteral("models"), list},
        });
        return Ok;
    }
    if (!state->isBuilt()) {
        out() << tr("No ranking features yet: gleaner-cli rank train builds them.") << "\n";
        return Ok;
    }
    out() << field(tr("Vocabulary"), 11)
          << tr("%1 terms from %2 papers, built %3")
                 .arg(state->terms)
                 .arg(state->documents)
                 .arg(state->built.toLocalTime().toString(Qt::ISODate))
          << "\n";
    out() << field(tr("Vectors"), 11)
          << tr("%1 of %2 papers").arg(state->vectors).arg(state->papers) << "\n";
    if (models->isEmpty())
        out() << field(tr("Models"), 11)
              << tr("none: star or tag %1 papers on a subject, then gleaner-cli rank train")
                     .arg(Ranker::kMinPositives)
              << "\n";
    for (const RankModel &m : *models) {
        out() << field(tr("Model"), 11)
              << tr("%1: %2 positive, %3 not interested, %4 others; trained %5")
                     .arg(modelName(m))
                     .arg(m.positives)
                     .arg(m.dismissed)
                     .arg(m.unlabelled)
                     .arg(m.trained.toLocalTime().toString(Qt::ISODate))
              << "\n";
    }
    if (!stale->isEmpty())
        out() << tr("Out of date (%1): gleaner-cli rank train brings it up to date.")
                     .arg(stale->join(QStringLiteral("; ")))
              << "\n";
    return Ok;
}

namespace {

int runUpdate(Invocation &in, Library &library, bool rebuild)
{
    Ranker ranker(library.database());
    QElapsedTimer timer;
    timer.start();
    const auto update = ranker.update(rebuild);
    if (!update)
        return in.rejected(ranker.errorString());
    if (in.json()) {
        printJson(QJsonObject{{QStringLiteral("rebuilt"), update->rebuilt},
                              {QStringLiteral("vectorized"), update->vectorized},
                              {QStringLiteral("trained"), update->trained},
                              {QStringLiteral("removed"), update->removed},
                              {QStringLiteral("models"), update->models},
                              {QStringLiteral("milliseconds"), qint64(timer.elapsed())},
                              {QStringLiteral("features_ms"), update->featureMs},
                              {QStringLiteral("training_ms"), update->trainMs},
                              {QStringLiteral("scoring_ms"), update->scoreMs}});
        return Ok;
    }
    if (update->rebuilt)
        out() << Commands::tr("Rebuilt the ranking features.") << "\n";
    else if (update->vectorized > 0)
        out() << Commands::tr("Added the features of %n paper(s).", nullptr, update->vectorized)
              << "\n";
    out() << Commands::tr("Trained %n model(s)", nullptr, update->trained) << "; "
          << Commands::tr("%n model(s) in all.", nullptr, update->models) << "\n";
    if (update->removed > 0)
        out() << Commands::tr("Removed %n model(s) of tags with fewer than %1 papers.", nullptr,
                              update->removed)
                     .arg(Ranker::kMinPositives)
              << "\n";
    if (update->models == 0)
        out() << Commands::tr("No model yet: star or tag %1 papers on a subject.")
                     .arg(Ranker::kMinPositives)
              << "\n";
    return Ok;
}

} // namespace

int Commands::trainRanking(Invocation &in, Library &library)
{
    return runUpdate(in, library, false);
}

int Commands::rebuildRanking(Invocation &in, Library &library)
{
    return runUpdate(in, library, true);
}

int Commands::related(Invocation &in, Library &library)
{
    const auto id = Invocation::parseId(in.words().first());
    if (!id)
        return in.usageError(tr("related takes one paper ID"));
    int limit = 5;
    if (in.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        limit = in.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 0)
            return in.usageError(tr("--limit takes a number of papers"));
    }
    if (!library.paper(*id))
        return in.rejected(tr("there is no paper %1").arg(*id));
    Ranker ranker(library.database());
    const auto related = ranker.related(*id, limit);
    if (!related)
        return in.rejected(ranker.errorString());
    QList<qint64> ids;
    for (const RelatedPaper &r : *related)
        ids << r.id;
    const QList<Paper> papers = library.papers(ids);
    QHash<qint64, Paper> byId;
    for (const Paper &p : papers)
        byId.insert(p.id, p);
    if (in.json()) {
        QJsonArray list;
        for (const RelatedPaper &r : *related) {
            list.append(QJsonObject{{QStringLiteral("id"), r.id},
                                    {QStringLiteral("title"), byId.value(r.id).title},
                                    {QStringLiteral("similarity"), r.similarity}});
        }
        printJson(list);
        return Ok;
    }
    if (related->isEmpty()) {
        RankStore store(library.database());
        const auto state = store.state();
        out() << (state && !state->isBuilt()
                      ? tr("No ranking features yet: gleaner-cli rank train builds them.")
                      : tr("No related papers."))
              << "\n";
        return Ok;
    }
    for (const RelatedPaper &r : *related) {
        out() << qSetFieldWidth(7) << Qt::right << r.id << qSetFieldWidth(0) << "  "
              << QString::number(r.similarity, 'f', 2) << "  " << plainTitle(byId.value(r.id).title)
              << "\n";
    }
    return Ok;
}

int Commands::suggestTags(Invocation &in, Library &library)
{
    const auto id = Invocation::parseId(in.words().first());
    if (!id)
        return in.usageError(tr("suggest-tags takes one paper ID"));
    if (!library.paper(*id))
        return in.rejected(tr("there is no paper %1").arg(*id));
    Ranker ranker(library.database());
    const auto suggestions = ranker.suggestTags(*id);
    if (!suggestions)
        return in.rejected(ranker.errorString());
    if (in.json()) {
        QJsonArray list;
        for (const TagSuggestion &s : *suggestions) {
            list.append(QJsonObject{{QStringLiteral("tag"), s.tag},
                                    {QStringLiteral("score"), s.score},
                                    {QStringLiteral("why"), QJsonArray::fromStringList(s.words)}});
        }
        printJson(list);
        return Ok;
    }
    if (suggestions->isEmpty()) {
        out() << tr("No tag to suggest.") << "\n";
        return Ok;
    }
    for (const TagSuggestion &s : *suggestions) {
        out() << s.tag << "  " << QString::number(s.score, 'f', 2) << "  ("
              << s.words.join(QStringLiteral(", ")) << ")\n";
    }
    return Ok;
}

} // namespace gleaner::cli
