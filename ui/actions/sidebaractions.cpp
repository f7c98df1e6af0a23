#include "sidebaractions.h"

#include "actioncontext.h"
#include "digestactions.h"
#include "savedsearchactions.h"
#include "sidebar.h"
#include "tagactions.h"

namespace gleaner {

void connectSidebarActions(Sidebar *sidebar, QObject *receiver,
                           const std::function<ActionContext()> &context)
{
    using Tag = void (*)(const ActionContext &, const QString &);
    for (const auto &[signal, action] :
         {std::pair(&Sidebar::tagRenameRequested, Tag(&renameTag)),
          std::pair(&Sidebar::tagMergeRequested, Tag(&mergeTag)),
          std::pair(&Sidebar::tagDeleteRequested, Tag(&deleteTag))}) {
        QObject::connect(sidebar, signal, receiver, [context, action = action](const QString &tag) {
            action(context(), tag);
        });
    }
    QObject::connect(
        sidebar, &Sidebar::savedSearchRenameRequested, receiver,
        [context](qint64 id, const QString &name) { renameSavedSearch(context(), id, name); });
    QObject::connect(
        sidebar, &Sidebar::savedSearchDeleteRequested, receiver,
        [context](qint64 id, const QString &name) { deleteSavedSearch(context(), id, name); });
    QObject::connect(sidebar, &Sidebar::digestRedateRequested, receiver,
                     [context](qint64 id) { redateDigest(context(), id); });
    QObject::connect(sidebar, &Sidebar::digestRemoveRequested, receiver,
                     [context](qint64 id) { removeDigest(context(), id); });
    QObject::connect(sidebar, &Sidebar::sampleDigestsRemoveRequested, receiver,
                     [context] { removeSampleDigests(context()); });
}

} // namespace gleaner
