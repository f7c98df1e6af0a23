#include "libraryjob.h"

#include "storage/library.h"

#include <QThread>

namespace gleaner {

LibraryJob::LibraryJob(const QString &libraryPath, QObject *parent)
    : QObject(parent)
    , m_libraryPath(libraryPath)
{}

LibraryJob::~LibraryJob()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

bool LibraryJob::start(const QString &description, Work work, Done done)
{
    if (m_thread)
        return false;
    m_thread = QThread::create(
        [this, path = m_libraryPath, work = std::move(work), done = std::move(done)] {
            // The connection is opened, used and closed on this thread.
            QString failure;
            {
                Library library;
                failure = library.open(path) ? work(library) : library.errorString();
            }
            QMetaObject::invokeMethod(
                this,
                [this, failure, done] {
                    m_thread->wait();
                    delete m_thread;
                    m_thread = nullptr;
                    // Over before `done` runs: a job `done` starts is the
                    // next one, and its status stays up.
                    Q_EMIT finished(failure);
                    if (done)
                        done(failure);
                },
                Qt::QueuedConnection);
        });
    m_thread->setObjectName(QStringLiteral("gleaner-job"));
    m_thread->start();
    Q_EMIT started(description);
    return true;
}

} // namespace gleaner
