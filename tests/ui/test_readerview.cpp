#include "catch.h"
#include "readerscheme.h"
#include "readerview.h"
#include "webengine.h"

#include <QSignalSpy>
#include <QWebEngineProfile>

using namespace gleaner;
using gleaner::test::runJs;
using gleaner::test::waitForJs;

namespace {

Paper hostilePaper()
{
    Paper p;
    p.id = 1;
    p.title = QStringLiteral("Attention <i>is</i> typeset");
    p.abstract = QStringLiteral(
        "We prove $\\sum_{i=1}^{n} x_i^2 \\le \\epsilon$ holds. "
        "<script>document.title='pwned'</script><img src=\"https://example.com/track.png\"> "
        "Sneaky $\\def\\x{y}\\x$ stays text. Code: https://example.com/repo");
    p.published = QDate(2025, 6, 1);
    p.upvotes = 3;
    return p;
}

// Shows the paper and waits until typeset-math.js has typeset the page.
bool showAndWait(ReaderView &view, const Paper &paper)
{
    view.setPaper(paper);
    return waitForJs(view.page(), QStringLiteral("document.documentElement.dataset.ready === "
                                                 "'true' && !!document.getElementById('title')"));
}

} // namespace

TEST_CASE("Reader pane shows markup in an abstract as text", "[reader]")
{
    ReaderView view;
    view.resize(800, 600);
    view.show();
    REQUIRE(showAndWait(view, hostilePaper()));

    const auto scripts = runJs(view.page(), QStringLiteral("document.scripts.length"));
    REQUIRE(scripts);
    // katex.min.js, typeset-math.js and highlights.js, nothing from the digest
    CHECK(scripts->toInt() == 3);
    CHECK(runJs(view.page(), QStringLiteral("document.images.length"))->toInt() == 0);
    CHECK(runJs(view.page(), QStringLiteral("document.title"))->toString() ==
          QStringLiteral("Attention <i>is</i> typeset"));
    const QString text =
        runJs(view.page(), QStringLiteral("document.getElementById('abstract').textContent"))
            ->toString();
    CHECK(text.contains(QStringLiteral("<script>document.title='pwned'</script>")));
}

TEST_CASE("Reader pane typesets math with KaTeX and refuses macro definitions", "[reader]")
{
    ReaderView view;
    view.resize(800, 600);
    view.show();
    REQUIRE(showAndWait(view, hostilePaper()));

    CHECK(runJs(view.page(), QStringLiteral("document.querySelectorAll('.math-typeset .katex')"
                                            ".length"))
              ->toInt() == 1);
    CHECK(runJs(view.page(), QStringLiteral("document.querySelectorAll('.math-refused').length"))
              ->toInt() == 1);
    CHECK(runJs(view.page(), QStringLiteral("document.querySelector('.math-refused').textContent"))
              ->toString() == QStringLiteral("$\\def\\x{y}\\x$"));
    // KaTeX's fonts came from our scheme.
    CHECK(waitForJs(view.page(), QStringLiteral("document.fonts.check('12px KaTeX_Main')")));
}

TEST_CASE("Reader pane blocks remote loads injected into the page", "[reader]")
{
    ReaderView view;
    view.show();
    REQUIRE(showAndWait(view, hostilePaper()));
    // Even a script running in the page cannot reach the network.
    runJs(view.page(), QStringLiteral("window.imgState = 'pending';"
                                      "var i = new Image();"
                                      "i.onload = () => window.imgState = 'loaded';"
                                      "i.onerror = () => window.imgState = 'blocked';"
                                      "i.src = 'https://example.com/pixel.png';"
                                      "document.body.appendChild(i); true"));
    REQUIRE(waitForJs(view.page(), QStringLiteral("window.imgState !== 'pending'")));
    CHECK(runJs(view.page(), QStringLiteral("window.imgState"))->toString() ==
          QStringLiteral("blocked"));
}

TEST_CASE("Request blocker refuses every scheme but ours", "[reader]")
{
    // A page without our Content-Security-Policy, so that only the
    // interceptor stands between it and the network.
    QWebEngineProfile profile;
    auto *blocker = new ReaderRequestBlocker(&profile);
    profile.setUrlRequestInterceptor(blocker);
    profile.installUrlSchemeHandler(
        kReaderScheme,
        new ReaderSchemeHandler(
            [] {
                return QByteArray("<!doctype html><body><p id=t>x</p>"
                                  "<img src='https://example.com/remote.png'>"
                                  "<script src='http://127.0.0.1:9/remote.js'></script>"
                                  "<img src='gleaner://reader/assets/missing.png'>"
                                  "</body>");
            },
            &profile));
    QWebEnginePage page(&profile);
    QSignalSpy loaded(&page, &QWebEnginePage::loadFinished);
    page.load(QUrl(QStringLiteral("gleaner://reader/page")));
    REQUIRE(loaded.wait(15000));
    const QStringList blocked = blocker->blockedUrls();
    INFO("blocked: " << blocked.join(QLatin1Char(' ')).toStdString());
    CHECK(blocked.contains(QStringLiteral("https://example.com/remote.png")));
    CHECK(blocked.contains(QStringLiteral("http://127.0.0.1:9/remote.js")));
    for (const QString &url : blocked)
        CHECK_FALSE(url.startsWith(QStringLiteral("gleaner:")));
}

TEST_CASE("Reader pane hands clicked links to the system browser", "[reader]")
{
    ReaderView view;
    view.show();
    REQUIRE(showAndWait(view, hostilePaper()));
    QSignalSpy external(&view, &ReaderView::externalLinkActivated);
    const QUrl before = view.url();
    // The abstract's last link; the first is the escaped <img> URL, linked as text.
    runJs(view.page(), QStringLiteral("Array.from(document.querySelectorAll('#abstract a')).pop()"
                                      ".click(); true"));
    REQUIRE((external.count() > 0 || external.wait(5000)));
    CHECK(external.first().first().toUrl().toString() ==
          QStringLiteral("https://example.com/repo"));
    CHECK(view.url() == before);
}

TEST_CASE("Reader pane zooms within bounds", "[reader]")
{
    ReaderView view;
    view.resetZoom();
    for (int i = 0; i < 30; ++i)
        view.zoomIn();
    CHECK(view.zoomFactor() == Approx(3.0).margin(0.01));
    for (int i = 0; i < 60; ++i)
        view.zoomOut();
    CHECK(view.zoomFactor() == Approx(0.5).margin(0.01));
    view.resetZoom();
    CHECK(view.zoomFactor() == Approx(1.0));
}

TEST_CASE("Space while a paper loads asks the paper, not the page it replaces", "[reader]")
{
    ReaderView view;
    view.resize(500, 300);
    view.show();
    Paper shortPaper = hostilePaper();
    shortPaper.abstract = QStringLiteral("Short.");
    REQUIRE(showAndWait(view, shortPaper));

    // A paper far taller than the pane, asked about before its page is in.
    Paper longPaper = hostilePaper();
    longPaper.id = 2;
    longPaper.abstract = QStringLiteral("A sentence that fills the pane. ").repeated(400);
    view.setPaper(longPaper);
    std::optional<bool> answer;
    view.pageDown([&](bool atEnd) { answer = atEnd; });
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000);
    // The short page would have said "at the end"; the long one scrolled.
    CHECK_FALSE(*answer);
    CHECK(runJs(view.page(), QStringLiteral("document.getElementById('abstract').textContent"))
              ->toString()
              .startsWith(QStringLiteral("A sentence")));
    CHECK(waitForJs(view.page(), QStringLiteral("window.scrollY > 0")));
}
