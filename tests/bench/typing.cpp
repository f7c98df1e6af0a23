// gleaner-typing-bench: how typing in the search field feels on a large
// library. Types a query one key at a time through the window's own search
// path (SearchController on its worker connection, then PaperListModel) and
// reports, per keystroke, the time from the key to a list whose first
// screen of rows is ready. The window's 120 ms debounce comes on top.
//
//   QT_QPA_PLATFORM=offscreen gleaner-typing-bench LIBRARY [QUERY...]
#include "library.h"
#include "paperlistmodel.h"
#include "searchcontroller.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTextStream>

#include <algorithm>

using namespace gleaner;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        QTextStream(stderr) << "usage: gleaner-typing-bench LIBRARY [QUERY...]\n";
        return 2;
    }
    Library library;
    if (!library.open(args.at(1))) {
        QTextStream(stderr) << library.error() << "\n";
        return 1;
    }
    const QStringList queries = args.size() > 2 ? args.mid(2)
                                                : QStringList{QStringLiteral("kamin tralo"),
                                                              QStringLiteral("velsor is:unread")};
    SearchController searcher(args.at(1));
    PaperListModel model(&library);
    QTextStream out(stdout);
    QList<double> all;
    for (const QString &query : queries) {
        for (qsizetype n = 1; n <= query.size(); ++n) {
            SearchRequest request;
            request.query = query.left(n);
            request.prefixLastWord = true;
            request.countTotal = false;
            QElapsedTimer timer;
            timer.start();
            QEventLoop loop;
            int rows = 0;
            const auto connection = QObject::connect(
                &searcher, &SearchController::finished, &loop,
                [&](quint64, const SearchResult &result) {
                    model.setIds(result.ids);
                    // The first screen of rows, as a view would ask for it.
                    for (int row = 0; row < std::min(40, model.rowCount()); ++row)
                        (void)model.data(model.index(row, PaperListModel::TitleColumn));
                    rows = model.rowCount();
                    loop.quit();
                });
            searcher.search(request);
            loop.exec();
            QObject::disconnect(connection);
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            all << ms;
            out << qSetFieldWidth(24) << Qt::left
                << (QLatin1Char('"') + request.query + QLatin1Char('"')) << qSetFieldWidth(0) << ms
                << " ms, " << rows << " papers\n";
        }
    }
    std::sort(all.begin(), all.end());
    out << "keystrokes: " << all.size() << ", p50 " << all.at(all.size() / 2) << " ms, p95 "
        << all.at(std::min(all.size() - 1, qsizetype(double(all.size()) * 0.95))) << " ms, max "
        << all.last() << " ms\n";
    return 0;
}
