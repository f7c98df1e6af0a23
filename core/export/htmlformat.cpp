#include "export/citationkeys.h"
#include "export/escaping.h"
#include "export/formats_p.h"
#include "model/dates.h"
#include "model/submitter.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>

namespace gleaner::formats {

namespace {

// Inline, so the page is one file that opens anywhere; the content security
// policy in the head makes sure nothing is ever fetched. The page is also
// well-formed XML (void elements closed, XML's entities only), so XML tools
// can read it and the tests can parse it.
const char *const kHtmlStyle = R"css(
:root { color-scheme: light dark; --fg: #1d1d1f; --muted: #5f6368; --rule: #d8d8dc;
  --accent: #8a5a00; --note: #f6f1e4; --tag: #ececf0; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6e6e8; --muted: #a0a4aa; --rule: #3a3a3f; --accent: #f0b44c;
    --note: #2b2720; --tag: #2e2e33; }
}
body { font: 17px/1.55 Charter, "Bitstream Charter", "DejaVu Serif", Georgia, serif;
  color: var(--fg); max-width: 44em; margin: 2.5em auto; padding: 0 1.2em; }
header { border-bottom: 2px solid var(--rule); margin-bottom: 1.5em; }
h1 { font-size: 1.9em; line-height: 1.2; margin: 0 0 .3em; }
h2 { font-size: 1.2em; line-height: 1.3; margin: 0 0 .3em; }
.count, .meta { color: var(--muted); font: .85em/1.5 system-ui, sans-serif; margin: .2em 0 .8em; }
article { padding: 1.1em 0; border-bottom: 1px solid var(--rule); }
.star { color: var(--accent); }
.tags { list-style: none; padding: 0; margin: .3em 0 .6em; }
.tags li { display: inline-block; background: var(--tag); border-radius: .8em;
  padding: 0 .6em; margin: 0 .3em .3em 0; font: .8em/1.7 system-ui, sans-serif; }
.abstract { margin: .6em 0; white-space: pre-line; }
.note { background: var(--note); border-left: 3px solid var(--accent); margin: .8em 0 0;
  padding: .5em .9em; white-space: pre-wrap; }
.note .when { display: block; color: var(--muted); font: .8em/1.5 system-ui, sans-serif; }
/* A line of its own, inline so the line breaks around it add no blank lines. */
.math.display { display: inline-block; width: 100%; text-align: center; }
.math.display .katex-display { margin: .3em 0; }
@media print {
  body { font-size: 11pt; max-width: none; margin: 0; color: #000; }
  /* A title stays with its text; a long abstract may run on to the next page
     rather than leave most of one blank. */
  h2, .meta, .tags { break-after: avoid; page-break-after: avoid; }
  p, blockquote { orphans: 3; widows: 3; }
  .note { background: none; border-left: 2px solid #888; }
  .tags li { background: none; border: 1px solid #888; }
  @page { margin: 2cm; }
}
)css";

// KaTeX (the system's, embedded in gleaner-core) and the script that runs it
// over the page's math spans, ready to inline: the page stays one file that
// makes no request. The stylesheet gets its woff2 fonts as data: URLs (the
// woff and ttf fallbacks dropped); each script is allowed by its hash in the
// content security policy. Both sit in CDATA sections behind comments, so the
// page is still well-formed XML. About 0.7 MB in all, so only a page with
// math carries it. Empty when a resource is missing: math then stays TeX.
struct MathAssets
{
    QString style;
    QString scripts;
    QString scriptHashes; // "'sha256-...' 'sha256-...'"
};

QString resourceText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// A script as XML may hold it: characters XML forbids (KaTeX has a U+FFFF
// in a pattern) spelled as JavaScript escapes, which mean the same in the
// string and pattern literals where such characters can appear.
QString xmlSafeScript(const QString &script)
{
    QString out;
    out.reserve(script.size());
    for (const QChar c : script) {
        const char16_t u = c.unicode();
        const bool forbidden =
            (u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r') || u == 0xfffe || u == 0xffff;
        if (forbidden)
            out += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

const MathAssets &mathAssets()
{
    static const MathAssets assets = [] {
        MathAssets a;
        QString css = resourceText(QStringLiteral(":/katex/katex.min.css"));
        const QString katex = resourceText(QStringLiteral(":/katex/katex.min.js"));
        const QString typeset = resourceText(QStringLiteral(":/math/typeset-math.js"));
        if (css.isEmpty() || katex.isEmpty() || typeset.isEmpty())
            return a;
        // Text that would end the script element or its CDATA section early
        // (a later KaTeX might hold it): no typesetting rather than a broken page.
        for (const QString &script : {katex, typeset}) {
            if (script.contains(QLatin1String("</script"), Qt::CaseInsensitive) ||
                script.contains(QLatin1String("]]>")))
                return a;
        }
        static const QRegularExpression fallbacks(
            QStringLiteral(R"(,\s*url\(fonts/[^)]+\.(?:woff|ttf)\)\s*format\([^)]*\))"));
        css.remove(fallbacks);
        static const QRegularExpression woff2(QStringLiteral(R"(url\((fonts/[^)]+\.woff2)\))"));
        QString inlined;
        qsizetype at = 0;
        for (auto it = woff2.globalMatch(css); it.hasNext();) {
            const auto m = it.next();
            QFile font(QStringLiteral(":/katex/") + m.captured(1));
            if (!font.open(QIODevice::ReadOnly))
                return MathAssets();
            inlined += QStringView(css).sliced(at, m.capturedStart() - at) +
                       QLatin1String("url(data:font/woff2;base64,") +
                       QLatin1String(font.readAll().toBase64()) + QLatin1Char(')');
            at = m.capturedEnd();
        }
        inlined += QStringView(css).sliced(at);
        a.style =
            QStringLiteral("<style>/*<![CDATA[*/") + inlined + QStringLiteral("/*]]>*/</style>\n");
        QStringList hashes;
        for (const QString &script : {katex, typeset}) {
            const QString body =
                QStringLiteral("//<![CDATA[\n") + xmlSafeScript(script) + QStringLiteral("\n//]]>");
            a.scripts += QStringLiteral("<script>") + body + QStringLiteral("</script>\n");
            hashes << QStringLiteral("'sha256-") +
                          QLatin1String(
                              QCryptographicHash::hash(body.toUtf8(), QCryptographicHash::Sha256)
                                  .toBase64()) +
                          QLatin1Char('\'');
        }
        a.scriptHashes = hashes.join(u' ');
        return a;
    }();
    return assets;
}

// The articles of the page, one a paper; *hasMath is set when a title,
// abstract or note holds a formula.
QString htmlBody(const QList<Paper> &papers, const ExportOptions &options, bool *hasMath)
{
    QString html;
    const QStringList keys = citationKeys(papers);
    for (qsizetype i = 0; i < papers.size(); ++i) {
        const Paper &p = papers.at(i);
        html += QStringLiteral("<article id=\"") + keys.at(i) + QStringLiteral("\">\n<h2>");
        if (p.starred)
            html += QStringLiteral("<span class=\"star\" title=\"starred\">\u2605</span> ");
        html += escape::htmlWithMath(escape::oneLine(p.title), hasMath) + QStringLiteral("</h2>\n");
        QStringList meta;
        if (p.published.isValid())
            meta << QStringLiteral("published ") + isoDate(p.published);
        const QStringList dates = digestDates(p);
        if (!dates.isEmpty())
            meta << QStringLiteral("digest ") + dates.join(QStringLiteral(", "));
        const QString submitter = submitterField(p.submitter);
        if (!submitter.isEmpty())
            meta << escape::html(submitter);
        if (p.upvotes)
            meta << upvotesText(*p.upvotes, TextStyle::Plain);
        if (p.read)
            meta << QStringLiteral("read");
        html += QStringLiteral("<p class=\"meta\">") + meta.join(QStringLiteral(" \u00b7 ")) +
                QStringLiteral("</p>\n");
        if (!p.tags.isEmpty()) {
            html += QStringLiteral("<ul class=\"tags\">");
            for (const QString &t : p.tags)
                html += QStringLiteral("<li>") + escape::html(escape::oneLine(t)) +
                        QStringLiteral("</li>");
            html += QStringLiteral("</ul>\n");
        }
        if (options.includeAbstracts && !p.abstract.trimmed().isEmpty())
            html += QStringLiteral("<p class=\"abstract\">") +
                    escape::htmlWithMath(escape::cleanText(p.abstract).trimmed(), hasMath) +
                    QStringLiteral("</p>\n");
        if (!p.note.trimmed().isEmpty()) {
            html += QStringLiteral("<blockquote class=\"note\">");
            const QString when = noteTime(p);
            if (!when.isEmpty())
                html += QStringLiteral("<span class=\"when\">Note, ") + when +
                        QStringLiteral("</span>");
            html += escape::htmlWithMath(escape::cleanText(p.note).trimmed(), hasMath) +
                    QStringLiteral("</blockquote>\n");
        }
        html += QStringLiteral("</article>\n");
    }
    return html;
}

} // namespace

// HTML: a reading list as one self-contained page that also prints well,
// its math typeset by KaTeX when it has any.
QString toHtml(const QList<Paper> &papers, const ExportOptions &options)
{
    bool hasMath = false;
    const QString body = htmlBody(papers, options, &hasMath);
    const MathAssets *math = hasMath && !mathAssets().scripts.isEmpty() ? &mathAssets() : nullptr;
    const QString title = escape::html(listTitle(options));
    QString html;
    html += QStringLiteral(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'");
    if (math)
        html += QStringLiteral("; font-src data:; script-src ") + math->scriptHashes;
    html += QStringLiteral("\" />\n<meta name=\"generator\" content=\"Gleaner\" />\n<title>") +
            title + QStringLiteral("</title>\n");
    if (math)
        html += math->style;
    html += QStringLiteral("<style>") + QLatin1String(kHtmlStyle) + QStringLiteral("</style>\n");
    if (math)
        html += math->scripts;
    html += QStringLiteral("</head>\n<body>\n<header>\n<h1>") + title +
            QStringLiteral("</h1>\n<p class=\"count\">") +
            countText(options.listSize > 0 ? options.listSize : papers.size());
    if (options.generated.isValid())
        html += QStringLiteral(", exported ") + escape::html(generatedText(options));
    html += QStringLiteral("</p>\n</header>\n<main>\n") + body +
            QStringLiteral("</main>\n</body>\n</html>\n");
    return html;
}

} // namespace gleaner::formats
