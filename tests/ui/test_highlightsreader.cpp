// Highlights in the reader: a selection is read back as offsets in the
// paper's stored text (formulas counted as their TeX, and taken whole), H
// in the window highlights it, and after the window is opened again the
// page marks it and the annotation pane lists it.
#include "annotationpane.h"
#include "catch.h"
#include "mainwindow.h"
#include "paperlistmodel.h"
#include "readerview.h"
#include "sidebar.h"
#include "webengine.h"
#include "windowtesting.h"

#include <QAction>
#include <QApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QInputDialog>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

using namespace gleaner;
using namespace gleaner::test;

namespace {

Paper mathPaper()
{
    Paper p;
    p.id = 7;
    p.title = QStringLiteral("Bounds for $O(\\sqrt{n})$ Counting & <More>");
    p.abstract = QStringLiteral("We bound the error by $O(\\sqrt{n})$ for n fish, and the "
                                "&amp; <b>count</b> follows.");
    return p;
}

bool showAndWait(ReaderView &view, const Paper &paper)
{
    view.setPaper(paper);
    return waitForJs(view.page(), QStringLiteral("document.documentElement.dataset.ready === "
                                                 "'true' && !!document.getElementById('title')"));
}

// Selects from character `from` of one text node of `selector` to `to` of
// another (indexes of the element's text nodes outside formulas).
void select(ReaderView &view, const QString &startSelector, int startNode, int from,
            const QString &endSelector, int endNode, int to)
{
    const QString script =
        QStringLiteral(
            "(() => { const nodes = s => { const w = document.createTreeWalker("
            "document.querySelector(s), NodeFilter.SHOW_TEXT, {acceptNode: n => "
            "n.parentElement.closest('.math') ? NodeFilter.FILTER_REJECT : "
            "NodeFilter.FILTER_ACCEPT});"
            " const list = []; for (let n = w.nextNode(); n; n = w.nextNode()) list.push(n); "
            "return "
            "list; }; const r = document.createRange(); r.setStart(nodes('%1')[%2], %3); "
            "r.setEnd(nodes('%4')[%5], %6); const s = window.getSelection(); s.removeAllRanges(); "
            "s.addRange(r); return s.toString(); })()")
            .arg(startSelector)
            .arg(startNode)
            .arg(from)
            .arg(endSelector)
            .arg(endNode)
            .arg(to);
    REQUIRE(runJs(view.page(), script));
}

// Lets the event loop run until `condition` holds (up to 10 s).
bool eventually(const std::function<bool()> &condition)
{
    for (int waited = 0; waited < 10000; waited += 50) {
        if (condition())
            return true;
        QTest::qWait(50);
    }
    return condition();
}

struct Selected
{
    std::optional<Highlight> highlight;
    QString why;
};

Selected selection(ReaderView &view)
{
    Selected result;
    bool done = false;
    QEventLoop loop;
    view.requestSelection([&](const std::optional<Highlight> &h, const QString &why) {
        result = {h, why};
        done = true;
        loop.quit();
    });
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    if (!done)
        loop.exec();
    REQUIRE(done);
    return result;
}

// Answers the next input dialog with `answer` once it shows, polling from
// the event loop (the dialog runs its own loop, so a wait would block it).
void answerNextInputDialog(const std::function<void(QInputDialog *)> &answer)
{
    auto *poll = new QTimer(qApp);
    poll->setInterval(20);
    auto deadline = std::make_shared<QDeadlineTimer>(10000);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, answer, deadline] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!dialog && !deadline->hasExpired())
            return;
        poll->stop();
        poll->deleteLater();
        if (!dialog) {
            FAIL_CHECK("no input dialog showed up");
            return;
        }
        answer(dialog);
    });
    poll->start();
}

// Shows the paper "Tidal Attention…" in the window's reader and waits for
// its page.
ReaderView &showTidal(MainWindow &w, qint64 tidal)
{
    REQUIRE(w.selectPaper(tidal));
    ReaderView &reader = *w.readerView();
    REQUIRE(waitForJs(reader.page(),
                      QStringLiteral("document.documentElement.dataset.ready === 'true' && "
                                     "document.title.startsWith('Tidal')")));
    return reader;
}

// Selects `passage` where it stands in the abstract's first text node.
void selectInAbstract(ReaderView &reader, const QString &abstract, const QString &passage)
{
    const int at = int(abstract.indexOf(passage));
    REQUIRE(at >= 0);
    select(reader, QStringLiteral("#abstract"), 0, at, QStringLiteral("#abstract"), 0,
           at + int(passage.size()));
}

} // namespace

TEST_CASE("The reader reads a selection back as offsets in the stored text", "[reader][highlights]")
{
    ReaderView view;
    view.resize(800, 600);
    view.show();
    const Paper p = mathPaper();
    REQUIRE(showAndWait(view, p));
    REQUIRE(runJs(view.page(), QStringLiteral("document.querySelectorAll('#abstract "
                                              ".math-typeset').length"))
                ->toInt() == 1);

    SECTION("after a formula: its TeX is counted, escaped text is one character each")
    {
        // Text nodes of the abstract: "We bound the error by ", then " for n fish, ...".
        select(view, QStringLiteral("#abstract"), 1, 5, QStringLiteral("#abstract"), 1, 35);
        const Selected s = selection(view);
        REQUIRE(s.highlight);
        CHECK(s.highlight->field == HighlightField::Abstract);
        CHECK(s.highlight->quote == QStringLiteral("n fish, and the &amp; <b>count"));
        CHECK(p.abstract.mid(s.highlight->start, s.highlight->length) == s.highlight->quote);
        CHECK(s.highlight->paperId == 7);
    }
    SECTION("a selection that ends inside a formula takes it whole; white space is trimmed")
    {
        const QString script = QStringLiteral(
            "(() => { const a = document.getElementById('abstract'); const r = "
            "document.createRange(); r.setStart(a.firstChild, 12); const k = "
            "a.querySelector('.katex'); const inner = document.createTreeWalker(k, "
            "NodeFilter.SHOW_TEXT).nextNode(); r.setEnd(inner, 1); const s = "
            "window.getSelection(); s.removeAllRanges(); s.addRange(r); return true; })()");
        REQUIRE(runJs(view.page(), script)->toBool());
        const Selected s = selection(view);
        REQUIRE(s.highlight);
        CHECK(s.highlight->quote == QStringLiteral("error by $O(\\sqrt{n})$"));
    }
    SECTION("in the title")
    {
        select(view, QStringLiteral("#title"), 1, 1, QStringLiteral("#title"), 1, 9);
        const Selected s = selection(view);
        REQUIRE(s.highlight);
        CHECK(s.highlight->field == HighlightField::Title);
        CHECK(s.highlight->quote == QStringLiteral("Counting"));
    }
    SECTION("across the title and the abstract, or nothing: refused with a sentence")
    {
        select(view, QStringLiteral("#title"), 1, 1, QStringLiteral("#abstract"), 0, 4);
        Selected s = selection(view);
        CHECK_FALSE(s.highlight);
        CHECK(s.why.contains(QStringLiteral("within one of them")));
        REQUIRE(runJs(view.page(), QStringLiteral("window.getSelection().removeAllRanges()")));
        s = selection(view);
        CHECK_FALSE(s.highlight);
        CHECK(s.why.contains(QStringLiteral("Select a passage")));
    }
}

TEST_CASE("The reader marks highlights in their colours and lists detached ones",
          "[reader][highlights]")
{
    ReaderView view;
    view.resize(800, 600);
    view.show();
    Paper p = mathPaper();
    Highlight formula = *makeHighlight(p.abstract, HighlightField::Abstract, 13, 14);
    formula.id = 11;
    formula.colour = QStringLiteral("green");
    Highlight gone = formula;
    gone.id = 12;
    gone.detached = true;
    gone.quote = QStringLiteral("<img src=x onerror=alert(1)>");
    gone.comment = QStringLiteral("<b>comment</b>");
    p.highlights = {formula, gone};
    REQUIRE(showAndWait(view, p));
    // "error by $O(\sqrt{n})$" is partly a formula: the whole of it is marked.
    CHECK(runJs(view.page(),
                QStringLiteral("document.querySelector('#abstract mark.hl-green').textContent"))
              ->toString()
              .startsWith(QStringLiteral("error by")));
    CHECK(runJs(view.page(), QStringLiteral("document.querySelectorAll('#abstract mark.hl "
                                            ".math-typeset').length"))
              ->toInt() == 1);
    CHECK(runJs(view.page(), QStringLiteral("document.querySelector('#detached li').textContent"))
              ->toString() == QStringLiteral("<img src=x onerror=alert(1)> <b>comment</b>"));
    CHECK(
        runJs(view.page(), QStringLiteral("document.querySelectorAll('img, b').length"))->toInt() ==
        0);
    CHECK(runJs(view.page(), QStringLiteral("gleanerShowHighlight(11)"))->toBool());
}

TEST_CASE("H highlights the reader's selection, and it is there after reopening",
          "[window][highlights]")
{
    freshSettings();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("library.sqlite3"));
    qint64 tidal = 0;
    {
        MainWindow w(path);
        w.resize(1024, 700);
        showActive(w);
        QSignalSpy imported(&w, &MainWindow::importFinished);
        w.importPaths({fixture("day1.txt")});
        REQUIRE(imported.wait(20000));
        QTRY_COMPARE_WITH_TIMEOUT(w.paperModel()->rowCount(), 3, 10000);
        tidal = w.library().search(QStringLiteral("tidal"))->ids.value(0);
        REQUIRE(tidal > 0);
        ReaderView &reader = showTidal(w, tidal);
        selectInAbstract(reader, w.library().paper(tidal)->abstract,
                         QStringLiteral("learned oscillator"));
        reader.setFocus();
        auto *highlight = w.findChild<QAction *>(QStringLiteral("highlight"));
        REQUIRE(highlight);
        CHECK(highlight->shortcut() == QKeySequence(Qt::Key_H));
        // H pressed where the reader's keys go (the page's own widget).
        QWidget *keys = reader.focusProxy() ? reader.focusProxy() : &reader;
        QTRY_VERIFY_WITH_TIMEOUT(keys->hasFocus(), 5000);
        QTest::keyClick(keys, Qt::Key_H);
        REQUIRE(eventually([&] { return w.library().highlights(tidal)->size() == 1; }));
        const Highlight made = w.library().highlights(tidal)->first();
        CHECK(made.quote == QStringLiteral("learned oscillator"));
        CHECK(made.colour == QStringLiteral("yellow"));
        CHECK(waitForJs(reader.page(),
                        QStringLiteral("!!document.querySelector('#abstract mark.hl-yellow')")));
        // A second press with nothing selected says why, and adds nothing.
        REQUIRE(runJs(reader.page(), QStringLiteral("window.getSelection().removeAllRanges()")));
        highlight->trigger();
        QTest::qWait(300);
        CHECK(w.library().highlights(tidal)->size() == 1);
        // The pane's colour change and comment go to the library.
        Q_EMIT w.annotationPane()->highlightColourChanged(made.id, QStringLiteral("purple"));
        Q_EMIT w.annotationPane()->highlightCommentChanged(made.id, QStringLiteral("phase!"));
        CHECK(w.library().highlight(made.id)->colour == QStringLiteral("purple"));
        CHECK(w.library().highlight(made.id)->comment == QStringLiteral("phase!"));
        saveArtifact(w, "highlights");
    }
    MainWindow again(path);
    again.resize(1024, 700);
    showActive(again);
    QTRY_COMPARE_WITH_TIMEOUT(again.paperModel()->rowCount(), 3, 10000);
    ReaderView &reader = showTidal(again, tidal);
    CHECK(runJs(reader.page(),
                QStringLiteral("document.querySelector('#abstract mark.hl-purple').textContent"))
              ->toString() == QStringLiteral("learned oscillator"));
    auto *list = again.annotationPane()->findChild<QListWidget *>(QStringLiteral("highlightList"));
    REQUIRE(list);
    REQUIRE(list->count() == 1);
    CHECK(list->item(0)->text().contains(QStringLiteral("learned oscillator")));
    CHECK(list->item(0)->text().contains(QStringLiteral("phase!")));
    // Clicking it scrolls the reader there (and flashes the mark).
    Q_EMIT list->itemClicked(list->item(0));
    CHECK(waitForJs(reader.page(), QStringLiteral("!!document.querySelector('mark.hl.flash')")));
    // Deleting it (after the confirmation) takes it out of the page and pane.
    Q_EMIT again.annotationPane()->highlightRemoved(list->item(0)->data(Qt::UserRole).toLongLong());
    CHECK(again.library().highlights(tidal)->isEmpty());
    CHECK(list->count() == 0);
    saveArtifact(again, "highlights-removed");
}

TEST_CASE("The reader's menu highlights in a colour, asking for a comment first",
          "[window][highlights]")
{
    freshSettings();
    QTemporaryDir dir;
    MainWindow w(dir.filePath(QStringLiteral("library.sqlite3")));
    w.resize(1024, 700);
    showActive(w);
    QSignalSpy imported(&w, &MainWindow::importFinished);
    w.importPaths({fixture("day1.txt")});
    REQUIRE(imported.wait(20000));
    QTRY_COMPARE_WITH_TIMEOUT(w.paperModel()->rowCount(), 3, 10000);
    const qint64 tidal = w.library().search(QStringLiteral("tidal"))->ids.value(0);
    ReaderView &reader = showTidal(w, tidal);
    // "Routing Tokens", in the title's only text node.
    select(reader, QStringLiteral("#title"), 0, 17, QStringLiteral("#title"), 0, 31);

    SECTION("with a comment typed into the dialog")
    {
        bool answered = false;
        answerNextInputDialog([&answered](QInputDialog *dialog) {
            dialog->setTextValue(QStringLiteral("  routing by phase, not by gate  "));
            dialog->accept();
            answered = true;
        });
        Q_EMIT reader.highlightRequested(QStringLiteral("blue"), true);
        REQUIRE(eventually([&] { return w.library().highlights(tidal)->size() == 1; }));
        CHECK(answered);
        const Highlight made = w.library().highlights(tidal)->first();
        CHECK(made.field == HighlightField::Title);
        CHECK(made.quote == QStringLiteral("Routing Tokens"));
        CHECK(made.colour == QStringLiteral("blue"));
        CHECK(made.comment == QStringLiteral("routing by phase, not by gate"));
        CHECK(waitForJs(reader.page(),
                        QStringLiteral("!!document.querySelector('#title mark.hl-blue')")));
        // The comment's words find the paper.
        CHECK(w.library().search(QStringLiteral("gate"))->ids == QList<qint64>{tidal});
    }
    SECTION("the dialog cancelled: nothing is made")
    {
        bool cancelled = false;
        answerNextInputDialog([&cancelled](QInputDialog *dialog) {
            dialog->reject();
            cancelled = true;
        });
        Q_EMIT reader.highlightRequested(QStringLiteral("pink"), true);
        REQUIRE(eventually([&] { return cancelled; }));
        QTest::qWait(200);
        CHECK(w.library().highlights(tidal)->isEmpty());
    }
}

TEST_CASE("A highlight with a comment, a note with a formula and a link, and three papers "
          "queued and reordered are all there after a restart",
          "[window][highlights][queue]")
{
    freshSettings();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("library.sqlite3"));
    qint64 tidal = 0;
    qint64 fish = 0;
    QList<qint64> queued;
    const QString note = QStringLiteral("Cost $O(\\sqrt{n})$ per token; compare [[Lanternfish]].");
    {
        MainWindow w(path);
        w.resize(1024, 700);
        showActive(w);
        QSignalSpy imported(&w, &MainWindow::importFinished);
        QSignalSpy searched(&w, &MainWindow::searchFinished);
        w.importPaths({fixture("day1.txt"), fixture("day2.txt")});
        REQUIRE(imported.wait(20000));
        REQUIRE(waitForSearch(searched));
        QTRY_COMPARE_WITH_TIMEOUT(w.paperModel()->rowCount(), 5, 10000);
        tidal = w.library().search(QStringLiteral("tidal"))->ids.value(0);
        fish = w.library().search(QStringLiteral("lanternfish"))->ids.value(0);
        REQUIRE(tidal > 0);
        REQUIRE(fish > 0);

        // A highlight with a comment, through the reader's menu.
        ReaderView &reader = showTidal(w, tidal);
        selectInAbstract(reader, w.library().paper(tidal)->abstract,
                         QStringLiteral("learned oscillator"));
        answerNextInputDialog([](QInputDialog *dialog) {
            dialog->setTextValue(QStringLiteral("the phase does the routing"));
            dialog->accept();
        });
        Q_EMIT reader.highlightRequested(QStringLiteral("green"), true);
        REQUIRE(eventually([&] { return w.library().highlights(tidal)->size() == 1; }));

        // A note typed into the pane, with a formula and a link.
        auto *editor = w.annotationPane()->findChild<QPlainTextEdit *>(QStringLiteral("noteEdit"));
        REQUIRE(editor);
        editor->setFocus();
        QTest::keyClicks(editor, note);
        w.annotationPane()->flushNote();
        REQUIRE(eventually([&] { return w.library().paper(tidal)->note == note; }));

        // Three papers queued with Q, the last moved to the front. The
        // comment's dialog took the window's focus; the keys want it back.
        showActive(w);
        for (const qint64 id : {tidal, fish, w.paperModel()->ids().last()}) {
            if (queued.contains(id))
                continue;
            REQUIRE(w.selectPaper(id));
            w.paperList()->setFocus();
            QTRY_VERIFY_WITH_TIMEOUT(w.paperList()->hasFocus(), 5000);
            QTest::keyClick(w.paperList(), Qt::Key_Q);
            QTRY_VERIFY_WITH_TIMEOUT(w.library().isQueued(id), 5000);
            queued << id;
        }
        REQUIRE(queued.size() == 3);
        REQUIRE(w.library().queue() == queued);
        searched.clear();
        REQUIRE(w.sidebar()->selectView(QStringLiteral("library:queue")));
        REQUIRE(waitForSearch(searched));
        REQUIRE(w.selectPaper(queued.at(2)));
        for (int i = 0; i < 2; ++i) {
            searched.clear();
            QTest::keyClick(w.paperList(), Qt::Key_Up, Qt::ControlModifier);
            REQUIRE(waitForSearch(searched));
        }
        REQUIRE(w.library().queue() == QList<qint64>{queued.at(2), queued.at(0), queued.at(1)});
        saveArtifact(w, "annotations-before-restart");
    }

    MainWindow again(path);
    again.resize(1024, 700);
    showActive(again);
    QTRY_COMPARE_WITH_TIMEOUT(again.paperModel()->rowCount() > 0, true, 10000);
    CHECK(again.library().queue() == QList<qint64>{queued.at(2), queued.at(0), queued.at(1)});
    CHECK(sidebarCount(again, QStringLiteral("Reading queue")) == 3);
    const QList<Highlight> marks = again.library().highlights(tidal).value();
    REQUIRE(marks.size() == 1);
    CHECK(marks.first().quote == QStringLiteral("learned oscillator"));
    CHECK(marks.first().comment == QStringLiteral("the phase does the routing"));
    CHECK(marks.first().colour == QStringLiteral("green"));
    ReaderView &reader = showTidal(again, tidal);
    // The page marks the passage, typesets the note's formula and links the
    // other paper; the linked paper says where it is linked from.
    CHECK(runJs(reader.page(),
                QStringLiteral("document.querySelector('#abstract mark.hl-green').textContent"))
              ->toString() == QStringLiteral("learned oscillator"));
    CHECK(
        waitForJs(reader.page(), QStringLiteral("!!document.querySelector('#note .katex') && "
                                                "!!document.querySelector('#note a.paper-link')")));
    auto *editor = again.annotationPane()->findChild<QPlainTextEdit *>(QStringLiteral("noteEdit"));
    REQUIRE(editor);
    CHECK(editor->toPlainText() == note);
    CHECK(again.library().linkedFrom(fish) == QList<qint64>{tidal});
    saveArtifact(again, "annotations-after-restart");
}
