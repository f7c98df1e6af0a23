// titleKey() decides which sightings are one paper, so it must fold exactly
// what browsers and editors vary (case, compatibility forms, white space) and
// nothing that tells two papers apart.
#include "catch.h"
#include "model/titlekey.h"

#include <QString>
#include <QStringList>

using namespace gleaner;
using namespace Qt::StringLiterals;

TEST_CASE("titleKey folds case", "[titlekey]")
{
    CHECK(titleKey(u"Attention Is All You Need") == u"attention is all you need"_s);
    CHECK(titleKey(u"LLaMA-Adapter V2") == titleKey(u"llama-adapter v2"));
    // Greek: capital and final sigma fold to the same letter.
    CHECK(titleKey(u"ΛΟΓΟΣ") == titleKey(u"λογος"));
    CHECK(titleKey(u"Ünïcode Ärger") == titleKey(u"üNÏCODE äRGER"));
}

TEST_CASE("titleKey collapses and trims white space", "[titlekey]")
{
    CHECK(titleKey(u"  Paper   Boats\tFloat \n") == u"paper boats float"_s);
    CHECK(titleKey(u"Paper\u00A0Boats\u00A0\u00A0Float") == u"paper boats float"_s);
    CHECK(titleKey(u"\u2003Paper\u2009Boats\u3000Float\u00A0") == u"paper boats float"_s);
    CHECK(titleKey(u"") == QString());
    CHECK(titleKey(u" \u00A0\t ") == QString());
}

TEST_CASE("titleKey applies NFKC", "[titlekey]")
{
    // Ligatures, full-width letters, superscripts and composed vs. decomposed
    // accents are compatibility variants of the same text.
    CHECK(titleKey(u"E\uFB03cient Transformers") == titleKey(u"Efficient Transformers"));
    CHECK(titleKey(u"\uFF34\uFF52\uFF41\uFF4E\uFF53\uFF46\uFF4F\uFF52\uFF4D\uFF45\uFF52") ==
          u"transformer"_s);
    CHECK(titleKey(u"Cafe\u0301 Networks") == titleKey(u"Caf\u00E9 Networks"));
    CHECK(titleKey(u"M\u00B3ViT") == titleKey(u"M3ViT"));
    CHECK(titleKey(u"Cafe\u0301") == u"caf\u00E9"_s);
}

TEST_CASE("titleKey keeps what tells papers apart", "[titlekey]")
{
    CHECK(titleKey(u"RealCustom") != titleKey(u"RealCustom++"));
    CHECK(titleKey(u"Open-Sora") != titleKey(u"OpenSora"));
    CHECK(titleKey(u"GPT-4: a report") != titleKey(u"GPT-4 a report"));
    CHECK(titleKey(u"M$^3$ViT") != titleKey(u"M3ViT"));
    CHECK(titleKey(u"Paper Boats") != titleKey(u"PaperBoats"));
}

TEST_CASE("titleKey is idempotent", "[titlekey]")
{
    const QStringList titles = {
        u"Attention Is All You Need"_s,
        u"  Paper\u00A0Boats \t Float  "_s,
        u"E\uFB03cient \uFF34ransformers"_s,
        u"Cafe\u0301 \u0130stanbul \u1E9E Stra\u00DFe"_s,
        u"\u03A3\u0399\u03A3\u03A5\u03A6\u039F\u03A3 \u0345"_s,
        u"\u2460 \u2162 \u33A1 \u00BD"_s,
    };
    for (const QString &title : titles) {
        const QString key = titleKey(title);
        INFO(title.toStdString());
        CHECK(titleKey(key) == key);
        CHECK(key == key.trimmed());
        CHECK_FALSE(key.contains(u"  "_s));
    }
}

TEST_CASE("titleKeyHash is the stored 64-bit FNV-1a of the key", "[titlekey]")
{
    // Stored in every library: these values must never change.
    CHECK(titleKeyHash(u"") == qint64(0xcbf29ce484222325ULL));
    CHECK(titleKeyHash(u"a") == qint64(0xaf63dc4c8601ec8cULL));
    CHECK(titleKeyHash(titleKey(u"Sparse  Attention")) ==
          titleKeyHash(titleKey(u"sparse attention")));
    CHECK(titleKeyHash(u"sparse attention") != titleKeyHash(u"sparse attentions"));
}
