// "For you": trains one L2-regularised logistic regression (liblinear's
// L2R_LR, the primal trust-region Newton solver) per tag with at least
// kMinPositives papers and one for the stars, over the tf-idf features of
// model/textfeatures.h, and writes every paper's best probability for the
// "For you" order (SortOrder::ForYou). Explains a score by the paper's terms
// with the largest weight * value, finds related papers by cosine over the
// same vectors, and suggests the tags whose models score a paper high.
//
// Training data of a model: its positives (tagged, or starred); negatives
// are the reader's dismissed papers at full weight and the other papers
// ("unlabelled", a deterministic sample of at most Settings::maxUnlabelled)
// at Settings::unlabelledWeight. liblinear 2.3 has class weights but no
// instance weights, so the weight is carried by repeating each dismissed
// paper 1/unlabelledWeight times (the rows point at the same features), and
// the positive class is weighted to balance all negatives. After training
// the intercept is shifted so that probability 0.5 lies three robust
// standard deviations (1.4826 MAD) above the unlabelled papers' median
// log-odds (at most at the positives' mean): the models' scores are comparable, "For you" takes the
// best, and a tag is suggested from 0.5 on.
//
// Works on the connection it is given and writes in its own transactions;
// the window runs it on a worker (ui/rankjob), never on the GUI thread.
#pragma once

#include "model/rankmodel.h"
#include "model/textfeatures.h"
#include "storage/rankstore.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace gleaner {

class Database;

class Ranker final
{
    Q_DECLARE_TR_FUNCTIONS(Ranker)

public:
    explicit Ranker(Database &db);

    // A tag (or the stars) trains a model from this many papers on.
    static constexpr int kMinPositives = RankStore::kMinPositives;

    struct Settings
    {
        double c = 1.0;                // liblinear's C for the negatives
        double unlabelledWeight = 0.1; // an unlabelled paper's weight, a dismissed one's 1
        int maxUnlabelled = 20000;     // unlabelled papers a model is shown at most
        double epsilon = 0.01;         // liblinear's stopping tolerance
    };
    void setSettings(const Settings &settings) { m_settings = settings; }
    const Settings &settings() const { return m_settings; }

    struct Update
    {
        bool rebuilt = false; // the vocabulary was counted again
        int vectorized = 0;   // papers given a vector
        int trained = 0;      // models (re)trained
        int removed = 0;      // models whose tag fell below the minimum
        int models = 0;       // models now
        bool scored = false;  // every paper's score was written again
        // Where the time went, for the benchmark and the CLI's --json.
        qint64 featureMs = 0;
        qint64 trainMs = 0;
        qint64 scoreMs = 0;
    };
    // Brings the ranking up to date: the vocabulary rebuilt when there is
    // none, the library has doubled since, or `rebuild`; vectors for papers
    // without one; the models whose labels changed trained again (`retrain`:
    // all of them); the scores written again when a model changed.
    // `cancelled` is polled between steps. nullopt on failure or cancel.
    std::optional<Update> update(bool rebuild = false, bool retrain = false,
                                 const std::function<bool()> &cancelled = {});
    // Whether update() would train or rebuild: a model is stale, a tag or
    // the stars reached the minimum without a model, or features are missing.
    std::optional<bool> isStale();
    // What makes it so, one phrase each ("tag rl changed since its model
    // was trained"); empty when nothing is.
    std::optional<QStringList> staleReasons();

    // The best model's score and words for a paper; nullopt without a model
    // or a vector (errorString() empty) or when the database fails.
    std::optional<RankExplanation> explain(qint64 paperId);
    // explain() for many papers, reading the models once; papers without a
    // vector, or a library without a model, are left out.
    std::optional<QHash<qint64, RankExplanation>> explain(const QList<qint64> &paperIds);
    // The paper's terms that add most to `model`'s score, largest first,
    // leaving out a term whose words the terms before it all have.
    static QStringList why(const SparseVector &vector, const RankModel &model,
                           const Vocabulary &vocabulary, int count = 5);
    // Nearest papers by cosine, best first; empty without features.
    std::optional<QList<RelatedPaper>> related(qint64 paperId, int limit = 5);
    // The probability at which a paper stands out from the unlabelled ones
    // (each model's decision is shifted to put it there, see update()): a
    // tag is suggested from it on, and the window gives its reasons only
    // then, since a low score's "strongest" words explain nothing.
    static constexpr double kStandsOut = 0.5;
    // Tags whose model gives the paper at least `threshold` and which it
    // lacks, best first, at most three.
    std::optional<QList<TagSuggestion>> suggestTags(qint64 paperId, double threshold = kStandsOut);

    QString errorString() const { return m_error; }

private:
    bool fail(const QString &why);

    Database &m_db;
    Settings m_settings;
    QString m_error;
};

} // namespace gleaner
