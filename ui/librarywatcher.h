// Notices when another process (gleaner-cli, a second window) or another of
// our own connections commits a change to the library file, by polling
// Library::dataVersion() on the window's connection: a counter SQLite keeps
// in shared memory, so a poll reads no page and never waits on a lock.
#pragma once

#include <QObject>

#include <optional>

class QTimer;

namespace gleaner {

class Library;

class LibraryWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryWatcher)

public:
    static constexpr int kPollIntervalMs = 1000;

    // `library` is the GUI thread's connection and must outlive the watcher.
    explicit LibraryWatcher(Library &library, QObject *parent = nullptr);

    // Takes the library as it is now as seen: for a caller that has just
    // read everything again.
    void resync();
    // Whether the file changed since it was last seen, and takes it as
    // seen: for a caller about to read what changed (the end of the
    // window's own job, whose writes it would otherwise announce).
    bool takeChange();

Q_SIGNALS:
    void changedElsewhere();

private:
    void poll();

    Library &m_library;
    QTimer *m_timer = nullptr;
    std::optional<qint64> m_version;
};

} // namespace gleaner
