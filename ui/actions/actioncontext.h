// What a dialog-driven action needs from the window: a parent for its
// dialogs, the library, the hub on which it announces what it changed, and
// the status bar for a short word on the outcome.
#pragma once

#include <QString>

#include <functional>

class QMainWindow;

namespace gleaner {

class Library;
class LibraryEvents;

class ActionContext final
{
public:
    ActionContext(QMainWindow *window, Library &library, LibraryEvents &events)
        : m_window(window)
        , m_library(library)
        , m_events(events)
    {}

    QMainWindow *window() const { return m_window; }
    Library &library() const { return m_library; }
    LibraryEvents &events() const { return m_events; }

    // A line in the status bar for `ms` milliseconds.
    void say(const QString &text, int ms) const;
    // say(), with a button beside the line ("Show in Folder") that runs
    // `act`; the button goes when the line does.
    void offer(const QString &text, const QString &button, const std::function<void()> &act,
               int ms) const;
    // A failure: logged, and said in the status bar.
    void fail(const QString &why) const;

private:
    QMainWindow *m_window;
    Library &m_library;
    LibraryEvents &m_events;
};

} // namespace gleaner
