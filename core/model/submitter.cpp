#include "model/submitter.h"

#include <QCoreApplication>
#include <QLocale>

namespace gleaner {

namespace {

QString authorsText(int authors, SubmitterStyle style)
{
    if (style == SubmitterStyle::Plain)
        return authors == 1 ? QStringLiteral("1 author")
                            : QStringLiteral("%1 authors").arg(authors);
    return authors == 1 ? QCoreApplication::translate("Submitter", "1 author")
                        : QCoreApplication::translate("Submitter", "%1 authors")
                              .arg(QLocale().toString(authors));
}

} // namespace

QString submitterText(const Submitter &submitter, SubmitterStyle style)
{
    switch (submitter.kind) {
    case Submitter::Kind::Authors:
        return authorsText(submitter.authors, style);
    case Submitter::Kind::Organisation:
        return submitter.organisation;
    case Submitter::Kind::None:
        break;
    }
    return {};
}

} // namespace gleaner
