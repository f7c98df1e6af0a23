// The paper's web search: arXiv's title search for its title as plain text.
#include "catch.h"
#include "model/weblinks.h"

#include <QUrlQuery>

using namespace gleaner;

TEST_CASE("A paper's web search is arXiv's title search for its plain title", "[weblinks]")
{
    Paper p;
    p.title = QStringLiteral("PixArt-$\\alpha$: Fast  Training & \"Diffusion\" #1?");
    const QUrl url = paperSearchUrl(p);
    CHECK(url.scheme() == QStringLiteral("https"));
    CHECK(url.host() == QStringLiteral("arxiv.org"));
    CHECK(url.path() == QStringLiteral("/search/"));
    const QUrlQuery query(url);
    // Math as the list shows it, white space collapsed, every character
    // carried (the & # ? do not end the query).
    CHECK(query.queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded) ==
          QString::fromUtf8("PixArt-α: Fast Training & \"Diffusion\" #1?"));
    CHECK(query.queryItemValue(QStringLiteral("searchtype")) == QStringLiteral("title"));
    CHECK(url.fragment().isEmpty());
    CHECK_FALSE(url.toString(QUrl::FullyEncoded).contains(u'#'));

    p.title = QStringLiteral("Compilers in C++ for 1+1 Tasks");
    const QString encoded = paperSearchUrl(p).toString(QUrl::FullyEncoded);
    CHECK(encoded.contains(QStringLiteral("C%2B%2B")));
    CHECK_FALSE(encoded.contains(u'+'));
}
