#include "catch.h"
#include "storage/database.h"
#include "storage/relevance.h"

#include <QTemporaryDir>

using namespace gleaner;

namespace {

// A table shaped like papers_fts, filled by `fill`, in one transaction.
struct Index
{
    QTemporaryDir dir;
    Database db;

    Index()
    {
        REQUIRE(dir.isValid());
        REQUIRE(db.open(dir.filePath(QStringLiteral("r.sqlite3"))));
        REQUIRE(db.exec("CREATE VIRTUAL TABLE t USING fts5(title, abstract)"));
    }

    void add(qint64 id, const QString &title, const QString &abstract)
    {
        Statement st = db.prepare("INSERT INTO t(rowid, title, abstract) VALUES (?1, ?2, ?3)");
        REQUIRE(st.bind(1, std::int64_t(id)).bind(2, title).bind(3, abstract).run());
    }

    // (rowid, score) in rank order: FTS5's bm25() or ours, same weights.
    QList<std::pair<qint64, double>> ranked(const char *function, const QString &match)
    {
        const QByteArray sql = QByteArray("SELECT rowid, ") + function +
                               "(t, 10.0, 1.0) AS r FROM t WHERE t MATCH ?1 ORDER BY r, rowid";
        Statement st = db.prepare(sql);
        st.bind(1, match);
        QList<std::pair<qint64, double>> rows;
        while (st.next())
            rows.append({st.int64(0), st.real(1)});
        REQUIRE(st.ok());
        return rows;
    }
};

QList<qint64> idsOf(const QList<std::pair<qint64, double>> &rows)
{
    QList<qint64> ids;
    for (const auto &row : rows)
        ids << row.first;
    return ids;
}

} // namespace

TEST_CASE("gleaner_bm25 scores as bm25() does when every phrase is counted", "[relevance]")
{
    Index index;
    // Titles and abstracts of different lengths, the words at different
    // frequencies, so length normalisation and column weights both count.
    const QStringList titles = {
        QStringLiteral("Sparse attention for long video"),
        QStringLiteral("Video diffusion with sparse attention and sparse memory"),
        QStringLiteral("Attention is what you need"),
        QStringLiteral("A survey of diffusion models"),
        QStringLiteral("Long context attention"),
    };
    for (int i = 0; i < 300; ++i) {
        const QString abstract =
            QStringLiteral("We study %1 at scale; attention %2 video frames.")
                .arg(i % 3 == 0 ? QStringLiteral("sparse diffusion") : QStringLiteral("memory"))
                .arg(i % 7 == 0 ? QStringLiteral("over long") : QStringLiteral("across"));
        index.add(i + 1, titles.at(i % titles.size()), abstract);
    }

    for (const QString &match :
         {QStringLiteral("sparse attention"), QStringLiteral("\"sparse attention\" video"),
          QStringLiteral("{title} : (diffusion video)"), QStringLiteral("long OR memory")}) {
        INFO(match.toStdString());
        const auto ours = index.ranked("gleaner_bm25", match);
        const auto theirs = index.ranked("bm25", match);
        REQUIRE(ours.size() == theirs.size());
        REQUIRE(ours.size() > 10);
        for (qsizetype i = 0; i < ours.size(); ++i) {
            CHECK(ours.at(i).first == theirs.at(i).first);
            CHECK(ours.at(i).second == Approx(theirs.at(i).second).epsilon(1e-9));
        }
    }
}

TEST_CASE("gleaner_bm25 keeps bm25()'s order for one phrase without counting it", "[relevance]")
{
    Index index;
    for (int i = 0; i < 200; ++i) {
        const QString title = i % 4 == 0 ? QStringLiteral("Quantization of quantization")
                                         : QStringLiteral("Low-bit quantization for transformers");
        index.add(i + 1, title,
                  QStringLiteral("Abstract %1 with quantization repeated %2")
                      .arg(QString(i % 9, QLatin1Char('x')))
                      .arg(i % 5 == 0 ? QStringLiteral("quantization") : QString()));
    }
    for (const QString &match :
         {QStringLiteral("quantization"), QStringLiteral("\"low bit quantization\"")}) {
        INFO(match.toStdString());
        const auto ours = index.ranked("gleaner_bm25", match);
        const auto theirs = index.ranked("bm25", match);
        REQUIRE(ours.size() > 40);
        CHECK(idsOf(ours) == idsOf(theirs));
        // Better matches score lower, as with bm25().
        CHECK(ours.first().second < ours.last().second);
        CHECK(ours.first().second < 0);
    }
}

TEST_CASE("gleaner_bm25 estimates a common phrase's count from part of the library", "[relevance]")
{
    // More rows than the count walks: a word in every fourth one, whose
    // count stops after kIdfSample matches, and one in every fortieth, whose
    // count stops at kIdfRows. Both are estimated from the first rows, and
    // the scores stay close to bm25()'s, which walks every match.
    Index index;
    const int rows = int(relevance::kIdfRows) + 8000;
    REQUIRE(index.db.exec("BEGIN"));
    for (int i = 1; i <= rows; ++i) {
        QString title = QStringLiteral("paper");
        if (i % 4 == 0)
            title += QStringLiteral(" common");
        if (i % 40 == 0)
            title += QStringLiteral(" middle");
        if (i % 997 == 0)
            title += QStringLiteral(" rare");
        index.add(i, title, QStringLiteral("text"));
    }
    REQUIRE(index.db.exec("COMMIT"));
    const QString match = QStringLiteral("common OR middle OR rare");
    const auto ours = index.ranked("gleaner_bm25", match);
    const auto theirs = index.ranked("bm25", match);
    REQUIRE(ours.size() == theirs.size());
    REQUIRE(ours.size() > rows / 4);
    // Each score near bm25()'s, and so the same groups in the same order:
    // the rare word's papers, then the middle word's, then the others.
    CHECK(idsOf(ours) == idsOf(theirs));
    for (qsizetype i = 0; i < ours.size(); i += 97)
        CHECK(ours.at(i).second == Approx(theirs.at(i).second).epsilon(0.02));
}
