// The sidebar: library views (All papers, Unread, Starred, With notes,
// Recently read), digests by date with unread counts, tags with counts and
// saved searches. It shows what the library holds and says which view the
// user picked; changes (rename a tag, remove a digest...) are requested from
// its owner through signals, never done here.
#pragma once

#include "search/searchquery.h"

#include <QTreeView>

class QStandardItem;
class QStandardItemModel;

namespace gleaner {

class Library;

struct SidebarView
{
    enum class Kind
    {
        Library,
        Digest,
        Tag,
        SavedSearch
    };
    Kind kind = Kind::Library;
    QString key;   // stable identity for remembering the selection
    QString label; // for the window title and the search field's placeholder
    QString query; // base query the search field's text is added to
    SortOrder sort = SortOrder::Relevance;
    qint64 digestId = 0;
    qint64 savedSearchId = 0;
    QString tag;
};

class Sidebar final : public QTreeView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Sidebar)

public:
    explicit Sidebar(QWidget *parent = nullptr);

    // Rebuilds from the library, keeping the selected view when it still exists.
    void reload(Library &library);
    SidebarView currentView() const;
    // Selects the view with this key (see SidebarView::key); false if absent.
    bool selectView(const QString &key);

    static SidebarView allPapers();

Q_SIGNALS:
    void viewSelected(const gleaner::SidebarView &view);
    void tagRenameRequested(const QString &tag);
    void tagMergeRequested(const QString &tag);
    void tagDeleteRequested(const QString &tag);
    void savedSearchRenameRequested(qint64 id, const QString &name);
    void savedSearchDeleteRequested(qint64 id, const QString &name);
    void digestRedateRequested(qint64 id);
    void digestRemoveRequested(qint64 id);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    QStandardItem *addSection(const QString &title);
    QStandardItem *addView(QStandardItem *section, const QString &text, const SidebarView &view,
                           int count = -1);
    QStandardItem *itemForKey(const QString &key) const;

    QStandardItemModel *m_model = nullptr;
};

} // namespace gleaner

Q_DECLARE_METATYPE(gleaner::SidebarView)
