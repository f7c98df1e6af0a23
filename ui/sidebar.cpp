#include "sidebar.h"

#include "libraryevents.h"
#include "storage/library.h"

#include <QContextMenuEvent>
#include <QHash>
#include <QHeaderView>
#include <QLocale>
#include <QMenu>
#include <QSet>
#include <QStandardItemModel>
#include <QStyle>

#include <algorithm>

namespace gleaner {

namespace {

constexpr int ViewRole = Qt::UserRole + 1;
constexpr int KeyRole = Qt::UserRole + 2;
constexpr int SectionRole = Qt::UserRole + 3;
constexpr int CountRole = Qt::UserRole + 4;
constexpr int EntriesRole = Qt::UserRole + 5;
constexpr int SourceRole = Qt::UserRole + 6;
constexpr int TriagedRole = Qt::UserRole + 7;
constexpr int CertaintyRole = Qt::UserRole + 8;

QString fileName(const QString &source)
{
    return source.section(QLatin1Char('/'), -1);
}

// "7 Jan 2026"; "14 Mar 2026 ?" when the year is the file's guess; an
// undated digest by its file's date, never as a date of its own.
QString digestLabel(const DigestInfo &d)
{
    if (!d.date.isValid())
        return Sidebar::tr("Undated (%1)").arg(fileName(d.source));
    const QString date = QLocale().toString(d.date, QStringLiteral("d MMM yyyy"));
    switch (d.certainty) {
    case DateCertainty::Undated:
        return Sidebar::tr("Undated \u00b7 file of %1").arg(date);
    case DateCertainty::FileTime:
        return date + QStringLiteral(" ?");
    case DateCertainty::Unknown:
    case DateCertainty::Derived:
    case DateCertainty::User:
        break;
    }
    return date;
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
    m_model->setColumnCount(2);
    header()->setSectionResizeMode(0, QHeaderView::Stretch);
    // Fixed, sized from the largest count (fitCountColumn()): sized to its
    // contents, every changed count would measure every row again, some
    // thousands of digests in a library of years.
    header()->setSectionResizeMode(1, QHeaderView::Fixed);
    connect(selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                const QModelIndex first = current.siblingAtColumn(0);
                if (first.data(ViewRole).isValid())
                    Q_EMIT viewSelected(first.data(ViewRole).value<SidebarView>());
            });
}

QStandardItem *Sidebar::beginSection(Section section)
{
    // Sections are top-level rows in a fixed order; one that is absent is
    // inserted before the first one that comes after it.
    int row = 0;
    for (; row < m_model->rowCount(); ++row) {
        const int here = m_model->item(row)->data(SectionRole).toInt();
        if (here == int(section)) {
            QStandardItem *item = m_model->item(row);
            for (int i = 0; i < item->rowCount(); ++i)
                m_items.remove(item->child(i)->data(KeyRole).toString());
            item->removeRows(0, item->rowCount());
            return item;
        }
        if (here > int(section))
            break;
    }
    static const char *const titles[] = {QT_TR_NOOP("Library"), QT_TR_NOOP("Digests"),
                                         QT_TR_NOOP("Tags"), QT_TR_NOOP("Saved searches"),
                                         QT_TR_NOOP("Rules")};
    auto *item = new QStandardItem(tr(titles[int(section)]));
    item->setData(int(section), SectionRole);
    item->setSelectable(false);
    QFont font = item->font();
    font.setBold(true);
    item->setFont(font);
    auto *spacer = new QStandardItem;
    spacer->setSelectable(false);
    m_model->insertRow(row, {item, spacer});
    return item;
}

void Sidebar::endSection(Section section, const QString &selectedKey)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        QStandardItem *item = m_model->item(row);
        if (item->data(SectionRole).toInt() != int(section))
            continue;
        if (item->rowCount() == 0)
            m_model->removeRow(row);
        else
            expand(item->index());
        break;
    }
    QStandardItem *selected = itemForKey(selectedKey.isEmpty() ? allPapers().key : selectedKey);
    if (!selected)
        selected = itemForKey(allPapers().key);
    if (selected && currentIndex() != selected->index())
        setCurrentIndex(selected->index());
}

QStandardItem *Sidebar::addView(QStandardItem *section, const QString &text,
                                const SidebarView &view, int count)
{
    auto *item = new QStandardItem(text);
    item->setData(QVariant::fromValue(view), ViewRole);
    item->setData(view.key, KeyRole);
    item->setToolTip(text);
    m_items.insert(view.key, item);
    auto *countItem = new QStandardItem;
    countItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    if (count >= 0)
        setCount(countItem, count);
    section->appendRow({item, countItem});
    return item;
}

void Sidebar::setCount(QStandardItem *item, int count)
{
    item->setData(count, CountRole);
    item->setText(count > 0 ? QLocale().toString(count) : QString());
}

QStandardItem *Sidebar::itemForKey(const QString &key) const
{
    return m_items.value(key);
}

QStandardItem *Sidebar::countItem(const QString &key) const
{
    QStandardItem *item = itemForKey(key);
    if (!item || !item->parent())
        return nullptr;
    return item->parent()->child(item->row(), 1);
}

bool Sidebar::addToCount(const QString &key, int delta)
{
    if (delta == 0)
        return true;
    QStandardItem *item = countItem(key);
    if (!item || !item->data(CountRole).isValid())
        return false;
    setCount(item, qMax(0, item->data(CountRole).toInt() + delta));
    return true;
}

void Sidebar::setDigestToolTip(QStandardItem *item)
{
    QStandardItem *count = item->parent()->child(item->row(), 1);
    const int entries = item->data(EntriesRole).toInt();
    const int triaged = item->data(TriagedRole).toInt();
    QString tip = tr("%1\n%2 papers, %3 unread, %4 triaged\nfrom %5")
                      .arg(item->text())
                      .arg(entries)
                      .arg(count->data(CountRole).toInt())
                      .arg(triaged)
                      .arg(item->data(SourceRole).toString());
    switch (DateCertainty(item->data(CertaintyRole).toInt())) {
    case DateCertainty::FileTime:
        tip += tr("\n? The page gave the day but not the year; the year is a guess from the "
                  "file's date. Correct Date (right-click) sets it.");
        break;
    case DateCertainty::Undated:
        tip += tr("\nThe page shows no date; the digest is placed by the day its file was "
                  "written. Correct Date (right-click) gives it one.");
        break;
    case DateCertainty::Unknown:
    case DateCertainty::Derived:
    case DateCertainty::User:
        break;
    }
    item->setToolTip(tip);
    // A digest dealt with paper by paper: a check mark where its count was.
    const bool done = entries > 0 && triaged >= entries && count->data(CountRole).toInt() == 0;
    if (done)
        count->setText(QStringLiteral("\u2713"));
    else if (count->text() == QStringLiteral("\u2713"))
        setCount(count, count->data(CountRole).toInt());
}

void Sidebar::reload(Library &library)
{
    setCounts(library.stats());
    setDigests(library.digests());
    setTags(library.tagCounts());
    setSavedSearches(library.savedSearches());
    setRules(library.rules());
}

void Sidebar::fitCountColumn(int largest)
{
    const QString widest = QLocale().toString(qMax(largest, 999));
    header()->resizeSection(1, fontMetrics().horizontalAdvance(widest) +
                                   2 * style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 8);
}

void Sidebar::setCounts(const LibraryStats &stats)
{
    // No count is larger than the number of papers.
    fitCountColumn(stats.papers);
    const QString selected = currentView().key;
    const QSignalBlocker blocker(selectionModel());
    QStandardItem *views = beginSection(Section::Library);
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
    // "Read later", in the reader's order (Ctrl+Up / Ctrl+Down move a paper).
    addView(views, tr("Reading queue"),
            {SidebarView::Kind::Library,
             QStringLiteral("library:queue"),
             tr("Reading queue"),
             QStringLiteral("is:queued"),
             SortOrder::Queue,
             0,
             0,
             {}},
            stats.queued);
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
    endSection(Section::Library, selected);
}

void Sidebar::setDigests(const QList<DigestInfo> &digests)
{
    const QString selected = currentView().key;
    const QSignalBlocker blocker(selectionModel());
    QStandardItem *section = beginSection(Section::Digests);
    // Two digests of one label (two undated files of a day, a digest saved
    // twice) are told apart by their file names.
    const auto label = [](const DigestInfo &d) {
        return isSampleSource(d.source) ? tr("Sample \u00b7 %1").arg(digestLabel(d))
                                        : digestLabel(d);
    };
    m_hasSamples = false;
    QHash<QString, int> labels;
    for (const DigestInfo &d : digests)
        ++labels[label(d)];
    for (const DigestInfo &d : digests) {
        SidebarView v;
        v.kind = SidebarView::Kind::Digest;
        v.key = QStringLiteral("digest:%1").arg(d.id);
        v.label = label(d);
        if (labels.value(v.label) > 1 && d.date.isValid())
            v.label += QStringLiteral(" \u00b7 ") + fileName(d.source);
        v.sample = isSampleSource(d.source);
        m_hasSamples = m_hasSamples || v.sample;
        v.digestId = d.id;
        QStandardItem *item = addView(section, v.label, v, d.unread);
        item->setData(d.entries, EntriesRole);
        item->setData(d.source, SourceRole);
        item->setData(d.triaged, TriagedRole);
        item->setData(int(d.certainty), CertaintyRole);
        setDigestToolTip(item);
    }
    endSection(Section::Digests, selected);
}

void Sidebar::setTags(const QList<TagCount> &tags)
{
    const QString selected = currentView().key;
    const QSignalBlocker blocker(selectionModel());
    QStandardItem *section = beginSection(Section::Tags);
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
    endSection(Section::Tags, selected);
}

void Sidebar::setSavedSearches(const QList<SavedSearch> &searches)
{
    const QString selected = currentView().key;
    const QSignalBlocker blocker(selectionModel());
    QStandardItem *section = beginSection(Section::SavedSearches);
    for (const SavedSearch &s : searches) {
        SidebarView v;
        v.kind = SidebarView::Kind::SavedSearch;
        v.key = QStringLiteral("saved:%1").arg(s.id);
        v.label = s.name;
        v.query = s.query;
        v.savedSearchId = s.id;
        addView(section, s.name, v)->setToolTip(s.query);
    }
    endSection(Section::SavedSearches, selected);
}

void Sidebar::setRules(const QList<Rule> &rules)
{
    const QString selected = currentView().key;
    const QSignalBlocker blocker(selectionModel());
    QStandardItem *section = beginSection(Section::Rules);
    for (const Rule &r : rules) {
        SidebarView v;
        v.kind = SidebarView::Kind::Rule;
        v.key = QStringLiteral("rule:%1").arg(r.id);
        v.label = r.name;
        v.query = r.query;
        v.ruleId = r.id;
        QStandardItem *item = addView(section, r.name, v, r.lastMatched.value_or(-1));
        item->setToolTip(
            r.lastMatched
                ? tr("%1\nmatched %n paper(s) when it last ran", nullptr, *r.lastMatched)
                      .arg(r.query)
                : tr("%1\nnot run yet: it runs on the next digest you import").arg(r.query));
    }
    endSection(Section::Rules, selected);
}

bool Sidebar::adjustCounts(const CountDelta &delta)
{
    bool ok = addToCount(QStringLiteral("library:starred"), delta.starred);
    ok = addToCount(QStringLiteral("library:queue"), delta.queued) && ok;
    ok = addToCount(QStringLiteral("library:unread"), delta.unread) && ok;
    ok = addToCount(QStringLiteral("library:notes"), delta.withNotes) && ok;
    QSet<qint64> digests;
    for (auto it = delta.digestUnread.cbegin(); it != delta.digestUnread.cend(); ++it) {
        if (addToCount(QStringLiteral("digest:%1").arg(it.key()), it.value()))
            digests.insert(it.key());
    }
    for (auto it = delta.digestTriaged.cbegin(); it != delta.digestTriaged.cend(); ++it) {
        if (QStandardItem *item = itemForKey(QStringLiteral("digest:%1").arg(it.key()))) {
            item->setData(qMax(0, item->data(TriagedRole).toInt() + it.value()), TriagedRole);
            digests.insert(it.key());
        }
    }
    for (const qint64 id : std::as_const(digests))
        setDigestToolTip(itemForKey(QStringLiteral("digest:%1").arg(id)));
    for (auto it = delta.tagPapers.cbegin(); it != delta.tagPapers.cend(); ++it) {
        // A tag that is new, or that lost its last paper, adds or removes a row.
        const QStandardItem *count = countItem(QStringLiteral("tag:") + it.key());
        if (!count || count->data(CountRole).toInt() + it.value() <= 0)
            return false;
        ok = addToCount(QStringLiteral("tag:") + it.key(), it.value()) && ok;
    }
    return ok;
}

QList<TagCount> Sidebar::tags() const
{
    QList<TagCount> list;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QStandardItem *section = m_model->item(row);
        if (section->data(SectionRole).toInt() != int(Section::Tags))
            continue;
        for (int i = 0; i < section->rowCount(); ++i)
            list.append({section->child(i)->text(), section->child(i, 1)->data(CountRole).toInt()});
    }
    return list;
}

QStringList Sidebar::mostUsedTags() const
{
    QList<TagCount> list = tags();
    std::stable_sort(list.begin(), list.end(),
                     [](const TagCount &a, const TagCount &b) { return a.papers > b.papers; });
    QStringList names;
    for (const TagCount &t : std::as_const(list))
        names << t.name;
    return names;
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

bool Sidebar::selectAdjacentDigest(int step)
{
    const QStandardItem *section = nullptr;
    for (int row = 0; row < m_model->rowCount() && !section; ++row) {
        if (m_model->item(row)->data(SectionRole).toInt() == int(Section::Digests))
            section = m_model->item(row);
    }
    if (!section)
        return false;
    const SidebarView current = currentView();
    int row = -1;
    if (current.kind == SidebarView::Kind::Digest) {
        if (const QStandardItem *item = itemForKey(current.key))
            row = item->row() + step;
    } else {
        row = 0;
    }
    if (row < 0 || row >= section->rowCount())
        return false;
    setCurrentIndex(section->child(row)->index());
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
    case SidebarView::Kind::Rule:
        menu.addAction(tr("R&un on Library\u2026"), this,
                       [this, v] { Q_EMIT ruleRunRequested(v.ruleId); });
        menu.addAction(tr("&Edit\u2026"), this, [this, v] { Q_EMIT ruleEditRequested(v.ruleId); });
        menu.addSeparator();
        menu.addAction(tr("&Delete\u2026"), this,
                       [this, v] { Q_EMIT ruleDeleteRequested(v.ruleId, v.label); });
        break;
    case SidebarView::Kind::Digest:
        menu.addAction(tr("Mark Digest &Read"), this,
                       [this, v] { Q_EMIT digestMarkReadRequested(v.digestId); });
        menu.addSeparator();
        menu.addAction(tr("Correct &Date…"), this,
                       [this, v] { Q_EMIT digestRedateRequested(v.digestId); });
        menu.addSeparator();
        menu.addAction(tr("&Remove Digest…"), this,
                       [this, v] { Q_EMIT digestRemoveRequested(v.digestId); });
        if (v.sample)
            menu.addAction(tr("Remove &Sample Digests…"), this,
                           [this] { Q_EMIT sampleDigestsRemoveRequested(); });
        break;
    case SidebarView::Kind::Library:
        return;
    }
    menu.exec(event->globalPos());
}

} // namespace gleaner
