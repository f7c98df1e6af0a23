// LibraryJob runs library work on its own thread, one job at a time, and
// JobStatusWidget shows while one runs.
#include "catch.h"
#include "jobstatuswidget.h"
#include "libraryjob.h"
#include "storage/library.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <atomic>

using namespace gleaner;

TEST_CASE("A library job runs on its own thread, one at a time, and says how it ended",
          "[libraryjob]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("library.sqlite3"));
    {
        Library library;
        REQUIRE(library.open(path));
    }
    LibraryJob job(path);
    JobStatusWidget status(&job);
    QSignalSpy finished(&job, &LibraryJob::finished);

    QSemaphore release;
    std::atomic<bool> onOtherThread = false;
    QString seen = QStringLiteral("not called");
    REQUIRE(job.start(
        QStringLiteral("Working"),
        [&](Library &library) {
            onOtherThread = QThread::currentThread() != qApp->thread();
            release.acquire();
            return library.isOpen() ? QStringLiteral("it failed on purpose") : QString();
        },
        [&](const QString &failure) { seen = failure; }));
    CHECK(job.isBusy());
    CHECK(status.isVisibleTo(nullptr));
    // One at a time: a second start is refused while the first runs.
    CHECK_FALSE(job.start(
        QStringLiteral("Other"), [](Library &) { return QString(); }, nullptr));
    release.release();
    REQUIRE(finished.wait(10000));
    CHECK(onOtherThread);
    CHECK(seen == QStringLiteral("it failed on purpose"));
    CHECK(finished.first().first().toString() == seen);
    CHECK_FALSE(job.isBusy());
    CHECK_FALSE(status.isVisibleTo(nullptr));
}

TEST_CASE("A job started when the last one is done shows as running until it ends", "[libraryjob]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("library.sqlite3"));
    {
        Library library;
        REQUIRE(library.open(path));
    }
    LibraryJob job(path);
    JobStatusWidget status(&job);
    QSignalSpy finished(&job, &LibraryJob::finished);
    QSemaphore release;
    bool secondStarted = false;
    REQUIRE(job.start(
        QStringLiteral("First"), [](Library &) { return QString(); },
        [&](const QString &) {
            secondStarted = job.start(
                QStringLiteral("Second"),
                [&](Library &) {
                    release.acquire();
                    return QString();
                },
                nullptr);
        }));
    REQUIRE(finished.wait(10000));
    REQUIRE(secondStarted);
    // The first job's end does not hide the second one's status.
    CHECK(job.isBusy());
    CHECK(status.isVisibleTo(nullptr));
    release.release();
    REQUIRE(finished.wait(10000));
    CHECK_FALSE(job.isBusy());
    CHECK_FALSE(status.isVisibleTo(nullptr));
}
