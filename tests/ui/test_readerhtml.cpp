#include "catch.h"
#include "readerhtml.h"

using namespace gleaner;

namespace {

Paper samplePaper()
{
    Paper p;
    p.id = 7;
    p.title = QStringLiteral("Sparse <b>Attention</b> & Friends");
    p.abstract = QStringLiteral("We bound the loss by $O(n \\log n)$ and release code at "
                                "https://example.org/code. <script>alert(1)</script>");
    p.submitter.kind = Submitter::Kind::Organisation;
    p.submitter.organisation = QStringLiteral("Acme <Labs>");
    p.published = QDate(2025, 3, 4);
    p.upvotes = 12;
    p.tags = {QStringLiteral("to-read"), QStringLiteral("<img src=x>")};
    return p;
}

} // namespace

TEST_CASE("Reader HTML escapes every piece of digest text", "[readerhtml]")
{
    const QString html = readerHtml(samplePaper(), {});
    CHECK_FALSE(html.contains(QStringLiteral("<script>alert")));
    CHECK(html.contains(QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt;")));
    CHECK(html.contains(QStringLiteral("Sparse &lt;b&gt;Attention&lt;/b&gt; &amp; Friends")));
    CHECK(html.contains(QStringLiteral("Acme &lt;Labs&gt;")));
    CHECK(html.contains(QStringLiteral("&lt;img src=x&gt;")));
    CHECK_FALSE(html.contains(QStringLiteral("<img")));
}

TEST_CASE("Reader HTML turns math and URLs into their own elements", "[readerhtml]")
{
    const QString html = markedUpHtml(samplePaper().abstract, {}, Links::Linked);
    CHECK(html.contains(QStringLiteral("<span class=\"math\">$O(n \\log n)$</span>")));
    // The sentence's full stop is not part of the link.
    CHECK(html.contains(
        QStringLiteral("<a href=\"https://example.org/code\">https://example.org/code</a>.")));
}

TEST_CASE("Reader HTML leaves lone dollar signs alone", "[readerhtml]")
{
    const QString html =
        markedUpHtml(QStringLiteral("costs $ 5 and $10 per run"), {}, Links::Linked);
    CHECK_FALSE(html.contains(QStringLiteral("class=\"math\"")));
    CHECK(html == QStringLiteral("costs $ 5 and $10 per run"));
}

TEST_CASE("Reader HTML marks search terms outside math and links", "[readerhtml]")
{
    const QString html =
        markedUpHtml(QStringLiteral("Models of $model$ see https://model.example/x; a model."),
                     {QStringLiteral("model")}, Links::Linked);
    CHECK(html.startsWith(
        QStringLiteral("<mark>Models</mark> of <span class=\"math\">$model$</span>")));
    CHECK(html.contains(QStringLiteral("<a href=\"https://model.example/x\">")));
    CHECK(html.endsWith(QStringLiteral("a <mark>model</mark>.")));
}

TEST_CASE("Reader HTML typesets math in the heading and titles the page in plain text",
          "[readerhtml]")
{
    Paper p = samplePaper();
    p.title = QStringLiteral("M$^3$ViT: see https://example.org/m3");
    const QString html = readerHtml(p, {});
    CHECK(html.contains(QStringLiteral("<h1 id=\"title\">M<span class=\"math\">$^3$</span>ViT: "
                                       "see https://example.org/m3</h1>")));
    CHECK(html.contains(QStringLiteral("<title>M³ViT: see https://example.org/m3</title>")));
}

TEST_CASE("Reader HTML leaves out upvotes no digest showed", "[readerhtml]")
{
    Paper p = samplePaper();
    Appearance seen;
    seen.digestDate = QDate(2026, 3, 3);
    seen.position = 2;
    seen.upvotes = 5;
    Appearance unseen = seen;
    unseen.digestDate = QDate(2026, 3, 5);
    unseen.upvotes.reset();
    p.appearances = {seen, unseen};
    CHECK(readerHtml(p, {}).contains(QStringLiteral("12 upvotes")));
    CHECK(readerHtml(p, {}).contains(QStringLiteral("#2 (5 upvotes)")));
    CHECK(readerHtml(p, {}).contains(QStringLiteral("#2 <span")));
    // One count is no trend: no chart until two digests showed one.
    CHECK_FALSE(readerHtml(p, {}).contains(QStringLiteral("upvote-chart")));
    unseen.upvotes = 0;
    Appearance third = seen;
    third.digestDate = QDate(2026, 3, 9);
    third.upvotes = 10;
    p.appearances = {seen, unseen, third};
    const QString chart = readerHtml(p, {});
    CHECK(chart.contains(QStringLiteral("<svg class=\"upvote-chart\"")));
    CHECK(chart.count(QStringLiteral("<rect ")) == 3);
    CHECK(chart.contains(QStringLiteral("height=\"36\" rx"))); // the most upvoted is full height
    CHECK(chart.contains(QStringLiteral("height=\"2\" rx")));  // a zero is a sliver
    CHECK(chart.contains(QStringLiteral(": 10 upvotes</title>"))); // each bar says its count
    p.appearances = {seen, unseen};
    p.upvotes.reset();
    CHECK_FALSE(readerHtml(p, {}).contains(QStringLiteral("class=\"upvotes\"")));
    p.upvotes = 1;
    CHECK(readerHtml(p, {}).contains(QStringLiteral(">1 upvote<")));
}

TEST_CASE("Reader HTML placeholders in digest text stay text", "[readerhtml]")
{
    Paper p = samplePaper();
    p.title = QStringLiteral("{{BODY}} and {{THEME}}");
    const QString html = readerHtml(p, {});
    CHECK(html.contains(QStringLiteral("{{BODY}} and {{THEME}}")));
}

TEST_CASE("Reader HTML follows the theme and shows an empty state", "[readerhtml]")
{
    ReaderStyle dark;
    dark.dark = true;
    CHECK(readerHtml(std::nullopt, dark).contains(QStringLiteral("data-theme=\"dark\"")));
    CHECK(readerHtml(std::nullopt, {}).contains(QStringLiteral("Select a paper")));
}

TEST_CASE("Reader HTML marks highlights in their colour, formulas and links whole",
          "[readerhtml][highlights]")
{
    const QString text = QStringLiteral("A <b> and $x^2$ then https://example.org/a end.");
    Highlight plain = *makeHighlight(text, HighlightField::Abstract, 2, 3); // "<b>"
    plain.id = 4;
    plain.colour = QStringLiteral("pink");
    Highlight math = *makeHighlight(text, HighlightField::Abstract, 12, 2); // inside "$x^2$"
    math.id = 5;
    Highlight link = *makeHighlight(text, HighlightField::Abstract, 30, 3);
    link.id = 6;
    link.colour = QStringLiteral("not-a-colour\" onclick=\"x");
    CHECK(markedUpHtml(text, {}, Links::Linked, {plain, math, link}) ==
          QStringLiteral("A <mark class=\"hl hl-pink\" data-h=\"4\">&lt;b&gt;</mark> and "
                         "<mark class=\"hl hl-yellow\" data-h=\"5\"><span class=\"math\">$x^2$"
                         "</span></mark> then <mark class=\"hl hl-yellow\" data-h=\"6\"><a "
                         "href=\"https://example.org/a\">https://example.org/a</a></mark> end."));
    // Without highlights, as before; a detached one is not drawn in the text.
    Highlight detached = plain;
    detached.detached = true;
    CHECK(markedUpHtml(text, {}, Links::Plain, {detached}) == markedUpHtml(text, {}, Links::Plain));

    Paper p;
    p.id = 1;
    p.title = QStringLiteral("Title");
    p.abstract = text;
    detached.quote = QStringLiteral("<script>x</script>");
    ReaderExtras extras;
    extras.highlights = {detached};
    const QString html = readerHtml(p, {}, extras);
    CHECK(html.contains(QStringLiteral("id=\"detached\"")));
    CHECK(html.contains(QStringLiteral("&lt;script&gt;x&lt;/script&gt;")));
    CHECK_FALSE(html.contains(QStringLiteral("<script>x")));
}

TEST_CASE("Reader HTML shows For you's words and related papers, escaped", "[readerhtml][rank]")
{
    ReaderExtras extras;
    // Without a model there are no reasons to show.
    extras.why = {QStringLiteral("kelp")};
    CHECK_FALSE(readerHtml(samplePaper(), {}, extras).contains(QStringLiteral("id=\"why\"")));

    extras.whyTag = QStringLiteral("<reef>");
    extras.why = {QStringLiteral("kelp forest"), QStringLiteral("<b>sonar</b>")};
    extras.related = {{41, QStringLiteral("Counting <Fish> with $\\alpha$")}};
    const QString html = readerHtml(samplePaper(), {}, extras);
    CHECK(html.contains(QStringLiteral("<span class=\"chip why-word\">kelp forest</span>")));
    CHECK(html.contains(QStringLiteral("&lt;b&gt;sonar&lt;/b&gt;")));
    CHECK(html.contains(QStringLiteral("like your tag &lt;reef&gt;")));
    CHECK_FALSE(html.contains(QStringLiteral("<reef>")));
    CHECK(html.contains(QStringLiteral("<h2>Related papers</h2>")));
    CHECK(html.contains(QStringLiteral("href=\"gleaner://reader/paper/41\"")));
    CHECK(html.contains(QStringLiteral("Counting &lt;Fish&gt;")));
    CHECK(html.contains(QStringLiteral("<span class=\"math\">$\\alpha$</span>")));
    // The "Why" line sits above the abstract, the related papers below it.
    CHECK(html.indexOf(QStringLiteral("id=\"why\"")) <
          html.indexOf(QStringLiteral("id=\"abstract\"")));
    CHECK(html.indexOf(QStringLiteral("id=\"related\"")) >
          html.indexOf(QStringLiteral("id=\"abstract\"")));

    extras.whyTag = QString();
    CHECK(readerHtml(samplePaper(), {}, extras)
              .contains(QStringLiteral("like the papers you starred")));
}
