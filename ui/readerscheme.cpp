#include "readerscheme.h"

#include "uilogging.h"

#include <QBuffer>
#include <QFile>
#include <QMimeDatabase>
#include <QWebEngineUrlRequestJob>
#include <QWebEngineUrlScheme>

namespace gleaner {

void registerReaderScheme()
{
    QWebEngineUrlScheme scheme(kReaderScheme);
    scheme.setSyntax(QWebEngineUrlScheme::Syntax::Host);
    // Not a LocalScheme: Chromium would then refuse remote loads silently,
    // before our interceptor could see (and log) them.
    scheme.setFlags(QWebEngineUrlScheme::SecureScheme);
    QWebEngineUrlScheme::registerScheme(scheme);
}

ReaderSchemeHandler::ReaderSchemeHandler(PageProvider provider, QObject *parent)
    : QWebEngineUrlSchemeHandler(parent)
    , m_provider(std::move(provider))
{}

void ReaderSchemeHandler::requestStarted(QWebEngineUrlRequestJob *job)
{
    const QUrl url = job->requestUrl();
    if (url.host() != QLatin1String(kReaderHost) || job->requestMethod() != "GET") {
        job->fail(QWebEngineUrlRequestJob::UrlInvalid);
        return;
    }
    const QString path = url.path();
    QByteArray body;
    QByteArray mime;
    if (path == QLatin1String("/page")) {
        body = m_provider();
        mime = "text/html;charset=utf-8";
    } else {
        // Only files under our three resource folders; ".." cannot escape a
        // resource path, but refuse it anyway so intent is plain.
        const bool allowed = (path.startsWith(QLatin1String("/katex/")) ||
                              path.startsWith(QLatin1String("/math/")) ||
                              path.startsWith(QLatin1String("/assets/"))) &&
                             !path.contains(QLatin1String(".."));
        QFile file(QLatin1Char(':') + path);
        if (!allowed || !file.open(QIODevice::ReadOnly)) {
            qCDebug(lcReader) << "not found:" << url;
            job->fail(QWebEngineUrlRequestJob::UrlNotFound);
            return;
        }
        body = file.readAll();
        static const QMimeDatabase mimes;
        mime = mimes.mimeTypeForFile(path, QMimeDatabase::MatchExtension).name().toLatin1();
        if (path.endsWith(QLatin1String(".woff2")))
            mime = "font/woff2";
    }
    auto *buffer = new QBuffer(job);
    buffer->setData(body);
    buffer->open(QIODevice::ReadOnly);
    job->reply(mime, buffer);
}

ReaderRequestBlocker::ReaderRequestBlocker(QObject *parent)
    : QWebEngineUrlRequestInterceptor(parent)
{}

void ReaderRequestBlocker::interceptRequest(QWebEngineUrlRequestInfo &info)
{
    const QUrl url = info.requestUrl();
    if (url.scheme() == QLatin1String(kReaderScheme) && url.host() == QLatin1String(kReaderHost))
        return;
    info.block(true);
    qCInfo(lcReader) << "blocked request:" << url.toDisplayString();
    const QMutexLocker lock(&m_mutex);
    m_blocked.append(url.toString());
}

QStringList ReaderRequestBlocker::blockedUrls() const
{
    const QMutexLocker lock(&m_mutex);
    return m_blocked;
}

} // namespace gleaner
