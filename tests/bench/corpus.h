// Deterministic synthetic digests for the benchmark: layout-A files of 50
// papers each with realistic title and abstract lengths, a Zipf-like
// vocabulary, submitters, dates, upvotes and a few re-sighted papers.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>

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

class Corpus
{
public:
    explicit Corpus(int papers, std::uint64_t seed = 20261122);

    // The digest files' contents, in import order.
    const QList<QByteArray> &digests() const { return m_digests; }
    // Frees the texts once they are on disk, so they do not count as ours.
    void releaseDigests() { m_digests = {}; }
    qint64 textBytes() const { return m_textBytes; }
    int papers() const { return m_papers; }

    // Vocabulary bands for the query classes.
    const QStringList &words() const { return m_words; } // by rank: 0 is the most common
    const QStringList &phrases() const { return m_phrases; }

private:
    QString word(Random &r) const;
    QString sentence(Random &r, int words) const;

    int m_papers;
    QStringList m_words;
    QStringList m_phrases;
    QList<QByteArray> m_digests;
    qint64 m_textBytes = 0;
};

} // namespace gleaner::bench
