#include "model/rule.h"

namespace gleaner {

void RuleOutcome::add(const RuleOutcome &other)
{
    matched += other.matched;
    tagged += other.tagged;
    starred += other.starred;
    markedRead += other.markedRead;
    dismissed += other.dismissed;
    queued += other.queued;
}

QString RuleOutcome::summary() const
{
    return tr("rule \u2018%1\u2019: %2").arg(name, actionsSummary());
}

QString RuleOutcome::actionsSummary() const
{
    QStringList done;
    if (tagged > 0)
        done << tr("tagged %1").arg(tagged);
    if (starred > 0)
        done << tr("starred %1").arg(starred);
    if (markedRead > 0)
        done << tr("marked %1 read").arg(markedRead);
    if (dismissed > 0)
        done << tr("marked %1 \u201cNot interested\u201d").arg(dismissed);
    if (queued > 0)
        done << tr("queued %1 to read later").arg(queued);
    if (done.isEmpty())
        done << tr("matched %1, nothing new to do").arg(matched);
    return done.join(QStringLiteral(", "));
}

} // namespace gleaner
