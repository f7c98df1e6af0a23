#include "export/citationkeys.h"

#include "export/texchars_p.h"
#include "model/titlekey.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace gleaner {

namespace {

// Words that say nothing about a paper: articles, prepositions,
// conjunctions and the auxiliaries titles open questions with.
bool isStopWord(const QString &word)
{
    static const QSet<QString> words = [] {
        QSet<QString> set;
        for (const char *w :
             {"a",       "an",     "the",     "and",     "or",     "nor",    "but",     "so",
              "yet",     "of",     "on",      "in",      "into",   "onto",   "for",     "to",
              "from",    "with",   "within",  "without", "by",     "at",     "as",      "via",
              "per",     "over",   "under",   "about",   "above",  "across", "after",   "against",
              "along",   "among",  "around",  "before",  "behind", "below",  "beneath", "beside",
              "between", "beyond", "despite", "during",  "except", "inside", "like",    "near",
              "off",     "out",    "outside", "past",    "since",  "than",   "through", "toward",
              "towards", "until",  "up",      "upon",    "versus", "vs",     "while",   "is",
              "are",     "was",    "were",    "be",      "been",   "do",     "does",    "can",
              "its",     "it",     "this",    "that",    "these",  "those",  "when",    "what",
              "how",     "why",    "which",   "who",     "where"})
            set.insert(QLatin1String(w));
        return set;
    }();
    return words.contains(word.toLower());
}

// Steps 1 and 2 of the formula in citationkeys.h.
QStringList titleWords(const QString &title)
{
    static const QRegularExpression command(QStringLiteral("\\\\[A-Za-z]+"));
    static const QRegularExpression markup(QStringLiteral("[$^_{}\\\\'\u2019]"));
    static const QRegularExpression separator(QStringLiteral("[^A-Za-z0-9]+"));
    QString text = title;
    text.remove(command).remove(markup);
    return tex::foldToAscii(text).split(separator, Qt::SkipEmptyParts);
}

QString keyBase(const Paper &paper)
{
    const QStringList words = titleWords(paper.title);
    QStringList chosen;
    for (const QString &w : words) {
        // One letter is a variable of a formula ("O(n)") more often than a word.
        if (w.size() > 1 && !isStopWord(w) && chosen.size() < 3)
            chosen << w;
    }
    QString key;
    for (const QString &w : std::as_const(chosen))
        key += key.isEmpty() ? w.toLower() : w.at(0).toUpper() + w.mid(1);
    if (key.isEmpty())
        key = QStringLiteral("paper");
    const QDate date = citationDate(paper);
    return date.isValid() ? key + QString::number(date.year()) : key;
}

QString letterSuffix(int n)
{
    // a..z, then aa, ab, ...
    QString s;
    do {
        s.prepend(QChar(u'a' + n % 26));
        n = n / 26 - 1;
    } while (n >= 0);
    return s;
}

} // namespace

QString sortKey(const Paper &paper, const QString &citationKey)
{
    const QString words = titleWords(paper.title).join(u' ');
    return words.isEmpty() ? citationKey : words;
}

QDate citationDate(const Paper &paper)
{
    return paper.published;
}

QStringList citationKeys(const QList<Paper> &papers)
{
    QStringList keys;
    keys.reserve(papers.size());
    QHash<QString, QList<qsizetype>> byBase;
    for (qsizetype i = 0; i < papers.size(); ++i) {
        keys << keyBase(papers.at(i));
        byBase[keys.last().toLower()].append(i);
    }
    QSet<QString> taken;
    for (const QString &k : std::as_const(keys))
        taken.insert(k.toLower());
    for (auto it = byBase.begin(); it != byBase.end(); ++it) {
        QList<qsizetype> &group = it.value();
        if (group.size() < 2)
            continue;
        // Ordered by the paper's identity, then id, so that sorting or
        // filtering the list does not reshuffle the letters.
        std::sort(group.begin(), group.end(), [&papers](qsizetype a, qsizetype b) {
            const QString ka = titleKey(papers.at(a).title);
            const QString kb = titleKey(papers.at(b).title);
            return ka != kb ? ka < kb : papers.at(a).id < papers.at(b).id;
        });
        int n = 0;
        for (qsizetype g = 1; g < group.size(); ++g) {
            const QString base = keys.at(group.at(g));
            QString key;
            do
                key = base + letterSuffix(n++);
            while (taken.contains(key.toLower()));
            taken.insert(key.toLower());
            keys[group.at(g)] = key;
        }
    }
    return keys;
}

} // namespace gleaner
