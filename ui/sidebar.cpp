#include "sidebar.h"

#include "storage/library.h"

#include <QContextMenuEvent>
#include <QHeaderView>
#include <QLocale>
#include <QMenu>
#include <QStandardItemModel>

namespace gleaner {

namespace {

constexpr int ViewRole = Qt::UserRole + 1;
constexpr int KeyRole = Qt::UserRole + 2;

QString digestLabel(const DigestInfo &d)
{
    if (!d.date.isValid())
        return QObject::tr("Undated (%1)").arg(d.source.section(QLatin1Char('/'), -1));
    QString label = QLocale().toString(d.date, QStringLiteral("d MMM yyyy"));
    if (d.certainty == DateCertainty::FileTime)
        label += QStringLiteral(" ?");
    return label;
}

} // namespace

SidebarView Sidebar::allPapers()
{
    SidebarView v;
    v.key = QStringLiteral("library:all");
    v.label = tr("All papers");
    return v;
}

Sidebar::Sidebar(QWidget *parent)
    : QTreeView(parent)
    , m_model(new QStandardItemModel(this))
{
    setObjectName(QStringLiteral("sidebar"));
    setModel(m_model);
    setHeaderHidden(true);
    setUniformRowHeights(true);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setFrameShape(QFrame::NoFrame);
    setIndentation(12);
    header()->setStretchLastSection(false);
    connect(selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                const QModelIndex first = current.siblingAtColumn(0);
                if (first.data(ViewRole).isValid())
                    Q_EMIT viewSelected(first.data(ViewRole).value<SidebarView>());
            });
}

QStandardItem *Sidebar::addSection(const QString &title)
{
    auto *item = new QStandardItem(title);
    item->setSelectable(false);
    QFont font = item->font();
    font.setBold(true);
    item->setFont(font);
    auto *spacer = new QStandardItem;
    spacer->setSelectable(false);
    m_model->appendRow({item, spacer});
    return item;
}

QStandardItem *Sidebar::addView(QStandardItem *section, const QString &text,
                                const SidebarView &view, int count)
{
    auto *item = new QStandardItem(text);
    item->setData(QVariant::fromValue(view), ViewRole);
    item->setData(view.key, KeyRole);
    item->setToolTip(text);
    auto *countItem = new QStandardItem(count > 0 ? QLocale().toString(count) : QString());
    countItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    section->appendRow({item, countItem});
    return item;
}

QStandardItem *Sidebar::itemForKey(const QString &key) const
{
    const QModelIndexList found = m_model->match(m_model->index(0, 0), KeyRole, key, 1,
                                                 Qt::MatchExactly | Qt::MatchRecursive);
    return found.isEmpty() ? nullptr : m_model->itemFromIndex(found.first());
}

void Sidebar::reload(Library &library)
{
    const QString selected = currentView().key;
    const QSignalBlocker blocker(selectionModel());
    m_model->clear();
    m_model->setColumnCount(2);
    // Sections exist only once the model has its columns.
    header()->setSectionResizeMode(0, QHeaderView::Stretch);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);

    const LibraryStats stats = library.stats();
    QStandardItem *views = addSection(tr("Library"));
    addView(views, tr("All papers"), allPapers(), stats.papers);
    addView(views, tr("Unread"),
            {SidebarView::Kind::Library,
             QStringLiteral("library:unread"),
             tr("Unread"),
             QStringLiteral("is:unread"),
             SortOrder::Relevance,
             0,
             0,
             {}},
            stats.unread);
    addView(views, tr("Starred"),
            {SidebarView::Kind::Library,
             QStringLiteral("library:starred"),
             tr("Starred"),
             QStringLiteral("is:starred"),
             SortOrder::Relevance,
             0,
             0,
             {}},
            stats.starred);
    addView(views, tr("With notes"),
            {SidebarView::Kind::Library,
             QStringLiteral("library:notes"),
             tr("With notes"),
             QStringLiteral("has:note"),
             SortOrder::Relevance,
             0,
             0,
             {}},
            stats.withNotes);
    addView(views, tr("Recently read"),
            {SidebarView::Kind::Library,
             QStringLiteral("library:recent"),
             tr("Recently read"),
             QStringLiteral("is:read"),
             SortOrder::RecentlyRead,
             0,
             0,
             {}});

    const QList<DigestInfo> digests = library.digests();
    if (!digests.isEmpty()) {
        QStandardItem *section = addSection(tr("Digests"));
        for (const DigestInfo &d : digests) {
            SidebarView v;
            v.kind = SidebarView::Kind::Digest;
            v.key = QStringLiteral("digest:%1").arg(d.id);
            v.label = digestLabel(d);
            v.digestId = d.id;
            QStandardItem *item = addView(section, v.label, v, d.unread);
            item->setToolTip(tr("%1\n%2 papers, %3 unread\nfrom %4")
                                 .arg(v.label)
                                 .arg(d.entries)
                                 .arg(d.unread)
                                 .arg(d.source));
        }
    }

    const QList<TagCount> tags = library.tagCounts();
    if (!tags.isEmpty()) {
        QStandardItem *section = addSection(tr("Tags"));
        for (const TagCount &t : tags) {
            SidebarView v;
            v.kind = SidebarView::Kind::Tag;
            v.key = QStringLiteral("tag:") + t.name.toCaseFolded();
            v.label = t.name;
            v.tag = t.name;
            // Quoted, so tags with spaces or quotes stay one filter.
            QString quoted = t.name;
            quoted.remove(QLatin1Char('"'));
            v.query = QStringLiteral("tag:\"%1\"").arg(quoted);
            addView(section, t.name, v, t.papers);
        }
    }

    const QList<SavedSearch> saved = library.savedSearches();
    if (!saved.isEmpty()) {
        QStandardItem *section = addSection(tr("Saved searches"));
        for (const SavedSearch &s : saved) {
            SidebarView v;
            v.kind = SidebarView::Kind::SavedSearch;
            v.key = QStringLiteral("saved:%1").arg(s.id);
            v.label = s.name;
            v.query = s.query;
            v.savedSearchId = s.id;
            addView(section, s.name, v)->setToolTip(s.query);
        }
    }
    expandAll();
    QStandardItem *item = itemForKey(selected.isEmpty() ? allPapers().key : selected);
    if (!item)
        item = itemForKey(allPapers().key);
    setCurrentIndex(item->index());
}

SidebarView Sidebar::currentView() const
{
    const QVariant v = currentIndex().siblingAtColumn(0).data(ViewRole);
    return v.isValid() ? v.value<SidebarView>() : allPapers();
}

bool Sidebar::selectView(const QString &key)
{
    QStandardItem *item = itemForKey(key);
    if (!item)
        return false;
    setCurrentIndex(item->index());
    return true;
}

void Sidebar::contextMenuEvent(QContextMenuEvent *event)
{
    const QVariant stored = indexAt(event->pos()).siblingAtColumn(0).data(ViewRole);
    if (!stored.isValid())
        return;
    const SidebarView v = stored.value<SidebarView>();
    QMenu menu(this);
    switch (v.kind) {
    case SidebarView::Kind::Tag:
        menu.addAction(tr("&Rename Tag…"), this, [this, v] { Q_EMIT tagRenameRequested(v.tag); });
        menu.addAction(tr("&Merge Into…"), this, [this, v] { Q_EMIT tagMergeRequested(v.tag); });
        menu.addSeparator();
        menu.addAction(tr("&Delete Tag…"), this, [this, v] { Q_EMIT tagDeleteRequested(v.tag); });
        break;
    case SidebarView::Kind::SavedSearch:
        menu.addAction(tr("&Rename…"), this,
                       [this, v] { Q_EMIT savedSearchRenameRequested(v.savedSearchId, v.label); });
        menu.addAction(tr("&Delete…"), this,
                       [this, v] { Q_EMIT savedSearchDeleteRequested(v.savedSearchId, v.label); });
        break;
    case SidebarView::Kind::Digest:
        menu.addAction(tr("Correct &Date…"), this,
                       [this, v] { Q_EMIT digestRedateRequested(v.digestId); });
        menu.addSeparator();
        menu.addAction(tr("&Remove Digest…"), this,
                       [this, v] { Q_EMIT digestRemoveRequested(v.digestId); });
        break;
    case SidebarView::Kind::Library:
        return;
    }
    menu.exec(event->globalPos());
}

} // namespace gleaner
