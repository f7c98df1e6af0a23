#include "catch.h"
#include "model/snippet.h"

using namespace gleaner;

namespace {

const QChar kOpen(u'[');
const QChar kClose(u']');

QString highlighted(const Snippet &s, qsizetype i)
{
    return s.text.mid(s.highlights.at(i).start, s.highlights.at(i).length);
}

// "w0 w1 w2 ..." with the given words replaced.
QString words(int count, const QList<std::pair<int, QString>> &replace = {})
{
    QStringList list;
    for (int i = 0; i < count; ++i)
        list << QStringLiteral("w%1").arg(i);
    for (const auto &[at, word] : replace)
        list[at] = word;
    return list.join(QLatin1Char(' '));
}

} // namespace

TEST_CASE("A snippet is a window of words around the matches", "[snippet]")
{
    const Snippet s =
        snippetFromMarked(words(40, {{20, QStringLiteral("[tidal]")}}), kOpen, kClose);
    REQUIRE(s.highlights.size() == 1);
    CHECK(highlighted(s, 0) == QStringLiteral("tidal"));
    // Three words before the match, fourteen in all, cut at both ends.
    CHECK(s.text == QStringLiteral("\u2026 w17 w18 w19 tidal w21 w22 w23 w24 w25 w26 w27 w28 "
                                   "w29 w30 \u2026"));
}

TEST_CASE("A short abstract is shown whole, white space folded", "[snippet]")
{
    const Snippet s = snippetFromMarked(QStringLiteral("  We [route]\n\ttokens by\u00a0[phase].  "),
                                        kOpen, kClose);
    CHECK(s.text == QStringLiteral("We route tokens by phase."));
    REQUIRE(s.highlights.size() == 2);
    CHECK(highlighted(s, 0) == QStringLiteral("route"));
    CHECK(highlighted(s, 1) == QStringLiteral("phase"));
}

TEST_CASE("The window prefers the place where most different words match", "[snippet]")
{
    // "sparse" alone early on; "sparse" and "attention" together later.
    const QString text = words(60, {{2, QStringLiteral("[sparse]")},
                                    {40, QStringLiteral("[sparse]")},
                                    {42, QStringLiteral("[attention]")}});
    const Snippet s = snippetFromMarked(text, kOpen, kClose);
    REQUIRE(s.highlights.size() == 2);
    CHECK(highlighted(s, 0) == QStringLiteral("sparse"));
    CHECK(highlighted(s, 1) == QStringLiteral("attention"));
    CHECK(s.text.startsWith(QStringLiteral("\u2026 w37 w38 w39 sparse")));
}

TEST_CASE("A phrase match spans its words, white space folded", "[snippet]")
{
    const Snippet s =
        snippetFromMarked(QStringLiteral("we study [sparse \n  attention] here"), kOpen, kClose);
    CHECK(s.text == QStringLiteral("we study sparse attention here"));
    REQUIRE(s.highlights.size() == 1);
    CHECK(highlighted(s, 0) == QStringLiteral("sparse attention"));
}

TEST_CASE("A formula is not cut in two by the window", "[snippet]")
{
    // The window would start at w17; the formula before the match is kept whole.
    const QString text = words(40, {{17, QStringLiteral("$O(n \\log")},
                                    {18, QStringLiteral("n)$")},
                                    {21, QStringLiteral("[bound]")}});
    const Snippet s = snippetFromMarked(text, kOpen, kClose);
    CHECK(s.text.startsWith(QStringLiteral("\u2026 $O(n \\log n)$ w19 w20 bound")));
    CHECK(s.text.count(QLatin1Char('$')) == 2);
    REQUIRE(s.highlights.size() == 1);
    CHECK(highlighted(s, 0) == QStringLiteral("bound"));

    // Unbalanced dollars are characters: nothing is glued.
    const Snippet lone = snippetFromMarked(QStringLiteral("costs $5 and [more]"), kOpen, kClose);
    CHECK(lone.text == QStringLiteral("costs $5 and more"));
}

TEST_CASE("Marks that do not pair up give no snippet", "[snippet]")
{
    CHECK(snippetFromMarked(QStringLiteral("plain text"), kOpen, kClose).isEmpty());
    CHECK(snippetFromMarked(QString(), kOpen, kClose).isEmpty());
    CHECK(snippetFromMarked(QStringLiteral("[open"), kOpen, kClose).isEmpty());
    CHECK(snippetFromMarked(QStringLiteral("close]"), kOpen, kClose).isEmpty());
    CHECK(snippetFromMarked(QStringLiteral("[a [b] c]"), kOpen, kClose).isEmpty());
    CHECK(snippetFromMarked(QStringLiteral("a [] b"), kOpen, kClose).isEmpty());
}

TEST_CASE("An endless word costs a bounded snippet and keeps surrogate pairs", "[snippet]")
{
    QString endless = QStringLiteral("x"); // so that pieces of 64 would end inside a pair
    for (int i = 0; i < 5000; ++i)
        endless += QStringLiteral("\U0001D4AE"); // a letter outside the BMP
    const Snippet s =
        snippetFromMarked(endless + QStringLiteral(" [match] ") + endless, kOpen, kClose);
    REQUIRE(s.highlights.size() == 1);
    CHECK(highlighted(s, 0) == QStringLiteral("match"));
    CHECK(s.text.size() < 1200);
    for (qsizetype i = 0; i < s.text.size(); ++i) {
        if (s.text.at(i).isHighSurrogate())
            CHECK((i + 1 < s.text.size() && s.text.at(i + 1).isLowSurrogate()));
        if (s.text.at(i).isLowSurrogate())
            CHECK((i > 0 && s.text.at(i - 1).isHighSurrogate()));
    }
}

TEST_CASE("Control characters in the text read as spaces", "[snippet]")
{
    const Snippet s = snippetFromMarked(QStringLiteral("a\x01\x1b[b]\x7f c"), kOpen, kClose);
    CHECK(s.text == QStringLiteral("a b c"));
    REQUIRE(s.highlights.size() == 1);
    CHECK(highlighted(s, 0) == QStringLiteral("b"));
}

TEST_CASE("Of windows with the same words, the earliest is shown", "[snippet]")
{
    // More matches later do not win over the same words near the start.
    const QString text = words(60, {{1, QStringLiteral("[language]")},
                                    {2, QStringLiteral("[models]")},
                                    {40, QStringLiteral("[models]")},
                                    {42, QStringLiteral("[language]")},
                                    {43, QStringLiteral("[models]")}});
    const Snippet s = snippetFromMarked(text, kOpen, kClose);
    CHECK(s.text.startsWith(QStringLiteral("w0 language models w3")));
    REQUIRE(s.highlights.size() == 2);
    CHECK(s.highlights.first().start == 3);
}
