#include "readerview.h"

#include "annotationpane.h"
#include "readerscheme.h"
#include "uilogging.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QEvent>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QPalette>
#include <QUrlQuery>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineSettings>

#include <utility>

namespace gleaner {

namespace {

constexpr qreal kZoomStep = 1.1;
constexpr qreal kZoomMin = 0.5;
constexpr qreal kZoomMax = 3.0;

// Keeps the page on our scheme: links the user clicks go to the system
// browser, anything else that tries to navigate is refused.
class ReaderPage final : public QWebEnginePage
{
public:
    ReaderPage(QWebEngineProfile *profile, ReaderView *view)
        : QWebEnginePage(profile, view)
        , m_view(view)
    {}

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override
    {
        if (url.scheme() == QLatin1String(kReaderScheme) && type != NavigationTypeLinkClicked)
            return isMainFrame;
        if (type == NavigationTypeLinkClicked && url == QUrl(QLatin1String(kUndismissUrl))) {
            Q_EMIT m_view->undismissRequested();
            return false;
        }
        if (type == NavigationTypeLinkClicked &&
            url.toString().startsWith(QLatin1String(kPaperLinkPrefix))) {
            bool ok = false;
            const qint64 id =
                url.toString().mid(QLatin1String(kPaperLinkPrefix).size()).toLongLong(&ok);
            if (ok && id > 0)
                Q_EMIT m_view->paperLinkActivated(id);
            return false;
        }
        if (type == NavigationTypeLinkClicked &&
            (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"))) {
            Q_EMIT m_view->externalLinkActivated(url);
        } else {
            qCInfo(lcReader) << "refused navigation to" << url.toDisplayString();
        }
        return false;
    }

    QWebEnginePage *createWindow(WebWindowType) override { return nullptr; }

    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel, const QString &message, int line,
                                  const QString &) override
    {
        qCDebug(lcReader) << "page:" << line << message;
    }

private:
    ReaderView *m_view;
};

} // namespace

ReaderView::ReaderView(QWidget *parent)
    : QWebEngineView(parent)
    // A profile with no storage name is off the record: no cache, cookies or
    // history on disk.
    , m_profile(new QWebEngineProfile(this))
    , m_blocker(new ReaderRequestBlocker(m_profile))
{
    m_profile->setUrlRequestInterceptor(m_blocker);
    m_profile->setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
    m_profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    m_profile->installUrlSchemeHandler(
        kReaderScheme, new ReaderSchemeHandler([this] { return m_html.toUtf8(); }, m_profile));

    auto *page = new ReaderPage(m_profile, this);
    QWebEngineSettings *settings = page->settings();
    settings->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, false);
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    settings->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    settings->setAttribute(QWebEngineSettings::AutoLoadIconsForPage, false);
    settings->setAttribute(QWebEngineSettings::DnsPrefetchEnabled, false);
    settings->setAttribute(QWebEngineSettings::PdfViewerEnabled, false);
    setPage(page);
    // Our own menu (contextMenuEvent()), never the browser's.
    setContextMenuPolicy(Qt::DefaultContextMenu);

    connect(page, &QWebEnginePage::loadFinished, this, [this, page](bool ok) {
        // The same paper shown again (its note saved, a tag added) stays where
        // the reader had scrolled to.
        if (ok && !m_restoreScroll.isNull())
            page->runJavaScript(QStringLiteral("window.scrollTo(%1, %2)")
                                    .arg(m_restoreScroll.x())
                                    .arg(m_restoreScroll.y()));
        m_restoreScroll = {};
        // A load that a newer page cut short is not the end of loading.
        if (QUrlQuery(page->url()).queryItemValue(QStringLiteral("n")) !=
            QString::number(m_generation))
            return;
        m_loading = false;
        // A Space pressed while the page was loading asks the page now shown.
        if (std::function<void(bool)> pending = std::exchange(m_pendingPageDown, {}))
            pageDown(std::move(pending));
        Q_EMIT pageReady(ok);
    });
    render();
}

ReaderView::~ReaderView()
{
    // The page uses the profile; it must go first.
    delete page();
}

void ReaderView::setPaper(const std::optional<Paper> &paper)
{
    const bool same = paper && m_paper && paper->id == m_paper->id;
    m_restoreScroll = same ? page()->scrollPosition() : QPointF();
    m_paper = paper;
    m_extras = {};
    if (m_paper) {
        m_extras.noteHtml = NoteHtml::render(m_paper->note, m_resolve);
        m_extras.highlights = m_paper->highlights;
        if (m_linkedFrom)
            m_extras.linkedFrom = m_linkedFrom(m_paper->id);
        if (m_forYou)
            m_forYou(m_paper->id, m_extras);
    }
    render();
}

void ReaderView::setForYou(ForYouProvider provider)
{
    m_forYou = std::move(provider);
    setPaper(m_paper);
}

void ReaderView::setNoteLinks(NoteLinkResolver resolve, LinkedFromProvider linkedFrom)
{
    m_resolve = std::move(resolve);
    m_linkedFrom = std::move(linkedFrom);
    setPaper(m_paper);
}

void ReaderView::setHighlightTerms(const QStringList &terms)
{
    if (terms == m_style.highlightTerms)
        return;
    m_style.highlightTerms = terms;
    render();
}

void ReaderView::setFontSize(int points)
{
    m_style.fontSizePt = qBound(6, points, 48);
    render();
}

double ReaderView::scrollShare() const
{
    const double height = page()->contentsSize().height();
    return height > 0 && m_paper && !m_loading ? page()->scrollPosition().y() / height : 0.0;
}

void ReaderView::scrollToShare(double share)
{
    // A page on its way keeps its own place (the top, or where the same
    // paper was); the frame after this one is laid out at the new size.
    if (!m_paper || m_loading)
        return;
    page()->runJavaScript(QStringLiteral("requestAnimationFrame(() => window.scrollTo(0, %1 * "
                                         "document.documentElement.scrollHeight))")
                              .arg(share));
}

void ReaderView::pageDown(std::function<void(bool atEnd)> atEnd)
{
    if (m_loading) {
        m_pendingPageDown = std::move(atEnd);
        return;
    }
    page()->runJavaScript(
        QStringLiteral("(() => { const atEnd = window.innerHeight + window.scrollY >= "
                       "document.documentElement.scrollHeight - 2; if (!atEnd) "
                       "window.scrollBy(0, window.innerHeight * 0.9); return atEnd; })()"),
        [atEnd = std::move(atEnd)](const QVariant &result) { atEnd(result.toBool()); });
}

void ReaderView::requestSelection(SelectionHandler done)
{
    if (!m_paper) {
        done(std::nullopt, tr("Open a paper and select a passage of it to highlight."));
        return;
    }
    const Paper paper = *m_paper;
    page()->runJavaScript(
        QStringLiteral("typeof gleanerSelection === 'function' ? gleanerSelection() : ''"),
        [paper, done = std::move(done)](const QVariant &result) {
            const QJsonObject o = QJsonDocument::fromJson(result.toString().toUtf8()).object();
            const std::optional<HighlightField> field =
                highlightFieldFromName(o.value(QStringLiteral("field")).toString());
            if (!field) {
                done(std::nullopt,
                     o.value(QStringLiteral("error")).toString() == QLatin1String("field")
                         ? tr("A highlight is of the title or of the abstract: select a "
                              "passage within one of them.")
                         : tr("Select a passage of the title or abstract first, then press H."));
                return;
            }
            const QString &text = *field == HighlightField::Title ? paper.title : paper.abstract;
            int start = o.value(QStringLiteral("start")).toInt(-1);
            int end = start + o.value(QStringLiteral("length")).toInt(0);
            if (start < 0 || end > text.size() || end <= start) {
                done(std::nullopt, tr("The selection could not be read; select it again."));
                return;
            }
            while (start < end && text.at(start).isSpace())
                ++start;
            while (end > start && text.at(end - 1).isSpace())
                --end;
            std::optional<Highlight> h = makeHighlight(text, *field, start, end - start);
            if (!h) {
                done(std::nullopt, tr("Select a passage of the title or abstract first, then "
                                      "press H."));
                return;
            }
            h->paperId = paper.id;
            done(h, QString());
        });
}

void ReaderView::showHighlight(qint64 id)
{
    page()->runJavaScript(
        QStringLiteral("typeof gleanerShowHighlight === 'function' && gleanerShowHighlight(%1)")
            .arg(id));
}

void ReaderView::contextMenuEvent(QContextMenuEvent *event)
{
    if (!m_paper) {
        event->ignore();
        return;
    }
    QMenu menu(this);
    QMenu *colours = menu.addMenu(tr("&Highlight"));
    for (const QString &name : highlightColours())
        colours->addAction(AnnotationPane::colourSwatch(name), AnnotationPane::colourLabel(name),
                           this, [this, name] { Q_EMIT highlightRequested(name, false); });
    menu.addAction(tr("Highlight with &Comment\u2026"), this,
                   [this] { Q_EMIT highlightRequested(highlightColours().first(), true); });
    menu.addSeparator();
    menu.addAction(pageAction(QWebEnginePage::Copy));
    menu.exec(event->globalPos());
}

void ReaderView::zoomIn()
{
    setZoomFactor(qMin(kZoomMax, zoomFactor() * kZoomStep));
}

void ReaderView::zoomOut()
{
    setZoomFactor(qMax(kZoomMin, zoomFactor() / kZoomStep));
}

void ReaderView::resetZoom()
{
    setZoomFactor(1.0);
}

QStringList ReaderView::blockedUrls() const
{
    return m_blocker->blockedUrls();
}

void ReaderView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && isDark() != m_style.dark)
        render();
    QWebEngineView::changeEvent(event);
}

bool ReaderView::isDark() const
{
    const QPalette pal = palette();
    return pal.color(QPalette::Window).lightness() < pal.color(QPalette::WindowText).lightness();
}

void ReaderView::render()
{
    m_style.dark = isDark();
    m_html = readerHtml(m_paper, m_style, m_extras);
    // A fresh URL each time so WebEngine never serves a stale page.
    QUrl url;
    url.setScheme(QLatin1String(kReaderScheme));
    url.setHost(QLatin1String(kReaderHost));
    url.setPath(QStringLiteral("/page"));
    url.setQuery(QStringLiteral("n=%1").arg(++m_generation));
    m_loading = true;
    setUrl(url);
}

} // namespace gleaner
