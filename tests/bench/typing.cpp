// gleaner-typing-bench: how typing in the search field feels on a large
// library. Types a query one key at a time through the window's own search
// path (SearchController on its worker connection, then PaperListModel) and
// reports, per keystroke, the time from the key to a list whose first
// screen of rows is ready (titles, and where the words matched: the reading
// layout's snippets), and to the whole list. The window's 120 ms debounce
// comes on top.
//
// Without queries it types what a reader of that library would: its two
// commonest pairs of title words, its commonest word, and a pair with a
// filter, all read off the library's own index (synthetic or real text).
//
//   QT_QPA_PLATFORM=offscreen gleaner-typing-bench LIBRARY [--snippets-for-all] [QUERY...]
#include "paperlistmodel.h"
#include "paperrowdelegate.h"
#include "searchcontroller.h"
#include "storage/library.h"
#include "vocabulary.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTextStream>

#include <algorithm>
#include <time.h>

using namespace gleaner;

namespace {

// The CPU time of the whole process, both the GUI thread and the search's,
// in milliseconds: on a shared machine, what a keystroke cost, without the
// time it waited for a core.
double processCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        QTextStream(stderr)
            << "usage: gleaner-typing-bench LIBRARY [--snippets-for-all] [QUERY...]\n";
        return 2;
    }
    Library library;
    if (!library.open(args.at(1))) {
        QTextStream(stderr) << library.errorString() << "\n";
        return 1;
    }
    QStringList queries = args.mid(2);
    const bool snippetsForAll = queries.removeAll(QStringLiteral("--snippets-for-all")) > 0;
    if (queries.isEmpty()) {
        const bench::QueryWords words = bench::queryWords(library.database(), 2);
        if (words.pairs.size() < 2 || words.common.isEmpty()) {
            QTextStream(stderr) << "too few words in the library to type; give queries\n";
            return 1;
        }
        queries = {words.pairs.at(0), words.pairs.at(1), words.common.at(0),
                   words.pairs.at(1) + QStringLiteral(" is:unread")};
    }
    SearchController searcher(args.at(1));
    PaperListModel model(&library);
    QTextStream out(stdout);
    // Only the reading layout shows snippets: its first screen on a list
    // 1000 pixels high, or all 40 rows with --snippets-for-all.
    const int snippetRows =
        snippetsForAll ? 40 : 1000 / PaperRowDelegate::rowHeight(QApplication::font()) + 1;
    out << "snippets for the first " << snippetRows << " rows\n";
    QList<double> all;
    QList<double> allCpu;
    QList<double> wholeList;
    for (const QString &query : queries) {
        for (qsizetype n = 1; n <= query.size(); ++n) {
            SearchRequest request;
            request.query = query.left(n);
            request.prefixLastWord = true;
            request.countTotal = false;
            QElapsedTimer timer;
            timer.start();
            const double cpuStart = processCpuMs();
            QEventLoop loop;
            double firstScreen = -1;
            double firstScreenCpu = -1;
            // As the window does: the first page shows at once, the rest of
            // a long list is appended when it arrives.
            auto show = [&](const SearchResult &result, bool complete) {
                model.setSnippetQuery(request.query, request.prefixLastWord);
                if (complete)
                    model.extendIds(result.ids);
                else
                    model.setIds(result.ids);
                if (firstScreen < 0) {
                    // The first screen of rows, as a view would ask for it.
                    for (int row = 0; row < std::min(40, model.rowCount()); ++row) {
                        const QModelIndex title = model.index(row, PaperListModel::TitleColumn);
                        (void)model.data(title);
                        if (row < snippetRows)
                            (void)model.data(title, PaperListModel::SnippetRole);
                    }
                    firstScreen = double(timer.nsecsElapsed()) / 1e6;
                    firstScreenCpu = processCpuMs() - cpuStart;
                }
                if (complete)
                    loop.quit();
            };
            const auto first =
                QObject::connect(&searcher, &SearchController::firstPage, &loop,
                                 [&](quint64, const SearchResult &result) { show(result, false); });
            const auto done =
                QObject::connect(&searcher, &SearchController::finished, &loop,
                                 [&](quint64, const SearchResult &result) { show(result, true); });
            model.setIds({});
            model.setSnippetQuery(QString(), false);
            searcher.search(request);
            loop.exec();
            QObject::disconnect(first);
            QObject::disconnect(done);
            const double whole = double(timer.nsecsElapsed()) / 1e6;
            all << firstScreen;
            allCpu << firstScreenCpu;
            wholeList << whole;
            out << qSetFieldWidth(24) << Qt::left
                << (QLatin1Char('"') + request.query + QLatin1Char('"')) << qSetFieldWidth(0)
                << "first screen " << firstScreen << " ms (CPU " << firstScreenCpu
                << " ms), whole list " << whole << " ms, " << model.rowCount() << " papers\n";
        }
    }
    auto report = [&out](const char *what, QList<double> ms) {
        std::sort(ms.begin(), ms.end());
        out << what << ": p50 " << ms.at(ms.size() / 2) << " ms, p95 "
            << ms.at(std::min(ms.size() - 1, qsizetype(double(ms.size()) * 0.95))) << " ms, max "
            << ms.last() << " ms\n";
    };
    out << "keystrokes: " << all.size() << "\n";
    report("key to first screen", all);
    report("key to first screen, CPU", allCpu);
    report("key to whole list", wholeList);
    return 0;
}
