// Runs slow library work for the window (a snapshot, a backup, a restore) on
// a thread of its own with its own connection to the library file, so the
// window never waits on it: a snapshot may retry for seconds while another
// connection writes. One job at a time; JobStatusWidget shows it running.
#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QThread;

namespace gleaner {

class Library;

class LibraryJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryJob)

public:
    // Runs on the job's thread with the library open; returns an empty
    // string when it worked, else the sentence that says why it did not.
    using Work = std::function<QString(Library &library)>;
    // Runs on the GUI thread when the work is over, with what Work returned.
    using Done = std::function<void(const QString &failure)>;

    explicit LibraryJob(const QString &libraryPath, QObject *parent = nullptr);
    // Waits for running work to end; its Done is not called.
    ~LibraryJob() override;

    // False, and nothing runs, while another job is running.
    [[nodiscard]] bool start(const QString &description, Work work, Done done);
    bool isBusy() const { return m_thread != nullptr; }

Q_SIGNALS:
    void started(const QString &description);
    void finished(const QString &failure);

private:
    const QString m_libraryPath;
    QThread *m_thread = nullptr;
};

} // namespace gleaner
