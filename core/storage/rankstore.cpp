#include "storage/rankstore.h"

#include "storage/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>

#include <algorithm>
#include <cstring>

namespace gleaner {

namespace {

QString idsJson(const QList<qint64> &ids)
{
    QJsonArray array;
    for (const qint64 id : ids)
        array.append(id);
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

// The indexes of a vector's largest values, at most `n`.
QList<quint32> strongestTerms(const SparseVector &vector, int n)
{
    std::vector<size_t> order(vector.indexes.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    const size_t keep = std::min(order.size(), size_t(n));
    std::partial_sort(
        order.begin(), order.begin() + qsizetype(keep), order.end(), [&](size_t a, size_t b) {
            return vector.values[a] != vector.values[b] ? vector.values[a] > vector.values[b]
                                                        : vector.indexes[a] < vector.indexes[b];
        });
    QList<quint32> terms;
    for (size_t i = 0; i < keep; ++i)
        terms << vector.indexes[order[i]];
    return terms;
}

} // namespace

QByteArray encodeWeights(const std::vector<float> &weights)
{
    QByteArray blob(qsizetype(weights.size() * 4), Qt::Uninitialized);
    for (size_t i = 0; i < weights.size(); ++i)
        qToLittleEndian(weights[i], blob.data() + i * 4);
    return blob;
}

std::vector<float> decodeWeights(const QByteArray &blob)
{
    std::vector<float> weights(size_t(blob.size() / 4));
    for (size_t i = 0; i < weights.size(); ++i)
        weights[i] = qFromLittleEndian<float>(blob.constData() + i * 4);
    return weights;
}

RankStore::RankStore(Database &db)
    : m_db(db)
{}

bool RankStore::fail(const QString &what)
{
    m_error = tr("%1: %2").arg(what, m_db.errorString());
    return false;
}

std::optional<RankState> RankStore::state()
{
    RankState state;
    Statement st =
        m_db.prepare("SELECT (SELECT documents FROM rank_state), (SELECT built FROM rank_state), "
                     "(SELECT count(*) FROM rank_terms), (SELECT count(*) FROM papers), (SELECT "
                     "count(*) FROM rank_vectors), (SELECT count(*) FROM rank_models)");
    if (!st.next()) {
        fail(tr("Could not read the ranking's state"));
        return std::nullopt;
    }
    state.documents = st.isNull(0) ? 0 : st.int64(0);
    if (!st.isNull(1))
        state.built = QDateTime::fromString(st.text(1), Qt::ISODate);
    state.terms = st.integer(2);
    state.papers = st.int64(3);
    state.vectors = st.int64(4);
    state.models = st.integer(5);
    return state;
}

std::optional<qint64> RankStore::vectorBytes()
{
    Statement st = m_db.prepare("SELECT coalesce(sum(length(vector)), 0) FROM rank_vectors");
    if (!st.next()) {
        fail(tr("Could not read the ranking's state"));
        return std::nullopt;
    }
    return st.int64(0);
}

std::optional<Vocabulary> RankStore::vocabulary()
{
    Statement docs = m_db.prepare("SELECT documents FROM rank_state");
    qint64 documents = 0;
    if (docs.next())
        documents = docs.int64(0);
    else if (!docs.ok()) {
        fail(tr("Could not read the ranking's vocabulary"));
        return std::nullopt;
    }
    QList<VocabularyTerm> terms;
    Statement st = m_db.prepare("SELECT id, term, df FROM rank_terms ORDER BY id");
    while (st.next()) {
        if (st.int64(0) != terms.size()) {
            m_error = tr("The ranking's vocabulary has a gap; rebuild it (gleaner-cli rank "
                         "rebuild).");
            return std::nullopt;
        }
        terms << VocabularyTerm{st.text(1), st.integer(2)};
    }
    if (!st.ok()) {
        fail(tr("Could not read the ranking's vocabulary"));
        return std::nullopt;
    }
    return Vocabulary(terms, documents);
}

bool RankStore::writeVector(qint64 paperId, const SparseVector &vector)
{
    auto insert =
        m_db.cached("INSERT OR REPLACE INTO rank_vectors(paper_id, vector) VALUES (?1, ?2)");
    if (!insert.bind(1, std::int64_t(paperId)).bind(2, encodeVector(vector)).run())
        return fail(tr("Could not store a paper's features"));
    for (const quint32 term : strongestTerms(vector, kTopTerms)) {
        auto top =
            m_db.cached("INSERT OR IGNORE INTO rank_top_terms(term, paper_id) VALUES (?1, ?2)");
        if (!top.bind(1, std::int64_t(term)).bind(2, std::int64_t(paperId)).run())
            return fail(tr("Could not store a paper's features"));
    }
    return true;
}

std::optional<RankStore::BuiltFeatures>
RankStore::buildFeatures(std::optional<FeatureSettings> settings,
                         const std::function<bool()> &cancelled)
{
    auto stop = [&] { return cancelled && cancelled(); };
    const char *const papersSql = "SELECT id, title, abstract FROM papers ORDER BY id";
    auto unreadable = [this]() -> std::optional<BuiltFeatures> {
        fail(tr("Could not read the papers to rank"));
        return std::nullopt;
    };
    VocabularyBuilder builder;
    {
        Statement st = m_db.prepare(papersSql);
        while (st.next()) {
            builder.count(st.text(1), st.text(2));
            if (stop())
                return std::nullopt;
        }
        if (!st.ok())
            return unreadable();
    }
    BuiltFeatures built;
    built.settings = settings ? *settings : FeatureSettings::forLibrary(builder.documents());
    built.documents = builder.documents();
    builder.choose(built.settings);
    {
        Statement st = m_db.prepare(papersSql);
        while (!builder.named() && st.next())
            builder.name(st.text(1), st.text(2));
        if (!st.ok())
            return unreadable();
    }
    built.vocabulary = builder.vocabulary();
    Statement st = m_db.prepare(papersSql);
    while (st.next()) {
        const SparseVector vector = built.vocabulary.vectorize(st.text(1), st.text(2));
        built.rows.append({st.int64(0), encodeVector(vector), strongestTerms(vector, kTopTerms)});
        if (stop())
            return std::nullopt;
    }
    if (!st.ok())
        return unreadable();
    return built;
}

bool RankStore::storeFeatures(const BuiltFeatures &built)
{
    if (!m_db.exec("DELETE FROM rank_scores; DELETE FROM rank_models; DELETE FROM rank_top_terms; "
                   "DELETE FROM rank_vectors; DELETE FROM rank_terms; DELETE FROM rank_state"))
        return fail(tr("Could not clear the old ranking features"));
    QJsonObject json{{QStringLiteral("maxFeatures"), built.settings.maxFeatures},
                     {QStringLiteral("minDf"), built.settings.minDf},
                     {QStringLiteral("maxDf"), built.settings.maxDf}};
    Statement state = m_db.prepare(
        "INSERT INTO rank_state(id, documents, built, settings) VALUES (1, ?1, ?2, ?3)");
    state.bind(1, std::int64_t(built.documents))
        .bind(2, isoTime(QDateTime::currentDateTimeUtc()))
        .bind(3, QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
    if (!state.run())
        return fail(tr("Could not store the ranking's vocabulary"));
    Statement term = m_db.prepare("INSERT INTO rank_terms(id, term, df) VALUES (?1, ?2, ?3)");
    for (int i = 0; i < built.vocabulary.size(); ++i) {
        term.reset();
        const VocabularyTerm &t = built.vocabulary.terms().at(i);
        if (!term.bind(1, i).bind(2, t.text).bind(3, t.df).run())
            return fail(tr("Could not store the ranking's vocabulary"));
    }
    // Only papers still in the library: one removed while the features were
    // being built has no row to refer to.
    Statement insert =
        m_db.prepare("INSERT OR REPLACE INTO rank_vectors(paper_id, vector) "
                     "SELECT ?1, ?2 WHERE EXISTS (SELECT 1 FROM papers WHERE id = ?1)");
    Statement top =
        m_db.prepare("INSERT OR IGNORE INTO rank_top_terms(term, paper_id) VALUES (?1, ?2)");
    for (const BuiltFeatures::Row &row : built.rows) {
        insert.reset();
        if (!insert.bind(1, std::int64_t(row.paperId)).bind(2, row.vector).run())
            return fail(tr("Could not store a paper's features"));
        if (m_db.changes() == 0)
            continue;
        for (const quint32 t : row.topTerms) {
            top.reset();
            if (!top.bind(1, std::int64_t(t)).bind(2, std::int64_t(row.paperId)).run())
                return fail(tr("Could not store a paper's features"));
        }
    }
    return true;
}

bool RankStore::rebuildFeatures(std::optional<FeatureSettings> settings,
                                const std::function<bool()> &cancelled)
{
    const std::optional<BuiltFeatures> built = buildFeatures(settings, cancelled);
    return built && storeFeatures(*built);
}

std::optional<QString> RankStore::builtStamp()
{
    auto st = m_db.cached("SELECT built FROM rank_state");
    if (st.next())
        return st.text(0);
    if (!st.ok()) {
        fail(tr("Could not read the ranking's state"));
        return std::nullopt;
    }
    return QString();
}

std::optional<int> RankStore::vectorizeMissing(const QList<qint64> &ids, const Vocabulary *given)
{
    std::optional<Vocabulary> read;
    if (!given) {
        read = this->vocabulary();
        if (!read)
            return std::nullopt;
        given = &*read;
    }
    const Vocabulary *vocabulary = given;
    if (vocabulary->isEmpty())
        return 0;
    Statement st = ids.isEmpty()
                       ? m_db.prepare("SELECT id, title, abstract FROM papers p WHERE NOT EXISTS "
                                      "(SELECT 1 FROM rank_vectors WHERE paper_id = p.id)")
                       : m_db.prepare("SELECT id, title, abstract FROM papers p WHERE id IN "
                                      "(SELECT value FROM json_each(?1)) AND NOT EXISTS (SELECT 1 "
                                      "FROM rank_vectors WHERE paper_id = p.id)");
    if (!ids.isEmpty())
        st.bind(1, idsJson(ids));
    QList<std::pair<qint64, SparseVector>> added;
    while (st.next())
        added.append({st.int64(0), vocabulary->vectorize(st.text(1), st.text(2))});
    if (!st.ok()) {
        fail(tr("Could not read the new papers' text"));
        return std::nullopt;
    }
    st = Statement();
    for (const auto &[id, vector] : added) {
        if (!writeVector(id, vector))
            return std::nullopt;
    }
    if (!scoreNew(added))
        return std::nullopt;
    return int(added.size());
}

bool RankStore::scoreNew(const QList<std::pair<qint64, SparseVector>> &vectors)
{
    if (vectors.isEmpty())
        return true;
    const std::optional<QList<RankModel>> models = this->models(true);
    if (!models)
        return false;
    if (models->isEmpty())
        return true;
    QList<Score> scores;
    for (const auto &[id, vector] : vectors) {
        Score best{id, -1, 0};
        for (const RankModel &model : *models) {
            const double p = RankModel::probability(vector.dot(model.weights) + model.bias);
            if (p > best.score)
                best = Score{id, p, model.id};
        }
        auto insert = m_db.cached(
            "INSERT OR REPLACE INTO rank_scores(paper_id, score, model_id) VALUES (?1, ?2, ?3)");
        if (!insert.bind(1, std::int64_t(id))
                 .bind(2, best.score)
                 .bind(3, std::int64_t(best.modelId))
                 .run())
            return fail(tr("Could not store the new papers' scores"));
    }
    return true;
}

std::optional<SparseVector> RankStore::vector(qint64 paperId)
{
    auto st = m_db.cached("SELECT vector FROM rank_vectors WHERE paper_id = ?1");
    st.bind(1, std::int64_t(paperId));
    if (st.next())
        return decodeVector(st.blob(0));
    if (!st.ok())
        fail(tr("Could not read a paper's features"));
    return std::nullopt;
}

bool RankStore::forEachVector(const std::function<bool(qint64, SparseVector)> &take)
{
    return forEachEncodedVector(
        [&take](qint64 id, QByteArrayView blob) { return take(id, decodeVector(blob)); });
}

bool RankStore::forEachEncodedVector(const std::function<bool(qint64, QByteArrayView)> &take)
{
    Statement st = m_db.prepare("SELECT paper_id, vector FROM rank_vectors ORDER BY paper_id");
    while (st.next()) {
        if (!take(st.int64(0), st.blobView(1)))
            return true;
    }
    return st.ok() || fail(tr("Could not read the papers' features"));
}

std::optional<QHash<qint64, SparseVector>> RankStore::vectors(const QList<qint64> &ids)
{
    QHash<qint64, SparseVector> out;
    Statement st = m_db.prepare("SELECT paper_id, vector FROM rank_vectors WHERE paper_id IN "
                                "(SELECT value FROM json_each(?1))");
    st.bind(1, idsJson(ids));
    while (st.next())
        out.insert(st.int64(0), decodeVector(st.blob(1)));
    if (!st.ok()) {
        fail(tr("Could not read the papers' features"));
        return std::nullopt;
    }
    return out;
}

std::optional<QList<qint64>> RankStore::candidates(const QList<quint32> &terms, qint64 paperId,
                                                   int limit)
{
    QList<qint64> termIds;
    for (const quint32 t : terms)
        termIds << qint64(t);
    Statement st = m_db.prepare(
        "SELECT t.paper_id FROM rank_top_terms t JOIN rank_vectors v ON v.paper_id = t.paper_id "
        "WHERE t.term IN (SELECT value FROM json_each(?1)) AND t.paper_id <> ?2 AND t.paper_id "
        "NOT IN (SELECT id FROM papers INDEXED BY papers_dismissed WHERE dismissed) GROUP BY "
        "t.paper_id ORDER BY count(*) DESC, t.paper_id DESC LIMIT ?3");
    st.bind(1, idsJson(termIds)).bind(2, std::int64_t(paperId)).bind(3, limit);
    QList<qint64> ids;
    while (st.next())
        ids << st.int64(0);
    if (!st.ok()) {
        fail(tr("Could not look for related papers"));
        return std::nullopt;
    }
    return ids;
}

std::optional<bool> RankStore::hasTrainableLabels()
{
    Statement st = m_db.prepare(
        "SELECT (SELECT count(*) FROM (SELECT 1 FROM papers INDEXED BY papers_starred WHERE "
        "starred LIMIT ?1)) >= ?1 OR EXISTS (SELECT 1 FROM paper_tags GROUP BY tag_id HAVING "
        "count(*) >= ?1)");
    st.bind(1, kMinPositives);
    if (!st.next()) {
        fail(tr("Could not read the papers' stars and tags"));
        return std::nullopt;
    }
    return st.integer(0) != 0;
}

std::optional<RankLabels> RankStore::starLabels()
{
    RankLabels labels;
    Statement st = m_db.prepare("SELECT id FROM papers WHERE starred ORDER BY id");
    while (st.next())
        labels.positives << st.int64(0);
    Statement no =
        m_db.prepare("SELECT id FROM papers WHERE dismissed AND NOT starred ORDER BY id");
    while (no.next())
        labels.dismissed << no.int64(0);
    if (!st.ok() || !no.ok()) {
        fail(tr("Could not read the starred papers"));
        return std::nullopt;
    }
    return labels;
}

std::optional<RankLabels> RankStore::tagLabels(qint64 tagId)
{
    RankLabels labels;
    Statement st =
        m_db.prepare("SELECT paper_id FROM paper_tags WHERE tag_id = ?1 ORDER BY paper_id");
    st.bind(1, std::int64_t(tagId));
    while (st.next())
        labels.positives << st.int64(0);
    Statement no =
        m_db.prepare("SELECT id FROM papers p WHERE dismissed AND NOT EXISTS (SELECT 1 "
                     "FROM paper_tags WHERE paper_id = p.id AND tag_id = ?1) ORDER BY id");
    no.bind(1, std::int64_t(tagId));
    while (no.next())
        labels.dismissed << no.int64(0);
    if (!st.ok() || !no.ok()) {
        fail(tr("Could not read a tag's papers"));
        return std::nullopt;
    }
    return labels;
}

std::optional<QList<qint64>> RankStore::tagIdsOf(qint64 paperId)
{
    QList<qint64> ids;
    auto st = m_db.cached("SELECT tag_id FROM paper_tags WHERE paper_id = ?1");
    st.bind(1, std::int64_t(paperId));
    while (st.next())
        ids << st.int64(0);
    if (!st.ok()) {
        fail(tr("Could not read a paper's tags"));
        return std::nullopt;
    }
    return ids;
}

std::optional<QList<std::pair<qint64, QString>>> RankStore::trainableTags(int minPapers)
{
    QList<std::pair<qint64, QString>> tags;
    Statement st = m_db.prepare("SELECT t.id, t.name FROM tags t JOIN paper_tags pt ON pt.tag_id = "
                                "t.id GROUP BY t.id HAVING count(*) >= ?1 ORDER BY t.name");
    st.bind(1, minPapers);
    while (st.next())
        tags.append({st.int64(0), st.text(1)});
    if (!st.ok()) {
        fail(tr("Could not read the tags"));
        return std::nullopt;
    }
    return tags;
}

std::optional<QList<RankModel>> RankStore::models(bool withWeights)
{
    QList<RankModel> models;
    Statement st = m_db.prepare(
        withWeights ? "SELECT m.id, m.tag_id, t.name, m.trained, m.positives, m.dismissed, "
                      "m.unlabelled, m.labels_hash, m.bias, m.weights FROM rank_models m LEFT "
                      "JOIN tags t ON t.id = m.tag_id ORDER BY m.tag_id IS NOT NULL, t.name"
                    : "SELECT m.id, m.tag_id, t.name, m.trained, m.positives, m.dismissed, "
                      "m.unlabelled, m.labels_hash, m.bias FROM rank_models m LEFT JOIN tags t "
                      "ON t.id = m.tag_id ORDER BY m.tag_id IS NOT NULL, t.name");
    while (st.next()) {
        RankModel model;
        model.id = st.int64(0);
        if (!st.isNull(1)) {
            model.tagId = st.int64(1);
            model.tagName = st.text(2);
        }
        model.trained = QDateTime::fromString(st.text(3), Qt::ISODate);
        model.positives = st.integer(4);
        model.dismissed = st.integer(5);
        model.unlabelled = st.integer(6);
        model.labelsHash = st.int64(7);
        model.bias = st.real(8);
        if (withWeights)
            model.weights = decodeWeights(st.blob(9));
        models << model;
    }
    if (!st.ok()) {
        fail(tr("Could not read the ranking models"));
        return std::nullopt;
    }
    return models;
}

std::optional<qint64> RankStore::saveModel(const RankModel &model)
{
    Statement st = m_db.prepare(
        "INSERT INTO rank_models(tag_id, trained, positives, dismissed, unlabelled, labels_hash, "
        "bias, weights) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(coalesce(tag_id, 0)) "
        "DO UPDATE SET trained = excluded.trained, positives = excluded.positives, dismissed = "
        "excluded.dismissed, unlabelled = excluded.unlabelled, labels_hash = "
        "excluded.labels_hash, bias = excluded.bias, weights = excluded.weights RETURNING id");
    st.bind(1, model.tagId ? std::optional<std::int64_t>(*model.tagId) : std::nullopt)
        .bind(2, isoTime(model.trained))
        .bind(3, model.positives)
        .bind(4, model.dismissed)
        .bind(5, model.unlabelled)
        .bind(6, std::int64_t(model.labelsHash))
        .bind(7, model.bias)
        .bind(8, encodeWeights(model.weights));
    if (!st.next()) {
        fail(tr("Could not store a ranking model"));
        return std::nullopt;
    }
    const qint64 id = st.int64(0);
    if (!st.run()) {
        fail(tr("Could not store a ranking model"));
        return std::nullopt;
    }
    return id;
}

bool RankStore::removeModelsExcept(const QList<qint64> &keep)
{
    Statement st =
        m_db.prepare("DELETE FROM rank_models WHERE id NOT IN (SELECT value FROM json_each(?1))");
    st.bind(1, idsJson(keep));
    return st.run() || fail(tr("Could not remove an old ranking model"));
}

bool RankStore::replaceScores(const QList<Score> &scores)
{
    if (!m_db.exec("DELETE FROM rank_scores"))
        return fail(tr("Could not store the papers' scores"));
    Statement st =
        m_db.prepare("INSERT INTO rank_scores(paper_id, score, model_id) VALUES (?1, ?2, ?3)");
    for (const Score &score : scores) {
        st.reset();
        if (!st.bind(1, std::int64_t(score.paperId))
                 .bind(2, score.score)
                 .bind(3, std::int64_t(score.modelId))
                 .run())
            return fail(tr("Could not store the papers' scores"));
    }
    return true;
}

std::optional<RankStore::Score> RankStore::score(qint64 paperId)
{
    auto st = m_db.cached("SELECT score, model_id FROM rank_scores WHERE paper_id = ?1");
    st.bind(1, std::int64_t(paperId));
    if (st.next())
        return Score{paperId, st.real(0), st.int64(1)};
    if (!st.ok())
        fail(tr("Could not read a paper's score"));
    return std::nullopt;
}

} // namespace gleaner
