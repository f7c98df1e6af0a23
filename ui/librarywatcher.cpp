#include "librarywatcher.h"

#include "storage/library.h"

#include <QTimer>

namespace gleaner {

LibraryWatcher::LibraryWatcher(Library &library, QObject *parent)
    : QObject(parent)
    , m_library(library)
    , m_timer(new QTimer(this))
{
    resync();
    m_timer->setInterval(kPollIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &LibraryWatcher::poll);
    m_timer->start();
}

void LibraryWatcher::resync()
{
    m_version = m_library.dataVersion();
}

bool LibraryWatcher::takeChange()
{
    const std::optional<qint64> now = m_library.dataVersion();
    if (!now || now == m_version)
        return false;
    m_version = now;
    return true;
}

void LibraryWatcher::poll()
{
    if (takeChange())
        Q_EMIT changedElsewhere();
}

} // namespace gleaner
