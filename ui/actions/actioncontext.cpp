#include "actioncontext.h"

#include "uilogging.h"

#include <QMainWindow>
#include <QStatusBar>
#include <QToolButton>

namespace gleaner {

void ActionContext::say(const QString &text, int ms) const
{
    m_window->statusBar()->showMessage(text, ms);
}

void ActionContext::offer(const QString &text, const QString &button,
                          const std::function<void()> &act, int ms) const
{
    QStatusBar *bar = m_window->statusBar();
    // One offer at a time: the newest replaces any other.
    for (QToolButton *old : bar->findChildren<QToolButton *>(QStringLiteral("statusOffer")))
        old->deleteLater();
    bar->showMessage(text, ms);
    auto *offer = new QToolButton(bar);
    offer->setObjectName(QStringLiteral("statusOffer"));
    offer->setText(button);
    offer->setAutoRaise(true);
    QObject::connect(offer, &QToolButton::clicked, offer, [act] { act(); });
    QObject::connect(bar, &QStatusBar::messageChanged, offer, [offer, text](const QString &now) {
        if (now != text)
            offer->deleteLater();
    });
    bar->addPermanentWidget(offer);
}

void ActionContext::fail(const QString &why) const
{
    qCWarning(lcWindow) << why;
    say(why, 10000);
}

} // namespace gleaner
