#include "model/submitter.h"

#include <QCoreApplication>
#include <QLocale>

namespace gleaner {

namespace {

// "1 author" / "12 authors": English with plain digits, or translated in
// the context "Submitter" with the count in the user's locale.
QString countText(int n, TextStyle style, const char *one, const char *many)
{
    if (style == TextStyle::Plain)
        return n == 1 ? QString::fromLatin1(one) : QString::fromLatin1(many).arg(n);
    return n == 1 ? QCoreApplication::translate("Submitter", one)
                  : QCoreApplication::translate("Submitter", many).arg(QLocale().toString(n));
}

} // namespace

QString upvotesText(int upvotes, TextStyle style)
{
    return countText(upvotes, style, QT_TRANSLATE_NOOP("Submitter", "1 upvote"),
                     QT_TRANSLATE_NOOP("Submitter", "%1 upvotes"));
}

QString submitterText(const Submitter &submitter, TextStyle style)
{
    switch (submitter.kind) {
    case Submitter::Kind::Authors:
        return countText(submitter.authors, style, QT_TRANSLATE_NOOP("Submitter", "1 author"),
                         QT_TRANSLATE_NOOP("Submitter", "%1 authors"));
    case Submitter::Kind::Organisation:
        return submitter.organisation;
    case Submitter::Kind::None:
        break;
    }
    return {};
}

} // namespace gleaner
