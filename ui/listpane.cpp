#include "listpane.h"

#include "paperlistmodel.h"
#include "paperrowdelegate.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace gleaner {

ListPane::ListPane(Library *library, QWidget *parent)
    : QWidget(parent)
    , m_search(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_emptyNote(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_list(new QTableView(this))
    , m_model(new PaperListModel(library, this))
    , m_rowDelegate(new PaperRowDelegate(this))
{
    setObjectName(QStringLiteral("listPane"));
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setPlaceholderText(tr("Search papers  (/ or Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(
        tr("Words, \"phrases\", -exclude, OR, title: abstract:, is:starred "
           "is:unread is:dismissed is:queued has:note tag: digest: date: upvotes: authors: org:"));
    m_count->setObjectName(QStringLiteral("resultCount"));
    m_count->setForegroundRole(QPalette::PlaceholderText);
    m_list->setObjectName(QStringLiteral("paperList"));
    m_list->setModel(m_model);
    m_list->verticalHeader()->hide();
    m_list->verticalHeader()->setDefaultSectionSize(m_list->fontMetrics().height() + 8);
    m_list->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setShowGrid(false);
    m_list->setWordWrap(false);
    m_list->setAlternatingRowColors(true);
    // Rows are dragged only where the model allows it (the reading queue's
    // order); the drop asks the window to move the paper.
    m_list->setDragDropMode(QAbstractItemView::DragDrop);
    m_list->setDefaultDropAction(Qt::MoveAction);
    m_list->setDropIndicatorShown(true);
    m_list->setDragDropOverwriteMode(false);
    m_list->setDragEnabled(false);
    m_list->setAcceptDrops(false);
    m_list->setSortingEnabled(true);
    m_list->horizontalHeader()->setSortIndicatorShown(false);
    connect(m_model, &PaperListModel::sortRequested, this, [this](SortOrder order, bool reverse) {
        setColumnSort(ColumnSort{order, reverse});
        Q_EMIT columnSortChanged();
    });
    // The title takes what the other columns leave.
    QHeaderView *columns = m_list->horizontalHeader();
    columns->setStretchLastSection(false);
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setSectionResizeMode(PaperListModel::StarColumn, QHeaderView::Fixed);
    columns->setSectionResizeMode(PaperListModel::TitleColumn, QHeaderView::Stretch);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    columns->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(columns, &QWidget::customContextMenuRequested, this, [this, columns](const QPoint &at) {
        QMenu *menu = createColumnMenu(this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(columns->mapToGlobal(at));
    });
    m_list->setColumnWidth(PaperListModel::StarColumn, 26);
    m_list->setColumnWidth(PaperListModel::PublishedColumn, 88);
    m_list->setColumnWidth(PaperListModel::UpvotesColumn, 64);
    m_list->setColumnWidth(PaperListModel::SubmitterColumn, 90);
    m_list->setColumnWidth(PaperListModel::TagsColumn, 80);
    m_stack->addWidget(m_list);
    m_emptyState = createEmptyState();
    m_stack->addWidget(m_emptyState);

    m_emptyNote->setObjectName(QStringLiteral("emptyListNote"));
    m_emptyNote->setWordWrap(true);
    m_emptyNote->setTextFormat(Qt::RichText);
    m_emptyNote->setContentsMargins(8, 12, 8, 12);
    m_emptyNote->setForegroundRole(QPalette::PlaceholderText);
    m_emptyNote->hide();
    connect(m_emptyNote, &QLabel::linkActivated, this, &ListPane::widerSearchRequested);

    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 0, 0);
    layout->addLayout(searchRow);
    layout->addWidget(m_emptyNote);
    layout->addWidget(m_stack, 1);
}

QWidget *ListPane::createEmptyState()
{
    auto *empty = new QWidget(m_stack);
    empty->setObjectName(QStringLiteral("emptyState"));
    auto *title = new QLabel(tr("<h3>No digests yet</h3>"), empty);
    auto *text = new QLabel(tr("Import the daily digests you saved as text: single files, "
                               "folders or archives. You can also drop them on this window "
                               "or paste a copied page with Ctrl+Shift+V."),
                            empty);
    text->setWordWrap(true);
    auto *importButton = new QPushButton(tr("Import Digests…"), empty);
    importButton->setObjectName(QStringLiteral("importButton"));
    // A folder of a year's digests is the usual first import; the file
    // dialog chooses files only.
    auto *folderButton = new QPushButton(tr("Import Folder…"), empty);
    folderButton->setObjectName(QStringLiteral("importFolderButton"));
    auto *samplesButton = new QPushButton(tr("Try Sample Digests"), empty);
    samplesButton->setObjectName(QStringLiteral("samplesButton"));
    connect(importButton, &QPushButton::clicked, this, &ListPane::importRequested);
    connect(folderButton, &QPushButton::clicked, this, &ListPane::importFolderRequested);
    connect(samplesButton, &QPushButton::clicked, this, &ListPane::samplesRequested);
    auto *layout = new QVBoxLayout(empty);
    layout->addStretch(1);
    for (QLabel *label : {title, text}) {
        label->setAlignment(Qt::AlignCenter);
        layout->addWidget(label);
    }
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(importButton);
    buttons->addWidget(folderButton);
    buttons->addWidget(samplesButton);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addStretch(2);
    return empty;
}

void ListPane::setEmptyListNote(const QString &html)
{
    m_emptyNote->setText(html);
    m_emptyNote->setVisible(!html.isEmpty());
}

void ListPane::showEmptyState(bool empty)
{
    m_stack->setCurrentWidget(empty ? m_emptyState : static_cast<QWidget *>(m_list));
}

void ListPane::setListLayout(Layout layout)
{
    if (layout == m_layout)
        return;
    QHeaderView *header = m_list->horizontalHeader();
    if (layout == Layout::Reading) {
        m_tableHeader = header->saveState();
        for (int column = PaperListModel::PublishedColumn; column < PaperListModel::ColumnCount;
             ++column)
            m_list->setColumnHidden(column, true);
        m_list->setItemDelegateForColumn(PaperListModel::TitleColumn, m_rowDelegate);
        m_list->verticalHeader()->setDefaultSectionSize(PaperRowDelegate::rowHeight(font()));
    } else {
        m_list->setItemDelegateForColumn(PaperListModel::TitleColumn, nullptr);
        m_list->verticalHeader()->setDefaultSectionSize(m_list->fontMetrics().height() + 8);
        header->restoreState(m_tableHeader);
    }
    m_layout = layout;
    if (m_list->currentIndex().isValid())
        m_list->scrollTo(m_list->currentIndex());
    Q_EMIT listLayoutChanged(layout);
}

QByteArray ListPane::tableHeaderState() const
{
    return m_layout == Layout::Table ? m_list->horizontalHeader()->saveState() : m_tableHeader;
}

bool ListPane::restoreTableHeaderState(const QByteArray &state)
{
    if (m_layout == Layout::Table)
        return m_list->horizontalHeader()->restoreState(state);
    // Checked on the header now, and kept for when the table comes back.
    QHeaderView *header = m_list->horizontalHeader();
    const QByteArray reading = header->saveState();
    const bool ok = header->restoreState(state);
    if (ok)
        m_tableHeader = state;
    header->restoreState(reading);
    return ok;
}

QMenu *ListPane::createColumnMenu(QWidget *parent)
{
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("columnMenu"));
    QAction *table = menu->addAction(tr("Compact &Table"));
    table->setCheckable(true);
    table->setChecked(m_layout == Layout::Table);
    connect(table, &QAction::toggled, this,
            [this](bool on) { setListLayout(on ? Layout::Table : Layout::Reading); });
    if (m_layout == Layout::Reading)
        return menu; // the reading layout has no columns to choose
    menu->addSeparator();
    for (int column = 0; column < PaperListModel::ColumnCount; ++column) {
        if (column == PaperListModel::StarColumn || column == PaperListModel::TitleColumn)
            continue;
        QAction *action = menu->addAction(
            m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
        action->setCheckable(true);
        action->setChecked(!m_list->isColumnHidden(column));
        connect(action, &QAction::toggled, m_list,
                [this, column](bool shown) { m_list->setColumnHidden(column, !shown); });
    }
    return menu;
}

void ListPane::setColumnSort(std::optional<ColumnSort> sort)
{
    m_columnSort = sort;
    m_list->horizontalHeader()->setSortIndicatorShown(sort.has_value());
}

bool ListPane::showResults(const SearchResult &result, bool complete, const SearchRequest &request)
{
    const bool appending = complete && m_showingFirstPage;
    m_model->setSnippetQuery(request.query, request.prefixLastWord);
    if (appending)
        m_model->extendIds(result.ids);
    else
        m_model->setIds(result.ids);
    m_showingFirstPage = !complete;
    const qsizetype papers = result.ids.size();
    const QString count = m_showingFirstPage ? tr("%1+ papers").arg(QLocale().toString(papers))
                                             : tr("%Ln paper(s)", nullptr, int(papers));
    switch (result.ranking) {
    case Ranking::Relevance:
        m_count->setText(count);
        m_count->setToolTip(QString());
        break;
    case Ranking::OthersNewestOnly:
    case Ranking::TitlesNewestOnly: {
        // While typing a part too large to rank comes newest first; else
        // its newest matches are ranked (searchquery.h).
        const bool titles = result.ranking == Ranking::TitlesNewestOnly;
        const QString ranked = QLocale().toString(result.rankedNewest);
        if (result.rankedNewest > 0) {
            m_count->setText(titles ? tr("%1 · newest ranked").arg(count)
                                    : tr("%1 · title matches ranked").arg(count));
            m_count->setToolTip(
                titles ? tr("Too many matches to rank them all. Papers with the words in their "
                            "title come first: the newest %1 of them ranked by relevance, the "
                            "older ones newest first. The other matches follow in the same "
                            "way. Add a word to narrow them down.")
                             .arg(ranked)
                       : tr("Papers with the words in their title come first, ranked by "
                            "relevance. The other matches are too many to rank them all: the "
                            "newest %1 are ranked, the older ones follow newest first. Add a "
                            "word to narrow them down.")
                             .arg(ranked));
        } else {
            m_count->setText(titles ? tr("%1 · title matches first").arg(count)
                                    : tr("%1 · title matches ranked").arg(count));
            m_count->setToolTip(
                titles ? tr("Too many matches to rank while you type: papers with the words in "
                            "their title come first, newest first, then the other matches. "
                            "Type a space after the last word to rank the newest of them, or "
                            "add a word to narrow them down.")
                       : tr("Papers with the words in their title come first, ranked by "
                            "relevance. The other matches are too many to rank while you type "
                            "and follow newest first. Type a space after the last word to rank "
                            "the newest of them, or add a word to narrow them down."));
        }
        if (result.rankedSpan > 0)
            m_count->setToolTip(m_count->toolTip() + u' ' +
                                tr("Only matches among the newest %1 papers are ranked.")
                                    .arg(QLocale().toString(result.rankedSpan)));
        if (result.titlesSpan > 0)
            m_count->setToolTip(m_count->toolTip() + u' ' +
                                tr("Title matches come first only among the newest %1 papers.")
                                    .arg(QLocale().toString(result.titlesSpan)));
        break;
    }
    }
    return appending;
}

std::optional<qint64> ListPane::currentPaperId() const
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid())
        return std::nullopt;
    return m_model->idAt(current.row());
}

bool ListPane::selectPaper(qint64 id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    select(row);
    return true;
}

QList<qint64> ListPane::selectedIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &index : m_list->selectionModel()->selectedRows())
        ids << m_model->idAt(index.row());
    return ids;
}

void ListPane::scrollToTop()
{
    m_list->scrollToTop();
}

void ListPane::select(int row)
{
    const QModelIndex index = m_model->index(row, PaperListModel::TitleColumn);
    m_list->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_list->scrollTo(index);
}

void ListPane::moveSelection(int delta)
{
    if (m_model->rowCount() == 0)
        return;
    const int row = m_list->currentIndex().isValid() ? m_list->currentIndex().row() + delta : 0;
    select(qBound(0, row, m_model->rowCount() - 1));
}

bool ListPane::selectNextUnread()
{
    const int start = m_list->currentIndex().isValid() ? m_list->currentIndex().row() + 1 : 0;
    for (int row = start; row < m_model->rowCount(); ++row) {
        // A dismissed paper is dealt with, read or not.
        const QModelIndex index = m_model->index(row, 0);
        if (!index.data(PaperListModel::ReadRole).toBool() &&
            !index.data(PaperListModel::DismissedRole).toBool()) {
            select(row);
            return true;
        }
    }
    return false;
}

} // namespace gleaner
