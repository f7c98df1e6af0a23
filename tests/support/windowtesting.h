// What the window tests share: fixtures, waiting for the window's
// searches, screenshots kept as artifacts, the sidebar's rows and counts,
// and settings that start each test afresh.
#pragma once

#include "catch.h"
#include "mainwindow.h"
#include "sidebar.h"

#include <QAbstractButton>
#include <QAbstractItemModel>
#include <QApplication>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>

namespace gleaner::test {

inline QString fixture(const char *name)
{
    return gleaner::test::dataPath(QStringLiteral("library/") + QLatin1String(name));
}

// Waits for the search that is running or about to run.
inline bool waitForSearch(QSignalSpy &spy, int timeoutMs = 10000)
{
    return spy.count() > 0 || spy.wait(timeoutMs);
}

// Screenshots of the main states, kept as test artifacts next to the test
// binary (tests/artifacts) so people can look at what the tests saw.
inline void saveArtifact(QWidget &window, const char *name)
{
    const QString dir = QCoreApplication::applicationDirPath() + QStringLiteral("/artifacts");
    QDir().mkpath(dir);
    QTest::qWait(300); // let the reader paint
    CHECK(
        window.grab().save(dir + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".png")));
}

// The rows under a sidebar section ("Digests"), and a view's count.
inline int sidebarRows(MainWindow &w, const QString &section)
{
    QAbstractItemModel *model = w.sidebar()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data().toString() == section)
            return model->rowCount(index);
    }
    return 0;
}

inline QStringList sidebarLabels(MainWindow &w, const QString &section)
{
    QStringList labels;
    QAbstractItemModel *model = w.sidebar()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data().toString() != section)
            continue;
        for (int r = 0; r < model->rowCount(index); ++r)
            labels << model->index(r, 0, index).data().toString();
    }
    return labels;
}

// Clicks the button of this text in the next message box, once it shows
// (within ten seconds). It looks from a timer rather than waiting in a loop
// of its own, so a box that opens from a later event, such as a background
// job's end, opens in the test's loop and not inside this one.
inline void answerNextMessageBox(const QString &button)
{
    auto *poll = new QTimer(qApp);
    poll->setInterval(20);
    auto deadline = std::make_shared<QDeadlineTimer>(10000);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, button, deadline] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box) {
            if (deadline->hasExpired()) {
                poll->stop();
                poll->deleteLater();
                FAIL_CHECK("no message box showed up to answer " << button.toStdString());
            }
            return;
        }
        poll->deleteLater();
        poll->stop();
        for (QAbstractButton *b : box->buttons()) {
            if (b->text().remove(u'&') == button) {
                b->click();
                return;
            }
        }
        FAIL_CHECK("no button " << button.toStdString());
        box->reject();
    });
    poll->start();
}

inline int sidebarCount(MainWindow &w, const QString &view)
{
    QAbstractItemModel *model = w.sidebar()->model();
    const QModelIndexList found = model->match(model->index(0, 0), Qt::DisplayRole, view, 1,
                                               Qt::MatchExactly | Qt::MatchRecursive);
    if (found.isEmpty())
        return -1;
    return found.first().siblingAtColumn(1).data().toString().toInt();
}

inline void freshSettings(int markReadDelay = 0)
{
    QSettings settings;
    settings.clear();
    settings.setValue(QStringLiteral("reading/markReadDelay"), markReadDelay);
}

// Shows the window and waits until it is in front: shortcuts go to the
// active window only.
inline void showActive(QWidget &window)
{
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));
}

} // namespace gleaner::test
