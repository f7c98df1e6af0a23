// The parser over the real digests in ../shared/seeds: each file's layout,
// date and entry counts, and entries read off the files, all checked by hand.
#include "catch.h"
#include "ingest/digestparser.h"
#include "model/titlekey.h"
#include "parseresult.h"

#include <QDate>
#include <QFile>
#include <QSet>
#include <QString>

#include <algorithm>

using namespace gleaner;
using namespace Qt::StringLiterals;
using gleaner::test::parseDigest;
using gleaner::test::ParseResult;

namespace {

const QString fileA = u"000_caf949c4fd380cf7.txt"_s;
const QString fileB = u"001_c9ab5f35646100d9.txt"_s;
const QString fileC = u"003_3519c79454df5631.txt"_s;

ParseResult parseSeed(const QString &name, QDate fallback = {})
{
    QFile file(test::seedsDir() + u'/' + name);
    if (!file.open(QIODevice::ReadOnly))
        FAIL("cannot read seed " << name.toStdString());
    const QByteArray bytes = file.readAll();
    return parseDigest(QByteArrayView(bytes), ParseOptions{fallback});
}

qsizetype countIf(const Digest &d, bool (*pred)(const DigestEntry &))
{
    return std::count_if(d.entries.cbegin(), d.entries.cend(), pred);
}

bool hasSubmitter(const DigestEntry &e)
{
    return e.submitter.kind != Submitter::Kind::None;
}

bool isOrganisation(const DigestEntry &e)
{
    return e.submitter.kind == Submitter::Kind::Organisation;
}

const DigestEntry *findTitle(const Digest &d, const QString &title)
{
    for (const DigestEntry &e : d.entries) {
        if (e.title == title)
            return &e;
    }
    return nullptr;
}

} // namespace

TEST_CASE("seed 000: layout A", "[seeds]")
{
    GLEANER_REQUIRE_SEEDS();
    // The file's own evidence fixes the year; a fallback must not change it.
    for (const QDate fallback : {QDate(), QDate(2030, 5, 5)}) {
        const ParseResult r = parseSeed(fileA, fallback);
        REQUIRE(r.ok);
        const Digest &d = r.digest;
        CHECK(d.layout == DigestLayout::Detailed);
        CHECK(d.date == QDate(2026, 1, 7));
        CHECK(d.dateCertainty == DateCertainty::Derived);
        CHECK(d.captureYear == 2026);
        CHECK(d.entries.size() == 57);
        CHECK(countIf(d, hasSubmitter) == 56);
        CHECK(countIf(d, isOrganisation) == 3);
        CHECK(d.problems.isEmpty());
    }

    const ParseResult r = parseSeed(fileA);
    const Digest &d = r.digest;
    REQUIRE(d.entries.size() == 57);
    const DigestEntry &first = d.entries.first();
    CHECK(first.title == u"RealCustom: Narrowing Real Text Word for Real-Time Open-Domain "
                         u"Text-to-Image Customization"_s);
    CHECK(first.line == 13);
    CHECK(first.abstract.startsWith(u"Text-to-image customization, which aims to synthesize"_s));
    CHECK(first.abstract.endsWith(
        u"The project page is https://corleone-huang.github.io/realcustom/."_s));
    CHECK(first.submitter.kind == Submitter::Kind::Authors);
    CHECK(first.submitter.authors == 5);
    CHECK(first.published == QDate(2024, 3, 1));
    CHECK(first.upvotes == 1);

    const DigestEntry &last = d.entries.last();
    CHECK(last.title.startsWith(u"BigMac: A Communication-Efficient Mixture-of-Experts"_s));
    CHECK(last.line == 457);
    CHECK(last.submitter.authors == 8);
    CHECK(last.published == QDate(2025, 2, 24));
    CHECK(last.upvotes == 0);

    const DigestEntry *noMeta =
        findTitle(d, u"EVODiff: Entropy-aware Variance Optimized Diffusion Inference"_s);
    REQUIRE(noMeta);
    CHECK(noMeta->line == 181);
    CHECK(noMeta->submitter.kind == Submitter::Kind::None);
    CHECK_FALSE(noMeta->published.isValid());

    const DigestEntry *qwen =
        findTitle(d, u"Stabilizing Reinforcement Learning with LLMs: Formulation and Practices"_s);
    REQUIRE(qwen);
    CHECK(qwen->submitter.kind == Submitter::Kind::Organisation);
    CHECK(qwen->submitter.organisation == u"Qwen"_s);
    CHECK(qwen->published == QDate(2025, 12, 1));
    CHECK(qwen->upvotes == 4);

    const DigestEntry *inclusion = findTitle(
        d,
        u"Every Step Evolves: Scaling Reinforcement Learning for Trillion-Scale Thinking Model"_s);
    REQUIRE(inclusion);
    CHECK(inclusion->submitter.organisation == u"inclusionAI"_s);
    CHECK(inclusion->published == QDate(2025, 10, 21));
    CHECK(inclusion->upvotes == 3);

    const DigestEntry *fudan = findTitle(
        d, u"Taming Masked Diffusion Language Models via Consistency Trajectory Reinforcement "
           u"Learning with Fewer Decoding Step"_s);
    REQUIRE(fudan);
    CHECK(fudan->submitter.organisation == u"Fudan University"_s);
    CHECK(fudan->published == QDate(2025, 9, 28));

    const DigestEntry *openElm =
        findTitle(d, u"OpenELM: An Efficient Language Model Family with Open-source Training and "
                     u"Inference Framework"_s);
    REQUIRE(openElm);
    CHECK(openElm->submitter.authors == 11);
    CHECK(openElm->published == QDate(2024, 4, 22));
    CHECK(openElm->upvotes == 14);
}

TEST_CASE("seed 001: layout B", "[seeds]")
{
    GLEANER_REQUIRE_SEEDS();
    ParseResult r = parseSeed(fileB, QDate(2025, 6, 1));
    REQUIRE(r.ok);
    const Digest &d = r.digest;
    CHECK(d.layout == DigestLayout::Spaced);
    // "Mar 14" with no year anywhere: the year comes from the file time.
    CHECK(d.date == QDate(2025, 3, 14));
    CHECK(d.dateCertainty == DateCertainty::FileTime);
    CHECK(d.entries.size() == 183);
    CHECK(countIf(d, hasSubmitter) == 0);
    CHECK(countIf(d, isOrganisation) == 0);
    CHECK(d.problems.isEmpty());
    REQUIRE_FALSE(d.entries.isEmpty());
    CHECK(d.entries.first().title ==
          u"Dolphin: Long Context as a New Modality for Energy-Efficient On-Device "
          u"Language Models"_s);
    CHECK(d.entries.first().line == 11);
    CHECK(d.entries[1].title ==
          u"Grounding DINO 1.5: Advance the \"Edge\" of Open-Set Object Detection"_s);
    CHECK(d.entries.last().abstract.endsWith(u"updates to foundation models."_s));
    for (const DigestEntry &e : d.entries) {
        CHECK_FALSE(e.published.isValid());
        CHECK_FALSE(e.upvotes.has_value()); // layout B shows no upvotes
    }

    SECTION("file written before Mar 14: the year before")
    {
        r = parseSeed(fileB, QDate(2025, 3, 1));
        CHECK(r.digest.date == QDate(2024, 3, 14));
        CHECK(r.digest.dateCertainty == DateCertainty::FileTime);
    }
    SECTION("no file time: unknown")
    {
        r = parseSeed(fileB);
        REQUIRE(r.ok);
        CHECK_FALSE(r.digest.date.isValid());
        CHECK(r.digest.dateCertainty == DateCertainty::Unknown);
    }
}

TEST_CASE("seed 003: layout C", "[seeds]")
{
    GLEANER_REQUIRE_SEEDS();
    ParseResult r = parseSeed(fileC);
    REQUIRE(r.ok);
    const Digest &d = r.digest;
    CHECK(d.layout == DigestLayout::Compact);
    // No header date and no fallback: nothing to go on.
    CHECK_FALSE(d.date.isValid());
    CHECK(d.dateCertainty == DateCertainty::Unknown);
    CHECK(d.captureYear == 0);
    CHECK(d.entries.size() == 119);
    CHECK(countIf(d, hasSubmitter) == 0);
    CHECK(countIf(d, isOrganisation) == 0);
    CHECK(d.problems.isEmpty());
    REQUIRE(d.entries.size() >= 2);
    CHECK(d.entries[0].title ==
          u"ARMOR v0.1: Empowering Autoregressive Multimodal Understanding Model with "
          u"Interleaved Multimodal Generation via Asymmetric Synergy"_s);
    CHECK(d.entries[0].line == 3);
    CHECK(d.entries[0].abstract.startsWith(u"Unified models (UniMs) for multimodal"_s));
    CHECK(d.entries[1].title == u"3D Gaussian Splatting for Real-Time Radiance Field Rendering"_s);
    CHECK(d.entries[1].line == 5);
    CHECK(d.entries.last().line == 239);

    SECTION("with a file time: that date")
    {
        r = parseSeed(fileC, QDate(2025, 8, 9));
        CHECK(r.digest.date == QDate(2025, 8, 9));
        CHECK(r.digest.dateCertainty == DateCertainty::Undated);
    }
}

TEST_CASE("seeds together: 359 entries, 351 papers", "[seeds]")
{
    GLEANER_REQUIRE_SEEDS();
    qsizetype entries = 0;
    QSet<QString> keys;
    for (const QString &name : {fileA, fileB, fileC}) {
        const ParseResult r = parseSeed(name, QDate(2026, 1, 10));
        REQUIRE(r.ok);
        entries += r.digest.entries.size();
        for (const DigestEntry &e : r.digest.entries)
            keys.insert(titleKey(e.title));
    }
    CHECK(entries == 359);
    CHECK(keys.size() == 351);
}
