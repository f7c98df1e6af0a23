// The digest parser against our own fixtures (tests/data/digests) and small
// inline texts: every layout and variation of docs/digest-format.md, and every
// kind of input that must be refused or only partly imported.
#include "catch.h"
#include "ingest/digestparser.h"
#include "parseresult.h"

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QStringDecoder>
#include <QStringEncoder>

using namespace gleaner;
using namespace Qt::StringLiterals;
using gleaner::test::parseDigest;
using gleaner::test::ParseResult;

namespace {

ParseResult parseFixture(const QString &name, QDate fallback = {})
{
    const QByteArray bytes = test::readData(u"digests/"_s + name);
    return parseDigest(QByteArrayView(bytes), ParseOptions{fallback});
}

ParseResult parseText(const QString &text, QDate fallback = {})
{
    return parseDigest(QStringView(text), ParseOptions{fallback});
}

QString iso(QDate date)
{
    return date.toString(Qt::ISODate);
}

// An abstract that reads like one: several sentences, ends in a full stop.
const QString abstractOne =
    u"We measure how quickly lanterns dim in fog. A small model predicts the "
    u"visible range from humidity alone. It beats the table sailors use."_s;
const QString abstractTwo = u"Paper boats float longer when folded twice. We test forty folds in a "
                            u"bathtub and report the three that stay dry for an hour."_s;

// Wraps entries in the page header of layout A/B.
QString spaced(const QString &body)
{
    return u"new\n\nDaily Papers\n\n"_s + body;
}

} // namespace

TEST_CASE("layout A: every metadata form", "[parser]")
{
    const ParseResult r = parseFixture(u"layout_a.txt"_s, QDate(2031, 1, 1));
    REQUIRE(r.ok);
    REQUIRE(r.error.isEmpty());
    const Digest &d = r.digest;
    CHECK(d.layout == DigestLayout::Detailed);
    CHECK(d.problems.isEmpty());
    // Header "Jun 3", explicit years up to 2024, year-less dates: saved in
    // 2025. The fallback (2031) must not win over that evidence.
    CHECK(iso(d.date) == u"2025-06-03"_s);
    CHECK(d.dateCertainty == DateCertainty::Derived);
    CHECK(d.captureYear == 2025);
    REQUIRE(d.entries.size() == 7);

    const DigestEntry &first = d.entries[0];
    CHECK(first.title == u"Pruning Orchards: Budgeted Growth for Gradient-Boosted Trees"_s);
    CHECK(first.line == 13);
    CHECK(first.abstract.startsWith(u"We study how small orchards"_s));
    CHECK(first.abstract.endsWith(u"Code: https://example.org/orchard."_s));
    CHECK(first.submitter.kind == Submitter::Kind::Authors);
    CHECK(first.submitter.authors == 7);
    CHECK(iso(first.published) == u"2024-09-16"_s);
    CHECK(first.upvotes == 2);

    SECTION("one author, no upvote count")
    {
        const DigestEntry &e = d.entries[1];
        CHECK(e.line == 21);
        CHECK(e.submitter.kind == Submitter::Kind::Authors);
        CHECK(e.submitter.authors == 1);
        CHECK(iso(e.published) == u"2023-03-02"_s);
        CHECK(e.upvotes == 0);
        CHECK(e.abstract.contains(u"$\\mathcal{L} = \\sum_i w_i \\ell(x_i)$"_s));
    }
    SECTION("doubled organisation, year-less date")
    {
        const DigestEntry &e = d.entries[2];
        CHECK(e.submitter.kind == Submitter::Kind::Organisation);
        CHECK(e.submitter.organisation == u"Gensyn"_s);
        CHECK(e.submitter.authors == 0);
        CHECK(iso(e.published) == u"2025-05-28"_s);
        CHECK(e.upvotes == 7);
    }
    SECTION("entry without metadata")
    {
        const DigestEntry &e = d.entries[3];
        CHECK(e.title == u"Listening to Hives: Early Mite Detection from Audio"_s);
        CHECK(e.line == 37);
        CHECK(e.submitter == Submitter{});
        CHECK_FALSE(e.published.isValid());
        CHECK_FALSE(e.upvotes.has_value()); // no date line: no count shown
    }
    SECTION("handle and display name")
    {
        const DigestEntry &e = d.entries[4];
        CHECK(e.line == 41);
        CHECK(e.submitter.organisation == u"Acme Research"_s);
        CHECK(iso(e.published) == u"2024-12-01"_s);
        CHECK(e.upvotes == 12);
    }
    SECTION("organisation shown once stays whole")
    {
        const DigestEntry &e = d.entries[5];
        CHECK(e.submitter.kind == Submitter::Kind::Organisation);
        CHECK(e.submitter.organisation == u"Orbital Research"_s);
        CHECK(iso(e.published) == u"2025-06-02"_s);
    }
    SECTION("last entry")
    {
        const DigestEntry &e = d.entries[6];
        CHECK(e.title == u"Sketch2Net: Circuit Diagrams from Phone Photos"_s);
        CHECK(e.submitter.authors == 3);
        CHECK(iso(e.published) == u"2024-11-30"_s);
        CHECK(e.upvotes == 1);
    }
}

TEST_CASE("layout B: header date takes its year from the file time", "[parser]")
{
    SECTION("day before the file was written")
    {
        const ParseResult r = parseFixture(u"layout_b.txt"_s, QDate(2025, 12, 31));
        REQUIRE(r.ok);
        CHECK(r.digest.layout == DigestLayout::Spaced);
        CHECK(iso(r.digest.date) == u"2025-12-17"_s);
        CHECK(r.digest.dateCertainty == DateCertainty::FileTime);
        CHECK(r.digest.captureYear == 2025);
        REQUIRE(r.digest.entries.size() == 3);
        CHECK(r.digest.entries[0].line == 11);
        CHECK(r.digest.entries[1].line == 15);
        CHECK(r.digest.entries[2].title ==
              u"Sorting Networks from a Language Model and a SAT Solver"_s);
        for (const DigestEntry &e : r.digest.entries) {
            CHECK(e.submitter.kind == Submitter::Kind::None);
            CHECK_FALSE(e.published.isValid());
        }
        CHECK(r.digest.problems.isEmpty());
    }
    SECTION("same day")
    {
        const ParseResult r = parseFixture(u"layout_b.txt"_s, QDate(2025, 12, 17));
        CHECK(iso(r.digest.date) == u"2025-12-17"_s);
    }
    SECTION("day after the file was written: previous year")
    {
        const ParseResult r = parseFixture(u"layout_b.txt"_s, QDate(2026, 1, 4));
        CHECK(iso(r.digest.date) == u"2025-12-17"_s);
        CHECK(r.digest.captureYear == 2025);
        CHECK(r.digest.dateCertainty == DateCertainty::FileTime);
    }
    SECTION("no fallback: date unknown")
    {
        const ParseResult r = parseFixture(u"layout_b.txt"_s);
        REQUIRE(r.ok);
        CHECK_FALSE(r.digest.date.isValid());
        CHECK(r.digest.dateCertainty == DateCertainty::Unknown);
        CHECK(r.digest.captureYear == 0);
    }
}

TEST_CASE("layout C: compact, first title glued to Subscribe", "[parser]")
{
    const ParseResult r = parseFixture(u"layout_c.txt"_s, QDate(2025, 4, 2));
    REQUIRE(r.ok);
    const Digest &d = r.digest;
    CHECK(d.layout == DigestLayout::Compact);
    CHECK(d.problems.isEmpty());
    // No header date: undated, placed by the file's own date.
    CHECK(iso(d.date) == u"2025-04-02"_s);
    CHECK(d.dateCertainty == DateCertainty::Undated);
    REQUIRE(d.entries.size() == 4);
    CHECK(d.entries[0].title == u"Listening to Hives: Early Mite Detection from Audio"_s);
    CHECK(d.entries[0].abstract.startsWith(u"Beekeepers lose colonies"_s));
    CHECK(d.entries[0].line == 3);
    CHECK(d.entries[1].title == u"Byte Fallback for Under-Served Scripts"_s);
    CHECK(d.entries[1].line == 5);
    CHECK(d.entries[3].title == u"Sketch2Net: Circuit Diagrams from Phone Photos"_s);
    CHECK(d.entries[3].line == 9);
    CHECK(d.entries[3].abstract.endsWith(u"81% exact-match accuracy."_s));

    SECTION("no fallback")
    {
        const ParseResult bare = parseFixture(u"layout_c.txt"_s);
        REQUIRE(bare.ok);
        CHECK_FALSE(bare.digest.date.isValid());
        CHECK(bare.digest.dateCertainty == DateCertainty::Unknown);
        CHECK(bare.digest.captureYear == 0);
    }
}

TEST_CASE("a title starting with Subscribe after the button is not cut", "[parser]")
{
    const ParseResult r = parseFixture(u"layout_c_plain.txt"_s);
    REQUIRE(r.ok);
    CHECK(r.digest.layout == DigestLayout::Compact);
    REQUIRE(r.digest.entries.size() == 2);
    CHECK(r.digest.entries[0].title == u"Subscribers and Lurkers: Who Votes on Papers?"_s);
    CHECK(r.digest.entries[0].line == 3);
}

TEST_CASE("CRLF, byte-order mark, NBSP and blank-looking lines", "[parser]")
{
    const QByteArray raw = test::readData(u"digests/crlf_bom_nbsp.txt"_s);
    REQUIRE(raw.startsWith("\xEF\xBB\xBF"));
    REQUIRE(raw.contains("\r\n"));
    const ParseResult r = parseDigest(QByteArrayView(raw));
    REQUIRE(r.ok);
    const Digest &d = r.digest;
    CHECK(d.layout == DigestLayout::Detailed);
    CHECK(d.problems.isEmpty());
    // Explicit 2025 plus year-less dates: saved in 2026.
    CHECK(iso(d.date) == u"2026-02-09"_s);
    CHECK(d.dateCertainty == DateCertainty::Derived);
    CHECK(d.captureYear == 2026);
    REQUIRE(d.entries.size() == 2);

    const DigestEntry &a = d.entries[0];
    CHECK(a.title == u"Pruning Orchards: Budgeted Growth for Gradient-Boosted Trees"_s);
    CHECK(a.line == 9);
    CHECK(a.submitter.kind == Submitter::Kind::Authors);
    CHECK(a.submitter.authors == 5);
    CHECK(iso(a.published) == u"2025-10-04"_s);
    CHECK(a.upvotes == 3);

    const DigestEntry &b = d.entries[1];
    CHECK(b.title == u"Cloudcast: Reading Tomorrow's Rain from Today's Sky"_s);
    CHECK(b.line == 17);
    CHECK(b.abstract.contains(u"compact vision model"_s));
    CHECK(b.submitter.organisation == u"Gensyn"_s);
    CHECK(iso(b.published) == u"2026-01-20"_s);
    CHECK(b.upvotes == 4);

    for (const DigestEntry &e : d.entries) {
        for (const QString &s : {e.title, e.abstract}) {
            CHECK_FALSE(s.contains(QChar(0x00A0)));
            CHECK_FALSE(s.contains(u'\r'));
            CHECK(s == s.trimmed());
        }
    }

    SECTION("same entries as the plain LF version")
    {
        QByteArray plain = raw.sliced(3);
        plain.replace("\r\n", "\n");
        plain.replace("\xC2\xA0", " ");
        const ParseResult p = parseDigest(QByteArrayView(plain));
        REQUIRE(p.ok);
        REQUIRE(p.digest.entries.size() == d.entries.size());
        for (qsizetype i = 0; i < d.entries.size(); ++i) {
            CHECK(p.digest.entries[i].title == d.entries[i].title);
            CHECK(p.digest.entries[i].abstract.simplified() == d.entries[i].abstract.simplified());
            CHECK(p.digest.entries[i].line == d.entries[i].line);
            CHECK(p.digest.entries[i].submitter == d.entries[i].submitter);
        }
    }
}

TEST_CASE("no year evidence: years come from the file time", "[parser]")
{
    SECTION("header and entry dates in the fallback's year")
    {
        const ParseResult r = parseFixture(u"no_year_evidence.txt"_s, QDate(2025, 6, 1));
        REQUIRE(r.ok);
        CHECK(r.digest.layout == DigestLayout::Detailed);
        CHECK(iso(r.digest.date) == u"2025-03-14"_s);
        CHECK(r.digest.dateCertainty == DateCertainty::FileTime);
        CHECK(r.digest.captureYear == 2025);
        REQUIRE(r.digest.entries.size() == 2);
        CHECK(iso(r.digest.entries[0].published) == u"2025-03-10"_s);
        CHECK(r.digest.entries[0].upvotes == 5);
        CHECK(r.digest.entries[0].submitter.authors == 2);
        CHECK_FALSE(r.digest.entries[1].published.isValid());
    }
    SECTION("file written before the header day: previous year")
    {
        const ParseResult r = parseFixture(u"no_year_evidence.txt"_s, QDate(2025, 3, 1));
        CHECK(iso(r.digest.date) == u"2024-03-14"_s);
        CHECK(r.digest.captureYear == 2024);
        CHECK(iso(r.digest.entries[0].published) == u"2024-03-10"_s);
    }
    SECTION("no fallback: dates unknown, upvotes kept")
    {
        const ParseResult r = parseFixture(u"no_year_evidence.txt"_s);
        REQUIRE(r.ok);
        CHECK_FALSE(r.digest.date.isValid());
        CHECK(r.digest.dateCertainty == DateCertainty::Unknown);
        CHECK(r.digest.captureYear == 0);
        CHECK_FALSE(r.digest.entries[0].published.isValid());
        CHECK(r.digest.entries[0].upvotes == 5);
        CHECK(r.digest.problems.isEmpty());
    }
}

TEST_CASE("capture year rule", "[parser]")
{
    SECTION("header without year, entries up to Dec 1, 2025")
    {
        const QString text = spaced(u"Jan 7\n\nTitle One\n\n"_s + abstractOne +
                                    u"\n\n  • 3 authors\n·\nDec 1, 2025 4\n\nTitle Two\n\n"_s +
                                    abstractTwo + u"\n\n  • 2 authors\n·\nMar 9, 2024\n"_s);
        const ParseResult r = parseText(text, QDate(2029, 5, 5));
        REQUIRE(r.ok);
        CHECK(iso(r.digest.date) == u"2026-01-07"_s);
        CHECK(r.digest.dateCertainty == DateCertainty::Derived);
        CHECK(r.digest.captureYear == 2026);
    }
    SECTION("no header date, year-less entry next to explicit years")
    {
        const QString text = spaced(u"Title One\n\n"_s + abstractOne +
                                    u"\n\n  • 3 authors\n·\nJun 24 5\n\nTitle Two\n\n"_s +
                                    abstractTwo + u"\n\n  • 2 authors\n·\nMar 9, 2023\n"_s);
        const ParseResult r = parseText(text, QDate(2024, 7, 1));
        REQUIRE(r.ok);
        CHECK(r.digest.captureYear == 2024);
        CHECK(iso(r.digest.entries[0].published) == u"2024-06-24"_s);
        CHECK(r.digest.entries[0].upvotes == 5);
        CHECK(iso(r.digest.entries[1].published) == u"2023-03-09"_s);
        // The page gave no day: undated, placed by the file's date.
        CHECK(iso(r.digest.date) == u"2024-07-01"_s);
        CHECK(r.digest.dateCertainty == DateCertainty::Undated);

        const ParseResult bare = parseText(text);
        CHECK(bare.digest.captureYear == 2024);
        CHECK(iso(bare.digest.entries[0].published) == u"2024-06-24"_s);
        CHECK_FALSE(bare.digest.date.isValid());
        CHECK(bare.digest.dateCertainty == DateCertainty::Unknown);
    }
    SECTION("explicit years only: no evidence of the capture year")
    {
        const QString text =
            spaced(u"Title One\n\n"_s + abstractOne + u"\n\n  • 3 authors\n·\nMar 9, 2023 1\n"_s);
        const ParseResult r = parseText(text);
        REQUIRE(r.ok);
        CHECK(r.digest.captureYear == 0);
        CHECK(r.digest.dateCertainty == DateCertainty::Unknown);
        CHECK(iso(r.digest.entries[0].published) == u"2023-03-09"_s);
    }
    SECTION("Feb 29 in a capture year that has none")
    {
        const QString text = spaced(u"Title One\n\n"_s + abstractOne +
                                    u"\n\n  • 3 authors\n·\nFeb 29 2\n\nTitle Two\n\n"_s +
                                    abstractTwo + u"\n\n·\nMar 9, 2024\n"_s);
        const ParseResult r = parseText(text);
        REQUIRE(r.ok);
        CHECK(r.digest.captureYear == 2025);
        REQUIRE(r.digest.entries.size() == 2);
        CHECK_FALSE(r.digest.entries[0].published.isValid());
        CHECK(r.digest.entries[0].upvotes == 2);
        REQUIRE(r.digest.problems.size() == 1);
        CHECK(r.digest.problems[0].message.contains(u"Feb 29"_s));
    }
}

TEST_CASE("submitter lines", "[parser]")
{
    const auto submitterOf = [](const QString &line) {
        const QString text =
            spaced(u"Title One\n\n"_s + abstractOne + u"\n\n"_s + line + u"\n·\nMar 9, 2024 1\n"_s);
        const ParseResult r = parseText(text);
        REQUIRE(r.ok);
        REQUIRE(r.digest.entries.size() == 1);
        CHECK(r.digest.problems.isEmpty());
        return r.digest.entries[0].submitter;
    };

    Submitter s = submitterOf(u"  \u2022 1 author"_s);
    CHECK(s.kind == Submitter::Kind::Authors);
    CHECK(s.authors == 1);
    s = submitterOf(u"  \u2022 128 authors"_s);
    CHECK(s.authors == 128);
    s = submitterOf(u"inclusionAI inclusionAI"_s);
    CHECK(s.kind == Submitter::Kind::Organisation);
    CHECK(s.organisation == u"inclusionAI"_s);
    CHECK(submitterOf(u"Gensyn Gensyn"_s).organisation == u"Gensyn"_s);
    CHECK(submitterOf(u"Lantern Lab Lantern Lab"_s).organisation == u"Lantern Lab"_s);
    CHECK(submitterOf(u"paper-boats Paper Boats"_s).organisation == u"Paper Boats"_s);
    CHECK(submitterOf(u"Gensyn"_s).organisation == u"Gensyn"_s);
    CHECK(submitterOf(u"Lantern Lab"_s).organisation == u"Lantern Lab"_s);
    CHECK(submitterOf(u"Lantern\u00A0Lab   Lantern Lab "_s).organisation == u"Lantern Lab"_s);
    // A bullet before a name: kept as the name.
    CHECK(submitterOf(u"\u2022 Fog Works"_s).organisation == u"Fog Works"_s);

    SECTION("organisation without the middle dot, right above the date")
    {
        const QString text =
            spaced(u"Title One\n\n"_s + abstractOne +
                   u"\n\nQwen Qwen\nDec 1, 2025 4\n\nTitle Two\n\n"_s + abstractTwo + u"\n"_s);
        const ParseResult r = parseText(text);
        REQUIRE(r.ok);
        REQUIRE(r.digest.entries.size() == 2);
        CHECK(r.digest.entries[0].submitter.organisation == u"Qwen"_s);
        CHECK(r.digest.entries[0].upvotes == 4);
        CHECK(r.digest.entries[1].title == u"Title Two"_s);
        CHECK(r.digest.problems.isEmpty());
    }
}

TEST_CASE("date lines", "[parser]")
{
    const auto entryWithDate = [](const QString &line) {
        const QString text =
            spaced(u"Title One\n\n"_s + abstractOne + u"\n\n  • 2 authors\n·\n"_s + line + u"\n"_s);
        const ParseResult r = parseText(text, QDate(2025, 12, 31));
        REQUIRE(r.ok);
        REQUIRE(r.digest.entries.size() == 1);
        return r;
    };
    ParseResult r = entryWithDate(u"Sep 16, 2024 2"_s);
    CHECK(iso(r.digest.entries[0].published) == u"2024-09-16"_s);
    CHECK(r.digest.entries[0].upvotes == 2);
    r = entryWithDate(u"Sep 16, 2024"_s);
    CHECK(r.digest.entries[0].upvotes == 0);
    r = entryWithDate(u"Jun 24 5"_s);
    CHECK(iso(r.digest.entries[0].published) == u"2025-06-24"_s);
    CHECK(r.digest.entries[0].upvotes == 5);
    r = entryWithDate(u"Jun 24"_s);
    CHECK(iso(r.digest.entries[0].published) == u"2025-06-24"_s);
    CHECK(r.digest.entries[0].upvotes == 0);
    r = entryWithDate(u"Oct\u00A03,\u00A02023\u00A01234"_s);
    CHECK(iso(r.digest.entries[0].published) == u"2023-10-03"_s);
    CHECK(r.digest.entries[0].upvotes == 1234);

    SECTION("a day that does not exist")
    {
        r = entryWithDate(u"Feb 30, 2024 3"_s);
        CHECK_FALSE(r.digest.entries[0].published.isValid());
        CHECK(r.digest.entries[0].upvotes == 3);
        REQUIRE(r.digest.problems.size() == 1);
        CHECK(r.digest.problems[0].line == 11);
        CHECK(r.digest.problems[0].message.contains(u"Feb 30, 2024"_s));
    }
}

TEST_CASE("boilerplate in any order, spacing or number", "[parser]")
{
    const QString text = u"byAK and the research community\n"
                         u"by AK and the research community\n\n"
                         u"Get trending papers in your email inbox once a day!\n"
                         u"Daily  Papers\n"
                         u"Subscribe\n"
                         u"new\n\n"
                         u"Aug 5\n\n"
                         u"Title One\n\n"_s +
                         abstractOne + u"\n"_s;
    const ParseResult r = parseText(text, QDate(2025, 9, 1));
    REQUIRE(r.ok);
    REQUIRE(r.digest.entries.size() == 1);
    CHECK(r.digest.entries[0].title == u"Title One"_s);
    CHECK(r.digest.entries[0].line == 11);
    CHECK(iso(r.digest.date) == u"2025-08-05"_s);
    CHECK(r.digest.problems.isEmpty());
}

TEST_CASE("a second page header pasted below the first is skipped", "[parser]")
{
    const QString text = spaced(u"Title One\n\n"_s + abstractOne +
                                u"\n\nnew\n\nGet trending papers in your email inbox!\n\n"
                                u"Subscribe\n\nTitle Two\n\n"_s +
                                abstractTwo + u"\n"_s);
    const ParseResult r = parseText(text);
    REQUIRE(r.ok);
    REQUIRE(r.digest.entries.size() == 2);
    CHECK(r.digest.entries[1].title == u"Title Two"_s);
    CHECK(r.digest.problems.isEmpty());
}

TEST_CASE("text that is not a digest is refused", "[parser]")
{
    struct Case
    {
        const char16_t *fixture;
        const char16_t *error;
    };
    const Case cases[] = {
        {u"empty.txt", u"is empty"},
        {u"whitespace_only.txt", u"contains only white space"},
        {u"binary.png", u"is a binary file, not a text digest"},
        {u"control_chars.txt", u"is a binary file, not a text digest"},
        {u"readme.md", u"does not look like a paper digest"},
        {u"prose.txt", u"does not look like a paper digest"},
        {u"boilerplate_only.txt", u"has the header of a Daily Papers page but no papers"},
        {u"titles_only.txt", u"has no complete paper in it"},
        {u"invalid_utf8.txt", u"is not valid UTF-8 text: line 4 "},
        {u"saved_page.html", u"is a web page (HTML), not a text digest"},
    };
    for (const Case &c : cases) {
        const QString fixture = QString::fromUtf16(c.fixture);
        INFO(fixture.toStdString());
        const ParseResult r = parseFixture(fixture, QDate(2025, 6, 1));
        CHECK_FALSE(r.ok);
        CHECK(r.error.startsWith(QString::fromUtf16(c.error)));
        CHECK(r.digest.entries.isEmpty());
        // The importer puts the file name in front and ends the sentence.
        CHECK_FALSE(r.error.endsWith(u'.'));
        CHECK_FALSE(r.error.contains(fixture));
    }

    SECTION("no entries: the problem that explains it is kept")
    {
        const ParseResult r = parseFixture(u"titles_only.txt"_s);
        REQUIRE(r.digest.problems.size() == 2);
        CHECK(r.digest.problems[0].line == 5);
        CHECK(r.error.contains(u"line 5"_s));
    }
    SECTION("decoded text with NUL characters")
    {
        const QString text = u"Daily Papers\n\nTitle\0One\n\n"_s + abstractOne;
        CHECK(parseText(text).error == u"is a binary file, not a text digest"_s);
    }
    SECTION("empty byte array and byte-order mark alone")
    {
        CHECK(parseDigest(QByteArrayView()).error == u"is empty"_s);
        CHECK(parseDigest(QByteArrayView("\xEF\xBB\xBF")).error == u"is empty"_s);
        CHECK(parseDigest(QByteArrayView("\xEF\xBB\xBF \r\n\r\n")).error ==
              u"contains only white space"_s);
    }
}

TEST_CASE("invalid UTF-8 is refused with the line that holds it", "[parser]")
{
    const auto errorFor = [](const QByteArray &bytes) {
        return parseDigest(QByteArrayView(bytes)).error;
    };
    CHECK(
        errorFor("Daily Papers\n\nTitle \xC3\n").startsWith(u"is not valid UTF-8 text: line 3 "_s));
    // Overlong encoding of "/" and a UTF-16 surrogate written as UTF-8.
    CHECK(errorFor("one\ntwo \xC0\xAF\n").contains(u"line 2 "_s));
    CHECK(errorFor("\xEF\xBB\xBFone\r\ntwo\r\nthree \xED\xA0\x80\r\n").contains(u"line 3 "_s));
    // Cut off in the middle of a character at the very end.
    CHECK(errorFor("one\ntwo\nthree\nfour \xE2\x80").contains(u"line 4 "_s));
}

TEST_CASE("UTF-16 with a byte-order mark is decoded", "[parser]")
{
    const QString text = spaced(u"Title Ünïcode\n\n"_s + abstractOne + u"\n"_s);
    QStringEncoder encoder(QStringConverter::Utf16LE, QStringConverter::Flag::WriteBom);
    const QByteArray bytes = encoder.encode(text);
    REQUIRE(bytes.startsWith("\xFF\xFE"));
    const ParseResult r = parseDigest(QByteArrayView(bytes));
    REQUIRE(r.ok);
    REQUIRE(r.digest.entries.size() == 1);
    CHECK(r.digest.entries[0].title == u"Title Ünïcode"_s);
}

TEST_CASE("decoded text: byte-order mark and lone CR line ends", "[parser]")
{
    QString text = u"\uFEFF"_s + spaced(u"Title One\n\n"_s + abstractOne + u"\n"_s);
    ParseResult r = parseText(text);
    REQUIRE(r.ok);
    CHECK(r.digest.entries[0].line == 5);
    text.replace(u'\n', u'\r');
    r = parseText(text);
    REQUIRE(r.ok);
    REQUIRE(r.digest.entries.size() == 1);
    CHECK(r.digest.entries[0].line == 5);
    CHECK(r.digest.entries[0].abstract == abstractOne);
}

TEST_CASE("damaged entries are reported, good ones imported", "[parser]")
{
    const ParseResult r = parseFixture(u"damaged.txt"_s);
    REQUIRE(r.ok);
    const Digest &d = r.digest;
    REQUIRE(d.entries.size() == 3);
    CHECK(d.entries[0].title == u"Pruning Orchards: Budgeted Growth for Gradient-Boosted Trees"_s);
    CHECK(d.entries[0].submitter.authors == 7);
    CHECK(iso(d.entries[0].published) == u"2024-09-16"_s);
    CHECK(d.entries[0].upvotes == 2);
    CHECK(d.entries[1].title == u"Cloudcast: Reading Tomorrow's Rain from Today's Sky"_s);
    CHECK(d.entries[1].line == 21);
    CHECK(d.entries[1].submitter.authors == 3);
    CHECK(d.entries[2].title == u"Listening to Hives: Early Mite Detection from Audio"_s);
    CHECK(d.entries[2].submitter.kind == Submitter::Kind::None);

    REQUIRE(d.problems.size() == 5);
    CHECK(d.problems[0].line == 7);  // metadata before any paper
    CHECK(d.problems[1].line == 16); // a second "·"
    CHECK(d.problems[2].line == 19); // a title without abstract
    CHECK(d.problems[2].message.contains(u"A Title Whose Abstract Was Lost"_s));
    CHECK(d.problems[3].line == 29); // an abstract without title, with its metadata
    CHECK(d.problems[4].line == 35); // a title whose metadata follows at once
    CHECK(d.problems[4].message.contains(u"Another Title Without Abstract"_s));
    for (const DigestEntry &e : d.entries) {
        CHECK_FALSE(e.title.contains(u"Without Abstract"_s));
        CHECK_FALSE(e.title.contains(u"Lost"_s));
    }
}

TEST_CASE("metadata between a title and its abstract", "[parser]")
{
    const QString text = spaced(u"Title One\n\n  • 4 authors\n\n"_s + abstractOne +
                                u"\n\n  • 4 authors\n·\nMar 9, 2024 2\n"_s);
    const ParseResult r = parseText(text);
    REQUIRE(r.ok);
    REQUIRE(r.digest.entries.size() == 1);
    CHECK(r.digest.entries[0].abstract == abstractOne);
    CHECK(r.digest.entries[0].upvotes == 2);
    REQUIRE(r.digest.problems.size() == 1);
    CHECK(r.digest.problems[0].line == 7);
}

TEST_CASE("compact layout with a lost abstract or a lost title", "[parser]")
{
    const QString text = u"Get trending papers in your email inbox!\n"
                         u"SubscribeTitle One\n"_s +
                         abstractOne + u"\nTitle Alone\nTitle Two\n"_s + abstractTwo + u"\n"_s +
                         abstractOne + u"\nTitle Three\n"_s + abstractTwo;
    const ParseResult r = parseText(text);
    REQUIRE(r.ok);
    CHECK(r.digest.layout == DigestLayout::Compact);
    REQUIRE(r.digest.entries.size() == 3);
    CHECK(r.digest.entries[0].title == u"Title One"_s);
    CHECK(r.digest.entries[1].title == u"Title Two"_s);
    CHECK(r.digest.entries[1].line == 5);
    CHECK(r.digest.entries[2].title == u"Title Three"_s);
    CHECK(r.digest.entries[2].line == 8);
    REQUIRE(r.digest.problems.size() == 2);
    CHECK(r.digest.problems[0].line == 4);
    CHECK(r.digest.problems[1].line == 7);
}

TEST_CASE("truncated files keep the complete entries", "[parser]")
{
    SECTION("cut after a title")
    {
        const ParseResult r = parseFixture(u"truncated_title.txt"_s);
        REQUIRE(r.ok);
        REQUIRE(r.digest.entries.size() == 1);
        CHECK(r.digest.entries[0].submitter.authors == 4);
        REQUIRE(r.digest.problems.size() == 1);
        CHECK(r.digest.problems[0].line == 13);
        CHECK(r.digest.problems[0].message.contains(u"cut off"_s));
    }
    SECTION("cut inside the metadata")
    {
        const ParseResult r = parseFixture(u"truncated_meta.txt"_s);
        REQUIRE(r.ok);
        REQUIRE(r.digest.entries.size() == 2);
        const DigestEntry &last = r.digest.entries[1];
        CHECK(last.title == u"Sorting Networks from a Language Model and a SAT Solver"_s);
        CHECK(last.submitter.authors == 6);
        CHECK_FALSE(last.published.isValid());
        REQUIRE(r.digest.problems.size() == 1);
        CHECK(r.digest.problems[0].line == 16);
        CHECK(r.digest.problems[0].message.contains(u"cut off"_s));
    }
}

TEST_CASE("title and abstract pairs without any header", "[parser]")
{
    const ParseResult r = parseFixture(u"no_header.txt"_s);
    REQUIRE(r.ok);
    CHECK(r.digest.layout == DigestLayout::Spaced);
    REQUIRE(r.digest.entries.size() == 2);
    CHECK(r.digest.entries[0].line == 1);
    CHECK(r.digest.entries[1].title == u"What Fine-Tuning Forgets"_s);
}

TEST_CASE("bytes and decoded text give the same digest", "[parser]")
{
    const QByteArray bytes = test::readData(u"digests/layout_a.txt"_s);
    const QString text = QString::fromUtf8(bytes);
    const ParseResult a = parseDigest(QByteArrayView(bytes));
    const ParseResult b = parseDigest(QStringView(text));
    REQUIRE(a.ok);
    REQUIRE(b.ok);
    REQUIRE(a.digest.entries.size() == b.digest.entries.size());
    for (qsizetype i = 0; i < a.digest.entries.size(); ++i) {
        const DigestEntry &x = a.digest.entries[i];
        const DigestEntry &y = b.digest.entries[i];
        CHECK(x.title == y.title);
        CHECK(x.abstract == y.abstract);
        CHECK(x.submitter == y.submitter);
        CHECK(x.published == y.published);
        CHECK(x.upvotes == y.upvotes);
        CHECK(x.line == y.line);
    }
}

TEST_CASE("A file full of problems names the first hundred and counts the rest", "[parser]")
{
    QByteArray text = "Daily Papers\n\nA Real Title\n\nIt has an abstract with several words in "
                      "it.\n\n";
    for (int i = 0; i < 250; ++i)
        text += "Lonely title " + QByteArray::number(i) + "\n\n";
    for (const ParseResult &r :
         {parseDigest(QByteArrayView(text)), parseDigest(QStringView(QString::fromUtf8(text)))}) {
        REQUIRE(r.ok);
        CHECK(r.digest.entries.size() == 1);
        REQUIRE(r.digest.problems.size() == 101);
        CHECK(r.digest.problems.at(0).line == 7);
        CHECK(r.digest.problems.at(99).line == 7 + 99 * 2);
        CHECK(r.digest.problems.last().line == 0);
        CHECK(r.digest.problems.last().message.contains(u"and 150 more problems"_s));
    }
}

TEST_CASE("More papers than any day's digest holds are refused", "[parser]")
{
    const QByteArray entry = "x\na     .\n";
    const QByteArray atCap = "Daily Papers\n\n" + entry.repeated(100000);
    const ParseResult full = parseDigest(QByteArrayView(atCap));
    REQUIRE(full.ok);
    CHECK(full.digest.entries.size() == 100000);
    const ParseResult over = parseDigest(QByteArrayView(QByteArray(atCap + entry)));
    CHECK_FALSE(over.ok);
    CHECK(over.error.contains(u"more than 100000 papers"_s));
    CHECK(over.digest.entries.isEmpty());
}

TEST_CASE("A huge abstract is kept whole, spaces and all", "[parser]")
{
    const QByteArray abstract = QByteArray("word\xc2\xa0word ").repeated(200000) + "end.";
    const QByteArray text = "Daily Papers\n\nHuge One\n\n  " + abstract + "  \n";
    const ParseResult r = parseDigest(QByteArrayView(text));
    REQUIRE(r.ok);
    REQUIRE(r.digest.entries.size() == 1);
    const QString expected = QString::fromUtf8(abstract).replace(QChar(0xA0), u' ');
    CHECK(r.digest.entries.first().abstract == expected);
    CHECK(r.digest.entries.first().title == u"Huge One"_s);
}
