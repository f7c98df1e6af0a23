#include "corpus.h"

#include <QDate>
#include <QSet>

#include <cmath>

namespace gleaner::bench {

namespace {

constexpr int kVocabulary = 40000;
constexpr int kPerDigest = 50;
constexpr int kPhrases = 20;

const char *const kSyllables[] = {
    "ka", "lo",  "min", "tra", "vel", "sor", "ne",  "qui", "dar", "pen", "ul",  "ro",  "fas", "gen",
    "ti", "mo",  "bra", "ces", "dil", "or",  "pha", "zet", "un",  "ley", "cor", "vi",  "spa", "ten",
    "hu", "mar", "ob",  "ste", "lin", "ga",  "re",  "tho", "nix", "pol", "cu",  "dre",
};
constexpr int kSyllableCount = int(std::size(kSyllables));

const char *const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

} // namespace

std::uint64_t Random::next()
{
    std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

Corpus::Corpus(int papers, std::uint64_t seed)
    : m_papers(papers)
{
    Random r(seed);
    // Distinct pseudo-words of two to four syllables.
    QSet<QString> seen;
    while (m_words.size() < kVocabulary) {
        QString w;
        const int syllables = 2 + r.below(3);
        for (int i = 0; i < syllables; ++i)
            w += QLatin1String(kSyllables[r.below(kSyllableCount)]);
        if (!seen.contains(w)) {
            seen.insert(w);
            m_words << w;
        }
    }
    for (int i = 0; i < kPhrases; ++i)
        m_phrases << m_words.at(300 + 2 * i) + QLatin1Char(' ') + m_words.at(301 + 2 * i);

    QStringList titles; // for re-sightings
    int made = 0;
    QDate day(2023, 1, 2);
    while (made < papers) {
        QByteArray text;
        text += "Daily Papers\n\nbyAK and the research community\n\n";
        text += QByteArray(kMonths[day.month() - 1]) + ' ' + QByteArray::number(day.day()) + "\n\n";
        for (int i = 0; i < kPerDigest && made < papers; ++i) {
            QString title;
            QString abstract;
            if (!titles.isEmpty() && r.below(50) == 0) {
                title = titles.at(r.below(int(titles.size()))); // seen again
            } else {
                title = sentence(r, 6 + r.below(9));
                title[0] = title[0].toUpper();
                titles << title;
                ++made;
            }
            abstract = sentence(r, 140 + r.below(120));
            if (r.below(100) == 0)
                abstract += QLatin1Char(' ') + m_phrases.at(r.below(kPhrases)) +
                            QStringLiteral(" holds for $x^2 + y$.");
            text += title.toUtf8() + "\n\n" + abstract.toUtf8() + ".\n\n";
            if (r.below(10) == 0)
                text += "Lab " + m_words.at(r.below(200)).toUtf8() + " Lab " +
                        m_words.at(r.below(200)).toUtf8() + "\n";
            else
                text += "  \u2022 " + QByteArray::number(1 + r.below(20)) + " authors\n";
            text += "\u00b7\n";
            const QDate published = day.addDays(-r.below(400));
            // The page prints the year only outside the year it was saved.
            text += QByteArray(kMonths[published.month() - 1]) + ' ' +
                    QByteArray::number(published.day());
            if (published.year() != day.year())
                text += ", " + QByteArray::number(published.year());
            text += ' ' + QByteArray::number(r.below(100)) + "\n\n";
        }
        m_textBytes += text.size();
        m_digests << text;
        day = day.addDays(1);
    }
}

QString Corpus::word(Random &r) const
{
    // Rank drawn log-uniformly: a Zipf-like spread of common and rare words.
    const int rank = int(std::pow(double(kVocabulary), r.unit())) - 1;
    return m_words.at(qBound(0, rank, kVocabulary - 1));
}

QString Corpus::sentence(Random &r, int words) const
{
    QString s;
    s.reserve(words * 9);
    for (int i = 0; i < words; ++i) {
        if (i)
            s += QLatin1Char(' ');
        s += word(r);
    }
    return s;
}

} // namespace gleaner::bench
