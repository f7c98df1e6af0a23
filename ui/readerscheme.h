// The reader pane's private world: the gleaner:// scheme that serves the
// generated page and its assets from our resources, and the interceptor that
// blocks every other request so nothing leaves the machine.
#pragma once

#include <QAtomicInt>
#include <QMutex>
#include <QStringList>
#include <QWebEngineUrlRequestInterceptor>
#include <QWebEngineUrlSchemeHandler>

#include <functional>

namespace gleaner {

inline constexpr char kReaderScheme[] = "gleaner";
inline constexpr char kReaderHost[] = "reader";

// Registers the scheme with Qt WebEngine; must run before QApplication exists.
void registerReaderScheme();

// Serves gleaner://reader/page (the current page, from a provider) and
// gleaner://reader/<asset> (reader CSS/JS, KaTeX) from the resources.
class ReaderSchemeHandler final : public QWebEngineUrlSchemeHandler
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReaderSchemeHandler)

public:
    using PageProvider = std::function<QByteArray()>;

    explicit ReaderSchemeHandler(PageProvider provider, QObject *parent = nullptr);
    void requestStarted(QWebEngineUrlRequestJob *job) override;

private:
    PageProvider m_provider;
};

// Allows requests to our own scheme and refuses everything else, counting
// what it refused (for tests and the log).
class ReaderRequestBlocker final : public QWebEngineUrlRequestInterceptor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReaderRequestBlocker)

public:
    explicit ReaderRequestBlocker(QObject *parent = nullptr);
    void interceptRequest(QWebEngineUrlRequestInfo &info) override;

    QStringList blockedUrls() const;

private:
    mutable QMutex m_mutex;
    QStringList m_blocked;
};

} // namespace gleaner
