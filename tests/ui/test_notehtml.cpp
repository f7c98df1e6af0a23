// The reader's rendering of a note's Markdown (ui/notehtml.cpp): what the
// common constructs become, math kept for KaTeX, [[links]], and hostile notes
// that must end as text or as the few inert elements the renderer writes.
#include "catch.h"
#include "hostiletext.h"
#include "notehtml.h"
#include "readerhtml.h"

#include <QRegularExpression>
#include <QSet>

using namespace gleaner;

namespace {

QString render(const QString &note, const NoteLinkResolver &resolve = {})
{
    return NoteHtml::render(note, resolve);
}

// Every tag in `html` is one the renderer may write, with only class, title
// and href attributes, and every href is http(s) or an in-app paper link.
// Text is escaped, so a '<' that is not one of these tags cannot occur.
void requireInert(const QString &html)
{
    static const QSet<QString> allowed = {
        QStringLiteral("p"),     QStringLiteral("em"),         QStringLiteral("strong"),
        QStringLiteral("s"),     QStringLiteral("code"),       QStringLiteral("pre"),
        QStringLiteral("ul"),    QStringLiteral("ol"),         QStringLiteral("li"),
        QStringLiteral("h3"),    QStringLiteral("h4"),         QStringLiteral("h5"),
        QStringLiteral("h6"),    QStringLiteral("blockquote"), QStringLiteral("a"),
        QStringLiteral("br"),    QStringLiteral("hr"),         QStringLiteral("table"),
        QStringLiteral("thead"), QStringLiteral("tbody"),      QStringLiteral("tr"),
        QStringLiteral("th"),    QStringLiteral("td"),         QStringLiteral("span")};
    static const QRegularExpression tag(QStringLiteral("<(/?)([^\\s>/]*)([^>]*)>"));
    static const QRegularExpression attribute(QStringLiteral("\\s+([^=\\s]+)=\"([^\"]*)\""));
    INFO(html.toStdString());
    auto it = tag.globalMatch(html);
    while (it.hasNext()) {
        const auto m = it.next();
        CHECK(allowed.contains(m.captured(2)));
        QString rest = m.captured(3);
        auto attrs = attribute.globalMatch(rest);
        while (attrs.hasNext()) {
            const auto a = attrs.next();
            CHECK((a.captured(1) == QLatin1String("class") ||
                   a.captured(1) == QLatin1String("title") ||
                   a.captured(1) == QLatin1String("href")));
            if (a.captured(1) == QLatin1String("href"))
                CHECK((a.captured(2).startsWith(QLatin1String("https://")) ||
                       a.captured(2).startsWith(QLatin1String("http://")) ||
                       a.captured(2).startsWith(QLatin1String(kPaperLinkPrefix))));
            rest.remove(a.captured(0));
        }
        // Nothing but the attributes above.
        CHECK(rest.trimmed().isEmpty());
    }
    // No '<' outside a tag and no quote or angle bracket in an attribute.
    CHECK_FALSE(html.contains(QRegularExpression(QStringLiteral("<[^a-z/]"))));
}

std::optional<PaperRef> library(const QString &words)
{
    if (words.compare(QLatin1String("sparse attention"), Qt::CaseInsensitive) == 0)
        return PaperRef{42, QStringLiteral("Sparse Attention at $O(n)$")};
    return std::nullopt;
}

} // namespace

TEST_CASE("A note's Markdown becomes headings, lists, code and emphasis", "[notehtml]")
{
    const QString html = render(
        QStringLiteral("# Summary\n\nThe **main** idea is *sparse* and _cheap_, see "
                       "`topk()` and ~~dense~~.\n\n## Open questions\n\n- first\n- second\n"
                       "  - nested\n\n1. one\n2. two\n\n- [ ] todo\n- [x] done\n\n> quoted\n\n"
                       "```\nint x = a_b * c_d;\n$HOME\n```\n\n---\n\n| a | b |\n|---|---|\n"
                       "| 1 | 2 |\n\nSee https://example.org/paper and "
                       "[the code](https://example.org/code)."));
    INFO(html.toStdString());
    requireInert(html);
    // Headings sit below the reader's own h2 "Note".
    CHECK(html.contains(QStringLiteral("<h3>Summary</h3>")));
    CHECK(html.contains(QStringLiteral("<h4>Open questions</h4>")));
    CHECK(html.contains(QStringLiteral("<strong>main</strong>")));
    CHECK(html.contains(QStringLiteral("<em>sparse</em>")));
    CHECK(html.contains(QStringLiteral("<em>cheap</em>")));
    CHECK(html.contains(QStringLiteral("<code>topk()</code>")));
    CHECK(html.contains(QStringLiteral("<s>dense</s>")));
    CHECK(html.contains(
        QStringLiteral("<ul><li>first</li><li>second<ul><li>nested</li></ul></li></ul>")));
    CHECK(html.contains(QStringLiteral("<ol><li>one</li><li>two</li></ol>")));
    CHECK(html.contains(QStringLiteral("\u2610</span> todo")));
    CHECK(html.contains(QStringLiteral("\u2611</span> done")));
    CHECK(html.contains(QStringLiteral("<blockquote><p>quoted</p></blockquote>")));
    // Code keeps its underscores, stars and dollars as written.
    CHECK(html.contains(QStringLiteral("<pre><code>int x = a_b * c_d;\n$HOME</code></pre>")));
    CHECK(html.contains(QStringLiteral("<hr>")));
    CHECK(html.contains(QStringLiteral("<thead><tr><th>a</th><th>b</th></tr></thead>")));
    CHECK(html.contains(QStringLiteral("<td>1</td><td>2</td>")));
    CHECK(html.contains(QStringLiteral("<a href=\"https://example.org/paper\">")));
    CHECK(html.contains(QStringLiteral("<a href=\"https://example.org/code\">the code</a>")));
}

TEST_CASE("A note's math is found before Markdown and kept for KaTeX", "[notehtml]")
{
    const QString html = render(
        QStringLiteral("Energy $E=mc^2$ and $a_1 * b_2 * c$ with\n\n$$\\sum_{i=1}^n x_i$$\n\n"
                       "prices $5 and $6 stay text, `$x$` is code, \\$ is a dollar, "
                       "and an unterminated $x stays too."));
    requireInert(html);
    CHECK(html.contains(QStringLiteral("<span class=\"math\">$E=mc^2$</span>")));
    // Markdown did not read the underscores and stars as emphasis.
    CHECK(html.contains(QStringLiteral("<span class=\"math\">$a_1 * b_2 * c$</span>")));
    CHECK(
        html.contains(QStringLiteral("<span class=\"math display\">$$\\sum_{i=1}^n x_i$$</span>")));
    CHECK(html.contains(QStringLiteral("prices $5 and $6 stay text")));
    CHECK(html.contains(QStringLiteral("<code>$x$</code>")));
    CHECK(html.contains(QStringLiteral(", $ is a dollar")));
    CHECK(html.contains(QStringLiteral("unterminated $x stays")));
}

TEST_CASE("A note's display math may have spaces or lines of its own inside the $$", "[notehtml]")
{
    const QString html =
        render(QStringLiteral("Spaced: $$ x^2 $$ here.\n\n$$\n\\int_0^1 f(x)\\,dx\n$$\n\n"
                              "Inline $ x$ and $$ $$ stay text."));
    requireInert(html);
    CHECK(html.contains(QStringLiteral("<span class=\"math display\">$$ x^2 $$</span>")));
    // The backslashes reach KaTeX: Markdown never saw the formula.
    CHECK(html.contains(
        QStringLiteral("<span class=\"math display\">$$\n\\int_0^1 f(x)\\,dx\n$$</span>")));
    CHECK(html.contains(QStringLiteral("Inline $ x$ and $$ $$ stay text.")));
}

TEST_CASE("A note's [[links]] lead to the paper they name, or say none does", "[notehtml]")
{
    const QString html = render(QStringLiteral("Compare [[Sparse Attention]] with [[no such "
                                               "paper]]; `[[not a link]]`."),
                                library);
    requireInert(html);
    CHECK(html.contains(QStringLiteral("<a class=\"paper-link\" href=\"gleaner://reader/paper/42\" "
                                       "title=\"Sparse Attention at O(n)\">Sparse Attention</a>")));
    CHECK(html.contains(QStringLiteral("<span class=\"paper-link unresolved\" title=\"No paper "
                                       "matches\">no such paper</span>")));
    CHECK(html.contains(QStringLiteral("<code>[[not a link]]</code>")));
    // Words that name several papers lead to the best, marked as a guess.
    const QString guess = render(QStringLiteral("See [[video]]."), [](const QString &) {
        return std::optional<PaperRef>(PaperRef{7, QStringLiteral("Video Models"), 20});
    });
    requireInert(guess);
    CHECK(guess.contains(
        QStringLiteral("<a class=\"paper-link ambiguous\" href=\"gleaner://reader/paper/7\" "
                       "title=\"Video Models (the best of 21 papers with these words in their "
                       "titles; write more of the title to pick another)\">video</a>")));
    // A note cannot write an in-app link itself.
    const QString forged =
        render(QStringLiteral("[undo](gleaner://reader/undismiss) "
                              "[p](gleaner://reader/paper/1) <gleaner://reader/paper/2>"));
    requireInert(forged);
    CHECK_FALSE(forged.contains(QStringLiteral("href")));
}

TEST_CASE("A hostile note renders as text or inert markup", "[notehtml][hostile]")
{
    const QStringList notes = {
        test::kMarkup,
        test::kTex,
        QStringLiteral("<script>alert(1)</script>"),
        QStringLiteral("<img src=x onerror=alert(1)>"),
        QStringLiteral("<iframe src=\"javascript:alert(1)\"></iframe>"),
        QStringLiteral("<div>\n<script>alert(1)</script>\n</div>\n\ntext"),
        QStringLiteral("<!-- comment --><?php x ?><![CDATA[x]]>"),
        QStringLiteral(
            "[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1)) [z]( javascript:alert(1) )"),
        QStringLiteral("[x](java\tscript:alert(1)) [x](&#106;avascript:alert(1))"),
        QStringLiteral("<javascript:alert(1)> <data:text/html,<script>alert(1)</script>>"),
        QStringLiteral("[d](data:text/html;base64,PHNjcmlwdD4=) [f](file:///etc/passwd) "
                       "[v](vbscript:msgbox)"),
        QStringLiteral("![img](https://example.com/x.png) ![i](javascript:alert(1)) "
                       "![f](file:///etc/passwd)"),
        QStringLiteral("[ref]\n\n[ref]: javascript:alert(1) \"t\""),
        QStringLiteral("[x](https://example.com/\"onmouseover=\"alert(1)) "
                       "[y](<https://example.com/a b\"c>)"),
        QStringLiteral("$\\href{javascript:alert(1)}{x}$ $\\url{javascript:alert(2)}$"),
        QStringLiteral(
            "&lt;script&gt; &#60;script&#62; &amp;lt; &#x3C;img src=x onerror=alert(1)&#x3E;"),
        QStringLiteral("[[[[nested]]]] [[a [[b]] c]] [[x]]] [[[y]] [[\n]] [[ ]]"),
        QStringLiteral(
            "[a [b](javascript:x) c](https://example.com) [[[[sparse attention]]](javascript:x)"),
        QStringLiteral("unterminated $x and $$y and `code and [[link"),
        QStringLiteral("\uE000\uE001 \uFFFC private use and replacement"),
        QStringLiteral(
            "# <h1>x</h1>\n\n| <b>a</b> | b |\n|---|---|\n| <i>1</i> | [x](javascript:y) |"),
    };
    for (const QString &note : notes) {
        const QString html = render(note, library);
        requireInert(html);
        CHECK_FALSE(html.contains(QLatin1String("href=\"javascript"), Qt::CaseInsensitive));
        CHECK_FALSE(html.contains(QLatin1String("<script")));
        CHECK_FALSE(html.contains(QLatin1String("<img")));
        CHECK_FALSE(html.contains(QLatin1String("<iframe")));
    }
    // What the markup said is still there, as text.
    CHECK(render(QStringLiteral("<script>alert(1)</script>"))
              .contains(QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt;")));
    CHECK(render(QStringLiteral("[x](javascript:alert(1))")) == QStringLiteral("<p>x</p>"));
    // Math keeps its TeX for KaTeX, which runs without trust (typeset-math.js).
    CHECK(render(QStringLiteral("$\\href{javascript:alert(1)}{x}$"))
              .contains(
                  QStringLiteral("<span class=\"math\">$\\href{javascript:alert(1)}{x}$</span>")));
    // An entity spells the character, escaped again on the way out.
    CHECK(render(QStringLiteral("&lt;b&gt;")) == QStringLiteral("<p>&lt;b&gt;</p>"));
}

TEST_CASE("An empty note has no section; a note has one below the abstract", "[notehtml]")
{
    Paper p;
    p.id = 1;
    p.title = QStringLiteral("T");
    p.abstract = QStringLiteral("The abstract.");
    CHECK(NoteHtml::render(QStringLiteral("  \n ")).isEmpty());
    CHECK_FALSE(readerHtml(p, {}, {}).contains(QStringLiteral("id=\"note\"")));
    ReaderExtras extras;
    extras.noteHtml = NoteHtml::render(QStringLiteral("**mine**"));
    extras.linkedFrom = {{5, QStringLiteral("A <b>paper</b> on $x$")}};
    const QString html = readerHtml(p, {}, extras);
    CHECK(html.indexOf(QStringLiteral("id=\"note\"")) >
          html.indexOf(QStringLiteral("id=\"abstract\"")));
    CHECK(html.contains(QStringLiteral("<strong>mine</strong>")));
    CHECK(html.contains(
        QStringLiteral("<a class=\"paper-link\" href=\"gleaner://reader/paper/5\">A "
                       "&lt;b&gt;paper&lt;/b&gt; on <span class=\"math\">$x$</span></a>")));
}
