// gleaner-rank-bench: how well and how fast "For you" ranks.
//
// Quality: star k papers of a topic (k = 3, 5, 10), rank every other paper,
// and report the ROC AUC and the precision at 10 of that topic's held-out
// papers, for the star model and for two baselines in the same run: upvote
// order, and BM25 of the topic's name (the library's relevance search for
// it). Averaged over the topics. Two data sets: planted topics (20 topics,
// each with its own pseudo-words mixed into common ones; tests/support/
// plantedtopics.h) and the real seeds with topics labelled by title
// keywords (see kSeedTopics).
//
// Speed (--library FILE, a large library that is COPIED first, never
// changed): the features' rebuild, features for a new 50-paper digest,
// training one model, scoring the whole library, related papers p95, bytes
// per paper, and the peak memory of training.
#include "ingest/importer.h"
#include "memory.h"
#include "model/rankmodel.h"
#include "plantedtopics.h"
#include "rank/ranker.h"
#include "storage/library.h"
#include "storage/rankstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <optional>

using namespace gleaner;
using gleaner::bench::PrivatePeak;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

double auc(const QList<double> &positives, const QList<double> &negatives)
{
    if (positives.isEmpty() || negatives.isEmpty())
        return 0;
    // By ranks: sort all, count the negatives below each positive.
    QList<std::pair<double, bool>> all;
    for (const double p : positives)
        all.append({p, true});
    for (const double n : negatives)
        all.append({n, false});
    std::sort(all.begin(), all.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    double right = 0;
    double negativesBelow = 0;
    for (qsizetype i = 0; i < all.size();) {
        qsizetype j = i;
        double pos = 0;
        double neg = 0;
        while (j < all.size() && all.at(j).first == all.at(i).first) {
            (all.at(j).second ? pos : neg) += 1;
            ++j;
        }
        right += pos * (negativesBelow + neg / 2);
        negativesBelow += neg;
        i = j;
    }
    return right / (double(positives.size()) * double(negatives.size()));
}

struct Labelled
{
    QString name;         // the tag's name (the BM25 baseline searches it)
    QList<qint64> papers; // in library order
};

struct Quality
{
    double auc = 0;
    double p10 = 0;
    int topics = 0;
};

// Every paper's score by each method for one topic with `k` stars.
void evaluate(Library &library, const QList<qint64> &all, const Labelled &topic, int k,
              QHash<QString, Quality> &sums)
{
    const QList<qint64> starred = topic.papers.mid(0, k);
    const QSet<qint64> starredSet(starred.cbegin(), starred.cend());
    const QSet<qint64> held(topic.papers.cbegin() + k, topic.papers.cend());
    (void)library.setStarred(all, false);
    (void)library.setStarred(starred, true);
    Ranker ranker(library.database());
    if (!ranker.update()) {
        out() << "training failed: " << ranker.errorString() << "\n";
        return;
    }
    RankStore store(library.database());

    QHash<qint64, double> model;
    QHash<qint64, double> votes;
    QHash<qint64, double> bm25;
    for (const Paper &p : library.papers(all)) {
        votes.insert(p.id, p.upvotes.value_or(-1));
        const auto s = store.score(p.id);
        model.insert(p.id, s ? s->score : 0);
    }
    const auto found = library.search(topic.name, SortOrder::Relevance);
    if (found) {
        for (qsizetype i = 0; i < found->ids.size(); ++i)
            bm25.insert(found->ids.at(i), double(found->ids.size() - i));
    }
    auto measure = [&](const QString &method, const QHash<qint64, double> &score) {
        QList<double> pos;
        QList<double> neg;
        QList<std::pair<double, qint64>> ranked;
        for (const qint64 id : all) {
            if (starredSet.contains(id))
                continue;
            const double s = score.value(id, 0);
            (held.contains(id) ? pos : neg) << s;
            ranked.append({s, id});
        }
        // Ties broken against the method: a held-out paper among equals comes last.
        std::sort(ranked.begin(), ranked.end(), [&](const auto &a, const auto &b) {
            if (a.first != b.first)
                return a.first > b.first;
            return held.contains(a.second) < held.contains(b.second);
        });
        int hits = 0;
        for (int i = 0; i < 10 && i < ranked.size(); ++i)
            hits += held.contains(ranked.at(i).second);
        Quality &q = sums[method];
        q.auc += auc(pos, neg);
        q.p10 += double(hits) / 10.0;
        q.topics += 1;
    };
    measure(QStringLiteral("for you (star model)"), model);
    measure(QStringLiteral("upvotes"), votes);
    measure(QStringLiteral("BM25 of the tag name"), bm25);
}

void qualityTable(Library &library, const QString &dataset, const QList<Labelled> &topics)
{
    QList<qint64> all;
    {
        const auto every = library.search(QString(), SortOrder::Digest);
        all = every ? every->ids : QList<qint64>();
    }
    std::sort(all.begin(), all.end());
    for (const int k : {3, 5, 10}) {
        QHash<QString, Quality> sums;
        for (const Labelled &topic : topics) {
            if (topic.papers.size() >= k + 3)
                evaluate(library, all, topic, k, sums);
        }
        for (const QString &method :
             {QStringLiteral("for you (star model)"), QStringLiteral("upvotes"),
              QStringLiteral("BM25 of the tag name")}) {
            const Quality q = sums.value(method);
            if (q.topics == 0)
                continue;
            out() << QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 |\n")
                         .arg(dataset)
                         .arg(k)
                         .arg(method)
                         .arg(q.topics)
                         .arg(q.auc / q.topics, 0, 'f', 3)
                         .arg(q.p10 / q.topics, 0, 'f', 2);
        }
    }
    out().flush();
}

void planted(const QString &dir)
{
    Library library;
    if (!library.open(QDir(dir).filePath(QStringLiteral("planted.sqlite3"))))
        return;
    test::PlantedTopics::Settings settings;
    settings.topics = 20;
    settings.papersPerTopic = 50;
    const test::PlantedTopics corpus(settings);
    Importer importer(library);
    corpus.import(importer, 0, corpus.papers());
    QList<Labelled> topics(settings.topics);
    for (int i = 0; i < corpus.papers(); ++i) {
        Statement st = library.database().prepare("SELECT id FROM papers WHERE title = ?1");
        st.bind(1, corpus.entry(i).title);
        if (st.next())
            topics[corpus.topicOf(i)].papers << st.int64(0);
    }
    for (int t = 0; t < settings.topics; ++t)
        topics[t].name = corpus.topicWords(t).first(); // the topic's "name": one of its words
    qualityTable(library, QStringLiteral("planted (1,000 papers, 20 topics)"), topics);
}

// The seeds' topics: a paper belongs to a topic when its title matches the
// pattern; the tag's name (for the BM25 baseline) is what a reader would
// call the tag. A paper may be in several topics.
const struct
{
    const char *name;
    const char *pattern;
} kSeedTopics[] = {
    {"diffusion", "diffusion|denois"},
    {"video", "video"},
    {"reinforcement learning", "reinforcement|\\brl\\b|reward|policy"},
    {"agents", "agent"},
    {"3d", "\\b3d\\b|gaussian|nerf|point cloud|mesh|scene"},
    {"reasoning", "reason|math|chain-of-thought"},
    {"speech", "speech|audio|voice|tts|sound|music"},
    {"code", "\\bcode|program|software"},
    {"multimodal", "multimodal|vision-language|\\bvlms?\\b|mllm|visual"},
    {"efficiency", "quantiz|prun|sparse|compress|distill"},
    {"image generation", "text-to-image|image generation|image editing|customiz"},
};

void seeds(const QString &dir, const QString &seedsDir)
{
    Library library;
    if (!library.open(QDir(dir).filePath(QStringLiteral("seeds.sqlite3"))))
        return;
    Importer importer(library);
    (void)importer.importPaths({seedsDir});
    const auto every = library.search(QString(), SortOrder::Digest);
    if (!every || every->ids.isEmpty()) {
        out() << "no seeds in " << seedsDir << "\n";
        return;
    }
    QList<qint64> ids = every->ids;
    std::sort(ids.begin(), ids.end());
    QList<Labelled> topics;
    for (const auto &t : kSeedTopics) {
        Labelled l;
        l.name = QString::fromLatin1(t.name);
        const QRegularExpression re(QString::fromLatin1(t.pattern),
                                    QRegularExpression::CaseInsensitiveOption);
        for (const Paper &p : library.papers(ids)) {
            if (re.match(p.title).hasMatch())
                l.papers << p.id;
        }
        out() << "seeds topic \"" << l.name << "\": " << l.papers.size() << " papers\n";
        topics << l;
    }
    qualityTable(
        library,
        QStringLiteral("seeds (%1 papers, %2 title topics)").arg(ids.size()).arg(topics.size()),
        topics);
}

void speed(const QString &dir, const QString &source)
{
    const QString path = QDir(dir).filePath(QStringLiteral("speed.sqlite3"));
    out() << "copying " << source << " ...\n";
    out().flush();
    if (!QFile::copy(source, path)) {
        out() << "could not copy " << source << "\n";
        return;
    }
    QElapsedTimer timer;
    timer.start();
    Library library;
    if (!library.open(path)) {
        out() << library.errorString() << "\n";
        return;
    }
    out() << "| opened (and upgraded) | " << timer.elapsed() << " ms |\n";
    const int papers = library.paperCount();
    Ranker ranker(library.database());
    RankStore store(library.database());

    std::optional<PrivatePeak> memory(std::in_place);
    timer.restart();
    const auto built = ranker.update(true);
    if (!built) {
        out() << ranker.errorString() << "\n";
        return;
    }
    const auto state = store.state().value_or(RankState());
    out() << "| papers | " << papers << " |\n";
    out() << "| features rebuilt (vocabulary of " << state.terms << " terms) | " << timer.elapsed()
          << " ms, peak private memory " << QString::number(memory->mib(), 'f', 0) << " MiB |\n";
    const qint64 bytes = store.vectorBytes().value_or(0);
    auto tableBytes = [&](const char *name) -> qint64 {
        Statement st = library.database().prepare("SELECT sum(pgsize) FROM dbstat WHERE name = ?1");
        st.bind(1, name);
        return st.next() ? st.int64(0) : -1;
    };
    out() << "| vector bytes per paper (blobs) | "
          << QString::number(double(bytes) / qMax<qint64>(1, state.vectors), 'f', 0) << " |\n";
    out() << "| library bytes per paper (rank_vectors + rank_top_terms pages) | "
          << QString::number(double(tableBytes("rank_vectors") + tableBytes("rank_top_terms")) /
                                 qMax(1, papers),
                             'f', 0)
          << " |\n";

    // A new digest's features: 50 papers' vectors taken out and made again,
    // the import's step (RankStore::vectorizeMissing with the vocabulary
    // read as an import does).
    const auto last = library.search(QString(), SortOrder::Digest, 50).value_or(SearchResult());
    {
        Statement del = library.database().prepare(
            "DELETE FROM rank_vectors WHERE paper_id IN (SELECT value FROM json_each(?1))");
        QStringList ids;
        for (const qint64 id : last.ids)
            ids << QString::number(id);
        del.bind(1, QString(u'[' + ids.join(u',') + u']'));
        (void)del.run();
        Transaction tx(library.database());
        timer.restart();
        const auto added = store.vectorizeMissing(last.ids);
        const qint64 ms = timer.elapsed();
        (void)tx.commit();
        out() << "| features for a new digest of " << added.value_or(-1) << " papers | " << ms
              << " ms (vocabulary read included, no model yet) |\n";
    }

    // One model: five stars on the papers of a common title word
    // ("diffusion" in real language; a synthetic library may lack it, and
    // then the newest paper's first title word serves).
    QList<qint64> toStar = library.search(QStringLiteral("title:diffusion"), SortOrder::Digest, 5)
                               .value_or(SearchResult())
                               .ids;
    if (toStar.size() < 5 && !last.ids.isEmpty()) {
        const QString word = library.papers(last.ids.mid(0, 1))
                                 .value(0)
                                 .title.section(u' ', 0, 0, QString::SectionSkipEmpty);
        toStar = library.search(QStringLiteral("title:\"%1\"").arg(word), SortOrder::Digest, 5)
                     .value_or(SearchResult())
                     .ids;
    }
    (void)library.setStarred(toStar, true);
    memory.emplace();
    timer.restart();
    const auto trained = ranker.update();
    const qint64 total = timer.elapsed();
    if (!trained) {
        out() << ranker.errorString() << "\n";
        return;
    }
    out() << "| training one model (" << toStar.size() << " stars, " << trained->trained
          << " trained) | " << trained->trainMs << " ms (peak private memory, scoring included: "
          << QString::number(memory->mib(), 'f', 0) << " MiB) |\n";
    memory.reset();
    out() << "| scoring the whole library with it (and writing the scores) | " << trained->scoreMs
          << " ms (update in all " << total << " ms) |\n";

    // Scoring alone, in memory, without the writes.
    {
        const auto ms = store.models(true).value_or(QList<RankModel>());
        // In place (the ranker's way), and decoding each vector first.
        double sum = 0;
        timer.restart();
        (void)store.forEachEncodedVector([&](qint64, QByteArrayView v) {
            for (const RankModel &m : ms)
                sum += dotEncoded(v, m.weights) + m.bias;
            return true;
        });
        const qint64 inPlace = timer.restart();
        (void)store.forEachVector([&](qint64, SparseVector v) {
            for (const RankModel &m : ms)
                sum -= v.dot(m.weights) + m.bias;
            return true;
        });
        out() << "| scoring the whole library, read and dot only | " << inPlace
              << " ms (decoding each vector first: " << timer.elapsed() << " ms) |\n";
        Q_UNUSED(sum);
    }
    // A digest with a model: vectors and scores.
    {
        Statement del = library.database().prepare(
            "DELETE FROM rank_vectors WHERE paper_id IN (SELECT value FROM json_each(?1))");
        QStringList ids;
        for (const qint64 id : last.ids)
            ids << QString::number(id);
        del.bind(1, QString(u'[' + ids.join(u',') + u']'));
        (void)del.run();
        Transaction tx(library.database());
        timer.restart();
        const auto added = store.vectorizeMissing(last.ids);
        const qint64 ms = timer.elapsed();
        (void)tx.commit();
        out() << "| features and scores for a new digest of " << added.value_or(-1)
              << " papers, one model | " << ms << " ms |\n";
    }

    // Related papers: 200 papers spread over the library.
    QList<qint64> times;
    const auto everyId = library.search(QString(), SortOrder::Digest).value_or(SearchResult());
    for (int i = 0; i < 200 && !everyId.ids.isEmpty(); ++i) {
        const qint64 id = everyId.ids.at((qsizetype(i) * 7919) % everyId.ids.size());
        QElapsedTimer t;
        t.start();
        (void)ranker.related(id, 5);
        times << t.nsecsElapsed() / 1000;
    }
    std::sort(times.begin(), times.end());
    if (!times.isEmpty())
        out() << "| related papers (5), median / p95 / max | "
              << QString::number(times.at(times.size() / 2) / 1000.0, 'f', 1) << " / "
              << QString::number(times.at(times.size() * 95 / 100) / 1000.0, 'f', 1) << " / "
              << QString::number(times.last() / 1000.0, 'f', 1) << " ms |\n";
    out().flush();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("How well and how fast \"For you\" ranks."));
    parser.addHelpOption();
    const QCommandLineOption seedsOption(QStringLiteral("seeds"),
                                         QStringLiteral("real digests for the quality table"),
                                         QStringLiteral("DIR"));
    const QCommandLineOption libraryOption(
        QStringLiteral("library"),
        QStringLiteral("a large library for the speed rows (copied first, never changed)"),
        QStringLiteral("FILE"));
    const QCommandLineOption noQuality(QStringLiteral("no-quality"),
                                       QStringLiteral("only the speed rows"));
    parser.addOptions({seedsOption, libraryOption, noQuality});
    parser.process(app);

    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    if (!parser.isSet(noQuality)) {
        out() << "| data | k | method | topics | ROC AUC | P@10 |\n|---|---|---|---|---|---|\n";
        planted(dir.path());
        if (parser.isSet(seedsOption))
            seeds(dir.path(), parser.value(seedsOption));
    }
    if (parser.isSet(libraryOption)) {
        out() << "\n| speed | |\n|---|---|\n";
        speed(dir.path(), parser.value(libraryOption));
    }
    return 0;
}
