#include "model/titlekey.h"

namespace gleaner {

namespace {

QString collapseSpaces(const QString &s)
{
    QString out;
    out.reserve(s.size());
    bool pendingSpace = false;
    for (QChar c : s) {
        if (c.isSpace()) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (pendingSpace) {
            out.append(u' ');
            pendingSpace = false;
        }
        out.append(c);
    }
    return out;
}

} // namespace

QString titleKey(QStringView title)
{
    // Folding can produce text that is no longer NFKC (and NFKC can expose
    // new upper-case letters), so normalise on both sides of it; both passes
    // are cheap for the usual already-normalised ASCII title.
    QString key = title.toString().normalized(QString::NormalizationForm_KC);
    key = key.toCaseFolded().normalized(QString::NormalizationForm_KC);
    return collapseSpaces(key);
}

qint64 titleKeyHash(QStringView key)
{
    quint64 hash = 0xcbf29ce484222325ULL;
    for (const QChar c : key) {
        hash ^= c.unicode();
        hash *= 0x100000001b3ULL;
    }
    return qint64(hash);
}

} // namespace gleaner
