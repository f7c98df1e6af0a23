// Helpers for tests that drive a QWebEnginePage: wait for loads and run
// JavaScript synchronously.
#pragma once

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <QVariant>
#include <QWebEnginePage>

#include <optional>

namespace gleaner::test {

// Runs a script in the page and waits (up to 10 s) for its result.
inline std::optional<QVariant> runJs(QWebEnginePage *page, const QString &script)
{
    std::optional<QVariant> result;
    QEventLoop loop;
    page->runJavaScript(script, [&](const QVariant &value) {
        result = value;
        loop.quit();
    });
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    if (!result)
        loop.exec();
    return result;
}

// Polls a script until it returns true (up to timeoutMs).
inline bool waitForJs(QWebEnginePage *page, const QString &condition, int timeoutMs = 10000)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        const auto value = runJs(page, condition);
        if (value && value->toBool())
            return true;
        QEventLoop loop;
        QTimer::singleShot(50, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return false;
}

} // namespace gleaner::test
