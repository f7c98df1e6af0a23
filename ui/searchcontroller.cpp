#include "searchcontroller.h"

#include "storage/library.h"

#include <QMutex>
#include <QMutexLocker>

#include <optional>
#include <utility>

namespace gleaner {

// Shared by the controller (GUI thread) and the work it posts to its thread;
// the shared_ptr keeps it alive for posted work whatever the order of teardown.
struct SearchController::State
{
    explicit State(const QString &libraryPath)
        : path(libraryPath)
    {}

    struct Job
    {
        quint64 generation = 0;
        SearchRequest request;
    };

    const QString path;
    Library library; // the worker thread's connection: opened there, closed there
    std::function<void(Library &)> setup; // set before the first search

    QMutex mutex; // guards everything below
    std::optional<Job> pending;
    quint64 latest = 0;      // the newest generation; every other one is stale
    quint64 running = 0;     // the generation inside Library::search, 0 when none
    bool wakePosted = false; // runPending() is posted and has not yet emptied `pending`
    bool reopen = false;     // the file was replaced (a repair): reconnect before searching

    // Called with `mutex` held. `running` is only set while the library is
    // open and inside search(), so the connection cannot close under us.
    void interruptStale()
    {
        if (running != 0 && running != latest)
            library.database().interrupt();
    }
};

SearchController::SearchController(const QString &libraryPath, QObject *parent)
    : QObject(parent)
    , m_worker(std::make_unique<QObject>())
    , m_state(std::make_shared<State>(libraryPath))
{
    qRegisterMetaType<SearchRequest>();
    qRegisterMetaType<SearchResult>();

    m_thread.setObjectName(QStringLiteral("gleaner-search"));
    m_worker->moveToThread(&m_thread);
    // QThread::finished is emitted on the thread itself: the connection is
    // closed by the thread that used it.
    connect(
        &m_thread, &QThread::finished, m_worker.get(),
        [state = m_state] { state->library.close(); }, Qt::DirectConnection);
    m_thread.start();
}

SearchController::~SearchController()
{
    cancel();
    m_thread.quit();
    m_thread.wait();
    m_worker.reset();
}

QString SearchController::libraryPath() const
{
    return m_state->path;
}

void SearchController::setConnectionSetup(std::function<void(Library &library)> setup)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->setup = std::move(setup);
}

quint64 SearchController::search(const SearchRequest &request)
{
    const quint64 generation = ++m_generation;
    m_busy = true;
    bool post = false;
    {
        QMutexLocker lock(&m_state->mutex);
        m_state->latest = generation;
        // Replaces whatever was waiting: only the newest request ever runs.
        m_state->pending = State::Job{generation, request};
        m_state->interruptStale();
        post = !std::exchange(m_state->wakePosted, true);
    }
    if (post) {
        QMetaObject::invokeMethod(
            m_worker.get(), [state = m_state, this] { runPending(state, this); },
            Qt::QueuedConnection);
    }
    return generation;
}

void SearchController::reopenLibrary()
{
    QMutexLocker lock(&m_state->mutex);
    m_state->reopen = true;
}

void SearchController::cancel()
{
    const quint64 generation = ++m_generation;
    m_busy = false;
    QMutexLocker lock(&m_state->mutex);
    m_state->latest = generation;
    m_state->pending.reset();
    m_state->interruptStale();
}

// On the worker thread. `controller` outlives every call: its destructor
// waits for the thread before it goes.
void SearchController::runPending(const std::shared_ptr<State> &state, SearchController *controller)
{
    for (;;) {
        State::Job job;
        {
            QMutexLocker lock(&state->mutex);
            if (!state->pending) {
                state->wakePosted = false;
                return;
            }
            job = std::move(*state->pending);
            state->pending.reset();
        }

        {
            QMutexLocker lock(&state->mutex);
            if (std::exchange(state->reopen, false))
                state->library.close();
        }
        // Empty when the library cannot be opened or the search fails: then
        // the library's errorString() says why.
        std::optional<SearchResult> result;
        if (state->library.isOpen() || state->library.open(state->path)) {
            std::function<void(Library &)> setup;
            {
                QMutexLocker lock(&state->mutex);
                setup = std::exchange(state->setup, {});
            }
            if (setup)
                setup(state->library);
            {
                QMutexLocker lock(&state->mutex);
                if (job.generation != state->latest)
                    continue;
                state->running = job.generation;
            }
            // A first page at once, then the whole list, for searches that
            // want every row: the list shows within a keystroke even when
            // the result holds most of the library.
            if (job.request.limit < 0) {
                SearchRequest first = job.request;
                first.limit = kFirstPage;
                first.countTotal = false;
                result = state->library.search(first);
                if (result && result->ids.size() == kFirstPage) {
                    {
                        QMutexLocker lock(&state->mutex);
                        if (job.generation != state->latest) {
                            state->running = 0;
                            continue;
                        }
                    }
                    QMetaObject::invokeMethod(
                        controller,
                        [controller, generation = job.generation, page = *result] {
                            controller->deliver(generation, page, false);
                        },
                        Qt::QueuedConnection);
                    result = state->library.search(job.request);
                }
            } else {
                result = state->library.search(job.request);
            }
            {
                QMutexLocker lock(&state->mutex);
                state->running = 0;
            }
        }

        {
            QMutexLocker lock(&state->mutex);
            if (job.generation != state->latest)
                continue;
        }
        if (result) {
            QMetaObject::invokeMethod(
                controller,
                [controller, generation = job.generation, result = std::move(*result)] {
                    controller->deliver(generation, result, true);
                },
                Qt::QueuedConnection);
        } else {
            QMetaObject::invokeMethod(
                controller,
                [controller, generation = job.generation, why = state->library.errorString()] {
                    controller->deliverFailure(generation, why);
                },
                Qt::QueuedConnection);
        }
    }
}

void SearchController::deliver(quint64 generation, const SearchResult &result, bool complete)
{
    // A search or cancel() may have come after the worker checked.
    if (generation != m_generation)
        return;
    if (!complete) {
        Q_EMIT firstPage(generation, result);
        return;
    }
    m_busy = false;
    Q_EMIT finished(generation, result);
}

void SearchController::deliverFailure(quint64 generation, const QString &why)
{
    if (generation != m_generation)
        return;
    m_busy = false;
    Q_EMIT failed(generation, why);
}

} // namespace gleaner
