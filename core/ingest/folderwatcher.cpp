#include "ingest/folderwatcher.h"

#include "logging.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace gleaner {

namespace {

// Soon after the folder says it changed, so that a burst of changes (a copy
// of many files, a browser's rename dance) is one look.
constexpr int kChangeDelayMs = 100;

// The names the Import dialog offers as digests and archives, and the
// compressed single digests the importer reads (day.txt.gz). A folder such
// as Downloads holds much else, and every PDF in it reported as "not a
// digest" would bury the one that matters.
const QStringList kDigestSuffixes = {
    QStringLiteral(".txt"), QStringLiteral(".zip"), QStringLiteral(".tar"), QStringLiteral(".tgz"),
    QStringLiteral(".gz"),  QStringLiteral(".bz2"), QStringLiteral(".xz"),
};

// What browsers, download tools and editors write under until the file is
// whole: Firefox (.part), Chrome and Edge (.crdownload), Safari (.download),
// wget and others (.partial, .tmp, .temp), editors' backups (name~). Names
// that begin with a dot (Emacs's .#name locks, .name.swp) are hidden.
const QStringList kTemporarySuffixes = {
    QStringLiteral(".part"),     QStringLiteral(".partial"), QStringLiteral(".crdownload"),
    QStringLiteral(".download"), QStringLiteral(".tmp"),     QStringLiteral(".temp"),
};

bool endsWithAny(const QString &name, const QStringList &suffixes)
{
    return std::any_of(suffixes.cbegin(), suffixes.cend(), [&](const QString &suffix) {
        return name.endsWith(suffix, Qt::CaseInsensitive);
    });
}

QString cleanAbsolute(const QString &path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

} // namespace

FolderWatcher::FolderWatcher(const QString &folder)
    : m_folder(cleanAbsolute(folder))
{
    m_next.setSingleShot(true);
    m_poll.setInterval(kDefaultPollMs);
    QObject::connect(&m_next, &QTimer::timeout, &m_next, [this] { scan(); });
    QObject::connect(&m_poll, &QTimer::timeout, &m_poll, [this] { scan(); });
    QObject::connect(&m_fsWatcher, &QFileSystemWatcher::directoryChanged, &m_fsWatcher,
                     [this] { scheduleScan(kChangeDelayMs); });
    // Files still being written are watched too, so that one left empty for
    // a while (a browser's placeholder) is looked at again when it fills.
    QObject::connect(&m_fsWatcher, &QFileSystemWatcher::fileChanged, &m_fsWatcher,
                     [this] { scheduleScan(kChangeDelayMs); });
}

FolderWatcher::~FolderWatcher()
{
    stop();
}

void FolderWatcher::setPollInterval(int ms)
{
    m_poll.setInterval(qMax(1, ms));
}

bool FolderWatcher::isCandidateName(const QString &fileName)
{
    if (fileName.startsWith(QLatin1Char('.')) || fileName.endsWith(QLatin1Char('~')))
        return false;
    return endsWithAny(fileName, kDigestSuffixes) && !endsWithAny(fileName, kTemporarySuffixes);
}

void FolderWatcher::start()
{
    if (m_watching)
        return;
    m_watching = true;
    m_firstLookDone = false;
    m_atStart.clear();
    m_exists = QFileInfo(m_folder).isDir();
    updateWatch();
    m_poll.start();
    scheduleScan(0);
    qCInfo(lcImport) << "watching" << m_folder << (m_exists ? "" : "(not there yet)");
}

void FolderWatcher::stop()
{
    if (!m_watching)
        return;
    m_watching = false;
    m_next.stop();
    m_poll.stop();
    if (const QStringList watched = m_fsWatcher.files() + m_fsWatcher.directories();
        !watched.isEmpty())
        m_fsWatcher.removePaths(watched);
    m_pending.clear();
}

void FolderWatcher::scheduleScan(int ms)
{
    if (!m_watching)
        return;
    if (!m_next.isActive() || m_next.remainingTime() > ms)
        m_next.start(ms);
}

// QFileSystemWatcher forgets a folder that is removed, and cannot watch one
// that does not exist; every look (the poll's too) watches it again once it
// is back.
void FolderWatcher::updateWatch()
{
    if (!m_watching)
        return;
    const bool exists = QFileInfo(m_folder).isDir();
    if (exists && !m_fsWatcher.directories().contains(m_folder))
        m_fsWatcher.addPath(m_folder);
    if (!exists && !m_fsWatcher.directories().isEmpty())
        m_fsWatcher.removePaths(m_fsWatcher.directories());
}

void FolderWatcher::setExists(bool exists)
{
    if (exists == m_exists)
        return;
    m_exists = exists;
    qCInfo(lcImport) << m_folder << (exists ? "is there again" : "is gone");
    if (m_onFolder)
        m_onFolder(exists);
}

void FolderWatcher::scan()
{
    if (!m_watching)
        return;
    if (m_scanning) {
        // A handler ran an event loop; look again once it is done.
        scheduleScan(kChangeDelayMs);
        return;
    }
    const bool firstLook = !m_firstLookDone;
    m_firstLookDone = true;
    updateWatch();
    if (!QFileInfo(m_folder).isDir()) {
        // What was handed out is remembered: a folder on a network share or
        // a removable disk that comes back as it was hands nothing out again.
        if (const QStringList files = m_fsWatcher.files(); !files.isEmpty())
            m_fsWatcher.removePaths(files);
        m_pending.clear();
        setExists(false);
        return;
    }
    m_scanning = true;

    // Regular files only: QDir leaves out hidden files, links, and without
    // QDir::System pipes, sockets and devices, none of which is ever opened.
    const QFileInfoList entries =
        QDir(m_folder).entryInfoList(QDir::Files | QDir::NoSymLinks, QDir::Name);
    QSet<QString> present;
    QStringList ready;
    int nextMs = -1;
    for (const QFileInfo &info : entries) {
        const QString path = QDir::cleanPath(info.absoluteFilePath());
        if (!isCandidateName(info.fileName()))
            continue;
        present.insert(path);
        if (firstLook)
            m_atStart.insert(path);
        const Stamp stamp{info.size(), info.lastModified().toMSecsSinceEpoch()};
        if (const auto out = m_handedOut.constFind(path); out != m_handedOut.cend()) {
            if (*out == stamp) {
                m_pending.remove(path);
                continue;
            }
        }
        auto pending = m_pending.find(path);
        if (pending == m_pending.end() || pending->stamp != stamp) {
            // New, or changed since the last look: the wait starts again.
            if (pending == m_pending.end()) {
                pending = m_pending.insert(path, {});
                m_fsWatcher.addPath(path);
            }
            pending->stamp = stamp;
            pending->since.start();
        }
        // An empty file is not a digest yet (Firefox keeps an empty
        // placeholder under the final name while it downloads); its file
        // watch or the poll says when it fills.
        if (stamp.size == 0)
            continue;
        const qint64 waited = pending->since.elapsed();
        if (waited >= m_settleMs) {
            ready << path;
            continue;
        }
        const int left = int(m_settleMs - waited);
        nextMs = nextMs < 0 ? left : qMin(nextMs, left);
    }

    // Forget what is gone: a file saved again under the same name is new.
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (present.contains(it.key())) {
            ++it;
            continue;
        }
        m_fsWatcher.removePath(it.key());
        it = m_pending.erase(it);
    }
    for (auto it = m_handedOut.begin(); it != m_handedOut.end();)
        it = present.contains(it.key()) ? std::next(it) : m_handedOut.erase(it);

    Batch atStart{{}, true};
    Batch later{{}, false};
    for (const QString &path : std::as_const(ready)) {
        m_handedOut.insert(path, m_pending.value(path).stamp);
        m_pending.remove(path);
        m_fsWatcher.removePath(path);
        (m_atStart.contains(path) ? atStart : later).files << path;
    }
    m_atStart.intersect(present);
    if (nextMs >= 0)
        scheduleScan(nextMs);
    setExists(true);
    for (const Batch *batch : {&atStart, &later}) {
        if (!batch->files.isEmpty() && m_onBatch && m_watching)
            m_onBatch(*batch);
    }
    m_scanning = false;
}

} // namespace gleaner
