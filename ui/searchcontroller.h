// Runs the window's searches off the GUI thread, on a Library connection of
// its own (the same file; WAL lets it read while the GUI and an import use
// theirs). Search as you type means most searches go stale before they
// finish: a new search interrupts the running one, only the newest request
// waits to run next (never a queue), and a stale result is never delivered.
// Debouncing keystrokes is the window's job.
#pragma once

#include "search/searchquery.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QThread>

#include <functional>
#include <memory>

namespace gleaner {

class Library;

class SearchController final : public QObject
{
    Q_OBJECT

public:
    explicit SearchController(const QString &libraryPath, QObject *parent = nullptr);
    // Makes any search stale, interrupts it and waits for the thread to end.
    ~SearchController() override;
    Q_DISABLE_COPY_MOVE(SearchController)

    QString libraryPath() const;

    // Runs on the worker thread right after its connection opens; for tests
    // that need to see inside a search or slow it down. Set it before the
    // first search.
    void setConnectionSetup(std::function<void(Library &library)> setup);

    // Starts `request` and returns its generation; any earlier search becomes
    // stale. finished() follows unless another search or cancel() comes first.
    quint64 search(const SearchRequest &request);
    // Makes the current search stale without starting another.
    void cancel();
    // The library file was replaced (by a repair): the next search opens it
    // again instead of reading the old file through the old connection.
    void reopenLibrary();

    // The generation of the newest search (0 before the first).
    quint64 generation() const { return m_generation; }
    // True from search() until its finished() (or cancel()).
    bool isBusy() const { return m_busy; }

    // A whole-list search (limit -1) first delivers this many rows through
    // firstPage(), so the list shows while the rest is read.
    static constexpr int kFirstPage = 200;

Q_SIGNALS:
    // The first kFirstPage rows of a whole-list search that has more; the
    // complete result follows in finished() unless the search goes stale.
    void firstPage(quint64 generation, const gleaner::SearchResult &result);
    // On the GUI thread, for the newest search only.
    void finished(quint64 generation, const gleaner::SearchResult &result);
    // Instead of finished() when the database failed (the library could not
    // be opened, a disk error), with the sentence saying why.
    void failed(quint64 generation, const QString &why);

private:
    struct State;
    static void runPending(const std::shared_ptr<State> &state, SearchController *controller);
    void deliver(quint64 generation, const SearchResult &result, bool complete);
    void deliverFailure(quint64 generation, const QString &why);

    QThread m_thread;
    std::unique_ptr<QObject> m_worker; // lives in m_thread; the target of posted work
    std::shared_ptr<State> m_state;
    quint64 m_generation = 0;
    bool m_busy = false;
};

} // namespace gleaner

Q_DECLARE_METATYPE(gleaner::SearchRequest)
Q_DECLARE_METATYPE(gleaner::SearchResult)
