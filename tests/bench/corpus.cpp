#include "corpus.h"

#include "ingest/digestparser.h"

#include <QDate>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
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

    generate(
        r,
        [this](Random &rng) -> QString {
            QString title = sentence(rng, 6 + rng.below(9));
            title[0] = title[0].toUpper();
            return title;
        },
        [this](Random &rng) -> QString {
            QString abstract = sentence(rng, 140 + rng.below(120));
            if (rng.below(100) == 0)
                abstract += QLatin1Char(' ') + m_phrases.at(rng.below(kPhrases)) +
                            QStringLiteral(" holds for $x^2 + y$");
            return abstract + QLatin1Char('.');
        },
        [this](Random &rng) -> QString {
            return QStringLiteral("Lab ") + m_words.at(rng.below(200)) + QStringLiteral(" Lab ") +
                   m_words.at(rng.below(200));
        });
}

Corpus::Corpus(int papers, const RealLanguage &language, std::uint64_t seed)
    : m_papers(papers)
{
    Random r(seed);
    generate(
        r, [&language](Random &rng) { return language.title(rng); },
        [&language](Random &rng) { return language.abstract(rng); },
        [&language](Random &rng) { return language.organisation(rng); });
}

void Corpus::generate(Random &r, const TextSource &makeTitle, const TextSource &makeAbstract,
                      const TextSource &makeOrganisation)
{
    const int papers = m_papers;
    QStringList titles; // for re-sightings
    int made = 0;
    QDate day(2023, 1, 2);
    while (made < papers) {
        QByteArray text;
        text += "Daily Papers\n\nbyAK and the research community\n\n";
        text += QByteArray(kMonths[day.month() - 1]) + ' ' + QByteArray::number(day.day()) + "\n\n";
        for (int i = 0; i < kPerDigest && made < papers; ++i) {
            QString title;
            if (!titles.isEmpty() && r.below(50) == 0) {
                title = titles.at(r.below(int(titles.size()))); // seen again
            } else {
                title = makeTitle(r);
                titles << title;
                ++made;
            }
            const QString abstract = makeAbstract(r);
            text += title.toUtf8() + "\n\n" + abstract.toUtf8() + "\n\n";
            if (r.below(10) == 0)
                text += makeOrganisation(r).toUtf8() + "\n";
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

std::optional<RealLanguage> RealLanguage::read(const QString &dir, QString *error)
{
    QStringList files;
    QDirIterator it(dir, {QStringLiteral("*.txt")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort(); // the same corpus from the same folder
    // A sentence ends at . ! or ? before a space and a capital (or an
    // opening bracket): "e.g. the" and "O(N). The" stay whole enough.
    static const QRegularExpression sentenceEnd(QStringLiteral("(?<=[.!?])\\s+(?=[A-Z(\\[])"));
    RealLanguage language;
    QSet<QString> seenTitles;
    DigestParser parser;
    for (const QString &path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const std::optional<Digest> digest = parser.parse(QByteArrayView(file.readAll()));
        if (!digest)
            continue;
        for (const DigestEntry &entry : digest->entries) {
            if (seenTitles.contains(entry.title) || entry.abstract.isEmpty())
                continue; // a paper seen in two digests counts once
            seenTitles.insert(entry.title);
            language.m_titles << entry.title.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            const QStringList sentences =
                entry.abstract.simplified().split(sentenceEnd, Qt::SkipEmptyParts);
            language.m_sentences << sentences;
            language.m_sentenceCounts << int(sentences.size());
        }
    }
    if (language.m_titles.isEmpty()) {
        if (error)
            *error = QStringLiteral("no digest with papers under %1").arg(dir);
        return std::nullopt;
    }
    return language;
}

QString RealLanguage::title(Random &r) const
{
    const qsizetype length = m_titles.at(r.below(int(m_titles.size()))).size();
    QStringList words;
    while (words.size() < length) {
        const QStringList &from = m_titles.at(r.below(int(m_titles.size())));
        const int start = r.below(int(from.size()));
        const int run = 2 + r.below(3);
        words << from.mid(start, qMin(run, int(length - words.size())));
    }
    QString title = words.join(QLatin1Char(' '));
    title[0] = title[0].toUpper();
    return title;
}

QString RealLanguage::organisation(Random &r) const
{
    const QStringList &from = m_titles.at(r.below(int(m_titles.size())));
    return from.at(r.below(int(from.size()))) + QStringLiteral(" Lab");
}

QString RealLanguage::abstract(Random &r) const
{
    const int count = m_sentenceCounts.at(r.below(int(m_sentenceCounts.size())));
    QStringList sentences;
    for (int i = 0; i < count; ++i)
        sentences << m_sentences.at(r.below(int(m_sentences.size())));
    return sentences.join(QLatin1Char(' '));
}

} // namespace gleaner::bench
