#include "export/citationkeys.h"

#include "model/titlekey.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace gleaner {

namespace {

// Words a title often starts with that say nothing about the paper.
bool isStopWord(const QString &word)
{
    static const QSet<QString> words = {
        QStringLiteral("a"),      QStringLiteral("an"),   QStringLiteral("the"),
        QStringLiteral("on"),     QStringLiteral("of"),   QStringLiteral("in"),
        QStringLiteral("for"),    QStringLiteral("to"),   QStringLiteral("and"),
        QStringLiteral("with"),   QStringLiteral("from"), QStringLiteral("towards"),
        QStringLiteral("toward"), QStringLiteral("via"),  QStringLiteral("is"),
        QStringLiteral("are"),    QStringLiteral("do"),   QStringLiteral("does"),
    };
    return words.contains(word);
}

QString keyBase(const Paper &paper)
{
    // Decomposed, so accented Latin letters keep their base letter ("é" is
    // "e"); scripts without Latin letters leave nothing and fall back.
    const QString decomposed = paper.title.normalized(QString::NormalizationForm_KD);
    QString word;
    QString first;
    auto finishWord = [&]() {
        if (!word.isEmpty() && first.isEmpty() && !isStopWord(word))
            first = word;
        word.clear();
    };
    for (const QChar c : decomposed) {
        if (c.isLetterOrNumber()) {
            if (c.unicode() < 128)
                word += c.toLower();
        } else if (c.category() != QChar::Mark_NonSpacing) {
            finishWord();
        }
        if (!first.isEmpty())
            break;
    }
    finishWord();
    if (first.isEmpty())
        first = QStringLiteral("paper");
    first.truncate(24);
    const QDate date = citationDate(paper);
    return first + (date.isValid() ? QString::number(date.year()) : QStringLiteral("nd"));
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

QDate citationDate(const Paper &paper)
{
    if (paper.published.isValid())
        return paper.published;
    QDate first;
    for (const Appearance &a : paper.appearances) {
        if (a.digestDate.isValid() && (!first.isValid() || a.digestDate < first))
            first = a.digestDate;
    }
    return first;
}

QStringList citationKeys(const QList<Paper> &papers)
{
    QStringList keys;
    keys.reserve(papers.size());
    QHash<QString, QList<qsizetype>> byBase;
    for (qsizetype i = 0; i < papers.size(); ++i) {
        keys << keyBase(papers.at(i));
        byBase[keys.last()].append(i);
    }
    QSet<QString> taken(keys.cbegin(), keys.cend());
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
        for (const qsizetype index : std::as_const(group)) {
            QString key;
            do
                key = it.key() + letterSuffix(n++);
            while (taken.contains(key));
            taken.insert(key);
            keys[index] = key;
        }
    }
    return keys;
}

} // namespace gleaner
