// The HTML export as a browser shows it: Chromium (through Qt WebEngine)
// opens the exported file, runs the inlined KaTeX under the page's own
// content security policy, and prints it. The page must typeset its math,
// refuse hostile TeX and markup, make no request at all and print with
// KaTeX's fonts.
#include "catch.h"
#include "export/exporter.h"
#include "hostiletext.h"
#include "webengine.h"
#include "windowtesting.h"

#include <QDir>
#include <QFile>
#include <QMutex>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineUrlRequestInterceptor>
#include <QWebEngineView>

using namespace gleaner;
using gleaner::test::runJs;
using gleaner::test::waitForJs;

namespace {

// Every request the page makes, its own file included.
class RequestLog final : public QWebEngineUrlRequestInterceptor
{
public:
    void interceptRequest(QWebEngineUrlRequestInfo &info) override
    {
        const QMutexLocker lock(&mutex);
        urls << info.requestUrl().toString();
    }
    QStringList seen()
    {
        const QMutexLocker lock(&mutex);
        return urls;
    }

private:
    QMutex mutex;
    QStringList urls;
};

// Keeps the console, where Chromium reports what the policy refused.
class ConsolePage final : public QWebEnginePage
{
public:
    using QWebEnginePage::QWebEnginePage;
    QStringList messages;

protected:
    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel, const QString &message, int,
                                  const QString &) override
    {
        messages << message;
    }
};

QList<Paper> mathPapers()
{
    Paper a;
    a.id = 1;
    a.title = QStringLiteral("PixArt-$\\alpha$: Fast Training of $O(n \\log n)$ Transformers");
    a.abstract = QStringLiteral("We bound $\\sum_{i=1}^{n} x_i^2 \\le \\epsilon$ and show\n"
                                "$$\\int_0^1 f(x)\\,dx = 1$$\nfor every $f$. It costs $5 a run.");
    a.note = QStringLiteral("Check $\\mathbb{R}^n$ against https://example.com/paper");
    a.published = QDate(2024, 5, 2);
    Paper hostile;
    hostile.id = 2;
    hostile.title = QStringLiteral("Hostile <b>title</b> $\\href{javascript:alert(1)}{t}$");
    hostile.abstract = gleaner::test::kMarkup + QStringLiteral("\n") + gleaner::test::kTex;
    hostile.note = gleaner::test::kMarkup;
    hostile.tags = {gleaner::test::kMarkup};
    return {a, hostile};
}

int count(QWebEnginePage *page, const QString &selector)
{
    return runJs(page, QStringLiteral("document.querySelectorAll(%1).length")
                           .arg(QLatin1Char('\'') + selector + QLatin1Char('\'')))
        ->toInt();
}

} // namespace

TEST_CASE("HTML export typesets its math in a browser, with nothing fetched", "[htmlexport]")
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("reading list.html"));
    ExportOptions options;
    options.format = ExportFormat::Html;
    options.title = QStringLiteral("Math <and> markup");
    {
        QFile out(file);
        REQUIRE(out.open(QIODevice::WriteOnly));
        out.write(Exporter::exportPapers(mathPapers(), options));
    }

    QWebEngineProfile profile; // off the record: nothing cached between tests
    RequestLog log;
    profile.setUrlRequestInterceptor(&log);
    QWebEngineView view;
    auto *page = new ConsolePage(&profile, &view);
    view.setPage(page);
    view.resize(1000, 800);
    view.show();
    QSignalSpy loaded(page, &QWebEnginePage::loadFinished);
    page->load(QUrl::fromLocalFile(file));
    REQUIRE(loaded.wait(20000));
    REQUIRE(loaded.first().first().toBool());
    REQUIRE(waitForJs(page, QStringLiteral("document.documentElement.dataset.ready === 'true'")));

    // The good paper's formulas are set: two in the title, the inline ones
    // and the display one in the abstract, the note's; the price is text.
    CHECK(count(page, QStringLiteral("#") + Exporter::citationKeys(mathPapers()).at(0) +
                          QStringLiteral(" .math-typeset .katex")) == 6);
    CHECK(count(page, QStringLiteral(".math.display .katex-display")) == 1);
    CHECK(runJs(page, QStringLiteral("document.body.textContent.includes('It costs $5 a run.')"))
              ->toBool());
    // KaTeX's fonts came from the page itself.
    CHECK(waitForJs(page, QStringLiteral("document.fonts.check('12px KaTeX_Main')")));

    // The hostile paper: no payload ran, KaTeX made no link, image or class
    // of the digest's, the macro definition stayed text, markup stayed text.
    CHECK(runJs(page, QStringLiteral("String(window.__pwned)"))->toString() ==
          QStringLiteral("undefined"));
    CHECK(runJs(page, QStringLiteral("document.title"))->toString() ==
          QStringLiteral("Math <and> markup"));
    CHECK(count(page, QStringLiteral("a, img, iframe, object, embed, form, base, link")) == 0);
    CHECK(count(page, QStringLiteral(".pwned-class, #pwned-id, [data-pwned]")) == 0);
    CHECK(count(page, QStringLiteral(".math-refused")) == 1);
    CHECK(count(page, QStringLiteral("script")) == 2); // KaTeX and ours
    // Only KaTeX sets styles (its error spans are coloured), and none of them loads anything.
    CHECK(count(page, QStringLiteral("body style, [style]:not(.katex, .katex *, .katex-error)")) ==
          0);
    CHECK_FALSE(
        runJs(page, QStringLiteral("Array.from(document.querySelectorAll('[style]')).some(e => "
                                   "e.getAttribute('style').includes('url('))"))
            ->toBool());

    // No request left the file, and the policy had nothing to refuse.
    const QStringList requests = log.seen();
    CHECK(requests == QStringList{QUrl::fromLocalFile(file).toString()});
    INFO(page->messages.join(u'\n').toStdString());
    CHECK(page->messages.filter(QStringLiteral("Content Security Policy")).isEmpty());

    gleaner::test::saveArtifact(view, "html-export");

    // It prints, KaTeX's fonts embedded in the PDF.
    const QString artifacts = QCoreApplication::applicationDirPath() + QStringLiteral("/artifacts");
    QDir().mkpath(artifacts);
    const QString pdf = artifacts + QStringLiteral("/html-export.pdf");
    QFile::remove(pdf);
    QSignalSpy printed(page, &QWebEnginePage::pdfPrintingFinished);
    page->printToPdf(pdf);
    REQUIRE(printed.wait(20000));
    REQUIRE(printed.first().at(1).toBool());
    QFile printedFile(pdf);
    REQUIRE(printedFile.open(QIODevice::ReadOnly));
    const QByteArray bytes = printedFile.readAll();
    CHECK(bytes.startsWith("%PDF"));
    CHECK(bytes.contains("KaTeX_Main"));
    CHECK(bytes.contains("KaTeX_Math"));
}
