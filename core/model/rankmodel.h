// A "For you" model as the library keeps it: one linear model over the
// tf-idf features (model/textfeatures.h) for the stars or for one tag, with
// what it was trained on. rank/ trains them; storage keeps them and scores
// new papers with them on import.
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <cmath>
#include <optional>
#include <vector>

namespace gleaner {

struct RankModel
{
    qint64 id = 0;
    std::optional<qint64> tagId; // unset: the star model
    QString tagName;             // empty for the star model
    QDateTime trained;
    int positives = 0;  // starred or tagged papers
    int dismissed = 0;  // "Not interested" papers, the explicit negatives
    int unlabelled = 0; // the other papers it was shown, down-weighted negatives
    // A hash of the labels (positive and dismissed ids) and the vocabulary it
    // was trained with: a model whose labels changed since is stale.
    qint64 labelsHash = 0;
    double bias = 0;
    std::vector<float> weights; // one per vocabulary term

    bool isStarModel() const { return !tagId.has_value(); }
    // The logistic model's probability that the paper belongs, in (0, 1).
    static double probability(double decision) { return 1.0 / (1.0 + std::exp(-decision)); }
};

// Why a paper is where "For you" puts it.
struct RankExplanation
{
    double score = 0;            // RankModel::probability() of the best model
    std::optional<qint64> tagId; // the best model's tag; unset: the stars
    QString tagName;             // empty: the star model
    QStringList words;           // the terms that pushed it up most, largest first
};

// A paper near another by cosine over the same vectors.
struct RelatedPaper
{
    qint64 id = 0;
    double similarity = 0;
};

// A tag whose model scores the paper high and which the paper lacks.
struct TagSuggestion
{
    QString tag;
    double score = 0;
    QStringList words;
};

} // namespace gleaner
