// Deterministic digests for the benchmark: layout-A files of 50 papers each,
// with submitters, dates, upvotes and a few re-sighted papers. Their text is
// either synthetic (a Zipf-like vocabulary of pseudo-words, realistic title
// and abstract lengths) or real language recombined from real digests: the
// synthetic text never has the handful of words ("model", "language") that
// a large share of real abstracts carry.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <optional>

namespace gleaner::bench {

// splitmix64: tiny, fast and identical on every platform.
class Random
{
public:
    explicit Random(std::uint64_t seed)
        : m_state(seed)
    {}
    std::uint64_t next();
    int below(int n) { return int(next() % std::uint64_t(n)); }
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }

private:
    std::uint64_t m_state;
};

// Real titles and abstract sentences to recombine, read from digests.
class RealLanguage
{
public:
    // Every digest under `dir` (recursively, *.txt). Empty with `error`
    // set when none of them yields a paper.
    static std::optional<RealLanguage> read(const QString &dir, QString *error);

    // A title of two- to four-word runs cut from real titles, as long as a
    // real title: the words keep their neighbours ("language model").
    QString title(Random &r) const;
    // Whole real sentences, as many as a real abstract has.
    QString abstract(Random &r) const;
    // "WORD Lab", WORD from a real title.
    QString organisation(Random &r) const;

    int sourcePapers() const { return int(m_titles.size()); }
    int sentences() const { return int(m_sentences.size()); }

private:
    QList<QStringList> m_titles; // words
    QStringList m_sentences;
    QList<int> m_sentenceCounts; // of each real abstract
};

class Corpus
{
public:
    // Synthetic text.
    explicit Corpus(int papers, std::uint64_t seed = 20261122);
    // Real language: every title and abstract recombined from `language`.
    Corpus(int papers, const RealLanguage &language, std::uint64_t seed = 20261122);

    // The digest files' contents, in import order.
    const QList<QByteArray> &digests() const { return m_digests; }
    // Frees the texts once they are on disk, so they do not count as ours.
    void releaseDigests() { m_digests = {}; }
    qint64 textBytes() const { return m_textBytes; }
    int papers() const { return m_papers; }

    // Vocabulary bands for the synthetic query classes (empty for real
    // language, whose classes come from the library's own index).
    const QStringList &words() const { return m_words; } // by rank: 0 is the most common
    const QStringList &phrases() const { return m_phrases; }

private:
    using TextSource = std::function<QString(Random &)>;
    void generate(Random &r, const TextSource &title, const TextSource &abstract,
                  const TextSource &organisation);
    QString word(Random &r) const;
    QString sentence(Random &r, int words) const;

    int m_papers;
    QStringList m_words;
    QStringList m_phrases;
    QList<QByteArray> m_digests;
    qint64 m_textBytes = 0;
};

} // namespace gleaner::bench
