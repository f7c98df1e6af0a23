// Runs imports for the window on a worker thread of its own, with a Library
// connection of its own on the same file, so the window keeps reading (WAL)
// while digests come in. Requests are never dropped: one made while an import
// runs waits its turn, and each request ends in exactly one finished(). All
// signals arrive on the thread that owns the controller (the GUI thread).
#pragma once

#include "ingest/importer.h"

#include <QByteArray>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>

class QThread;

namespace gleaner {

class ImportController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportController)

public:
    explicit ImportController(const QString &libraryPath, QObject *parent = nullptr);
    // Cancels what is running or waiting and joins the worker; a cancelled
    // source is rolled back, so the library is never left half-imported.
    ~ImportController() override;

    QString libraryPath() const { return m_libraryPath; }

    // Files, folders and archives, as Importer::importPaths() takes them.
    void importPaths(const QStringList &paths);
    // A pasted or dropped page, under `sourceName` in reports.
    void importText(const QByteArray &text, const QString &sourceName);
    // The sample digests shipped in the resources, one request each.
    void importSamples();
    // The resource paths of the sample digests, sorted.
    static QStringList samplePaths();

    // Stops the running import (its current source rolls back) and every
    // request made before this call; each still ends in finished() with
    // report.cancelled set. Later requests run as usual.
    void cancel();
    // True from a request until the finished() of the last one queued.
    bool isBusy() const { return m_pending > 0; }
    int pendingRequests() const { return m_pending; }
    // The library file was replaced (by a repair): the next request opens
    // and checks it again instead of writing through the old connection.
    void reopenLibrary() { m_reopen = true; }

Q_SIGNALS:
    // A request begins to run. Requests cancelled before they ran skip it.
    void started();
    // At most about ten a second. `total` is -1 while unknown (archives).
    void progress(int done, int total, const QString &current);
    // isBusy() already reflects this request's end when this is emitted.
    void finished(const gleaner::ImportReport &report);
    // After the finished() of the last request queued: the reports of every
    // request since the controller was last idle, added up (the samples, a
    // drop of many files make one summary).
    void batchFinished(const gleaner::ImportReport &total);

private:
    struct Request
    {
        quint64 serial = 0;
        QStringList paths;
        QByteArray text;
        QString sourceName;
        bool isText = false;
    };

    void enqueue(Request request);
    void run();
    ImportReport runRequest(Importer &importer, const Request &request);
    // The report of a request that could not even begin.
    static ImportReport notImported(const Request &request, const QString &why);
    bool isCancelled(quint64 serial) const { return serial <= m_cancelUpTo.load(); }
    void postStarted();
    void postProgress(int done, int total, const QString &current);
    void postFinished(const ImportReport &report);

    const QString m_libraryPath;
    QThread *m_thread = nullptr;

    // GUI thread only.
    int m_pending = 0;
    ImportReport m_batch; // GUI thread
    quint64 m_lastSerial = 0;

    // Shared with the worker.
    std::atomic<quint64> m_cancelUpTo{0};
    std::atomic<bool> m_reopen{false};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Request> m_queue; // guarded by m_mutex
    bool m_stopping = false;     // guarded by m_mutex
};

} // namespace gleaner

// Core stays free of Qt's meta-object machinery; the window needs the report
// in queued signals and QVariants.
Q_DECLARE_METATYPE(gleaner::ImportReport)
