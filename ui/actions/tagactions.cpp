#include "tagactions.h"

#include "actioncontext.h"
#include "libraryevents.h"
#include "storage/library.h"

#include <QCoreApplication>
#include <QInputDialog>
#include <QMainWindow>
#include <QMessageBox>

namespace gleaner {

namespace {

// The context of this file's messages, declared so that lupdate files them
// under the context they are looked up in.
struct TagActions
{
    Q_DECLARE_TR_FUNCTIONS(TagActions)
};

} // namespace

void renameTag(const ActionContext &context, const QString &tag)
{
    bool ok = false;
    const QString name =
        QInputDialog::getText(context.window(), TagActions::tr("Rename Tag"),
                              TagActions::tr("New name:"), QLineEdit::Normal, tag, &ok);
    if (!ok || name.trimmed().isEmpty() || name == tag)
        return;
    if (!context.library().renameTag(tag, name))
        context.fail(context.library().errorString());
    Q_EMIT context.events().tagsChanged();
}

void mergeTag(const ActionContext &context, const QString &tag)
{
    QStringList others;
    for (const TagCount &t : context.library().tagCounts()) {
        if (t.name != tag)
            others << t.name;
    }
    if (others.isEmpty()) {
        context.say(TagActions::tr("There is no other tag to merge into."), 5000);
        return;
    }
    bool ok = false;
    const QString into = QInputDialog::getItem(
        context.window(), TagActions::tr("Merge Tag"),
        TagActions::tr("Merge \u201c%1\u201d into:").arg(tag), others, 0, false, &ok);
    if (!ok)
        return;
    if (!context.library().mergeTags(tag, into))
        context.fail(context.library().errorString());
    Q_EMIT context.events().tagsChanged();
}

void deleteTag(const ActionContext &context, const QString &tag)
{
    int papers = 0;
    for (const TagCount &t : context.library().tagCounts()) {
        if (t.name == tag)
            papers = t.papers;
    }
    if (QMessageBox::question(
            context.window(), TagActions::tr("Delete Tag"),
            TagActions::tr("Delete the tag \u201c%1\u201d from %n paper(s)? The papers "
                           "themselves stay.",
                           nullptr, papers)
                .arg(tag),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    if (!context.library().deleteTag(tag))
        context.fail(context.library().errorString());
    Q_EMIT context.events().tagsChanged();
}

} // namespace gleaner
