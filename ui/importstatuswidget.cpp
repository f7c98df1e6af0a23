#include "importstatuswidget.h"

#include "importcontroller.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace gleaner {

namespace {

// Long archive member paths would push the bar off a narrow status bar.
constexpr int kMaxNameChars = 48;

QString shortName(const QString &current)
{
    QString name = QFileInfo(current).fileName();
    if (name.isEmpty())
        name = current;
    if (name.size() > kMaxNameChars)
        name = name.left(kMaxNameChars / 2 - 1) + QChar(0x2026) + name.right(kMaxNameChars / 2 - 1);
    return name;
}

} // namespace

ImportStatusWidget::ImportStatusWidget(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);

    m_bar->setTextVisible(false);
    m_bar->setMaximumWidth(160);
    m_bar->setMaximumHeight(m_label->sizeHint().height());

    m_cancel->setText(tr("Cancel"));
    m_cancel->setIcon(QIcon::fromTheme(QStringLiteral("process-stop")));
    m_cancel->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_cancel->setAutoRaise(true);
    // Only while the widget is shown, so Esc is free for the rest of the
    // window when nothing is imported.
    m_cancel->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancel->setToolTip(tr("Stop the import (Esc). Nothing from the file being read "
                            "is kept; files finished before it stay."));
    connect(m_cancel, &QToolButton::clicked, this, &ImportStatusWidget::cancelRequested);

    hide();
}

void ImportStatusWidget::setController(ImportController *controller)
{
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    if (!controller) {
        showIdle();
        return;
    }
    connect(controller, &ImportController::started, this, &ImportStatusWidget::showStarted);
    connect(controller, &ImportController::progress, this, &ImportStatusWidget::setProgress);
    connect(controller, &ImportController::finished, this, &ImportStatusWidget::showIdle);
    connect(this, &ImportStatusWidget::cancelRequested, controller, &ImportController::cancel);
    if (controller->isBusy())
        showStarted();
}

void ImportStatusWidget::showStarted()
{
    m_label->setText(tr("Importing\u2026"));
    m_bar->setRange(0, 0);
    m_cancel->setEnabled(true);
    show();
}

void ImportStatusWidget::setProgress(int done, int total, const QString &current)
{
    m_label->setText(statusText(done, total, current));
    m_label->setToolTip(current);
    if (total > 0) {
        m_bar->setRange(0, total);
        m_bar->setValue(qBound(0, done, total));
    } else {
        m_bar->setRange(0, 0);
    }
    show();
}

void ImportStatusWidget::showIdle()
{
    if (m_controller && m_controller->isBusy())
        return;
    m_label->clear();
    m_label->setToolTip({});
    m_bar->reset();
    hide();
}

QString ImportStatusWidget::statusText(int done, int total, const QString &current)
{
    const QString name = shortName(current);
    // The importer counts a file as it starts reading it.
    const QString number = QString::number(qBound(1, done, qMax(total, 1)));
    // One multi-argument arg(): a file name may itself contain "%1".
    if (total > 0 && name.isEmpty())
        return tr("Importing %1 of %2\u2026").arg(number, QString::number(total));
    if (total > 0)
        return tr("Importing %1 of %2: %3\u2026").arg(number, QString::number(total), name);
    if (name.isEmpty())
        return tr("Importing\u2026");
    return tr("Importing %1\u2026").arg(name);
}

} // namespace gleaner
