// The "For you" tables (schema version 9): the vocabulary, the papers'
// vectors and strongest terms, the models and the papers' scores. The one
// place that reads and writes them; rank/ranker.h trains and explains on
// top of it. Works on any connection and inside the caller's transaction
// (an import's: its new papers get vectors and scores before it commits).
//
// All of it is derived from the papers and the reader data: rebuilding the
// features drops the models and scores, and training writes them again.
#pragma once

#include "model/rankmodel.h"
#include "model/textfeatures.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace gleaner {

class Database;

struct RankState
{
    qint64 documents = 0; // papers the vocabulary was counted over; 0: never built
    QDateTime built;      // when
    int terms = 0;        // vocabulary size
    qint64 papers = 0;    // papers in the library now
    qint64 vectors = 0;   // papers with a vector row
    int models = 0;

    bool isBuilt() const { return documents > 0; }
    // The library has doubled since the vocabulary was counted: its idf
    // values, and which terms are in it, no longer describe the library.
    bool wantsRebuild() const { return !isBuilt() ? papers > 0 : papers >= 2 * documents; }
};

// Labels a model learns from.
struct RankLabels
{
    QList<qint64> positives; // ascending ids
    QList<qint64> dismissed; // ascending ids, positives left out
};

class RankStore final
{
    Q_DECLARE_TR_FUNCTIONS(RankStore)

public:
    explicit RankStore(Database &db);

    // Terms of each paper kept for related papers (rank_top_terms).
    static constexpr int kTopTerms = 8;
    // A tag (or the stars) trains a model from this many papers on.
    static constexpr int kMinPositives = 3;

    // Whether the stars, or some tag, have kMinPositives papers: a model
    // could be trained now (nullopt when the database fails).
    std::optional<bool> hasTrainableLabels();

    std::optional<RankState> state();
    std::optional<Vocabulary> vocabulary();
    // The bytes of every vector (blobs only): reads them all, for reports.
    std::optional<qint64> vectorBytes();

    // A vocabulary chosen from every paper's terms and every paper's vector
    // against it, in memory, as stored (about 600 bytes a paper).
    struct BuiltFeatures
    {
        FeatureSettings settings;
        int documents = 0;
        Vocabulary vocabulary;
        struct Row
        {
            qint64 paperId = 0;
            QByteArray vector;       // encodeVector()
            QList<quint32> topTerms; // for rank_top_terms
        };
        QList<Row> rows;
    };
    // Counts every paper's terms, chooses the vocabulary with `settings`
    // (FeatureSettings::forLibrary() of the library's size when unset), and
    // computes every paper's vector. Only reads: the slow part of a rebuild
    // (tens of seconds at 100k papers) holds no lock a writer would wait on.
    // `cancelled` is polled between papers; nullopt when it said so or the
    // papers could not be read.
    std::optional<BuiltFeatures> buildFeatures(std::optional<FeatureSettings> settings,
                                               const std::function<bool()> &cancelled = {});
    // Replaces the features with `built`; models and scores are dropped,
    // since their weights belong to the old vocabulary. A paper removed
    // since `built` was made is passed over; one added since has no vector
    // (vectorizeMissing() gives it one). In the caller's transaction.
    [[nodiscard]] bool storeFeatures(const BuiltFeatures &built);
    // Both, in the caller's transaction.
    [[nodiscard]] bool rebuildFeatures(std::optional<FeatureSettings> settings = std::nullopt,
                                       const std::function<bool()> &cancelled = {});
    // Vectors for the papers that have none, against the vocabulary as it is
    // (nothing when there is none yet), scored with the models there are.
    // The import's step for its new papers; `ids` empty: every paper missing
    // one. The number of papers given a vector.
    // `vocabulary`: the library's, when the caller keeps it (an import of
    // many sources reads it once); else it is read here.
    [[nodiscard]] std::optional<int> vectorizeMissing(const QList<qint64> &ids = {},
                                                      const Vocabulary *vocabulary = nullptr);
    // When the vocabulary was built (empty: never), to tell whether a kept
    // copy is still the library's.
    std::optional<QString> builtStamp();

    std::optional<SparseVector> vector(qint64 paperId);
    // Every vector, in id order; `take` returns false to stop.
    [[nodiscard]] bool forEachVector(const std::function<bool(qint64, SparseVector)> &take);
    // The same, as stored (encodeVector()), the view valid during the call
    // only: for a pass that decodes few of them, or none (dotEncoded()).
    [[nodiscard]] bool
    forEachEncodedVector(const std::function<bool(qint64, QByteArrayView)> &take);
    std::optional<QHash<qint64, SparseVector>> vectors(const QList<qint64> &ids);
    // Papers sharing most of the given terms in their own strongest terms,
    // best first, up to `limit`, `paperId` itself and "Not interested"
    // papers left out.
    std::optional<QList<qint64>> candidates(const QList<quint32> &terms, qint64 paperId, int limit);

    // The label sets: the starred papers, or a tag's.
    std::optional<RankLabels> starLabels();
    std::optional<RankLabels> tagLabels(qint64 tagId);
    // The ids of a paper's tags.
    std::optional<QList<qint64>> tagIdsOf(qint64 paperId);
    // Tags with at least `minPapers` papers: id and name.
    std::optional<QList<std::pair<qint64, QString>>> trainableTags(int minPapers);

    // Models, with their weights or without (listing).
    std::optional<QList<RankModel>> models(bool withWeights = true);
    // Adds or replaces the model of its tag (or the stars); its id.
    [[nodiscard]] std::optional<qint64> saveModel(const RankModel &model);
    // Removes the models not in `keep` (tags that fell under the minimum,
    // unstarred libraries).
    [[nodiscard]] bool removeModelsExcept(const QList<qint64> &keep);

    // Replaces every score: each paper's best model and its probability.
    struct Score
    {
        qint64 paperId = 0;
        double score = 0;
        qint64 modelId = 0;
    };
    [[nodiscard]] bool replaceScores(const QList<Score> &scores);
    std::optional<Score> score(qint64 paperId);

    QString errorString() const { return m_error; }

private:
    bool fail(const QString &what);
    bool writeVector(qint64 paperId, const SparseVector &vector);
    bool scoreNew(const QList<std::pair<qint64, SparseVector>> &vectors);

    Database &m_db;
    QString m_error;
};

// The weights of a model as stored: float32 each, little-endian.
QByteArray encodeWeights(const std::vector<float> &weights);
std::vector<float> decodeWeights(const QByteArray &blob);

} // namespace gleaner
