#include "model/weblinks.h"

#include "model/titletext.h"

#include <QUrlQuery>

namespace gleaner {

QUrl paperSearchUrl(const Paper &paper)
{
    QUrl url(QStringLiteral("https://arxiv.org/search/"));
    QUrlQuery query;
    // A '+' would reach the server as a space ("C++" as "C  "): spelled
    // encoded, which QUrlQuery keeps as it is.
    query.addQueryItem(QStringLiteral("query"),
                       plainTitle(paper.title).simplified().replace(u'+', QStringLiteral("%2B")));
    query.addQueryItem(QStringLiteral("searchtype"), QStringLiteral("title"));
    url.setQuery(query);
    return url;
}

} // namespace gleaner
