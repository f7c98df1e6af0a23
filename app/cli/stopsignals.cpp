#include "stopsignals.h"

#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace gleaner::cli {

namespace {

// The handler may touch only these: a lock-free flag and the pipe's write end.
volatile std::sig_atomic_t g_requested = 0;
int g_pipe[2] = {-1, -1};
struct sigaction g_previousInt = {};
struct sigaction g_previousTerm = {};

extern "C" void onStopSignal(int)
{
    const int savedErrno = errno;
    g_requested = 1;
    const char byte = 1;
    // Non-blocking: a full pipe already holds a wake-up.
    if (::write(g_pipe[1], &byte, 1) < 0) {
    }
    errno = savedErrno;
}

} // namespace

StopSignals::StopSignals() = default;

StopSignals::~StopSignals()
{
    uninstall();
}

bool StopSignals::requested()
{
    return g_requested != 0;
}

bool StopSignals::install(std::function<void()> onStop)
{
    if (m_installed)
        return true;
    if (::pipe2(g_pipe, O_CLOEXEC | O_NONBLOCK) != 0) {
        m_error = tr("could not prepare for Ctrl+C: %1")
                      .arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    m_onStop = std::move(onStop);
    g_requested = 0;
    m_notifier = std::make_unique<QSocketNotifier>(g_pipe[0], QSocketNotifier::Read);
    QObject::connect(m_notifier.get(), &QSocketNotifier::activated, m_notifier.get(), [this] {
        char buffer[16];
        while (::read(g_pipe[0], buffer, sizeof buffer) > 0) {
        }
        if (m_onStop)
            m_onStop();
    });

    struct sigaction action = {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    // Restarted system calls: a signal in the middle of a read or a write to
    // the library must not fail it. Reset: the second Ctrl+C is not caught.
    action.sa_flags = SA_RESTART | SA_RESETHAND;
    if (::sigaction(SIGINT, &action, &g_previousInt) != 0 ||
        ::sigaction(SIGTERM, &action, &g_previousTerm) != 0) {
        m_error = tr("could not prepare for Ctrl+C: %1")
                      .arg(QString::fromLocal8Bit(std::strerror(errno)));
        ::sigaction(SIGINT, &g_previousInt, nullptr);
        m_notifier.reset();
        ::close(g_pipe[0]);
        ::close(g_pipe[1]);
        g_pipe[0] = g_pipe[1] = -1;
        return false;
    }
    m_installed = true;
    return true;
}

void StopSignals::uninstall()
{
    if (!m_installed)
        return;
    m_installed = false;
    ::sigaction(SIGINT, &g_previousInt, nullptr);
    ::sigaction(SIGTERM, &g_previousTerm, nullptr);
    m_notifier.reset();
    ::close(g_pipe[0]);
    ::close(g_pipe[1]);
    g_pipe[0] = g_pipe[1] = -1;
}

} // namespace gleaner::cli
