#include "importcontroller.h"

#include "storage/integritycheck.h"
#include "storage/library.h"
#include "uilogging.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <limits>

namespace gleaner {

namespace {

constexpr qint64 kProgressIntervalMs = 100;

} // namespace

ImportController::ImportController(const QString &libraryPath, QObject *parent)
    : QObject(parent)
    , m_libraryPath(libraryPath)
{
    qRegisterMetaType<gleaner::ImportReport>();
}

ImportController::~ImportController()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_queue.clear();
    }
    m_cancelUpTo.store(std::numeric_limits<quint64>::max());
    m_wake.notify_all();
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void ImportController::importPaths(const QStringList &paths)
{
    Request request;
    request.paths = paths;
    enqueue(std::move(request));
}

void ImportController::importText(const QByteArray &text, const QString &sourceName)
{
    Request request;
    request.isText = true;
    request.text = text;
    request.sourceName = sourceName;
    enqueue(std::move(request));
}

QStringList ImportController::samplePaths()
{
    QStringList paths;
    const QDir dir(QStringLiteral(":/samples"));
    for (const QString &name : dir.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name))
        paths << dir.filePath(name);
    return paths;
}

void ImportController::importSamples()
{
    const QStringList paths = samplePaths();
    if (paths.isEmpty())
        qCWarning(lcWindow) << "no sample digests in the resources";
    for (const QString &path : paths) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            qCWarning(lcWindow) << "cannot read sample digest" << path << file.errorString();
            continue;
        }
        importText(file.readAll(), sampleSource(QFileInfo(path).fileName()));
    }
}

void ImportController::cancel()
{
    if (m_pending == 0)
        return;
    qCInfo(lcWindow) << "import cancelled by the user";
    m_cancelUpTo.store(m_lastSerial);
}

void ImportController::enqueue(Request request)
{
    request.serial = ++m_lastSerial;
    ++m_pending;
    {
        const std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(request));
    }
    m_wake.notify_one();
    // Started on first use: most sessions never import.
    if (!m_thread) {
        m_thread = QThread::create([this] { run(); });
        m_thread->setObjectName(QStringLiteral("gleaner-import"));
        m_thread->start();
    }
}

// The worker thread's whole life. The Library is created, used and closed
// here, so its connection never crosses threads.
void ImportController::run()
{
    Library library;
    Importer importer(library);
    bool checked = false; // the open file passed the integrity check
    for (;;) {
        Request request;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_stopping)
                break;
            request = std::move(m_queue.front());
            m_queue.pop_front();
        }
        if (isCancelled(request.serial)) {
            ImportReport report;
            report.cancelled = true;
            postFinished(report);
            continue;
        }
        postStarted();
        if (m_reopen.exchange(false)) {
            library.close();
            checked = false;
        }
        if (!library.isOpen() && !library.open(m_libraryPath)) {
            // Tried again on the next request: the file may have been fixed.
            qCWarning(lcWindow) << "import cannot open the library:" << library.errorString();
            postFinished(notImported(request, library.errorString()));
            continue;
        }
        if (!checked) {
            // Before the first import into this file: importing into a
            // damaged one spreads the damage. Closed again so the next
            // request opens the file a repair puts in its place.
            IntegrityCheck check(library.database());
            if (!check.run()) {
                library.close();
                postFinished(notImported(request, check.errorString()));
                continue;
            }
            checked = true;
        }
        postFinished(runRequest(importer, request));
    }
}

ImportReport ImportController::notImported(const Request &request, const QString &why)
{
    ImportReport report;
    const QString source =
        request.isText ? request.sourceName : request.paths.join(QStringLiteral(", "));
    report.failed.append({source, 0, tr("was not imported: %1").arg(why)});
    return report;
}

ImportReport ImportController::runRequest(Importer &importer, const Request &request)
{
    QElapsedTimer sinceProgress;
    sinceProgress.start();
    const quint64 serial = request.serial;
    importer.setProgressHandler([&](const ImportProgress &p) {
        if (isCancelled(serial))
            return false;
        // The total and the first file are shown at once, so the label names
        // a file early.
        if (p.done <= 1 || sinceProgress.elapsed() >= kProgressIntervalMs) {
            sinceProgress.restart();
            postProgress(p.done, p.total, p.current);
        }
        return true;
    });

    ImportReport report;
    if (request.isText) {
        postProgress(0, -1, request.sourceName);
        report = importer.importData(request.text, request.sourceName);
    } else {
        report = importer.importPaths(request.paths);
    }
    importer.setProgressHandler({});
    qCInfo(lcWindow) << "import finished:" << report.summary();
    return report;
}

void ImportController::postStarted()
{
    QMetaObject::invokeMethod(
        this, [this] { Q_EMIT started(); }, Qt::QueuedConnection);
}

void ImportController::postProgress(int done, int total, const QString &current)
{
    QMetaObject::invokeMethod(
        this, [this, done, total, current] { Q_EMIT progress(done, total, current); },
        Qt::QueuedConnection);
}

void ImportController::postFinished(const ImportReport &report)
{
    QMetaObject::invokeMethod(
        this,
        [this, report] {
            --m_pending;
            m_batch.add(report);
            Q_EMIT finished(report);
            if (m_pending == 0)
                Q_EMIT batchFinished(std::exchange(m_batch, ImportReport()));
        },
        Qt::QueuedConnection);
}

} // namespace gleaner
