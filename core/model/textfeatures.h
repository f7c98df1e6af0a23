// The features "For you" ranks by: tf-idf vectors over a paper's title and
// abstract, after arxiv-sanity-lite's recipe (word unigrams and bigrams,
// English stop words left out, sublinear tf, smooth idf, l2 norm, terms in
// at most a tenth of the papers and at least five, the 20,000 commonest of
// those). Plain computation, no SQL: storage keeps the vocabulary and the
// vectors (storage/rankstore.h), rank/ trains on them.
//
// A term is identified by a 64-bit hash of its words while counting, so a
// library's millions of distinct bigrams are counted without keeping their
// text; only the chosen vocabulary is named.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <functional>
#include <optional>
#include <vector>

namespace gleaner {

using TermHash = quint64;

// The words of a title and abstract as features see them: math spans ($...$)
// and TeX commands left out, lower-case, split at anything but a letter or
// digit, each starting with a letter and at least two characters long,
// English stop words dropped.
[[nodiscard]] QStringList featureWords(const QString &title, const QString &abstract);

// Calls `term` for each unigram and each bigram (neighbouring words of
// featureWords()) in order, with its hash and its words (`second` empty for
// a unigram).
void forEachTerm(const QStringList &words,
                 const std::function<void(TermHash, QStringView first, QStringView second)> &term);
[[nodiscard]] TermHash termHash(const QString &termText); // "word" or "two words"

// A sparse vector: feature indexes ascending, values beside them.
struct SparseVector
{
    std::vector<quint32> indexes;
    std::vector<float> values;

    bool isEmpty() const { return indexes.empty(); }
    qsizetype size() const { return qsizetype(indexes.size()); }
    double dot(const SparseVector &other) const;
    double dot(const std::vector<float> &dense) const;
};

// Stored as 4 bytes a term: a little-endian 16-bit index and the value in
// (0, 1] as a 16-bit fraction (precision 1/65535, well under what ranking
// can tell apart). decode() of a malformed blob is empty.
[[nodiscard]] QByteArray encodeVector(const SparseVector &vector);
[[nodiscard]] SparseVector decodeVector(QByteArrayView blob);
// SparseVector::dot(dense) of an encoded vector, read in place: scoring a
// whole library decodes nothing. Indexes past `dense` count 0; a blob of
// the wrong length is 0.
[[nodiscard]] double dotEncoded(QByteArrayView blob, const std::vector<float> &dense);

struct FeatureSettings
{
    int maxFeatures = 20000; // at most 65,535 (the stored index is 16 bits)
    int minDf = 5;           // papers a term must be in
    double maxDf = 0.1;      // share of the papers a term may be in at most

    // arxiv-sanity's values for a library of thousands of papers; a small
    // library has too few papers for min_df 5 and max_df 0.1 to leave any
    // term, so they loosen below 2,000 papers.
    static FeatureSettings forLibrary(qint64 papers);
};

struct VocabularyTerm
{
    QString text; // "word" or "two words"
    int df = 0;   // papers containing it when the vocabulary was built
};

class Vocabulary final
{
public:
    Vocabulary() = default;
    // `documents`: the papers the document frequencies were counted over.
    Vocabulary(QList<VocabularyTerm> terms, qint64 documents);

    bool isEmpty() const { return m_terms.isEmpty(); }
    int size() const { return int(m_terms.size()); }
    qint64 documents() const { return m_documents; }
    const QList<VocabularyTerm> &terms() const { return m_terms; }
    const QString &text(quint32 index) const { return m_terms.at(index).text; }
    std::optional<quint32> indexOf(TermHash hash) const;
    // Smooth idf: ln((1 + n) / (1 + df)) + 1.
    double idf(quint32 index) const { return m_idf.at(index); }

    // The paper's tf-idf vector: for each vocabulary term it contains,
    // (1 + ln tf) * idf, the whole scaled to length 1. Terms outside the
    // vocabulary are ignored; empty when none is in it.
    SparseVector vectorize(const QString &title, const QString &abstract) const;

private:
    QList<VocabularyTerm> m_terms;
    std::vector<double> m_idf;
    QHash<TermHash, quint32> m_index;
    qint64 m_documents = 0;
};

// Builds a vocabulary from a whole library in two passes over its papers:
// count() each paper's terms, then choose(), then name() papers until
// named() (the chosen terms' text, from the first paper holding each).
class VocabularyBuilder final
{
public:
    void count(const QString &title, const QString &abstract);
    qint64 documents() const { return m_documents; }
    // Keeps the terms within the settings' document frequencies, the most
    // frequent first (ties by hash, so the choice is deterministic).
    void choose(const FeatureSettings &settings);
    void name(const QString &title, const QString &abstract);
    bool named() const { return m_unnamed == 0; }
    // The vocabulary, terms in the chosen order; a term never named (its
    // papers changed between the passes) is left out.
    Vocabulary vocabulary() const;
    qsizetype distinctTerms() const { return m_df.size(); }

private:
    QHash<TermHash, quint32> m_df;
    QHash<TermHash, qsizetype> m_chosen; // hash -> position in m_terms
    QList<VocabularyTerm> m_terms;
    qsizetype m_unnamed = 0;
    qint64 m_documents = 0;
};

} // namespace gleaner
