#include "vocabulary.h"

#include "storage/database.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace gleaner::bench {

namespace {

bool isQueryWord(const QString &w)
{
    static const QRegularExpression letters(QStringLiteral("^[a-z]{3,}$"));
    // English function words a user would not search for on their own.
    static const QSet<QString> function = {
        QStringLiteral("the"),     QStringLiteral("and"),     QStringLiteral("for"),
        QStringLiteral("with"),    QStringLiteral("from"),    QStringLiteral("that"),
        QStringLiteral("this"),    QStringLiteral("are"),     QStringLiteral("our"),
        QStringLiteral("via"),     QStringLiteral("into"),    QStringLiteral("its"),
        QStringLiteral("can"),     QStringLiteral("which"),   QStringLiteral("their"),
        QStringLiteral("these"),   QStringLiteral("both"),    QStringLiteral("than"),
        QStringLiteral("over"),    QStringLiteral("when"),    QStringLiteral("while"),
        QStringLiteral("such"),    QStringLiteral("more"),    QStringLiteral("has"),
        QStringLiteral("have"),    QStringLiteral("not"),     QStringLiteral("but"),
        QStringLiteral("also"),    QStringLiteral("been"),    QStringLiteral("they"),
        QStringLiteral("each"),    QStringLiteral("through"), QStringLiteral("across"),
        QStringLiteral("between"), QStringLiteral("without"), QStringLiteral("towards"),
        QStringLiteral("toward"),  QStringLiteral("using"),   QStringLiteral("all"),
        QStringLiteral("how"),     QStringLiteral("what"),    QStringLiteral("new"),
        QStringLiteral("show"),    QStringLiteral("was"),     QStringLiteral("were"),
        QStringLiteral("other"),   QStringLiteral("only"),    QStringLiteral("them"),
        QStringLiteral("where"),   QStringLiteral("most"),    QStringLiteral("well"),
        QStringLiteral("often"),   QStringLiteral("under"),   QStringLiteral("based"),
    };
    return letters.match(w).hasMatch() && !function.contains(w);
}

} // namespace

QueryWords queryWords(Database &db, int count)
{
    QueryWords words;
    (void)db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.bench_vocabulary USING "
                  "fts5vocab(main, papers_fts, row)");
    QList<std::pair<qint64, QString>> byPapers; // papers, term
    {
        Statement st = db.prepare("SELECT term, doc FROM temp.bench_vocabulary");
        while (st.next()) {
            const QString term = st.text(0);
            if (isQueryWord(term))
                byPapers.append({st.int64(1), term});
        }
    }
    std::sort(byPapers.begin(), byPapers.end());
    for (qsizetype i = 0; i < byPapers.size() && words.rare.size() < count; ++i)
        words.rare << byPapers.at(i).second;
    for (qsizetype i = byPapers.size() - 1; i >= 0 && words.common.size() < count; --i)
        words.common << byPapers.at(i).second;

    // Neighbours in titles, from a sample of them: enough for the top pairs.
    QHash<QString, int> pairCounts;
    {
        static const QRegularExpression split(QStringLiteral("[^a-z]+"));
        Statement st = db.prepare("SELECT lower(title) FROM papers LIMIT 20000");
        while (st.next()) {
            const QStringList t = st.text(0).split(split, Qt::SkipEmptyParts);
            for (qsizetype i = 0; i + 1 < t.size(); ++i) {
                if (isQueryWord(t.at(i)) && isQueryWord(t.at(i + 1)) && t.at(i) != t.at(i + 1))
                    ++pairCounts[t.at(i) + QLatin1Char(' ') + t.at(i + 1)];
            }
        }
    }
    QList<std::pair<int, QString>> pairs;
    for (auto it = pairCounts.cbegin(); it != pairCounts.cend(); ++it)
        pairs.append({-it.value(), it.key()});
    std::sort(pairs.begin(), pairs.end());
    for (qsizetype i = 0; i < pairs.size() && words.pairs.size() < count; ++i)
        words.pairs << pairs.at(i).second;
    return words;
}

} // namespace gleaner::bench
