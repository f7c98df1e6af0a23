#include "model/digest.h"

namespace gleaner {

QString layoutName(DigestLayout layout)
{
    switch (layout) {
    case DigestLayout::Detailed:
        return QStringLiteral("A");
    case DigestLayout::Spaced:
        return QStringLiteral("B");
    case DigestLayout::Compact:
        return QStringLiteral("C");
    }
    return {};
}

QString dateCertaintyName(DateCertainty certainty)
{
    switch (certainty) {
    case DateCertainty::Unknown:
        return QStringLiteral("unknown");
    case DateCertainty::FileTime:
        return QStringLiteral("file-time");
    case DateCertainty::Derived:
        return QStringLiteral("derived");
    case DateCertainty::User:
        return QStringLiteral("user");
    case DateCertainty::Undated:
        return QStringLiteral("undated");
    }
    return {};
}

} // namespace gleaner
