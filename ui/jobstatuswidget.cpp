#include "jobstatuswidget.h"

#include "libraryjob.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

namespace gleaner {

JobStatusWidget::JobStatusWidget(LibraryJob *job, QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
{
    setObjectName(QStringLiteral("jobStatus"));
    // No range: the bar shows that something runs, not how far it is.
    m_bar->setRange(0, 0);
    m_bar->setMaximumWidth(120);
    m_bar->setMaximumHeight(14);
    m_bar->setTextVisible(false);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    hide();
    connect(job, &LibraryJob::started, this, [this](const QString &description) {
        m_label->setText(description);
        show();
    });
    connect(job, &LibraryJob::finished, this, &QWidget::hide);
}

} // namespace gleaner
