// Watches one folder for digests saved into it and hands each file out once
// it has been written: the window's watched folder and
// `gleaner-cli import --watch` give what it hands out to the Importer.
//
// Only the folder's own files are looked at, not its subfolders: a folder
// saved into it is neither imported nor entered. Only names the Import
// dialog offers are taken (`*.txt` and the archives the importer reads:
// `.zip`, `.tar`, `.tar.gz`, `.tgz`, `.tar.bz2`, `.tar.xz`, and a digest
// compressed alone, `day.txt.gz`), so the rest of a Downloads folder is
// never reported. Hidden files, links, anything that is not a regular file,
// and the names browsers and editors write under before they rename
// (`*.part`, `*.crdownload`, `*.tmp`, `name~`, ...) are passed over.
//
// A file is handed out when it is stable: not empty, and the same size and
// modification time on two looks at least settleInterval() apart, so a file
// still being written is waited for. The watcher remembers the size and time
// of what it handed out, so a file comes out once, and again only when it
// changes; whether it imported or was refused makes no difference, so a bad
// file is reported once, not at every change of the folder. The memory lasts
// as long as the watcher: the files already in the folder when watching
// begins are handed out first (Batch::initial), and the importer knows the
// ones it has imported before.
//
// QFileSystemWatcher says when the folder changes; a slow poll catches what
// it misses (network and FUSE file systems, a file rewritten in place) and a
// folder that does not exist yet, or is removed and made again.
//
// Needs an event loop on the thread that owns it. The handlers are called
// from that loop and must not destroy the watcher.
#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileSystemWatcher>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <functional>

namespace gleaner {

class FolderWatcher final
{
    Q_DECLARE_TR_FUNCTIONS(FolderWatcher)

public:
    struct Batch
    {
        QStringList files; // absolute paths, sorted
        // Every file of the batch was in the folder when watching began.
        bool initial = false;
    };
    using BatchHandler = std::function<void(const Batch &batch)>;
    // Called when the folder appears or disappears (not for its state at start()).
    using FolderHandler = std::function<void(bool exists)>;

    static constexpr int kDefaultSettleMs = 500;
    static constexpr int kDefaultPollMs = 3000;

    explicit FolderWatcher(const QString &folder);
    ~FolderWatcher();
    Q_DISABLE_COPY_MOVE(FolderWatcher)

    QString folder() const { return m_folder; }
    bool isWatching() const { return m_watching; }
    // Whether the folder existed at the last look.
    bool folderExists() const { return m_exists; }

    void setBatchHandler(BatchHandler handler) { m_onBatch = std::move(handler); }
    void setFolderHandler(FolderHandler handler) { m_onFolder = std::move(handler); }
    // The least time between the two looks that find a file unchanged.
    void setSettleInterval(int ms) { m_settleMs = qMax(1, ms); }
    int settleInterval() const { return m_settleMs; }
    // How often the folder is listed when no change is signalled.
    void setPollInterval(int ms);
    int pollInterval() const { return m_poll.interval(); }

    // Starts watching, also when the folder does not exist yet (the poll
    // waits for it). The first look happens at once, the first batch comes
    // one settle interval later.
    void start();
    void stop();

    // Whether a file of this name could be a digest or an archive of them,
    // rather than another kind of file or a hidden or temporary one.
    static bool isCandidateName(const QString &fileName);

private:
    struct Stamp
    {
        qint64 size = -1;
        qint64 modified = 0; // ms since the epoch
        bool operator==(const Stamp &) const = default;
    };
    struct Pending
    {
        Stamp stamp;
        QElapsedTimer since; // when this stamp was first seen
    };

    void scan();
    void scheduleScan(int ms);
    void updateWatch();
    void setExists(bool exists);

    QString m_folder;
    QFileSystemWatcher m_fsWatcher;
    QTimer m_next; // the next look: soon after a change, or when a pending file may have settled
    QTimer m_poll;
    int m_settleMs = kDefaultSettleMs;
    bool m_watching = false;
    bool m_exists = false;
    bool m_scanning = false;
    bool m_firstLookDone = false; // the folder has been listed once since start()

    QHash<QString, Stamp> m_handedOut;
    QHash<QString, Pending> m_pending;
    QSet<QString> m_atStart; // the files the folder held when watching began

    BatchHandler m_onBatch;
    FolderHandler m_onFolder;
};

} // namespace gleaner
