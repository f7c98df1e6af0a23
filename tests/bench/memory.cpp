#include "memory.h"

#include <QFile>

#include <chrono>
#include <malloc.h>

namespace gleaner::bench {

double statusMiB(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qsizetype(qstrlen(field))).trimmed().split(' ').first().toDouble() /
                   1024.0;
    }
    return 0;
}

double peakRssMiB()
{
    return statusMiB("VmHWM:");
}

void resetPeakRss()
{
    malloc_trim(0);
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

QString residentSplit()
{
    return QStringLiteral("now %1 MiB private, %2 MiB mapped file pages")
        .arg(statusMiB("RssAnon:"), 0, 'f', 0)
        .arg(statusMiB("RssFile:"), 0, 'f', 0);
}

PrivatePeak::PrivatePeak()
{
    malloc_trim(0);
    m_peakKib = long(statusMiB("RssAnon:") * 1024);
    m_thread = std::thread([this] {
        while (!m_stop.load()) {
            const long now = long(statusMiB("RssAnon:") * 1024);
            if (now > m_peakKib.load())
                m_peakKib = now;
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    });
}

PrivatePeak::~PrivatePeak()
{
    m_stop = true;
    m_thread.join();
}

} // namespace gleaner::bench
