// The reader pane against hostile digest text: every field a digest (or the
// reader) can fill is stuffed with markup, event handlers, javascript: and
// data: URLs, CSS url() and the KaTeX commands that make links, images and
// classes. Each payload would set window.__pwned (or the document title) if it
// ran; none may, and no request may leave our scheme.
#include "catch.h"
#include "hostiletext.h"
#include "readerview.h"
#include "webengine.h"

#include <QEventLoop>
#include <QSignalSpy>
#include <QTimer>

using namespace gleaner;
using gleaner::test::kMarkup;
using gleaner::test::kTex;
using gleaner::test::runJs;
using gleaner::test::waitForJs;

namespace {

Paper hostilePaper()
{
    Paper p;
    p.id = 7;
    p.title = QStringLiteral("Hostile <b>title</b> ") + kMarkup +
              QStringLiteral(" $\\href{javascript:"
                             "alert(1)}{t}$");
    p.abstract =
        kMarkup + QStringLiteral("\n") + kTex +
        QStringLiteral("\nLinks: https://example.com/\"onmouseover=\"window.__pwned='link' "
                       "https://example.com/x'onclick='window.__pwned=1' "
                       "javascript:window.__pwned='bare' data:text/html;base64,PHNjcmlwdD4= "
                       "https://example.com/<script>window.__pwned='url'</script>");
    p.submitter.kind = Submitter::Kind::Organisation;
    p.submitter.organisation = kMarkup;
    p.published = QDate(2025, 6, 1);
    p.upvotes = 1;
    p.tags = {QStringLiteral("<script>window.__pwned='tag'</script>"),
              QStringLiteral("\" onmouseover=\"window.__pwned='tagattr'"), kMarkup};
    p.note = kMarkup + kTex;
    p.noteChanged = QDateTime(QDate(2026, 5, 1), QTime(9, 0));
    Appearance a;
    a.digestId = 1;
    a.digestDate = QDate(2026, 5, 1);
    a.source = QStringLiteral("<img src=x onerror=\"window.__pwned='source'\">.txt");
    a.position = 1;
    a.upvotes = 1;
    p.appearances = {a};
    return p;
}

void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

int count(ReaderView &view, const QString &script)
{
    const auto value = runJs(view.page(), script);
    REQUIRE(value);
    return value->toInt();
}

} // namespace

TEST_CASE("Reader pane runs no script and loads nothing from hostile digest text", "[reader]")
{
    ReaderView view;
    view.resize(900, 700);
    view.show();
    // Search terms come from the user's query, which may be hostile too.
    view.setHighlightTerms({QStringLiteral("script"), QStringLiteral("<img"),
                            QStringLiteral("onerror"), QStringLiteral("\"")});
    view.setPaper(hostilePaper());
    REQUIRE(waitForJs(view.page(), QStringLiteral("document.documentElement.dataset.ready === "
                                                  "'true' && !!document.getElementById('title')")));

    // Give anything that would fire (an onerror, a refresh, a font) its chance,
    // and poke every element with the events handlers listen for.
    runJs(
        view.page(),
        QStringLiteral("for (const e of document.querySelectorAll('body *'))"
                       "  for (const t of ['mouseover', 'focus', 'load', 'error', 'animationend'])"
                       "    e.dispatchEvent(new Event(t));"
                       "true"));
    settle(500);

    CHECK(runJs(view.page(), QStringLiteral("typeof window.__pwned"))->toString() ==
          QStringLiteral("undefined"));
    CHECK(runJs(view.page(), QStringLiteral("document.title.startsWith('Hostile <b>title</b> ')"))
              ->toBool());
    CHECK(runJs(view.page(), QStringLiteral("document.title === 'pwned'"))->toBool() == false);
    // The page is what readerhtml.cpp wrote: our three scripts, our styles, no
    // elements of theirs, no attribute handlers, no links but plain http(s).
    CHECK(count(view, QStringLiteral("document.scripts.length")) == 3);
    // (KaTeX's own output carries inline styles and may draw with SVG.)
    CHECK(count(view, QStringLiteral("Array.from(document.querySelectorAll('img, iframe, object, "
                                     "embed, svg, form, input, base, main style, main link, main "
                                     "meta, body [style]')).filter(e => !e.closest('.katex, "
                                     ".katex-error')).length")) == 0);
    CHECK(count(view, QStringLiteral("Array.from(document.querySelectorAll('*')).filter(e => "
                                     "Array.from(e.attributes).some(a => /^on/i.test(a.name)))"
                                     ".length")) == 0);
    CHECK(count(view, QStringLiteral("Array.from(document.querySelectorAll('[href], [src]'))"
                                     ".filter(e => !/^(https?|gleaner):/.test(e.getAttribute("
                                     "e.hasAttribute('href') ? 'href' : 'src'))).length")) == 0);
    CHECK(count(view, QStringLiteral("Array.from(document.links).filter(a => "
                                     "a.protocol !== 'https:' && a.protocol !== 'http:')"
                                     ".length")) == 0);
    // KaTeX made no link, image, class, id, style or data attribute of theirs.
    CHECK(count(view, QStringLiteral("document.querySelectorAll('.katex a, .katex img, "
                                     ".pwned-class, #pwned-id, [data-pwned]').length")) == 0);
    CHECK(count(view, QStringLiteral("Array.from(document.querySelectorAll('.katex [style], "
                                     ".katex-error[style]'))"
                                     ".filter(e => /url\\(/i.test(e.getAttribute('style')))"
                                     ".length")) == 0);
    // Their math was still typeset (so the payloads above were really seen by
    // KaTeX), and the macro definition was refused.
    CHECK(count(view, QStringLiteral("document.querySelectorAll('.math-typeset').length")) > 5);
    CHECK(count(view, QStringLiteral("document.querySelectorAll('#abstract .math-refused')"
                                     ".length")) == 1);
    // The note (the same payloads, read as Markdown) is typeset as locked down.
    CHECK(count(view, QStringLiteral("document.querySelectorAll('#note .math-refused').length")) ==
          1);
    // Everything the page loaded came from our scheme, and nothing even tried
    // to leave it.
    CHECK(count(view, QStringLiteral("performance.getEntriesByType('resource').filter(r => "
                                     "!r.name.startsWith('gleaner://reader/')).length")) == 0);
    INFO("blocked: " << view.blockedUrls().join(QLatin1Char(' ')).toStdString());
    CHECK(view.blockedUrls().isEmpty());
    // The text is all there, as text.
    CHECK(runJs(view.page(), QStringLiteral("document.getElementById('abstract').textContent"))
              ->toString()
              .contains(QStringLiteral("<script>window.__pwned='script'</script>")));
}

TEST_CASE("Reader pane shows a hostile note as text or inert markup", "[reader][notehtml]")
{
    Paper p;
    p.id = 3;
    p.title = QStringLiteral("Noted paper");
    p.abstract = QStringLiteral("Abstract.");
    p.note =
        QStringLiteral("# Heading <script>window.__pwned='h'</script>\n\n- item $E=mc^2$\n\n") +
        kMarkup +
        QStringLiteral("\n\n<div onclick=\"window.__pwned='div'\">\n\nblock\n</div>\n\n") +
        QStringLiteral("[js](javascript:window.__pwned='md') <javascript:window.__pwned='auto'> "
                       "[data](data:text/html,<script>window.__pwned=1</script>) "
                       "![img](https://example.com/i.png) [f](file:///etc/passwd) "
                       "&lt;script&gt;window.__pwned='entity'&lt;/script&gt; "
                       "[[Other paper]] [[nothing at all]]\n\n") +
        kTex;
    ReaderView view;
    view.resize(900, 700);
    view.show();
    view.setNoteLinks(
        [](const QString &words) -> std::optional<PaperRef> {
            if (words == QLatin1String("Other paper"))
                return PaperRef{9, QStringLiteral("Other <b>paper</b>")};
            return std::nullopt;
        },
        [](qint64) {
            return QList<PaperRef>{{11, QStringLiteral("Linking <i>paper</i>")}};
        });
    QSignalSpy opened(&view, &ReaderView::paperLinkActivated);
    view.setPaper(p);
    REQUIRE(waitForJs(view.page(), QStringLiteral("document.documentElement.dataset.ready === "
                                                  "'true' && !!document.getElementById('note')")));
    runJs(view.page(),
          QStringLiteral("for (const e of document.querySelectorAll('body *'))"
                         "  for (const t of ['mouseover', 'focus', 'load', 'error', 'click'])"
                         "    if (!e.closest('a')) e.dispatchEvent(new Event(t));"
                         "true"));
    settle(500);
    CHECK(runJs(view.page(), QStringLiteral("typeof window.__pwned"))->toString() ==
          QStringLiteral("undefined"));
    CHECK(runJs(view.page(), QStringLiteral("document.title"))->toString() ==
          QStringLiteral("Noted paper"));
    CHECK(count(view, QStringLiteral("document.scripts.length")) ==
          3); // ours: KaTeX, math, highlights
    CHECK(count(view,
                QStringLiteral("Array.from(document.querySelectorAll('#note *')).filter(e => "
                               "!e.closest('.katex, .katex-error') && !e.matches('#note > h2') && "
                               "!['P', 'EM', "
                               "'STRONG', 'S', 'CODE', 'PRE', 'UL', 'OL', 'LI', 'H3', 'H4', "
                               "'H5', 'H6', 'BLOCKQUOTE', 'A', 'BR', 'HR', 'TABLE', 'THEAD', "
                               "'TBODY', 'TR', 'TH', 'TD', 'SPAN'].includes(e.tagName))"
                               ".length")) == 0);
    CHECK(count(view, QStringLiteral("Array.from(document.querySelectorAll('*')).filter(e => "
                                     "Array.from(e.attributes).some(a => /^on/i.test(a.name)))"
                                     ".length")) == 0);
    CHECK(count(view, QStringLiteral("Array.from(document.querySelectorAll('#note [href]')).filter("
                                     "a => !/^(https?:|gleaner:\\/\\/reader\\/paper\\/)/.test("
                                     "a.getAttribute('href'))).length")) == 0);
    CHECK(count(view, QStringLiteral("document.querySelectorAll('#note .katex a, #note img, "
                                     "#note iframe').length")) == 0);
    // The Markdown and the math came through.
    CHECK(runJs(view.page(), QStringLiteral("document.querySelector('#note h3').textContent"))
              ->toString()
              .startsWith(QStringLiteral("Heading <script>")));
    CHECK(count(view, QStringLiteral("document.querySelectorAll('#note li .math-typeset')"
                                     ".length")) == 1);
    CHECK(count(view, QStringLiteral("document.querySelectorAll('#note .paper-link.unresolved')"
                                     ".length")) == 1);
    CHECK(count(view, QStringLiteral("document.querySelectorAll('#linked-from a').length")) == 1);
    CHECK(view.blockedUrls().isEmpty());
    // A resolved link opens its paper in the window, not in a browser.
    QSignalSpy external(&view, &ReaderView::externalLinkActivated);
    runJs(view.page(),
          QStringLiteral("document.querySelector('#note a.paper-link').click(); true"));
    REQUIRE((opened.count() > 0 || opened.wait(3000)));
    CHECK(opened.first().first().toLongLong() == 9);
    CHECK(external.isEmpty());
}
