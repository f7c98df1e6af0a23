// "For you": tf-idf features, their storage and incremental update, the
// liblinear models, the For you order and its cold start, related papers
// and tag suggestions.
#include "catch.h"
#include "libraryfixture.h"
#include "plantedtopics.h"
#include "rank/ranker.h"
#include "storage/rankstore.h"

#include <QSet>

#include <algorithm>
#include <cmath>

using namespace gleaner;
using gleaner::test::LibraryFixture;
using gleaner::test::PlantedTopics;
using gleaner::test::scalar;
using gleaner::test::writeOldLibrary;

namespace {

qint64 idOfTitle(Library &library, const QString &title)
{
    Statement st = library.database().prepare("SELECT id FROM papers WHERE title = ?1");
    st.bind(1, title);
    REQUIRE(st.next());
    return st.int64(0);
}

// The library ids of the planted papers, by paper number.
QList<qint64> plantedIds(Library &library, const PlantedTopics &corpus, int count)
{
    QList<qint64> ids;
    for (int i = 0; i < count; ++i)
        ids << idOfTitle(library, corpus.entry(i).title);
    return ids;
}

Ranker::Update update(Library &library, bool rebuild = false)
{
    Ranker ranker(library.database());
    const auto u = ranker.update(rebuild);
    INFO(ranker.errorString().toStdString());
    REQUIRE(u);
    return *u;
}

double storedScore(Library &library, qint64 id)
{
    RankStore store(library.database());
    const auto s = store.score(id);
    REQUIRE(s);
    return s->score;
}

// ROC AUC of `positives` against `negatives` by their scores: the share of
// (positive, negative) pairs ordered right, ties counting half.
double auc(const QList<double> &positives, const QList<double> &negatives)
{
    double right = 0;
    for (const double p : positives) {
        for (const double n : negatives)
            right += p > n ? 1.0 : (p == n ? 0.5 : 0.0);
    }
    return right / (double(positives.size()) * double(negatives.size()));
}

} // namespace

TEST_CASE("Feature words leave out math, TeX commands and stop words", "[rank]")
{
    CHECK(featureWords(QStringLiteral("The $O(n^2)$ \\emph{Sparse} Attention"),
                       QStringLiteral("We show that it is fast: 3x, x2 and M-ViT.")) ==
          QStringList{QStringLiteral("sparse"), QStringLiteral("attention"), QStringLiteral("show"),
                      QStringLiteral("fast"), QStringLiteral("x2"), QStringLiteral("vit")});
    // A lone dollar sign is text, not the start of math that swallows the rest.
    CHECK(featureWords(QStringLiteral("Costs $5 per token"), QString()) ==
          QStringList{QStringLiteral("costs"), QStringLiteral("token")});
}

TEST_CASE("tf-idf values on a small corpus are the documented formula", "[rank]")
{
    VocabularyBuilder builder;
    const QString docs[][2] = {{QStringLiteral("kelp forest"), QStringLiteral("kelp kelp")},
                               {QStringLiteral("kelp reef"), QString()},
                               {QStringLiteral("coral reef"), QString()}};
    for (const auto &d : docs)
        builder.count(d[0], d[1]);
    FeatureSettings settings;
    settings.minDf = 1;
    settings.maxDf = 1.0;
    builder.choose(settings);
    for (const auto &d : docs)
        builder.name(d[0], d[1]);
    REQUIRE(builder.named());
    const Vocabulary vocabulary = builder.vocabulary();
    // kelp, reef (df 2); forest, coral, "kelp forest", "forest kelp",
    // "kelp kelp", "kelp reef", "coral reef" (df 1).
    REQUIRE(vocabulary.size() == 9);
    CHECK(vocabulary.terms().at(0).df == 2);
    const auto kelp = vocabulary.indexOf(termHash(QStringLiteral("kelp")));
    const auto forest = vocabulary.indexOf(termHash(QStringLiteral("forest")));
    const auto pair = vocabulary.indexOf(termHash(QStringLiteral("kelp forest")));
    REQUIRE(kelp);
    REQUIRE(forest);
    REQUIRE(pair);
    CHECK_FALSE(vocabulary.indexOf(termHash(QStringLiteral("forest reef"))));
    CHECK(vocabulary.text(*pair) == QStringLiteral("kelp forest"));
    const double idf2 = std::log(4.0 / 3.0) + 1.0;
    const double idf1 = std::log(4.0 / 2.0) + 1.0;
    CHECK(vocabulary.idf(*kelp) == Approx(idf2));
    CHECK(vocabulary.idf(*forest) == Approx(idf1));

    // Document 1: kelp three times (1 + ln 3), forest, "kelp forest",
    // "forest kelp" and "kelp kelp" once each; then scaled to length 1.
    const SparseVector v = vocabulary.vectorize(docs[0][0], docs[0][1]);
    REQUIRE(v.size() == 5);
    const double k = (1.0 + std::log(3.0)) * idf2;
    const double norm = std::sqrt(k * k + 4 * idf1 * idf1);
    for (size_t i = 0; i < v.indexes.size(); ++i) {
        const double expected = v.indexes[i] == *kelp ? k / norm : idf1 / norm;
        CHECK(v.values[i] == Approx(expected).epsilon(1e-6));
    }
    CHECK(v.dot(v) == Approx(1.0));

    // Stored at 16 bits a value: back within 1/65535.
    const SparseVector back = decodeVector(encodeVector(v));
    REQUIRE(back.indexes == v.indexes);
    for (size_t i = 0; i < v.values.size(); ++i)
        CHECK(std::abs(back.values[i] - v.values[i]) <= 1.0 / 65535);
    CHECK(decodeVector(QByteArray("abc")).isEmpty());
    CHECK(decodeVector(QByteArray("\x02\x00\x01\x00\x01\x00\x01\x00", 8)).isEmpty());

    // Scoring reads the stored form in place: the decoded vector's dot.
    std::vector<float> dense(size_t(vocabulary.size()));
    for (size_t i = 0; i < dense.size(); ++i)
        dense[i] = float(i + 1) * (i % 2 ? -0.5f : 0.25f);
    const QByteArray stored = encodeVector(v);
    CHECK(dotEncoded(stored, dense) == Approx(back.dot(dense)).epsilon(1e-6));
    CHECK(dotEncoded(stored, dense) == Approx(v.dot(dense)).epsilon(1e-4));
    CHECK(dotEncoded(stored, std::vector<float>(1, 1.0f)) ==
          Approx(v.indexes[0] == 0 ? back.values[0] : 0.0)); // indexes past the weights: 0
    CHECK(dotEncoded(QByteArray("abc"), dense) == 0);

    // A term in more than max_df of the papers, or fewer than min_df, is out.
    VocabularyBuilder strict;
    for (const auto &d : docs)
        strict.count(d[0], d[1]);
    settings.minDf = 2;
    settings.maxDf = 0.5;
    strict.choose(settings);
    for (const auto &d : docs)
        strict.name(d[0], d[1]);
    CHECK(strict.vocabulary().size() == 0); // kelp and reef are in 2 of 3 papers
    settings.maxDf = 0.7;
    VocabularyBuilder middle;
    for (const auto &d : docs)
        middle.count(d[0], d[1]);
    middle.choose(settings);
    for (const auto &d : docs)
        middle.name(d[0], d[1]);
    CHECK(middle.vocabulary().size() == 2);
}

TEST_CASE("Why names the strongest terms, each saying something the ones before did not", "[rank]")
{
    const QStringList texts{QStringLiteral("reinforcement learning"),
                            QStringLiteral("reinforcement"),
                            QStringLiteral("rl"),
                            QStringLiteral("training"),
                            QStringLiteral("rl training"),
                            QStringLiteral("reward"),
                            QStringLiteral("against")};
    QList<VocabularyTerm> terms;
    for (const QString &t : texts)
        terms << VocabularyTerm{t, 3};
    const Vocabulary vocabulary(terms, 10);
    SparseVector vector;
    RankModel model;
    for (quint32 i = 0; i < quint32(texts.size()); ++i) {
        vector.indexes.push_back(i);
        vector.values.push_back(0.5f);
        model.weights.push_back(float(texts.size() - i)); // in the list's order
    }
    model.weights.back() = -1; // pulls the score down: never a reason
    CHECK(Ranker::why(vector, model, vocabulary) ==
          QStringList{QStringLiteral("reinforcement learning"), QStringLiteral("rl"),
                      QStringLiteral("training"), QStringLiteral("reward")});
    CHECK(Ranker::why(vector, model, vocabulary, 2) ==
          QStringList{QStringLiteral("reinforcement learning"), QStringLiteral("rl")});
}

TEST_CASE("Features are built once and new papers get theirs on import", "[rank]")
{
    LibraryFixture f;
    PlantedTopics::Settings s;
    s.topics = 4;
    s.papersPerTopic = 50;
    const PlantedTopics corpus(s);
    Importer importer(f.library);
    corpus.import(importer, 0, 150);
    RankStore store(f.library.database());
    CHECK_FALSE(store.state()->isBuilt());
    CHECK(store.state()->wantsRebuild());

    const Ranker::Update first = update(f.library);
    CHECK(first.rebuilt);
    CHECK(first.models == 0);
    RankState state = store.state().value();
    CHECK(state.documents == 150);
    CHECK(state.vectors == 150);
    CHECK(state.terms > 100);
    CHECK_FALSE(state.wantsRebuild());

    // The next digest: vectors at once, in the import, against the same
    // vocabulary, equal to what that vocabulary makes of the papers.
    corpus.import(importer, 150, 200);
    state = store.state().value();
    CHECK(state.vectors == 200);
    CHECK(state.documents == 150);
    const Vocabulary vocabulary = store.vocabulary().value();
    for (int i = 150; i < 200; i += 7) {
        const qint64 id = idOfTitle(f.library, corpus.entry(i).title);
        const SparseVector stored = store.vector(id).value();
        const SparseVector fresh =
            vocabulary.vectorize(corpus.entry(i).title, corpus.entry(i).abstract);
        REQUIRE(stored.indexes == fresh.indexes);
        for (size_t j = 0; j < fresh.values.size(); ++j)
            CHECK(std::abs(stored.values[j] - fresh.values[j]) <= 1.0 / 65535);
    }
    CHECK(scalar(f.library, "SELECT count(DISTINCT paper_id) FROM rank_top_terms") == 200);
    // A paper removed takes its vector with it.
    const int before = scalar(f.library, "SELECT count(*) FROM rank_vectors");
    REQUIRE(f.library.removeDigest(scalar(f.library, "SELECT max(id) FROM digests")).value() == 50);
    CHECK(scalar(f.library, "SELECT count(*) FROM rank_vectors") == before - 50);
}

TEST_CASE("A star model learns a planted topic from five papers", "[rank]")
{
    LibraryFixture f;
    const PlantedTopics corpus; // 20 topics of 30 papers
    Importer importer(f.library);
    corpus.import(importer, 0, corpus.papers());
    const QList<qint64> ids = plantedIds(f.library, corpus, corpus.papers());

    // Cold start: no model, so upvotes then digest order, and it says so.
    update(f.library);
    SearchResult cold = f.library.search(QString(), SortOrder::ForYou).value();
    CHECK_FALSE(cold.personal);
    CHECK(cold.notice == Library::forYouColdStartNotice());
    const SearchResult byUpvotes = f.library.search(QString(), SortOrder::Upvotes).value();
    QList<int> coldVotes;
    for (const Paper &p : f.library.papers(cold.ids.mid(0, 100)))
        coldVotes << p.upvotes.value_or(-1);
    CHECK(std::is_sorted(coldVotes.rbegin(), coldVotes.rend()));
    CHECK(f.library.papers(cold.ids.mid(0, 1)).first().upvotes ==
          f.library.papers(byUpvotes.ids.mid(0, 1)).first().upvotes);

    const int topic = 3;
    QList<qint64> starred;
    for (int i = 0; i < corpus.papers() && starred.size() < 5; ++i) {
        if (corpus.topicOf(i) == topic)
            starred << ids.at(i);
    }
    REQUIRE(f.library.setStarred(starred.mid(0, 2), true));
    CHECK(f.library.search(QString(), SortOrder::ForYou)->notice ==
          Library::forYouColdStartNotice());
    // Enough to learn from, nothing learnt yet: the notice says how to.
    REQUIRE(f.library.setStarred(starred, true));
    const SearchResult untrained = f.library.search(QString(), SortOrder::ForYou).value();
    CHECK_FALSE(untrained.personal);
    CHECK(untrained.notice == Library::forYouUntrainedNotice());
    Ranker ranker(f.library.database());
    CHECK(ranker.isStale().value());
    CHECK(ranker.staleReasons().value() ==
          QStringList{QStringLiteral("the stars have no model yet")});
    const Ranker::Update trained = update(f.library);
    CHECK(trained.trained == 1);
    CHECK(trained.models == 1);
    CHECK(trained.scored);
    CHECK_FALSE(ranker.isStale().value());
    CHECK(ranker.staleReasons().value().isEmpty());

    QList<double> held;
    QList<double> others;
    for (int i = 0; i < corpus.papers(); ++i) {
        if (starred.contains(ids.at(i)))
            continue;
        (corpus.topicOf(i) == topic ? held : others) << storedScore(f.library, ids.at(i));
    }
    CHECK(auc(held, others) >= 0.95);

    // The order puts the topic first, with the topic's words as reasons.
    const SearchResult personal = f.library.search(QString(), SortOrder::ForYou).value();
    CHECK(personal.personal);
    CHECK(personal.notice.isEmpty());
    int topicInTop = 0;
    for (int i = 0; i < 20; ++i)
        topicInTop += corpus.topicOf(int(ids.indexOf(personal.ids.at(i)))) == topic;
    CHECK(topicInTop >= 18);
    // The stars themselves come after every paper still to look at.
    CHECK(QSet<qint64>(personal.ids.cend() - starred.size(), personal.ids.cend()) ==
          QSet<qint64>(starred.cbegin(), starred.cend()));
    const QList<qint64> heldIds = [&] {
        QList<qint64> list;
        for (int i = 0; i < corpus.papers(); ++i) {
            if (corpus.topicOf(i) == topic && !starred.contains(ids.at(i)))
                list << ids.at(i);
        }
        return list;
    }();
    const RankExplanation why = ranker.explain(heldIds.first()).value();
    CHECK_FALSE(why.tagId);
    REQUIRE_FALSE(why.words.isEmpty());
    CHECK(why.words.size() <= 5);
    const QSet<QString> topicWords(corpus.topicWords(topic).cbegin(),
                                   corpus.topicWords(topic).cend());
    CHECK(topicWords.contains(why.words.first().split(QLatin1Char(' ')).first()));

    // Dismissed papers go last, and what they are about goes down.
    const int other = 8;
    QList<qint64> dismissed;
    QList<qint64> otherRest;
    for (int i = 0; i < corpus.papers(); ++i) {
        if (corpus.topicOf(i) != other)
            continue;
        (dismissed.size() < 6 ? dismissed : otherRest) << ids.at(i);
    }
    auto meanScore = [&](const QList<qint64> &list) {
        double sum = 0;
        for (const qint64 id : list)
            sum += storedScore(f.library, id);
        return sum / double(list.size());
    };
    const double before = meanScore(otherRest);
    REQUIRE(f.library.setDismissed({dismissed.first(), heldIds.first()}, true));
    REQUIRE(f.library.setDismissed(dismissed, true));
    CHECK(ranker.isStale().value());
    CHECK(ranker.staleReasons().value() ==
          QStringList{QStringLiteral("the stars changed since their model was trained")});
    update(f.library);
    CHECK(meanScore(otherRest) < before);
    const SearchResult after = f.library.search(QString(), SortOrder::ForYou).value();
    const qsizetype n = after.ids.size();
    QSet<qint64> tail(after.ids.cbegin() + (n - 7), after.ids.cend());
    CHECK(tail ==
          QSet<qint64>(dismissed.cbegin(), dismissed.cend()) + QSet<qint64>{heldIds.first()});

    // Related papers: the topic's own.
    const auto related = ranker.related(heldIds.at(1), 5).value();
    REQUIRE(related.size() == 5);
    int sameTopic = 0;
    for (const RelatedPaper &r : related) {
        CHECK(r.id != heldIds.at(1));
        CHECK(r.similarity > 0);
        sameTopic += corpus.topicOf(int(ids.indexOf(r.id))) == topic;
    }
    CHECK(sameTopic >= 4);
    CHECK(std::is_sorted(
        related.cbegin(), related.cend(),
        [](const RelatedPaper &a, const RelatedPaper &b) { return a.similarity > b.similarity; }));
    // A paper marked "Not interested" is never offered as related (heldIds'
    // first is dismissed above).
    for (const qint64 id : heldIds.mid(2)) {
        const QList<RelatedPaper> near = ranker.related(id, 5).value();
        for (const RelatedPaper &r : near)
            CHECK(r.id != heldIds.first());
    }
    REQUIRE(f.library.setDismissed({related.first().id}, true));
    const QList<RelatedPaper> without = ranker.related(heldIds.at(1), 5).value();
    CHECK(without.size() == 5);
    for (const RelatedPaper &r : without)
        CHECK(r.id != related.first().id);
}

TEST_CASE("Tag models suggest their tag for papers of their subject", "[rank]")
{
    LibraryFixture f;
    PlantedTopics::Settings s;
    s.topics = 6;
    s.papersPerTopic = 40;
    const PlantedTopics corpus(s);
    Importer importer(f.library);
    corpus.import(importer, 0, corpus.papers());
    const QList<qint64> ids = plantedIds(f.library, corpus, corpus.papers());
    QList<qint64> fish;
    QList<qint64> rest;
    QList<qint64> unrelated;
    for (int i = 0; i < corpus.papers(); ++i) {
        if (corpus.topicOf(i) == 2)
            (fish.size() < 4 ? fish : rest) << ids.at(i);
        else if (corpus.topicOf(i) == 5)
            unrelated << ids.at(i);
    }
    // Two papers are not enough for a model; four are.
    REQUIRE(f.library.addTags(fish.mid(0, 2), {QStringLiteral("fish")}));
    CHECK(update(f.library).models == 0);
    REQUIRE(f.library.addTags(fish.mid(2), {QStringLiteral("fish")}));
    const Ranker::Update u = update(f.library);
    CHECK(u.trained == 1);
    CHECK(u.models == 1);

    Ranker ranker(f.library.database());
    int suggested = 0;
    for (const qint64 id : rest) {
        const auto list = ranker.suggestTags(id).value();
        if (!list.isEmpty() && list.first().tag == QStringLiteral("fish"))
            ++suggested;
    }
    CHECK(suggested >= int(rest.size()) * 9 / 10);
    int wrong = 0;
    for (const qint64 id : unrelated)
        wrong += !ranker.suggestTags(id).value().isEmpty();
    CHECK(wrong <= int(unrelated.size()) / 10);
    // A paper that has the tag is never offered it again.
    CHECK(ranker.suggestTags(fish.first()).value().isEmpty());
    const RankExplanation e = ranker.explain(rest.first()).value();
    REQUIRE(e.tagId);
    CHECK(e.tagName == QStringLiteral("fish"));

    // Untagging below the minimum removes the model and its scores.
    REQUIRE(f.library.removeTags(fish.mid(0, 2), {QStringLiteral("fish")}));
    const Ranker::Update gone = update(f.library);
    CHECK(gone.removed == 1);
    CHECK(gone.models == 0);
    CHECK(scalar(f.library, "SELECT count(*) FROM rank_scores") == 0);
    CHECK_FALSE(f.library.search(QString(), SortOrder::ForYou)->personal);
}

TEST_CASE("The library grown to twice its vocabulary's papers is rebuilt", "[rank]")
{
    LibraryFixture f;
    PlantedTopics::Settings s;
    s.topics = 4;
    s.papersPerTopic = 50;
    const PlantedTopics corpus(s);
    Importer importer(f.library);
    corpus.import(importer, 0, 50);
    CHECK(update(f.library).rebuilt);
    corpus.import(importer, 50, 99);
    const Ranker::Update grown = update(f.library);
    CHECK_FALSE(grown.rebuilt);
    CHECK(grown.vectorized == 0); // the import gave them theirs
    corpus.import(importer, 99, 100);
    RankStore store(f.library.database());
    CHECK(store.state()->wantsRebuild());
    CHECK(update(f.library).rebuilt);
    CHECK(store.state()->documents == 100);
    // An explicit rebuild, whatever the size.
    CHECK(update(f.library, true).rebuilt);
}

TEST_CASE("A format-11 library gains the ranking tables", "[rank][schema]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.sqlite3"));
    {
        // "For you" came with format 12.
        REQUIRE(writeOldLibrary(path, 11,
                                "INSERT INTO papers(key, key_hash, title, abstract, added) VALUES "
                                "('kelp', 1, 'Kelp', 'Kelp forests', '2026-01-01')"));
    }
    Library library;
    REQUIRE(library.open(path));
    CHECK(library.database().userVersion() == Schema::currentVersion());
    CHECK(scalar(library, "SELECT count(*) FROM papers") == 1);
    for (const char *table : {"rank_terms", "rank_state", "rank_vectors", "rank_top_terms",
                              "rank_models", "rank_scores"}) {
        Statement st = library.database().prepare(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1");
        st.bind(1, table);
        REQUIRE(st.next());
        CHECK(st.integer(0) == 1);
    }
    // The one paper gets its vector.
    CHECK(update(library).rebuilt);
    CHECK(scalar(library, "SELECT count(*) FROM rank_vectors") == 1);
}

TEST_CASE("A format-12 library keeps its scores, which still go with their paper or model",
          "[rank][schema]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.sqlite3"));
    {
        // Scores without foreign keys came with format 13.
        REQUIRE(writeOldLibrary(
            path, 12,
            "INSERT INTO papers(id, key, key_hash, title, abstract, added) VALUES "
            "(1, 'kelp', 1, 'Kelp', 'Kelp forests', '2026-01-01'), "
            "(2, 'reef', 2, 'Reef', 'Reef sounds', '2026-01-01'), "
            "(3, 'tide', 3, 'Tide', 'Tide pools', '2026-01-01'); "
            "INSERT INTO papers_fts(rowid, title, abstract) SELECT id, title, abstract FROM "
            "papers; "
            "INSERT INTO tags(id, name) VALUES (7, 'ocean'); "
            "INSERT INTO rank_models(id, tag_id, trained, positives, dismissed, unlabelled, "
            "labels_hash, bias, weights) VALUES (1, NULL, '2026-01-01', 3, 0, 10, 1, 0, x''), "
            "(2, 7, '2026-01-01', 3, 0, 10, 2, 0, x''); "
            "INSERT INTO rank_scores(paper_id, score, model_id) VALUES (1, 0.75, 1), "
            "(2, 0.5, 2), (3, 0.25, 2);"));
    }
    Library library;
    REQUIRE(library.open(path));
    CHECK(library.database().userVersion() == Schema::currentVersion());
    CHECK(scalar(library, "SELECT count(*) FROM pragma_foreign_key_list('rank_scores')") == 0);
    CHECK(scalar(library, "SELECT count(*) FROM rank_scores") == 3);
    const std::optional<RankStore::Score> kelp = RankStore(library.database()).score(1);
    REQUIRE(kelp);
    CHECK(kelp->score == 0.75);
    CHECK(kelp->modelId == 1);

    REQUIRE(library.database().exec("DELETE FROM papers WHERE id = 1"));
    CHECK(scalar(library, "SELECT group_concat(paper_id, '') FROM rank_scores") == 23);
    // The tag's model goes with its tag (rank_models keeps its cascade).
    REQUIRE(library.database().exec("DELETE FROM tags WHERE id = 7"));
    CHECK(scalar(library, "SELECT count(*) FROM rank_scores") == 0);
}

TEST_CASE("A star from another connection goes through while the ranking rebuilds and trains",
          "[rank]")
{
    LibraryFixture f;
    const PlantedTopics corpus;
    Importer importer(f.library);
    corpus.import(importer, 0, corpus.papers());
    const QList<qint64> ids = plantedIds(f.library, corpus, corpus.papers());
    QList<qint64> starred;
    for (int i = 0; i < corpus.papers() && starred.size() < 5; ++i) {
        if (corpus.topicOf(i) == 2)
            starred << ids.at(i);
    }
    REQUIRE(f.library.setStarred(starred, true));

    // The window's connection, writing while the ranking's work is under way
    // (the cancel check runs between papers in the slow parts). It must not
    // wait: with the lock held it would time out after the busy timeout and
    // fail.
    Library window;
    REQUIRE(window.open(f.libraryPath()));
    int polls = 0;
    int written = 0;
    bool allWritten = true;
    const auto writeMidway = [&] {
        // Now and then, not at every paper: a few writes in each slow part.
        if (++polls % 150 == 0) {
            allWritten = window.setRead({ids.at(written % ids.size())}, true) && allWritten;
            ++written;
        }
        return false;
    };
    Ranker ranker(f.library.database());
    const auto u = ranker.update(true, false, writeMidway);
    INFO(ranker.errorString().toStdString());
    REQUIRE(u);
    CHECK(u->rebuilt);
    CHECK(u->trained == 1);
    CHECK(written >= 4);
    CHECK(allWritten);
    CHECK(scalar(f.library, "SELECT count(*) FROM papers WHERE read") == qMin(written, 600));
}
