// What the benchmarks report of the process's memory, from /proc/self/status.
#pragma once

#include <QString>

#include <atomic>
#include <thread>

namespace gleaner::bench {

// A figure from /proc/self/status in MiB (VmHWM, VmRSS, RssAnon, ...); 0
// where the field is missing.
double statusMiB(const char *field);

// The kernel's high-water mark of the resident set, in MiB: the process's
// own memory AND the library's pages that SQLite reads through its map.
double peakRssMiB();
// Starts a new VmHWM peak, after handing the allocator's free memory back.
void resetPeakRss();

// The resident set now, split into private memory and mapped file pages.
QString residentSplit();

// The peak of private memory (RssAnon: heap, stacks, anonymous maps) while
// it lives, sampled every millisecond on a thread of its own: the kernel
// keeps no high-water mark of it, and VmHWM counts the mapped library's
// pages too, which are the system's file cache rather than what an
// operation costs.
class PrivatePeak
{
public:
    PrivatePeak();
    ~PrivatePeak();
    PrivatePeak(const PrivatePeak &) = delete;
    PrivatePeak &operator=(const PrivatePeak &) = delete;

    // The peak so far, in MiB.
    double mib() const { return m_peakKib.load() / 1024.0; }

private:
    std::atomic<long> m_peakKib{0};
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

} // namespace gleaner::bench
