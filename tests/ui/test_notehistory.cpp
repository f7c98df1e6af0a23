// A note's history in the window: typing, a pause, a select-all and delete,
// then History… lists the lost text and Restore brings it back into the
// editor, undoably, and it is there after a restart.
#include "annotationpane.h"
#include "catch.h"
#include "mainwindow.h"
#include "notehistorydialog.h"
#include "windowtesting.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTimer>
#include <QTreeWidget>

using namespace gleaner;
using namespace gleaner::test;

namespace {

// Runs `look` on the history dialog once it is open (it is modal: what
// opens it returns when it closes). A failed check closes it, so the test
// goes on rather than waiting.
void whenHistoryOpens(std::function<void(NoteHistoryDialog &)> look)
{
    QTimer::singleShot(0, [look = std::move(look)] {
        QTRY_VERIFY_WITH_TIMEOUT(
            qobject_cast<NoteHistoryDialog *>(QApplication::activeModalWidget()), 10000);
        look(*qobject_cast<NoteHistoryDialog *>(QApplication::activeModalWidget()));
    });
}

} // namespace

TEST_CASE("A note lost to select-all and delete comes back from its history",
          "[window][notehistory]")
{
    freshSettings();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("library.sqlite3"));
    const QString first = QStringLiteral("Count the fish twice.");
    const QString whole = first + QStringLiteral(" Then compare with sonar.");
    qint64 fish = 0;
    {
        MainWindow w(path);
        w.resize(1024, 700); // a small screen: the pane's History… still shows
        showActive(w);
        // The library's clock, moved by hand: a pause without waiting.
        QDateTime now(QDate(2026, 3, 10), QTime(9, 0), QTimeZone::utc());
        w.library().setClock([&now] { return now; });
        QSignalSpy imported(&w, &MainWindow::importFinished);
        w.importPaths({fixture("day1.txt")});
        REQUIRE(imported.wait(20000));
        const std::optional<SearchResult> found =
            w.library().search(QStringLiteral("title:lanternfish"));
        REQUIRE(found);
        REQUIRE(found->ids.size() == 1);
        fish = found->ids.first();
        QTRY_VERIFY_WITH_TIMEOUT(w.selectPaper(fish), 10000);

        w.paperList()->setFocus();
        QTest::keyClick(w.paperList(), Qt::Key_N);
        auto *note = w.annotationPane()->findChild<QPlainTextEdit *>(QStringLiteral("noteEdit"));
        REQUIRE(note);
        REQUIRE(note->hasFocus());
        QTest::keyClicks(note, first);
        w.annotationPane()->flushNote(); // what the pause after typing does
        REQUIRE(w.library().paper(fish)->note == first);
        now = now.addSecs(10 * 60);
        QTest::keyClicks(note, QStringLiteral(" Then compare with sonar."));
        w.annotationPane()->flushNote();
        REQUIRE(w.library().paper(fish)->note == whole);

        // The accident, a moment later.
        now = now.addSecs(20);
        QTest::keyClick(note, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(note, Qt::Key_Delete);
        CHECK(note->toPlainText().isEmpty());
        w.annotationPane()->flushNote();
        REQUIRE(w.library().paper(fish)->note.isEmpty());

        // History… in the pane lists both versions; the keyboard picks the
        // newest and Enter restores it.
        bool looked = false;
        whenHistoryOpens([&](NoteHistoryDialog &dialog) {
            looked = true;
            dialog.resize(1024, 700);
            auto *list = dialog.findChild<QTreeWidget *>(QStringLiteral("noteVersions"));
            auto *text = dialog.findChild<QPlainTextEdit *>(QStringLiteral("noteVersionText"));
            CHECK(list);
            CHECK(text);
            if (!list || !text) {
                dialog.reject();
                return;
            }
            CHECK(list->topLevelItemCount() == 2);
            CHECK(dialog.focusWidget() == list);
            CHECK(dialog.chosenVersion() == 1);
            CHECK(text->isReadOnly());
            CHECK(text->toPlainText() == whole);
            CHECK(list->topLevelItem(0)->text(2) == whole);
            CHECK(list->topLevelItem(1)->text(2) == first);
            CHECK(dialog.findChild<QLabel *>(QStringLiteral("noteVersionComparison"))
                      ->text()
                      .contains(QStringLiteral("empty now")));
            QTest::keyClick(list, Qt::Key_Down);
            CHECK(dialog.chosenVersion() == 2);
            CHECK(text->toPlainText() == first);
            QTest::keyClick(list, Qt::Key_Up);
            saveArtifact(dialog, "note-history");
            QTest::keyClick(list, Qt::Key_Return);
        });
        auto *button =
            w.annotationPane()->findChild<QPushButton *>(QStringLiteral("noteHistoryButton"));
        REQUIRE(button);
        CHECK(button->isVisible());
        CHECK(button->isEnabled());
        button->click();
        REQUIRE(looked);
        CHECK(note->toPlainText() == whole);
        CHECK(note->textCursor().position() == int(whole.size()));
        CHECK(w.library().paper(fish)->note == whole);
        saveArtifact(w, "note-history-restored");

        // Restoring is undone the same way: Paper › Note History…, where the
        // note before the restore is the newest version (here there was
        // none, the note being empty) and the older one can be had too.
        now = now.addSecs(30);
        QTest::keyClicks(note, QStringLiteral(" Ask the authors."));
        w.annotationPane()->flushNote();
        looked = false;
        whenHistoryOpens([&](NoteHistoryDialog &dialog) {
            looked = true;
            auto *list = dialog.findChild<QTreeWidget *>(QStringLiteral("noteVersions"));
            CHECK(list);
            if (!list) {
                dialog.reject();
                return;
            }
            CHECK(list->topLevelItem(0)->text(2) == whole);
            // Esc closes it and changes nothing.
            QTest::keyClick(list, Qt::Key_Escape);
        });
        auto *historyAction = w.findChild<QAction *>(QStringLiteral("noteHistory"));
        REQUIRE(historyAction);
        historyAction->trigger();
        REQUIRE(looked);
        CHECK(w.library().paper(fish)->note == whole + QStringLiteral(" Ask the authors."));
        CHECK(note->toPlainText() == whole + QStringLiteral(" Ask the authors."));
        w.close();
    }
    // After a restart the note is the restored one, with the edit after it.
    MainWindow again(path);
    showActive(again);
    QTRY_COMPARE_WITH_TIMEOUT(again.currentPaperId(), std::optional<qint64>(fish), 10000);
    auto *note = again.annotationPane()->findChild<QPlainTextEdit *>(QStringLiteral("noteEdit"));
    REQUIRE(note);
    CHECK(note->toPlainText() == whole + QStringLiteral(" Ask the authors."));
    const std::optional<NoteHistory> history = again.library().noteHistory(fish);
    REQUIRE(history);
    QStringList texts;
    for (const NoteVersion &v : *history)
        texts << v.text;
    CHECK(texts.contains(whole));
    CHECK(texts.contains(first));
}
