// The reading queue in the window: Q queues the paper in front of the
// reader, the sidebar's Reading queue lists the queue in its order, Ctrl+Up
// and Ctrl+Down (and a drop) reorder it, and the order is there after a
// restart.
#include "annotationpane.h"
#include "catch.h"
#include "mainwindow.h"
#include "paperlistmodel.h"
#include "sidebar.h"
#include "windowtesting.h"

#include <QAction>
#include <QCheckBox>
#include <QMimeData>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>

#include <memory>

using namespace gleaner;
using namespace gleaner::test;

namespace {

const QString kQueueView = QStringLiteral("library:queue");

void press(MainWindow &w, int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QTest::keyClick(w.paperList(), Qt::Key(key), modifiers);
}

QAction *actionNamed(MainWindow &w, const char *name)
{
    auto *action = w.findChild<QAction *>(QLatin1String(name));
    REQUIRE(action);
    return action;
}

// Presses a key that lists the queue again, and waits for the new list.
void pressAndWaitForList(MainWindow &w, int key, Qt::KeyboardModifiers modifiers)
{
    QSignalSpy searched(&w, &MainWindow::searchFinished);
    press(w, key, modifiers);
    REQUIRE(waitForSearch(searched));
}

} // namespace

TEST_CASE("Papers are queued with Q, reordered with the keys and a drop, and keep their order "
          "after a restart",
          "[window][queue]")
{
    freshSettings();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("library.sqlite3"));
    QList<qint64> queued;
    {
        MainWindow w(path);
        w.resize(1024, 700);
        showActive(w);
        QSignalSpy imported(&w, &MainWindow::importFinished);
        QSignalSpy searched(&w, &MainWindow::searchFinished);
        w.importPaths({fixture("day1.txt"), fixture("day2.txt")});
        REQUIRE(imported.wait(20000));
        REQUIRE(waitForSearch(searched));
        REQUIRE(w.paperModel()->rowCount() == 5);
        CHECK(sidebarCount(w, QStringLiteral("Reading queue")) == 0);

        // The keys are in the Paper menu with their shortcuts (and so in the
        // shortcuts sheet and the shortcut editor).
        CHECK(actionNamed(w, "queue")->shortcut() == QKeySequence(Qt::Key_Q));
        CHECK(actionNamed(w, "queueUp")->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_Up));
        CHECK(actionNamed(w, "queueDown")->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_Down));
        CHECK_FALSE(actionNamed(w, "queueUp")->isEnabled()); // not in the queue's order

        // Q on the first three papers, in list order.
        w.paperList()->setFocus();
        auto *box = w.annotationPane()->findChild<QCheckBox *>(QStringLiteral("queueBox"));
        REQUIRE(box);
        for (int i = 0; i < 3; ++i) {
            press(w, Qt::Key_J);
            const std::optional<qint64> id = w.currentPaperId();
            REQUIRE(id);
            CHECK_FALSE(box->isChecked());
            press(w, Qt::Key_Q);
            CHECK(w.library().isQueued(*id));
            CHECK(box->isChecked()); // the annotation pane says so
            queued << *id;
        }
        CHECK(w.statusBar()->currentMessage().contains(QStringLiteral("reading queue")));
        CHECK(sidebarCount(w, QStringLiteral("Reading queue")) == 3);
        CHECK(w.library().queue() == queued);

        // The Reading queue view lists them in the queue's order.
        searched.clear();
        REQUIRE(w.sidebar()->selectView(kQueueView));
        REQUIRE(waitForSearch(searched));
        REQUIRE(w.paperModel()->ids() == queued);
        CHECK(actionNamed(w, "queueUp")->isEnabled());

        // The last one up twice: first.
        w.paperList()->setFocus();
        REQUIRE(w.selectPaper(queued.at(2)));
        pressAndWaitForList(w, Qt::Key_Up, Qt::ControlModifier);
        CHECK(w.paperModel()->ids() == QList<qint64>{queued.at(0), queued.at(2), queued.at(1)});
        CHECK(w.currentPaperId() == queued.at(2)); // it stays selected as it moves
        pressAndWaitForList(w, Qt::Key_Up, Qt::ControlModifier);
        CHECK(w.paperModel()->ids() == QList<qint64>{queued.at(2), queued.at(0), queued.at(1)});
        // At the top it stays there.
        pressAndWaitForList(w, Qt::Key_Up, Qt::ControlModifier);
        CHECK(w.paperModel()->ids() == QList<qint64>{queued.at(2), queued.at(0), queued.at(1)});
        // The middle one down: last.
        REQUIRE(w.selectPaper(queued.at(0)));
        pressAndWaitForList(w, Qt::Key_Down, Qt::ControlModifier);
        CHECK(w.paperModel()->ids() == QList<qint64>{queued.at(2), queued.at(1), queued.at(0)});
        CHECK(w.library().queue() == w.paperModel()->ids());

        // A row dragged below the last one goes to the end; one dropped on
        // the first row goes before it.
        PaperListModel *model = w.paperModel();
        REQUIRE(model->isReorderable());
        const auto drop = [&](int from, int onto) {
            std::unique_ptr<QMimeData> data(model->mimeData({model->index(from, 0)}));
            REQUIRE(data);
            REQUIRE(model->canDropMimeData(data.get(), Qt::MoveAction, onto, 0, {}));
            QSignalSpy relisted(&w, &MainWindow::searchFinished);
            model->dropMimeData(data.get(), Qt::MoveAction, onto, 0, {});
            REQUIRE(waitForSearch(relisted));
        };
        drop(0, 3);
        CHECK(w.paperModel()->ids() == QList<qint64>{queued.at(1), queued.at(0), queued.at(2)});
        drop(2, 0);
        CHECK(w.paperModel()->ids() == QList<qint64>{queued.at(2), queued.at(1), queued.at(0)});
        saveArtifact(w, "reading-queue");

        // Q in the queue takes a paper out; Ctrl+Z puts it back (at the end).
        REQUIRE(w.selectPaper(queued.at(2)));
        press(w, Qt::Key_Q);
        CHECK_FALSE(w.library().isQueued(queued.at(2)));
        CHECK(sidebarCount(w, QStringLiteral("Reading queue")) == 2);
        press(w, Qt::Key_Z, Qt::ControlModifier);
        CHECK(w.library().queue() == QList<qint64>{queued.at(1), queued.at(0), queued.at(2)});
        CHECK(sidebarCount(w, QStringLiteral("Reading queue")) == 3);
        // A column sort is another order: no moving by key there.
        searched.clear();
        w.paperModel()->sort(PaperListModel::TitleColumn, Qt::AscendingOrder);
        REQUIRE(waitForSearch(searched));
        CHECK_FALSE(actionNamed(w, "queueUp")->isEnabled());
        CHECK_FALSE(model->isReorderable());
        searched.clear();
        REQUIRE(w.sidebar()->selectView(Sidebar::allPapers().key));
        REQUIRE(waitForSearch(searched));
        searched.clear();
        REQUIRE(w.sidebar()->selectView(kQueueView));
        REQUIRE(waitForSearch(searched));
        CHECK(w.paperModel()->ids() == QList<qint64>{queued.at(1), queued.at(0), queued.at(2)});
    }

    // Reopened: the same queue in the same order.
    MainWindow again(path);
    again.resize(1024, 700);
    QSignalSpy searched(&again, &MainWindow::searchFinished);
    showActive(again);
    REQUIRE(waitForSearch(searched));
    CHECK(sidebarCount(again, QStringLiteral("Reading queue")) == 3);
    if (again.sidebar()->currentView().key != kQueueView) {
        searched.clear();
        REQUIRE(again.sidebar()->selectView(kQueueView));
        REQUIRE(waitForSearch(searched));
    }
    CHECK(again.paperModel()->ids() == QList<qint64>{queued.at(1), queued.at(0), queued.at(2)});
}
