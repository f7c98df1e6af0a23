#include "paperlistmodel.h"

#include "model/submitter.h"
#include "model/titletext.h"
#include "storage/library.h"

#include <QGuiApplication>
#include <QLocale>
#include <QMimeData>
#include <QPalette>

#include <algorithm>

namespace gleaner {

namespace {

// Title reads A to Z; dates and upvotes read newest / most first, which is
// what a descending header indicator shows.
Qt::SortOrder naturalIndicator(SortOrder order)
{
    return order == SortOrder::Title ? Qt::AscendingOrder : Qt::DescendingOrder;
}

} // namespace

PaperListModel::PaperListModel(Library *library, QObject *parent)
    : QAbstractTableModel(parent)
    , m_library(library)
    , m_pages(MaxCachedPages)
    , m_snippetPages(MaxCachedSnippetPages)
{
    m_unreadFont.setBold(true);
}

void PaperListModel::setIds(const QList<qint64> &ids)
{
    beginResetModel();
    m_ids = ids;
    m_rows.clear();
    m_rows.reserve(m_ids.size());
    // Backwards, so a repeated id ends up mapped to its first row.
    for (int row = int(m_ids.size()) - 1; row >= 0; --row)
        m_rows.insert(m_ids.at(row), row);
    m_pages.clear();
    m_snippetPages.clear();
    endResetModel();
}

void PaperListModel::setSnippetQuery(const QString &query, bool prefixLastWord)
{
    if (query == m_snippetQuery && prefixLastWord == m_snippetPrefix)
        return;
    m_snippetQuery = query;
    m_snippetPrefix = prefixLastWord;
    m_snippetsWanted = parseQuery(query, prefixLastWord).hasWords();
    m_snippetPages.clear();
    if (!m_ids.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {SnippetRole});
}

void PaperListModel::dropPartialPages(qsizetype rows)
{
    if (rows % PageSize != 0)
        m_pages.remove(int(rows / PageSize));
    if (rows % SnippetPageSize != 0)
        m_snippetPages.remove(int(rows / SnippetPageSize));
}

void PaperListModel::extendIds(const QList<qint64> &ids)
{
    const qsizetype shown = m_ids.size();
    if (ids.size() < shown || !std::equal(m_ids.cbegin(), m_ids.cend(), ids.cbegin())) {
        setIds(ids);
        return;
    }
    if (ids.size() == shown)
        return;
    beginInsertRows({}, int(shown), int(ids.size()) - 1);
    dropPartialPages(shown);
    m_ids = ids;
    for (int row = int(ids.size()) - 1; row >= int(shown); --row) {
        if (!m_rows.contains(m_ids.at(row)) || m_rows.value(m_ids.at(row)) >= int(shown))
            m_rows.insert(m_ids.at(row), row);
    }
    endInsertRows();
}

qint64 PaperListModel::idAt(int row) const
{
    return row >= 0 && row < int(m_ids.size()) ? m_ids.at(row) : 0;
}

int PaperListModel::rowOf(qint64 id) const
{
    return m_rows.value(id, -1);
}

void PaperListModel::refresh(const QList<qint64> &ids)
{
    QList<int> rows;
    QList<qint64> cached;
    rows.reserve(ids.size());
    for (const qint64 id : ids) {
        const int row = rowOf(id);
        if (row < 0)
            continue;
        rows.append(row);
        if (m_pages.contains(row / PageSize))
            cached.append(id);
    }
    // Only rows a view has already read are read again, one by one; the
    // rest are read with their page when they are shown.
    if (!cached.isEmpty()) {
        const QList<Paper> papers = m_library ? m_library->papers(cached) : QList<Paper>();
        QHash<qint64, const Paper *> found;
        for (const Paper &p : papers)
            found.insert(p.id, &p);
        for (const qint64 id : std::as_const(cached)) {
            const int row = rowOf(id);
            if (Page *page = m_pages.object(row / PageSize))
                (*page)[row % PageSize] = makeRow(id, found.value(id));
        }
    }
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());

    // Contiguous runs keep a multi-selection edit to a few signals; many
    // scattered rows become one span, which a view repaints just as cheaply.
    constexpr int MaxRanges = 32;
    QList<std::pair<int, int>> ranges;
    for (const int row : std::as_const(rows)) {
        if (!ranges.isEmpty() && ranges.last().second + 1 == row)
            ranges.last().second = row;
        else
            ranges.append({row, row});
    }
    if (ranges.size() > MaxRanges)
        ranges = {{rows.first(), rows.last()}};
    for (const auto &[first, last] : std::as_const(ranges))
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

void PaperListModel::refreshAll()
{
    m_pages.clear();
    m_snippetPages.clear();
    if (!m_ids.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

std::optional<SortOrder> PaperListModel::sortOrderOf(int column)
{
    switch (column) {
    case TitleColumn:
        return SortOrder::Title;
    case PublishedColumn:
        return SortOrder::Published;
    case UpvotesColumn:
        return SortOrder::Upvotes;
    default:
        return std::nullopt;
    }
}

int PaperListModel::sortColumn(SortOrder order)
{
    switch (order) {
    case SortOrder::Title:
        return TitleColumn;
    case SortOrder::Published:
        return PublishedColumn;
    case SortOrder::Upvotes:
        return UpvotesColumn;
    case SortOrder::Relevance:
    case SortOrder::Digest:
    case SortOrder::RecentlyRead:
    case SortOrder::Queue:
    case SortOrder::ForYou:
        break;
    }
    return -1;
}

Qt::SortOrder PaperListModel::indicatorOrder(SortOrder order, bool reverse)
{
    const Qt::SortOrder natural = naturalIndicator(order);
    if (!reverse)
        return natural;
    return natural == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder;
}

int PaperListModel::cachedRowCount() const
{
    int rows = 0;
    for (const int page : m_pages.keys()) {
        if (const Page *p = m_pages.object(page))
            rows += int(p->size());
    }
    return rows;
}

int PaperListModel::cachedSnippetRowCount() const
{
    int rows = 0;
    for (const int page : m_snippetPages.keys())
        rows += int(std::min<qsizetype>(SnippetPageSize, m_ids.size() - page * SnippetPageSize));
    return rows;
}

int PaperListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int PaperListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

PaperListModel::Row PaperListModel::makeRow(qint64 id, const Paper *paper)
{
    Row r;
    r.id = id;
    if (paper) {
        r.found = true;
        r.title = plainTitle(paper->title);
        r.published = paper->published;
        r.upvotes = paper->upvotes;
        r.submitter = submitterText(paper->submitter, TextStyle::Localised);
        r.starred = paper->starred;
        r.read = paper->read;
        r.hasNote = !paper->note.isEmpty();
        r.dismissed = paper->dismissed;
        r.forYou = paper->forYou;
        r.tags = paper->tags;
        r.digestCount = paper->digestCount;
        r.firstDigestId = paper->firstDigestId;
    }
    return r;
}

const PaperListModel::Row *PaperListModel::rowAt(int row) const
{
    if (row < 0 || row >= int(m_ids.size()))
        return nullptr;
    const int pageIndex = row / PageSize;
    Page *page = m_pages.object(pageIndex);
    if (!page) {
        const int first = pageIndex * PageSize;
        const QList<qint64> ids = m_ids.mid(first, PageSize);
        QList<Paper> papers;
        if (m_library)
            papers = m_library->papers(ids);

        // papers() leaves out ids it no longer knows and may return the rest
        // in any order; the page follows the list's order regardless.
        QHash<qint64, qsizetype> found;
        found.reserve(papers.size());
        for (qsizetype i = 0; i < papers.size(); ++i)
            found.insert(papers.at(i).id, i);

        page = new Page;
        page->reserve(ids.size());
        for (const qint64 id : ids) {
            const qsizetype at = found.value(id, -1);
            page->append(makeRow(id, at >= 0 ? &papers.at(at) : nullptr));
        }
        // Cost 1 per page never exceeds the maximum, so the cache takes the
        // page and the pointer stays valid until the next insert.
        m_pages.insert(pageIndex, page);
    }
    return &page->at(row - pageIndex * PageSize);
}

QVariant PaperListModel::snippetAt(int row) const
{
    if (!m_snippetsWanted || !m_library)
        return {};
    const int pageIndex = row / SnippetPageSize;
    SnippetPage *page = m_snippetPages.object(pageIndex);
    if (!page) {
        // A page the library could not read is cached empty: a view asks
        // again on every paint, and a failing disk should not be asked each time.
        page = new SnippetPage(
            m_library
                ->snippets(m_snippetQuery, m_ids.mid(pageIndex * SnippetPageSize, SnippetPageSize),
                           m_snippetPrefix)
                .value_or(SnippetPage()));
        m_snippetPages.insert(pageIndex, page);
    }
    const auto it = page->constFind(m_ids.at(row));
    return it == page->cend() ? QVariant() : QVariant::fromValue(*it);
}

QVariant PaperListModel::displayData(const Row &row, int column) const
{
    switch (column) {
    case StarColumn:
        return row.starred ? QStringLiteral("\u2605") : QStringLiteral("\u2606");
    case TitleColumn:
        return row.title;
    case PublishedColumn:
        return row.published.isValid() ? QLocale().toString(row.published, QLocale::ShortFormat)
                                       : QString();
    case UpvotesColumn:
        return row.upvotes ? QVariant(*row.upvotes) : QVariant();
    case SubmitterColumn:
        return row.submitter;
    case TagsColumn:
        return row.tags.join(QStringLiteral(", "));
    default:
        return {};
    }
}

QString PaperListModel::metaText(const Row &row) const
{
    QStringList parts;
    if (!row.submitter.isEmpty())
        parts << row.submitter;
    if (row.published.isValid())
        parts << QLocale().toString(row.published, QLocale::ShortFormat);
    if (row.upvotes)
        parts << upvotesText(*row.upvotes, TextStyle::Localised);
    return parts.join(QStringLiteral(" \u00b7 "));
}

PaperListModel::PaperHistory PaperListModel::history(const Row &row) const
{
    if (m_digestContext > 0) {
        if (row.firstDigestId == m_digestContext)
            return PaperHistory::New;
        return row.digestCount > 1 ? PaperHistory::SeenBefore : PaperHistory::None;
    }
    return row.digestCount > 1 ? PaperHistory::SeenOften : PaperHistory::None;
}

QString PaperListModel::historyToolTip(const Row &row) const
{
    const bool isNew = history(row) == PaperHistory::New;
    if (row.digestCount < 2 || !m_library)
        return isNew ? tr("New in this digest") : QString();
    QStringList dates;
    if (const std::optional<Paper> paper = m_library->paper(row.id)) {
        for (const Appearance &a : paper->appearances)
            dates << (a.digestDate.isValid()
                          ? QLocale().toString(a.digestDate, QLocale::ShortFormat)
                          : tr("an undated digest"));
    }
    dates.removeDuplicates();
    const QString where =
        tr("In %1 digests: %2").arg(row.digestCount).arg(dates.join(QStringLiteral(", ")));
    return isNew ? tr("New in this digest") + u'\n' + where : where;
}

void PaperListModel::setDigestContext(qint64 digestId)
{
    if (digestId == m_digestContext)
        return;
    m_digestContext = digestId;
    if (!m_ids.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {HistoryRole});
}

QVariant PaperListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int column = index.column();

    // Answered from the id list alone, without reading a page.
    if (role == IdRole)
        return m_ids.at(index.row());
    if (role == SnippetRole)
        return snippetAt(index.row());
    if (role == Qt::TextAlignmentRole) {
        // An int rather than Qt::Alignment: Qt 6.4's delegate reads it with toInt().
        if (column == UpvotesColumn || column == PublishedColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        if (column == StarColumn)
            return int(Qt::AlignCenter);
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::FontRole &&
        role != Qt::AccessibleTextRole && role != Qt::ForegroundRole && role < StarredRole)
        return {};

    const Row *row = rowAt(index.row());
    if (!row || !row->found)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return displayData(*row, column);
    case Qt::ToolTipRole:
        // Titles are long and the column is usually narrower than they are.
        if (column == TitleColumn) {
            const QString seen = historyToolTip(*row);
            return seen.isEmpty() ? row->title : row->title + QStringLiteral("\n\n") + seen;
        }
        return column == TagsColumn || column == SubmitterColumn ? displayData(*row, column)
                                                                 : QVariant();
    case Qt::FontRole:
        return row->read ? QVariant() : QVariant(m_unreadFont);
    case Qt::AccessibleTextRole:
        if (column == StarColumn)
            return row->starred ? tr("Starred") : tr("Not starred");
        return displayData(*row, column);
    case StarredRole:
        return row->starred;
    case ReadRole:
        return row->read;
    case TitleRole:
        return row->title;
    case MetaRole:
        return metaText(*row);
    case TagListRole:
        return row->tags;
    case HasNoteRole:
        return row->hasNote;
    case HistoryRole:
        return QVariant::fromValue(history(*row));
    case DismissedRole:
        return row->dismissed;
    case ForYouRole:
        return row->forYou ? QVariant(*row->forYou) : QVariant();
    case Qt::ForegroundRole:
        // The table's rows; the reading layout's delegate mutes its own.
        return row->dismissed
                   ? QVariant(QGuiApplication::palette().brush(QPalette::PlaceholderText))
                   : QVariant();
    default:
        return {};
    }
}

QVariant PaperListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case StarColumn:
            return QStringLiteral("\u2605");
        case TitleColumn:
            return tr("Title");
        case PublishedColumn:
            return tr("Published");
        case UpvotesColumn:
            return tr("Upvotes");
        case SubmitterColumn:
            return tr("Submitter");
        case TagsColumn:
            return tr("Tags");
        default:
            break;
        }
    } else if (role == Qt::ToolTipRole || role == Qt::AccessibleTextRole) {
        if (section == StarColumn)
            return tr("Starred");
    } else if (role == Qt::TextAlignmentRole) {
        if (section == UpvotesColumn || section == PublishedColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

Qt::ItemFlags PaperListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return m_reorderable ? Qt::ItemIsDropEnabled : Qt::NoItemFlags;
    const Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    return m_reorderable ? flags | Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled : flags;
}

namespace {

// A dragged row: the paper's id, for a drop in the same list only.
const char *const kPaperMime = "application/x-gleaner-paper-id";

} // namespace

QStringList PaperListModel::mimeTypes() const
{
    return {QLatin1String(kPaperMime)};
}

QMimeData *PaperListModel::mimeData(const QModelIndexList &indexes) const
{
    // The row the drag started on (the first of a selection): one paper moves.
    if (indexes.isEmpty() || !m_reorderable)
        return nullptr;
    auto *data = new QMimeData;
    data->setData(QLatin1String(kPaperMime), QByteArray::number(idAt(indexes.first().row())));
    return data;
}

bool PaperListModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                     const QModelIndex &) const
{
    return m_reorderable && action == Qt::MoveAction && data &&
           data->hasFormat(QLatin1String(kPaperMime));
}

bool PaperListModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                  const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    bool ok = false;
    const qint64 id = data->data(QLatin1String(kPaperMime)).toLongLong(&ok);
    if (!ok || id <= 0)
        return false;
    // On a row: before it; between rows: there; below the last: the end.
    const int target = row >= 0 ? row : parent.isValid() ? parent.row() : rowCount();
    Q_EMIT moveRequested(id, target);
    // Nothing for the view to remove: the list is made again from the library.
    return false;
}

void PaperListModel::sort(int column, Qt::SortOrder order)
{
    const std::optional<SortOrder> sortOrder = sortOrderOf(column);
    if (!sortOrder)
        return;
    Q_EMIT sortRequested(*sortOrder, order != naturalIndicator(*sortOrder));
}

} // namespace gleaner
