// The status bar's word on a LibraryJob: what is running, with a busy bar,
// shown only while it runs.
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;

namespace gleaner {

class LibraryJob;

class JobStatusWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobStatusWidget)

public:
    explicit JobStatusWidget(LibraryJob *job, QWidget *parent = nullptr);

private:
    QLabel *m_label = nullptr;
    QProgressBar *m_bar = nullptr;
};

} // namespace gleaner
