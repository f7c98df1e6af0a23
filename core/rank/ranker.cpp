#include "rank/ranker.h"

#include "logging.h"
#include "storage/database.h"
#include "storage/rankstore.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <linear.h>
#include <memory>

namespace gleaner {

namespace {

void quiet(const char *) {}

// FNV-1a over the ids of both label sets and the vocabulary's build time: a
// model trained on other labels, or on another vocabulary, is stale.
qint64 labelsHash(const RankLabels &labels, const RankState &state)
{
    quint64 h = 0xcbf29ce484222325ULL;
    auto mix = [&h](quint64 v) {
        for (int i = 0; i < 8; ++i) {
            h ^= (v >> (8 * i)) & 0xff;
            h *= 0x100000001b3ULL;
        }
    };
    for (const qint64 id : labels.positives)
        mix(quint64(id));
    mix(~0ULL);
    for (const qint64 id : labels.dismissed)
        mix(quint64(id));
    mix(quint64(state.built.toMSecsSinceEpoch()));
    mix(quint64(state.documents));
    return qint64(h & 0x7fffffffffffffffULL);
}

// One model to train: whose, and from what.
struct Job
{
    std::optional<qint64> tagId;
    QString tagName;
    RankLabels labels;
    qint64 hash = 0;
    std::optional<qint64> existing; // the model it replaces
};

// A vector as liblinear reads it: 1-based indexes, then the bias feature,
// then the end marker.
std::vector<feature_node> liblinearRow(const SparseVector &vector, int features)
{
    std::vector<feature_node> row;
    row.reserve(vector.indexes.size() + 2);
    for (size_t i = 0; i < vector.indexes.size(); ++i)
        row.push_back({int(vector.indexes[i]) + 1, double(vector.values[i])});
    row.push_back({features + 1, 1.0});
    row.push_back({-1, 0.0});
    return row;
}

} // namespace

Ranker::Ranker(Database &db)
    : m_db(db)
{}

bool Ranker::fail(const QString &why)
{
    m_error = why;
    qCDebug(lcDatabase) << "ranking:" << why;
    return false;
}

std::optional<bool> Ranker::isStale()
{
    const std::optional<QStringList> reasons = staleReasons();
    if (!reasons)
        return std::nullopt;
    return !reasons->isEmpty();
}

std::optional<QStringList> Ranker::staleReasons()
{
    RankStore store(m_db);
    const std::optional<RankState> state = store.state();
    if (!state) {
        fail(store.errorString());
        return std::nullopt;
    }
    if (state->papers == 0)
        return QStringList();
    if (state->wantsRebuild())
        return QStringList{state->isBuilt()
                               ? tr("the library has doubled since its vocabulary was built")
                               : tr("no ranking features yet")};
    if (state->vectors < state->papers)
        return QStringList{tr("%n paper(s) without ranking features", nullptr,
                              int(state->papers - state->vectors))};
    const auto models = store.models(false);
    const auto tags = store.trainableTags(kMinPositives);
    const auto stars = store.starLabels();
    if (!models || !tags || !stars) {
        fail(store.errorString());
        return std::nullopt;
    }
    QHash<qint64, qint64> hashes; // tag id (0: stars) -> model's labels hash
    for (const RankModel &m : *models)
        hashes.insert(m.tagId.value_or(0), m.labelsHash);
    QStringList reasons;
    QSet<qint64> wanted;
    if (stars->positives.size() >= kMinPositives) {
        wanted.insert(0);
        if (!hashes.contains(0))
            reasons << tr("the stars have no model yet");
        else if (hashes.value(0) != labelsHash(*stars, *state))
            reasons << tr("the stars changed since their model was trained");
    }
    for (const auto &[id, name] : *tags) {
        wanted.insert(id);
        const std::optional<RankLabels> labels = store.tagLabels(id);
        if (!labels) {
            fail(store.errorString());
            return std::nullopt;
        }
        if (!hashes.contains(id))
            reasons << tr("tag %1 has no model yet").arg(name);
        else if (hashes.value(id) != labelsHash(*labels, *state))
            reasons << tr("tag %1 changed since its model was trained").arg(name);
    }
    for (const RankModel &m : *models) {
        if (!wanted.contains(m.tagId.value_or(0)))
            reasons << (m.tagId ? tr("tag %1 has fewer than %2 papers for its model")
                                      .arg(m.tagName)
                                      .arg(kMinPositives)
                                : tr("fewer than %1 stars for the star model").arg(kMinPositives));
    }
    return reasons;
}

std::optional<Ranker::Update> Ranker::update(bool rebuild, bool retrain,
                                             const std::function<bool()> &cancelled)
{
    auto stop = [&] { return cancelled && cancelled(); };
    m_error.clear();
    Update update;
    RankStore store(m_db);
    auto failed = [&](const QString &why) -> std::optional<Update> {
        fail(why.isEmpty() ? tr("The ranking was cancelled.") : why);
        return std::nullopt;
    };
    auto databaseFailed = [&] {
        return failed(tr("Could not update the ranking: %1").arg(m_db.errorString()));
    };
    QElapsedTimer timer;
    timer.start();

    // The window writes a star or a note on its own connection while this
    // runs: the slow parts (counting a vocabulary, training) only read, and
    // each write is a short transaction of its own, so no writer waits
    // seconds on this one.
    std::optional<RankState> state = store.state();
    if (!state)
        return failed(store.errorString());
    std::optional<RankStore::BuiltFeatures> built;
    if (rebuild || state->wantsRebuild()) {
        built = store.buildFeatures(std::nullopt, cancelled);
        if (!built)
            return failed(stop() ? QString() : store.errorString());
        update.rebuilt = true;
        retrain = true;
    }
    {
        Transaction tx(m_db);
        if (!tx.isActive())
            return databaseFailed();
        if (built && !store.storeFeatures(*built))
            return failed(store.errorString());
        built.reset();
        // New papers' vectors (those imported while a rebuild counted, too).
        const std::optional<int> added = store.vectorizeMissing();
        if (!added)
            return failed(store.errorString());
        update.vectorized = update.rebuilt ? 0 : *added;
        if (!tx.commit())
            return databaseFailed();
    }
    state = store.state();
    if (!state)
        return failed(store.errorString());
    if (stop())
        return failed(QString());
    update.featureMs = timer.restart();

    // What should have a model, and which of those are stale.
    const auto models = store.models(false);
    const auto tags = store.trainableTags(kMinPositives);
    const auto stars = store.starLabels();
    if (!models || !tags || !stars)
        return failed(store.errorString());
    QHash<qint64, const RankModel *> byTag;
    for (const RankModel &m : *models)
        byTag.insert(m.tagId.value_or(0), &m);
    QList<Job> jobs;
    QList<qint64> keep;
    auto consider = [&](std::optional<qint64> tagId, const QString &name, RankLabels labels) {
        Job job{tagId, name, std::move(labels), 0, std::nullopt};
        job.hash = labelsHash(job.labels, *state);
        const RankModel *existing = byTag.value(tagId.value_or(0));
        if (existing) {
            job.existing = existing->id;
            keep << existing->id;
            if (!retrain && existing->labelsHash == job.hash)
                return;
        }
        jobs << job;
    };
    if (stars->positives.size() >= kMinPositives)
        consider(std::nullopt, QString(), *stars);
    for (const auto &[id, name] : *tags) {
        std::optional<RankLabels> labels = store.tagLabels(id);
        if (!labels)
            return failed(store.errorString());
        consider(id, name, std::move(*labels));
    }
    update.removed = int(models->size()) - int(keep.size());
    QList<RankModel> trainedModels;

    if (!jobs.isEmpty()) {
        const std::optional<Vocabulary> vocabulary = store.vocabulary();
        if (!vocabulary)
            return failed(store.errorString());
        const int features = vocabulary->size();
        // The rows any model needs: its labels, and the unlabelled sample
        // (every k-th paper in id order, so the same library gives the same
        // sample).
        QSet<qint64> labelled;
        for (const Job &job : std::as_const(jobs)) {
            for (const qint64 id : job.labels.positives)
                labelled.insert(id);
            for (const qint64 id : job.labels.dismissed)
                labelled.insert(id);
        }
        const qint64 every = qMax<qint64>(1, (state->vectors + m_settings.maxUnlabelled - 1) /
                                                 qMax(1, m_settings.maxUnlabelled));
        QHash<qint64, std::vector<feature_node>> rows;
        QList<qint64> sample;
        qint64 position = 0;
        const bool read = store.forEachEncodedVector([&](qint64 id, QByteArrayView blob) {
            const bool sampled = position++ % every == 0;
            if (blob.isEmpty() || (!sampled && !labelled.contains(id)))
                return true;
            const SparseVector vector = decodeVector(blob);
            if (vector.isEmpty())
                return true;
            rows.insert(id, liblinearRow(vector, features));
            if (sampled)
                sample << id;
            return !stop();
        });
        if (!read)
            return failed(store.errorString());
        if (stop())
            return failed(QString());

        set_print_string_function(quiet);
        const int repeat = qMax(1, int(std::lround(1.0 / m_settings.unlabelledWeight)));
        for (const Job &job : std::as_const(jobs)) {
            std::vector<double> y;
            std::vector<feature_node *> x;
            const QSet<qint64> positives(job.labels.positives.cbegin(),
                                         job.labels.positives.cend());
            const QSet<qint64> dismissed(job.labels.dismissed.cbegin(),
                                         job.labels.dismissed.cend());
            int nPositive = 0;
            int nDismissed = 0;
            int nUnlabelled = 0;
            for (const qint64 id : job.labels.positives) {
                auto it = rows.find(id);
                if (it == rows.end())
                    continue;
                y.push_back(+1);
                x.push_back(it->data());
                ++nPositive;
            }
            for (const qint64 id : job.labels.dismissed) {
                auto it = rows.find(id);
                if (it == rows.end())
                    continue;
                for (int r = 0; r < repeat; ++r) {
                    y.push_back(-1);
                    x.push_back(it->data());
                }
                ++nDismissed;
            }
            for (const qint64 id : std::as_const(sample)) {
                if (positives.contains(id) || dismissed.contains(id))
                    continue;
                y.push_back(-1);
                x.push_back(rows[id].data());
                ++nUnlabelled;
            }
            const int negatives = nDismissed * repeat + nUnlabelled;
            if (nPositive == 0 || negatives == 0)
                continue; // the positives have no terms, or nothing else does
            problem prob{};
            prob.l = int(y.size());
            prob.n = features + 1;
            prob.y = y.data();
            prob.x = x.data();
            prob.bias = 1;
            int labels[] = {+1, -1};
            double weights[] = {double(negatives) / nPositive, 1.0};
            parameter param{};
            param.solver_type = L2R_LR;
            param.eps = m_settings.epsilon;
            param.C = m_settings.c;
            param.nr_weight = 2;
            param.weight_label = labels;
            param.weight = weights;
            if (const char *bad = check_parameter(&prob, &param))
                return failed(
                    tr("Could not train a ranking model: %1").arg(QString::fromUtf8(bad)));
            model *trained = train(&prob, &param);
            if (!trained)
                return failed(tr("Could not train a ranking model."));
            // w belongs to label[0]: the first label liblinear met, +1 here,
            // but read it rather than assume.
            const double sign = trained->label[0] == +1 ? 1.0 : -1.0;
            RankModel model;
            model.tagId = job.tagId;
            model.tagName = job.tagName;
            model.trained = QDateTime::currentDateTimeUtc();
            model.positives = nPositive;
            model.dismissed = nDismissed;
            model.unlabelled = nUnlabelled;
            model.labelsHash = job.hash;
            model.weights.resize(size_t(features));
            for (int i = 0; i < features; ++i)
                model.weights[size_t(i)] = float(sign * trained->w[i]);
            model.bias = sign * trained->w[features];
            free_and_destroy_model(&trained);
            // Trained against every unlabelled paper, the model learns that
            // the rest of its subject are negatives too, so its probability
            // for them is low (0.2 where its positives have 0.9), whatever
            // their rank. The decision is shifted to put 0.5 where a paper
            // stands out from the unlabelled ones: three (robust) standard
            // deviations above their median log-odds, no higher than the
            // positives' mean.
            // Then 0.5 means the same for every model, which is what the max
            // over models compares and what a suggestion needs.
            auto decision = [&](const feature_node *row) {
                double sum = 0;
                for (; row->index > 0 && row->index <= features; ++row)
                    sum += double(model.weights[size_t(row->index - 1)]) * row->value;
                return sum + model.bias;
            };
            double positiveMean = 0;
            for (size_t i = 0; i < y.size(); ++i) {
                if (y[i] > 0)
                    positiveMean += decision(x[i]);
            }
            positiveMean /= nPositive;
            std::vector<double> background;
            background.reserve(size_t(nUnlabelled));
            for (const qint64 id : std::as_const(sample)) {
                if (!positives.contains(id) && !dismissed.contains(id))
                    background.push_back(decision(rows[id].data()));
            }
            double threshold = positiveMean;
            if (background.size() > 1) {
                // Median and median absolute deviation: the rest of the
                // subject, a minority of the unlabelled, must not widen the
                // spread it is measured against.
                auto median = [](std::vector<double> v) {
                    const auto mid = v.begin() + qsizetype(v.size() / 2);
                    std::nth_element(v.begin(), mid, v.end());
                    return *mid;
                };
                const double centre = median(background);
                std::vector<double> deviations;
                deviations.reserve(background.size());
                for (const double d : background)
                    deviations.push_back(std::abs(d - centre));
                const double spread = 1.4826 * median(deviations);
                threshold = qMin(positiveMean, centre + 3 * spread);
            }
            model.bias -= threshold;
            trainedModels << model;
            ++update.trained;
            if (stop())
                return failed(QString());
        }
    }

    update.trainMs = timer.restart();
    Transaction tx(m_db);
    if (!tx.isActive())
        return databaseFailed();
    if (!store.removeModelsExcept(keep))
        return failed(store.errorString());
    for (const RankModel &model : std::as_const(trainedModels)) {
        if (!store.saveModel(model))
            return failed(store.errorString());
    }
    const auto now = store.models(true);
    if (!now)
        return failed(store.errorString());
    update.models = int(now->size());
    if (update.trained > 0 || update.removed > 0 || update.rebuilt) {
        QList<RankStore::Score> scores;
        if (!now->isEmpty()) {
            scores.reserve(state->vectors);
            const bool read = store.forEachEncodedVector([&](qint64 id, QByteArrayView vector) {
                RankStore::Score best{id, -1, 0};
                for (const RankModel &model : *now) {
                    const double p =
                        RankModel::probability(dotEncoded(vector, model.weights) + model.bias);
                    if (p > best.score)
                        best = {id, p, model.id};
                }
                scores << best;
                return true;
            });
            if (!read)
                return failed(store.errorString());
        }
        if (!store.replaceScores(scores))
            return failed(store.errorString());
        update.scored = true;
    }
    update.scoreMs = timer.elapsed();
    if (!tx.commit())
        return databaseFailed();
    return update;
}

QStringList Ranker::why(const SparseVector &vector, const RankModel &model,
                        const Vocabulary &vocabulary, int count)
{
    std::vector<std::pair<double, quint32>> parts;
    for (size_t i = 0; i < vector.indexes.size(); ++i) {
        const quint32 index = vector.indexes[i];
        if (index >= model.weights.size() || int(index) >= vocabulary.size())
            continue;
        const double part = double(model.weights[index]) * double(vector.values[i]);
        if (part > 0)
            parts.emplace_back(part, index);
    }
    std::sort(parts.begin(), parts.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    // A term whose every word an earlier one has says nothing new:
    // "reinforcement" after "reinforcement learning", "rl training" after
    // "rl" and "training".
    QStringList words;
    QSet<QStringView> said;
    for (size_t i = 0; i < parts.size() && words.size() < count; ++i) {
        const QString &term = vocabulary.text(parts[i].second);
        const QList<QStringView> termWords = QStringView(term).split(u' ', Qt::SkipEmptyParts);
        if (std::all_of(termWords.cbegin(), termWords.cend(),
                        [&](QStringView w) { return said.contains(w); }))
            continue;
        said.unite(QSet<QStringView>(termWords.cbegin(), termWords.cend()));
        words << term;
    }
    return words;
}

std::optional<RankExplanation> Ranker::explain(qint64 paperId)
{
    const auto all = explain(QList<qint64>{paperId});
    if (!all || !all->contains(paperId))
        return std::nullopt;
    return all->value(paperId);
}

std::optional<QHash<qint64, RankExplanation>> Ranker::explain(const QList<qint64> &paperIds)
{
    m_error.clear();
    RankStore store(m_db);
    QHash<qint64, RankExplanation> explanations;
    const auto models = store.models(true);
    if (!models) {
        fail(store.errorString());
        return std::nullopt;
    }
    if (models->isEmpty() || paperIds.isEmpty())
        return explanations;
    const auto vocabulary = store.vocabulary();
    const auto vectors = store.vectors(paperIds);
    if (!vocabulary || !vectors) {
        fail(store.errorString());
        return std::nullopt;
    }
    for (auto it = vectors->cbegin(); it != vectors->cend(); ++it) {
        const RankModel *best = nullptr;
        double bestScore = -1;
        for (const RankModel &model : *models) {
            const double p = RankModel::probability(it->dot(model.weights) + model.bias);
            if (p > bestScore) {
                bestScore = p;
                best = &model;
            }
        }
        RankExplanation explanation;
        explanation.score = bestScore;
        explanation.tagId = best->tagId;
        explanation.tagName = best->tagName;
        explanation.words = why(*it, *best, *vocabulary);
        explanations.insert(it.key(), explanation);
    }
    return explanations;
}

std::optional<QList<RelatedPaper>> Ranker::related(qint64 paperId, int limit)
{
    RankStore store(m_db);
    const std::optional<SparseVector> vector = store.vector(paperId);
    if (!vector) {
        if (!store.errorString().isEmpty()) {
            fail(store.errorString());
            return std::nullopt;
        }
        return QList<RelatedPaper>();
    }
    // The candidates share the paper's strongest terms among their own
    // strongest; the exact cosine ranks them.
    std::vector<size_t> order(vector->indexes.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return vector->values[a] > vector->values[b]; });
    QList<quint32> terms;
    for (size_t i = 0; i < order.size() && terms.size() < 2 * RankStore::kTopTerms; ++i)
        terms << vector->indexes[order[i]];
    const auto candidates = store.candidates(terms, paperId, 400);
    if (!candidates) {
        fail(store.errorString());
        return std::nullopt;
    }
    const auto vectors = store.vectors(*candidates);
    if (!vectors) {
        fail(store.errorString());
        return std::nullopt;
    }
    QList<RelatedPaper> related;
    for (auto it = vectors->cbegin(); it != vectors->cend(); ++it) {
        const double similarity = vector->dot(it.value());
        if (similarity > 0)
            related << RelatedPaper{it.key(), similarity};
    }
    std::sort(related.begin(), related.end(), [](const RelatedPaper &a, const RelatedPaper &b) {
        return a.similarity != b.similarity ? a.similarity > b.similarity : a.id > b.id;
    });
    if (related.size() > limit)
        related.resize(qMax(0, limit));
    return related;
}

std::optional<QList<TagSuggestion>> Ranker::suggestTags(qint64 paperId, double threshold)
{
    RankStore store(m_db);
    const std::optional<SparseVector> vector = store.vector(paperId);
    if (!vector) {
        if (!store.errorString().isEmpty()) {
            fail(store.errorString());
            return std::nullopt;
        }
        return QList<TagSuggestion>();
    }
    const auto models = store.models(true);
    const auto vocabulary = store.vocabulary();
    const auto has = store.tagIdsOf(paperId);
    if (!models || !vocabulary || !has) {
        fail(store.errorString());
        return std::nullopt;
    }
    QList<TagSuggestion> suggestions;
    for (const RankModel &model : *models) {
        if (!model.tagId || has->contains(*model.tagId))
            continue;
        const double p = RankModel::probability(vector->dot(model.weights) + model.bias);
        if (p >= threshold)
            suggestions << TagSuggestion{model.tagName, p, why(*vector, model, *vocabulary, 3)};
    }
    std::sort(suggestions.begin(), suggestions.end(),
              [](const TagSuggestion &a, const TagSuggestion &b) { return a.score > b.score; });
    if (suggestions.size() > 3)
        suggestions.resize(3);
    return suggestions;
}

} // namespace gleaner
