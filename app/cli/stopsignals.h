// SIGINT and SIGTERM as a request to stop, for a command that runs until it
// is interrupted (import --watch). The handler only sets a flag and writes a
// byte to a pipe; the event loop reads the pipe (QSocketNotifier) and calls
// onStop, so everything else happens outside the handler. A second Ctrl+C
// gets the default action: a user who presses it twice means it.
#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <memory>

class QSocketNotifier;

namespace gleaner::cli {

class StopSignals final
{
    Q_DECLARE_TR_FUNCTIONS(gleaner::cli::StopSignals)

public:
    StopSignals();
    // Puts the previous handlers back.
    ~StopSignals();
    Q_DISABLE_COPY_MOVE(StopSignals)

    // False when the pipe or the handlers could not be set up; errorString() says why.
    [[nodiscard]] bool install(std::function<void()> onStop);
    QString errorString() const { return m_error; }
    // Whether a signal came; safe to ask from any code, also while the event
    // loop is not running (a long import asks it between files).
    static bool requested();

private:
    void uninstall();

    std::unique_ptr<QSocketNotifier> m_notifier;
    std::function<void()> m_onStop;
    QString m_error;
    bool m_installed = false;
};

} // namespace gleaner::cli
