// "For you" in the window: trained on its own worker after the window
// opens, a digest then comes in For you order with score bars, the reader
// says why, and the annotation pane suggests the tag a paper resembles.
#include "annotationpane.h"
#include "catch.h"
#include "libraryevents.h"
#include "librarywatcher.h"
#include "mainwindow.h"
#include "paperlistmodel.h"
#include "plantedtopics.h"
#include "readerview.h"
#include "sidebar.h"
#include "storage/rankstore.h"
#include "windowtesting.h"

#include <QLabel>
#include <QTableView>
#include <QTemporaryDir>

using namespace gleaner;
using namespace gleaner::test;

namespace {

// A library of four planted topics, 30 papers each, in digests; the first
// `starred` papers imported are starred.
QString plantedLibrary(const QTemporaryDir &dir, int starred)
{
    const QString path = dir.filePath(QStringLiteral("library.sqlite3"));
    PlantedTopics::Settings settings;
    settings.topics = 4;
    settings.papersPerTopic = 30;
    const PlantedTopics corpus(settings);
    Library library;
    REQUIRE(library.open(path));
    Importer importer(library);
    corpus.import(importer, 0, corpus.papers());
    QList<qint64> ids;
    Statement st = library.database().prepare("SELECT id FROM papers ORDER BY id LIMIT ?1");
    st.bind(1, std::int64_t(starred));
    while (st.next())
        ids << st.int64(0);
    REQUIRE(library.setStarred(ids, true));
    return path;
}

// Shift+J from the list: the newest digest.
void openNewestDigest(MainWindow &w, QSignalSpy &searched)
{
    w.paperList()->setFocus();
    searched.clear();
    QTest::keyClick(w.paperList(), Qt::Key_J, Qt::ShiftModifier);
    REQUIRE(waitForSearch(searched));
    REQUIRE(w.sidebar()->currentView().kind == SidebarView::Kind::Digest);
}

} // namespace

TEST_CASE("A digest opens in For you order once the stars and tags have trained models",
          "[window][rank]")
{
    freshSettings();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("library.sqlite3"));
    PlantedTopics::Settings settings;
    settings.topics = 6;
    settings.papersPerTopic = 40;
    const PlantedTopics corpus(settings);
    QHash<qint64, int> topicOf;
    {
        Library library;
        REQUIRE(library.open(path));
        Importer importer(library);
        corpus.import(importer, 0, corpus.papers());
        QList<qint64> starred;
        QList<qint64> reef;
        for (int i = 0; i < corpus.papers(); ++i) {
            Statement st = library.database().prepare("SELECT id FROM papers WHERE title = ?1");
            st.bind(1, corpus.entry(i).title);
            REQUIRE(st.next());
            const qint64 id = st.int64(0);
            topicOf.insert(id, corpus.topicOf(i));
            // From the older digests only: the newest is the one to rank.
            if (i < 150 && corpus.topicOf(i) == 2 && starred.size() < 4)
                starred << id;
            if (i < 150 && corpus.topicOf(i) == 3 && reef.size() < 4)
                reef << id;
        }
        REQUIRE(library.setStarred(starred, true));
        REQUIRE(library.addTags(reef, {QStringLiteral("reef")}));
    }

    MainWindow w(path);
    w.resize(1024, 700);
    QSignalSpy ranked(&w, &MainWindow::rankingUpdated);
    QSignalSpy searched(&w, &MainWindow::searchFinished);
    showActive(w);
    // Trained on the worker a moment after the window opened.
    REQUIRE(ranked.wait(60000));
    openNewestDigest(w, searched);

    QAbstractItemModel *model = w.paperList()->model();
    REQUIRE(model->rowCount() >= 40);
    int liked = 0;
    for (int row = 0; row < 8; ++row) {
        const QModelIndex index = model->index(row, 0);
        const int topic = topicOf.value(index.data(PaperListModel::IdRole).toLongLong(), -1);
        liked += topic == 2 || topic == 3;
        CHECK(index.data(PaperListModel::ForYouRole).isValid());
    }
    CHECK(liked >= 7);
    const double first = model->index(0, 0).data(PaperListModel::ForYouRole).toDouble();
    const double last =
        model->index(model->rowCount() - 1, 0).data(PaperListModel::ForYouRole).toDouble();
    CHECK(first > last);

    // The reader gives reasons for a paper that stands out, none for the
    // lowest: its strongest words would explain nothing.
    w.paperList()->setCurrentIndex(model->index(0, 0));
    QTRY_VERIFY_WITH_TIMEOUT(w.readerView()->currentHtml().contains(QStringLiteral("id=\"why\"")),
                             5000);
    const QString likedHtml = w.readerView()->currentHtml();
    w.paperList()->setCurrentIndex(model->index(model->rowCount() - 1, 0));
    QTRY_VERIFY_WITH_TIMEOUT(w.readerView()->currentHtml() != likedHtml, 5000);
    CHECK_FALSE(w.readerView()->currentHtml().contains(QStringLiteral("id=\"why\"")));

    // A paper like the tagged ones: the pane suggests the tag, and adds
    // nothing by itself.
    int reefRow = -1;
    for (int row = 0; row < model->rowCount() && reefRow < 0; ++row) {
        if (topicOf.value(model->index(row, 0).data(PaperListModel::IdRole).toLongLong()) == 3)
            reefRow = row;
    }
    REQUIRE(reefRow >= 0);
    w.paperList()->setCurrentIndex(model->index(reefRow, 0));
    QTRY_VERIFY_WITH_TIMEOUT(w.annotationPane()->tagSuggestions().contains(QStringLiteral("reef")),
                             5000);
    CHECK(model->index(reefRow, 0).data(PaperListModel::TagListRole).toStringList().isEmpty());
    auto *suggestions = w.annotationPane()->findChild<QLabel *>(QStringLiteral("tagSuggestions"));
    REQUIRE(suggestions);
    CHECK(suggestions->isVisibleTo(&w));
    saveArtifact(w, "foryou-digest");
}

TEST_CASE("The window's own ranking keeps the undo history, and the list's order while it is read",
          "[window][rank]")
{
    freshSettings();
    QTemporaryDir dir;
    MainWindow w(plantedLibrary(dir, 4));
    w.resize(1024, 700);
    QSignalSpy ranked(&w, &MainWindow::rankingUpdated);
    QSignalSpy searched(&w, &MainWindow::searchFinished);
    showActive(w);
    REQUIRE(ranked.wait(60000));
    // The newest digest, in For you order.
    openNewestDigest(w, searched);
    REQUIRE(w.paperModel()->index(0, 0).data(PaperListModel::ForYouRole).isValid());

    // A star from the keyboard, then the ranking it schedules trains on
    // it, on its own connection.
    w.paperList()->setCurrentIndex(w.paperModel()->index(2, 0));
    const std::optional<qint64> paper = w.currentPaperId();
    REQUIRE(paper);
    REQUIRE_FALSE(w.library().paper(*paper)->starred);
    QSignalSpy replaced(&w.events(), &LibraryEvents::libraryReplaced);
    const QList<qint64> order = w.paperModel()->ids();
    ranked.clear();
    QTest::keyClick(w.paperList(), Qt::Key_S);
    REQUIRE(w.library().paper(*paper)->starred);
    REQUIRE(ranked.wait(60000));
    // Past the watcher's next look at the file: the write was the
    // window's own, not another program's.
    QTest::qWait(2 * LibraryWatcher::kPollIntervalMs + 500);
    CHECK(replaced.isEmpty());
    CHECK(w.currentPaperId() == paper);
    // The scores moved, the list did not: re-sorted mid-triage, the paper
    // just starred would jump away from the reader.
    CHECK(w.paperModel()->ids() == order);

    // Ctrl+Z still takes the star back.
    QTest::keyClick(w.paperList(), Qt::Key_Z, Qt::ControlModifier);
    CHECK_FALSE(w.library().paper(*paper)->starred);
}

TEST_CASE("A first model trained mid-triage leaves the digest being read in its order",
          "[window][rank]")
{
    freshSettings();
    QTemporaryDir dir;
    MainWindow w(plantedLibrary(dir, 0));
    w.resize(1024, 700);
    QSignalSpy searched(&w, &MainWindow::searchFinished);
    showActive(w);
    // No stars: no model, and the newest digest comes in its own order.
    openNewestDigest(w, searched);
    REQUIRE_FALSE(w.paperModel()->index(0, 0).data(PaperListModel::ForYouRole).isValid());
    const QList<qint64> order = w.paperModel()->ids();

    // Enough stars for a model, from the keyboard.
    for (int row = 0; row < RankStore::kMinPositives + 1; ++row) {
        w.paperList()->setCurrentIndex(w.paperModel()->index(row, 0));
        QTest::keyClick(w.paperList(), Qt::Key_S);
    }
    QTRY_VERIFY_WITH_TIMEOUT(w.paperModel()->index(0, 0).data(PaperListModel::ForYouRole).isValid(),
                             60000);
    CHECK(w.paperModel()->ids() == order);
    // Asked again in the same digest (Hide Read on and off): still its order.
    for (int toggle = 0; toggle < 2; ++toggle) {
        searched.clear();
        QTest::keyClick(w.paperList(), Qt::Key_H, Qt::ShiftModifier);
        REQUIRE(waitForSearch(searched));
    }
    CHECK(w.paperModel()->ids() == order);
}
