// The query language against a real FTS5 index: whatever the user types, the
// expression parseQuery() generates is accepted by SQLite and the search
// succeeds (searchquery.h: malformed input never fails). The library lives in
// memory and holds our fixture digests, so expressions also match something.
#include "fuzzsupport.h"
#include "ingest/importer.h"
#include "search/searchquery.h"
#include "storage/library.h"

using namespace gleaner;

namespace {
Library *g_library = nullptr;
}

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::ensureApplication();
    g_library = new Library;
    fuzz::check(g_library->open(QStringLiteral(":memory:")), "cannot open a library in memory",
                g_library->errorString());
    Importer importer(*g_library);
    for (const char *name : {"library/day1.txt", "library/day2.txt"}) {
        const ImportReport report =
            importer.importData(fuzz::fixture(name), QString::fromUtf8(name),
                                QDateTime(QDate(2026, 5, 1), QTime(12, 0)));
        fuzz::check(report.digestsAdded == 1, "cannot import the fixture", report.summary());
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    for (const bool prefix : {false, true}) {
        SearchRequest request;
        request.query = text;
        request.prefixLastWord = prefix;
        request.limit = 20;
        const std::optional<SearchResult> result = g_library->search(request);
        if (!result) {
            const ParsedQuery parsed = parseQuery(text, prefix);
            fuzz::fail("the search failed",
                       QStringLiteral("query: %1\nprefix: %2\nmatch: %3\nexclude: %4\nerror: %5")
                           .arg(text, prefix ? QStringLiteral("yes") : QStringLiteral("no"),
                                parsed.match, parsed.exclude, g_library->errorString()));
        }
    }
    return 0;
}
