// The status-bar face of a running import: what is being read, how far it
// got, and a way to stop it. Hidden while nothing is imported. Knows only an
// ImportController (or its setters), never the window around it.
#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace gleaner {

class ImportController;

class ImportStatusWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportStatusWidget)

public:
    explicit ImportStatusWidget(QWidget *parent = nullptr);

    // Follows the controller's signals and cancels it from the button.
    void setController(ImportController *controller);

    void showStarted();
    void setProgress(int done, int total, const QString &current);
    // Hides the widget, unless the controller still has requests waiting.
    void showIdle();

    // "Importing 3 of 20: day1.txt…", or without the count when the total
    // is unknown (-1).
    static QString statusText(int done, int total, const QString &current);

    QLabel *label() const { return m_label; }
    QProgressBar *progressBar() const { return m_bar; }
    QToolButton *cancelButton() const { return m_cancel; }

Q_SIGNALS:
    void cancelRequested();

private:
    QPointer<ImportController> m_controller;
    QLabel *m_label = nullptr;
    QProgressBar *m_bar = nullptr;
    QToolButton *m_cancel = nullptr;
};

} // namespace gleaner
