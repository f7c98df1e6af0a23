#include "model/textfeatures.h"

#include <QSet>
#include <QtEndian>

#include <algorithm>
#include <cmath>

namespace gleaner {

namespace {

// English function words, and the few words every abstract has ("paper",
// "propose") that say nothing of its subject.
const char *const kStopWords[] = {
    "a",      "about",   "above",    "after",      "again",   "against", "all",   "also",
    "am",     "among",   "an",       "and",        "another", "any",     "are",   "as",
    "at",     "be",      "because",  "been",       "before",  "being",   "below", "between",
    "both",   "but",     "by",       "can",        "could",   "did",     "do",    "does",
    "doing",  "down",    "during",   "each",       "either",  "etc",     "even",  "ever",
    "every",  "few",     "for",      "from",       "further", "had",     "has",   "have",
    "having", "he",      "her",      "here",       "hers",    "herself", "him",   "himself",
    "his",    "how",     "however",  "i",          "if",      "in",      "into",  "is",
    "it",     "its",     "itself",   "just",       "may",     "me",      "might", "more",
    "most",   "much",    "must",     "my",         "myself",  "neither", "no",    "nor",
    "not",    "now",     "of",       "off",        "often",   "on",      "once",  "one",
    "only",   "or",      "other",    "our",        "ours",    "out",     "over",  "own",
    "paper",  "per",     "propose",  "proposed",   "rather",  "same",    "she",   "should",
    "since",  "so",      "some",     "such",       "than",    "that",    "the",   "their",
    "theirs", "them",    "then",     "there",      "these",   "they",    "this",  "those",
    "though", "through", "thus",     "to",         "too",     "under",   "until", "up",
    "upon",   "us",      "very",     "via",        "was",     "we",      "were",  "what",
    "when",   "where",   "whether",  "which",      "while",   "who",     "whom",  "whose",
    "why",    "will",    "with",     "within",     "without", "would",   "yet",   "you",
    "your",   "yours",   "yourself", "yourselves",
};

const QSet<QString> &stopWords()
{
    static const QSet<QString> words = [] {
        QSet<QString> set;
        for (const char *word : kStopWords)
            set.insert(QString::fromLatin1(word));
        return set;
    }();
    return words;
}

// FNV-1a over the UTF-16 code units, then a final mix so that bigram hashes
// built from two of them spread well.
TermHash wordHash(QStringView word)
{
    quint64 h = 0xcbf29ce484222325ULL;
    for (const QChar c : word) {
        h ^= c.unicode();
        h *= 0x100000001b3ULL;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

TermHash pairHash(TermHash first, TermHash second)
{
    quint64 h = first * 0x9e3779b97f4a7c15ULL + (second ^ (second >> 29)) + 0x632be59bd9b4e019ULL;
    h ^= h >> 31;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    return h;
}

// Removes $...$ and $$...$$ spans and TeX control words (\emph, \alpha),
// keeping what follows them: "\emph{sparse} $O(n)$ attention" reads as
// "sparse attention".
QString withoutTex(const QString &text)
{
    QString out;
    out.reserve(text.size());
    bool inMath = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'$') {
            inMath = !inMath;
            out += u' ';
            continue;
        }
        if (inMath)
            continue;
        if (c == u'\\') {
            qsizetype j = i + 1;
            while (j < text.size() && text.at(j).isLetter() && text.at(j).unicode() < 128)
                ++j;
            i = (j == i + 1) ? i + 1 : j - 1; // "\%" skips one character
            out += u' ';
            continue;
        }
        out += c;
    }
    // A lone `$` opened a span that never closed: that was not math, read the
    // text after it.
    if (inMath) {
        const qsizetype last = text.lastIndexOf(u'$');
        return withoutTex(text.left(last)) + u' ' + withoutTex(text.mid(last + 1));
    }
    return out;
}

void appendWords(const QString &text, QStringList &words)
{
    const QString plain = withoutTex(text).toLower();
    const QSet<QString> &stop = stopWords();
    qsizetype start = -1;
    auto finish = [&](qsizetype end) {
        if (start < 0)
            return;
        const qsizetype length = end - start;
        if (length >= 2 && plain.at(start).isLetter()) {
            QString word = plain.mid(start, length);
            if (!stop.contains(word))
                words << word;
        }
        start = -1;
    };
    for (qsizetype i = 0; i < plain.size(); ++i) {
        const bool wordChar = plain.at(i).isLetterOrNumber();
        if (wordChar && start < 0)
            start = i;
        else if (!wordChar)
            finish(i);
    }
    finish(plain.size());
}

} // namespace

QStringList featureWords(const QString &title, const QString &abstract)
{
    QStringList words;
    appendWords(title, words);
    appendWords(abstract, words);
    return words;
}

void forEachTerm(const QStringList &words,
                 const std::function<void(TermHash, QStringView, QStringView)> &term)
{
    TermHash previous = 0;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const TermHash h = wordHash(words.at(i));
        term(h, words.at(i), {});
        if (i > 0)
            term(pairHash(previous, h), words.at(i - 1), words.at(i));
        previous = h;
    }
}

TermHash termHash(const QString &termText)
{
    const qsizetype space = termText.indexOf(u' ');
    if (space < 0)
        return wordHash(termText);
    return pairHash(wordHash(QStringView(termText).left(space)),
                    wordHash(QStringView(termText).mid(space + 1)));
}

double SparseVector::dot(const SparseVector &other) const
{
    double sum = 0;
    size_t i = 0;
    size_t j = 0;
    while (i < indexes.size() && j < other.indexes.size()) {
        if (indexes[i] == other.indexes[j])
            sum += double(values[i++]) * double(other.values[j++]);
        else if (indexes[i] < other.indexes[j])
            ++i;
        else
            ++j;
    }
    return sum;
}

double SparseVector::dot(const std::vector<float> &dense) const
{
    double sum = 0;
    for (size_t i = 0; i < indexes.size(); ++i) {
        if (indexes[i] < dense.size())
            sum += double(values[i]) * double(dense[indexes[i]]);
    }
    return sum;
}

QByteArray encodeVector(const SparseVector &vector)
{
    QByteArray blob(vector.size() * 4, Qt::Uninitialized);
    char *out = blob.data();
    for (size_t i = 0; i < vector.indexes.size(); ++i) {
        const double scaled = std::round(double(vector.values[i]) * 65535.0);
        const quint16 value = quint16(std::clamp(scaled, 1.0, 65535.0));
        qToLittleEndian(quint16(vector.indexes[i]), out);
        qToLittleEndian(value, out + 2);
        out += 4;
    }
    return blob;
}

SparseVector decodeVector(QByteArrayView blob)
{
    SparseVector vector;
    if (blob.size() % 4 != 0)
        return vector;
    const qsizetype n = blob.size() / 4;
    vector.indexes.reserve(size_t(n));
    vector.values.reserve(size_t(n));
    const char *in = blob.constData();
    quint32 previous = 0;
    for (qsizetype i = 0; i < n; ++i, in += 4) {
        const quint32 index = qFromLittleEndian<quint16>(in);
        if (i > 0 && index <= previous)
            return {};
        previous = index;
        vector.indexes.push_back(index);
        vector.values.push_back(float(qFromLittleEndian<quint16>(in + 2) / 65535.0));
    }
    return vector;
}

double dotEncoded(QByteArrayView blob, const std::vector<float> &dense)
{
    if (blob.size() % 4 != 0)
        return 0;
    double sum = 0;
    const char *in = blob.data();
    const char *end = in + blob.size();
    for (; in != end; in += 4) {
        const quint16 index = qFromLittleEndian<quint16>(in);
        if (index < dense.size())
            sum += double(dense[index]) * (qFromLittleEndian<quint16>(in + 2) / 65535.0);
    }
    return sum;
}

FeatureSettings FeatureSettings::forLibrary(qint64 papers)
{
    FeatureSettings settings;
    if (papers < 200) {
        settings.minDf = 1;
        settings.maxDf = 0.5;
    } else if (papers < 2000) {
        settings.minDf = 2;
        settings.maxDf = 0.2;
    }
    return settings;
}

Vocabulary::Vocabulary(QList<VocabularyTerm> terms, qint64 documents)
    : m_terms(std::move(terms))
    , m_documents(documents)
{
    m_idf.reserve(size_t(m_terms.size()));
    m_index.reserve(m_terms.size());
    for (qsizetype i = 0; i < m_terms.size(); ++i) {
        const VocabularyTerm &t = m_terms.at(i);
        m_idf.push_back(std::log((1.0 + double(documents)) / (1.0 + double(t.df))) + 1.0);
        m_index.insert(termHash(t.text), quint32(i));
    }
}

std::optional<quint32> Vocabulary::indexOf(TermHash hash) const
{
    const auto it = m_index.constFind(hash);
    if (it == m_index.constEnd())
        return std::nullopt;
    return *it;
}

SparseVector Vocabulary::vectorize(const QString &title, const QString &abstract) const
{
    QHash<quint32, int> counts;
    forEachTerm(featureWords(title, abstract), [&](TermHash h, QStringView, QStringView) {
        if (const std::optional<quint32> index = indexOf(h))
            ++counts[*index];
    });
    SparseVector vector;
    if (counts.isEmpty())
        return vector;
    vector.indexes.reserve(size_t(counts.size()));
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        vector.indexes.push_back(it.key());
    std::sort(vector.indexes.begin(), vector.indexes.end());
    double norm = 0;
    vector.values.reserve(vector.indexes.size());
    for (const quint32 index : vector.indexes) {
        const double value = (1.0 + std::log(double(counts.value(index)))) * m_idf[index];
        vector.values.push_back(float(value));
        norm += value * value;
    }
    norm = std::sqrt(norm);
    for (float &value : vector.values)
        value = float(double(value) / norm);
    return vector;
}

void VocabularyBuilder::count(const QString &title, const QString &abstract)
{
    ++m_documents;
    QSet<TermHash> seen;
    forEachTerm(featureWords(title, abstract), [&](TermHash h, QStringView, QStringView) {
        if (!seen.contains(h)) {
            seen.insert(h);
            ++m_df[h];
        }
    });
}

void VocabularyBuilder::choose(const FeatureSettings &settings)
{
    const double maxDf = settings.maxDf * double(m_documents);
    std::vector<std::pair<quint32, TermHash>> candidates;
    for (auto it = m_df.cbegin(); it != m_df.cend(); ++it) {
        if (int(it.value()) >= settings.minDf && double(it.value()) <= maxDf)
            candidates.emplace_back(it.value(), it.key());
    }
    std::sort(candidates.begin(), candidates.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    const size_t keep = std::min(candidates.size(), size_t(std::min(settings.maxFeatures, 65535)));
    m_terms.clear();
    m_chosen.clear();
    m_chosen.reserve(qsizetype(keep));
    for (size_t i = 0; i < keep; ++i) {
        m_chosen.insert(candidates[i].second, qsizetype(i));
        m_terms.append(VocabularyTerm{QString(), int(candidates[i].first)});
    }
    m_unnamed = qsizetype(keep);
    m_df = {}; // the counts are the bulk of the memory; free them now
}

void VocabularyBuilder::name(const QString &title, const QString &abstract)
{
    if (m_unnamed == 0)
        return;
    forEachTerm(featureWords(title, abstract), [&](TermHash h, QStringView first,
                                                   QStringView second) {
        const auto it = m_chosen.constFind(h);
        if (it == m_chosen.constEnd())
            return;
        QString &text = m_terms[*it].text;
        if (!text.isEmpty())
            return;
        text = second.isEmpty() ? first.toString() : first.toString() + u' ' + second.toString();
        --m_unnamed;
    });
}

Vocabulary VocabularyBuilder::vocabulary() const
{
    QList<VocabularyTerm> terms;
    terms.reserve(m_terms.size());
    for (const VocabularyTerm &t : m_terms) {
        if (!t.text.isEmpty())
            terms << t;
    }
    return Vocabulary(terms, m_documents);
}

} // namespace gleaner
