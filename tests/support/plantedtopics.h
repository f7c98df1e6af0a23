// Papers with planted topics, for the "For you" tests and benchmark: each
// topic has its own pseudo-words, mixed into a shared vocabulary of common
// pseudo-words, so a model that learns a topic from a few of its papers can
// be checked on the rest. Deterministic (splitmix64), the same everywhere.
#pragma once

#include "ingest/importer.h"
#include "model/digest.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <cmath>
#include <cstdint>

namespace gleaner::test {

class PlantedTopics
{
public:
    struct Settings
    {
        int topics = 20;
        int papersPerTopic = 30;
        int topicWords = 40;      // each topic's own vocabulary
        int commonWords = 400;    // shared by every topic
        double topicShare = 0.25; // of a paper's words, from its topic
        std::uint64_t seed = 20261203;
    };

    explicit PlantedTopics(const Settings &settings)
        : m_settings(settings)
        , m_state(settings.seed)
    {
        for (int i = 0; i < settings.commonWords; ++i)
            m_common << word();
        for (int t = 0; t < settings.topics; ++t) {
            QStringList words;
            for (int i = 0; i < settings.topicWords; ++i)
                words << word();
            m_topicWords << words;
        }
        // Topics interleaved, so every digest has papers of many topics.
        const int total = settings.topics * settings.papersPerTopic;
        for (int i = 0; i < total; ++i) {
            const int topic = i % settings.topics;
            DigestEntry e;
            e.title = text(topic, 8);
            e.abstract = text(topic, 70);
            e.upvotes = below(60);
            e.published = QDate(2026, 1, 1).addDays(i / 50);
            m_entries << e;
            m_topicOf << topic;
        }
    }
    PlantedTopics()
        : PlantedTopics(Settings())
    {}

    int papers() const { return int(m_entries.size()); }
    int topicOf(int paper) const { return m_topicOf.at(paper); }
    const DigestEntry &entry(int paper) const { return m_entries.at(paper); }
    const QStringList &topicWords(int topic) const { return m_topicWords.at(topic); }

    // Imports papers [from, to) as digests of 50, one a day.
    void import(Importer &importer, int from, int to) const
    {
        for (int start = from; start < to; start += 50) {
            Digest digest;
            digest.layout = DigestLayout::Spaced;
            digest.date = QDate(2026, 1, 1).addDays(start / 50);
            digest.dateCertainty = DateCertainty::Derived;
            digest.captureYear = 2026;
            QByteArray hash =
                "planted-" + QByteArray::number(m_settings.seed) + "-" + QByteArray::number(start);
            for (int i = start; i < qMin(to, start + 50); ++i)
                digest.entries << m_entries.at(i);
            (void)importer.importDigest(digest, hash, QStringLiteral("planted"),
                                        QDateTime(digest.date, QTime(8, 0)));
        }
    }

private:
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return int(next() % std::uint64_t(n)); }

    QString word()
    {
        static const char *const syllables[] = {"ka",  "lo",  "mir", "ven", "tus", "dra", "pel",
                                                "qui", "sor", "bex", "nal", "fio", "gru", "hep",
                                                "jat", "wex", "zon", "yul", "cor", "tib"};
        QString w;
        const int n = 2 + below(2);
        for (int i = 0; i < n; ++i)
            w += QLatin1String(syllables[below(20)]);
        return w;
    }

    // `n` words: a share from the topic, the rest common ones, the common
    // ones Zipf-like (a few very frequent).
    QString text(int topic, int n)
    {
        QStringList words;
        for (int i = 0; i < n; ++i) {
            if (double(next() >> 11) / 9007199254740992.0 < m_settings.topicShare) {
                words << m_topicWords.at(topic).at(below(m_settings.topicWords));
            } else {
                const int rank = int(double(m_settings.commonWords) *
                                     std::pow(double(next() >> 11) / 9007199254740992.0, 2.0));
                words << m_common.at(qMin(rank, m_settings.commonWords - 1));
            }
        }
        return words.join(QLatin1Char(' '));
    }

    Settings m_settings;
    std::uint64_t m_state;
    QStringList m_common;
    QList<QStringList> m_topicWords;
    QList<DigestEntry> m_entries;
    QList<int> m_topicOf;
};

} // namespace gleaner::test
