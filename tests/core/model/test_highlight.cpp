// Highlights anchored to a paper's text: found at their offsets, moved with
// the passage when the text around it changes, found again across white
// space changes and small edits, chosen by their context among repeats, and
// detached (never lost) when the passage is gone.
#include "catch.h"
#include "model/highlight.h"

#include <QJsonArray>

using namespace gleaner;

namespace {

const QString kAbstract = QStringLiteral(
    "We introduce tidal attention, a routing scheme that assigns tokens to experts by the "
    "phase of a learned oscillator. On long-context benchmarks it matches dense attention at "
    "a third of the cost.");

Highlight of(const QString &text, const QString &passage, int occurrence = 1)
{
    const std::optional<int> at = findOccurrence(text, passage, occurrence);
    REQUIRE(at);
    std::optional<Highlight> h =
        makeHighlight(text, HighlightField::Abstract, *at, int(passage.size()));
    REQUIRE(h);
    return *h;
}

QString found(const QString &text, const Anchor &a)
{
    return a.found() ? text.mid(a.start, a.length) : QString();
}

} // namespace

TEST_CASE("A highlight keeps its passage and context", "[highlight]")
{
    const Highlight h = of(kAbstract, QStringLiteral("learned oscillator"));
    CHECK(h.quote == QStringLiteral("learned oscillator"));
    CHECK(h.start == kAbstract.indexOf(QStringLiteral("learned")));
    CHECK(h.prefix.size() == kHighlightContext);
    CHECK(kAbstract.left(h.start).endsWith(h.prefix));
    CHECK(kAbstract.mid(h.start + h.length).startsWith(h.suffix));
    CHECK(h.colour == QStringLiteral("yellow"));

    // At the start of the text the prefix is shorter.
    const Highlight first = of(kAbstract, QStringLiteral("We introduce"));
    CHECK(first.prefix.isEmpty());
    CHECK_FALSE(makeHighlight(kAbstract, HighlightField::Abstract, 0, 0));
    CHECK_FALSE(makeHighlight(kAbstract, HighlightField::Abstract, -1, 3));
    CHECK_FALSE(makeHighlight(kAbstract, HighlightField::Abstract, int(kAbstract.size()) - 2, 3));
}

TEST_CASE("Anchoring: unchanged text gives the same offsets", "[highlight]")
{
    const Highlight h = of(kAbstract, QStringLiteral("dense attention"));
    const Anchor a = anchorHighlight(kAbstract, h);
    CHECK(a.kind == Anchor::Kind::Exact);
    CHECK(a.start == h.start);
    CHECK(a.length == h.length);
}

TEST_CASE("Anchoring: text added before the passage moves it", "[highlight]")
{
    const Highlight h = of(kAbstract, QStringLiteral("dense attention"));
    const QString edited = QStringLiteral("Abstract. ") + kAbstract;
    const Anchor a = anchorHighlight(edited, h);
    CHECK(a.kind == Anchor::Kind::Moved);
    CHECK(a.start == h.start + 10);
    CHECK(found(edited, a) == QStringLiteral("dense attention"));
}

TEST_CASE("Anchoring: a white space change is found again", "[highlight]")
{
    const Highlight h = of(kAbstract, QStringLiteral("a learned oscillator. On long-context"));
    QString edited = kAbstract;
    edited.replace(QStringLiteral("oscillator. On"), QStringLiteral("oscillator.\n\n  On"));
    edited.replace(QStringLiteral("We introduce"), QStringLiteral("We  introduce"));
    const Anchor a = anchorHighlight(edited, h);
    CHECK(a.kind == Anchor::Kind::Normalised);
    CHECK(found(edited, a) == QStringLiteral("a learned oscillator.\n\n  On long-context"));

    // The highlight follows: its quote is the new text.
    const Highlight moved = reanchored(edited, h);
    CHECK_FALSE(moved.detached);
    CHECK(moved.quote == QStringLiteral("a learned oscillator.\n\n  On long-context"));
    CHECK(edited.mid(moved.start, moved.length) == moved.quote);
}

TEST_CASE("Anchoring: a typo fixed inside or next to the passage", "[highlight]")
{
    const QString typo = QStringLiteral(
        "We introduce tidal atention, a routing scheme that assigns tokens to experts by the "
        "phase of a learned oscilator.");
    const QString fixed = QStringLiteral(
        "We introduce tidal attention, a routing scheme that assigns tokens to experts by the "
        "phase of a learned oscillator.");

    SECTION("inside")
    {
        const Highlight h = of(typo, QStringLiteral("tidal atention, a routing scheme"));
        const Anchor a = anchorHighlight(fixed, h);
        CHECK(a.kind == Anchor::Kind::Fuzzy);
        CHECK(found(fixed, a) == QStringLiteral("tidal attention, a routing scheme"));
    }
    SECTION("at its end")
    {
        const Highlight h = of(typo, QStringLiteral("phase of a learned oscilator"));
        const Anchor a = anchorHighlight(fixed, h);
        CHECK(a.kind == Anchor::Kind::Fuzzy);
        CHECK(found(fixed, a) == QStringLiteral("phase of a learned oscillator"));
    }
    SECTION("just outside: the passage itself is unchanged and moves")
    {
        const Highlight h = of(typo, QStringLiteral("a routing scheme"));
        const Anchor a = anchorHighlight(fixed, h);
        CHECK(a.kind == Anchor::Kind::Moved);
        CHECK(a.start == h.start + 1);
    }
    SECTION("too many edits for a short passage detach it")
    {
        const Highlight h = of(typo, QStringLiteral("tidal atention"));
        const QString rewritten = QStringLiteral("We introduce tiled retention, a routing scheme.");
        CHECK(anchorHighlight(rewritten, h).kind == Anchor::Kind::Detached);
    }
}

TEST_CASE("Anchoring: repeated passages are told apart by their context", "[highlight]")
{
    const QString text = QStringLiteral(
        "Sparse models are fast. We prune the dense layers until sparse models are fast "
        "and accurate. In the end sparse models are fast on every device we tried.");
    // The second "sparse models are fast", between "until" and "and accurate".
    const Highlight h = of(text, QStringLiteral("sparse models are fast"), 1);
    REQUIRE(h.prefix.endsWith(QStringLiteral("layers until ")));

    // Text inserted at the start: every repeat moves; the context picks the
    // right one, not the nearest to the old offsets.
    const QString edited = QStringLiteral("Sparse models are fast. ") + text;
    const Anchor a = anchorHighlight(edited, h);
    CHECK(a.kind == Anchor::Kind::Moved);
    CHECK(a.start == h.start + 24);

    // Several repeats with a fixed typo: the one whose context matches.
    const QString typo =
        QStringLiteral("the mixture of experts routes it. Later the mixture of exprets routes each "
                       "token twice, and the mixture of experts routes none.");
    const Highlight second = of(typo, QStringLiteral("the mixture of exprets routes"));
    const QString fixed =
        QString(typo).replace(QStringLiteral("exprets"), QStringLiteral("experts"));
    const Anchor b = anchorHighlight(QStringLiteral("Intro. ") + fixed, second);
    CHECK(b.kind == Anchor::Kind::Fuzzy);
    CHECK(b.start == second.start + 7);
}

TEST_CASE("Anchoring: a passage that is gone is detached and kept", "[highlight]")
{
    Highlight h = of(kAbstract, QStringLiteral("at a third of the cost"));
    h.comment = QStringLiteral("check the cost claim");
    const QString edited = QStringLiteral(
        "We introduce tidal attention, a routing scheme that assigns tokens to experts by the "
        "phase of a learned oscillator.");
    CHECK(anchorHighlight(edited, h).kind == Anchor::Kind::Detached);
    const Highlight detached = reanchored(edited, h);
    CHECK(detached.detached);
    CHECK(detached.quote == h.quote);
    CHECK(detached.comment == h.comment);

    // When the passage comes back it is attached again.
    const Highlight back = reanchored(kAbstract, detached);
    CHECK_FALSE(back.detached);
    CHECK(back.start == h.start);

    // An empty text detaches everything.
    CHECK(anchorHighlight(QString(), h).kind == Anchor::Kind::Detached);
}

TEST_CASE("Highlights read back from JSON as written", "[highlight]")
{
    Highlight h = of(kAbstract, QStringLiteral("learned oscillator"));
    h.colour = QStringLiteral("purple");
    h.comment = QStringLiteral("\"quoted\" & <b>not html</b>");
    h.created = QStringLiteral("2026-05-01T12:00:00.000Z");
    const QList<Highlight> back = highlightsFromJsonText(highlightsToJsonText({h, h}));
    REQUIRE(back.size() == 2);
    CHECK(back.at(0).quote == h.quote);
    CHECK(back.at(0).start == h.start);
    CHECK(back.at(0).length == h.length);
    CHECK(back.at(0).prefix == h.prefix);
    CHECK(back.at(0).suffix == h.suffix);
    CHECK(back.at(0).colour == QStringLiteral("purple"));
    CHECK(back.at(0).comment == h.comment);
    CHECK(back.at(0).created == h.created);

    // What is not a highlight is left out; an unknown colour is the default.
    QJsonObject odd = highlightToJson(h);
    odd.insert(QStringLiteral("colour"), QStringLiteral("ultraviolet"));
    QJsonObject noQuote = highlightToJson(h);
    noQuote.remove(QStringLiteral("quote"));
    QJsonObject badField = highlightToJson(h);
    badField.insert(QStringLiteral("field"), QStringLiteral("note"));
    QJsonObject negative = highlightToJson(h);
    negative.insert(QStringLiteral("start"), -4);
    CHECK(highlightFromJson(odd)->colour == QStringLiteral("yellow"));
    CHECK_FALSE(highlightFromJson(noQuote));
    CHECK_FALSE(highlightFromJson(badField));
    CHECK_FALSE(highlightFromJson(negative));
    CHECK(highlightsFromJsonText(QStringLiteral("{not json")).isEmpty());
}

TEST_CASE("findOccurrence counts occurrences from 1", "[highlight]")
{
    const QString text = QStringLiteral("ab ab ab");
    CHECK(findOccurrence(text, QStringLiteral("ab"), 1) == 0);
    CHECK(findOccurrence(text, QStringLiteral("ab"), 3) == 6);
    CHECK_FALSE(findOccurrence(text, QStringLiteral("ab"), 4));
    CHECK_FALSE(findOccurrence(text, QStringLiteral("ab"), 0));
    CHECK_FALSE(findOccurrence(text, QString(), 1));
}
