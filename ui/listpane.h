// The window's list pane: the search field with the result count, and the
// papers of the current view in a table over PaperListModel, or, for an
// empty library, the way in (import, or try the samples). It knows which
// papers are selected and moves the selection; what a search shows and
// what happens to a paper is the window's business.
#pragma once

#include "search/searchquery.h"

#include <QByteArray>
#include <QList>
#include <QWidget>

#include <optional>

class QLabel;
class QMenu;
class QLineEdit;
class QStackedWidget;
class QTableView;

namespace gleaner {

class Library;
class PaperListModel;
class PaperRowDelegate;

class ListPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListPane)

public:
    // `library` is the GUI thread's connection; it must outlive the pane.
    explicit ListPane(Library *library, QWidget *parent = nullptr);

    QLineEdit *searchField() const { return m_search; }
    QTableView *table() const { return m_list; }
    PaperListModel *model() const { return m_model; }

    // The library has no paper at all: the welcome instead of the table.
    void showEmptyState(bool empty);
    // A search's papers. Searches for the whole list come as a first page
    // and then the complete result: the first page replaces the list, the
    // complete result is appended to it so the view stays where it is.
    // True when it was appended. The count reads "12 papers", or "200+
    // papers" while the rest is read, and says whether they are ranked.
    // `request` is the search that found them: the rows show where its
    // words matched.
    bool showResults(const SearchResult &result, bool complete, const SearchRequest &request = {});
    // Why the list is empty, over it (rich text; a link asks for all papers
    // with widerSearchRequested()); empty hides it.
    void setEmptyListNote(const QString &html);
    // A new search is on its way: whatever page is up belongs to the old one.
    void expectNewResults() { m_showingFirstPage = false; }
    // The list from its first row, as a new question's answer starts.
    void scrollToTop();

    // The order chosen by clicking a column header; none while the view's
    // own order applies. Setting it shows or hides the header's indicator.
    struct ColumnSort
    {
        SortOrder order = SortOrder::Relevance;
        bool reverse = false;
    };
    std::optional<ColumnSort> columnSort() const { return m_columnSort; }
    void setColumnSort(std::optional<ColumnSort> sort);

    std::optional<qint64> currentPaperId() const;
    // False when the paper is not in the list.
    bool selectPaper(qint64 id);
    // The selected rows' papers.
    QList<qint64> selectedIds() const;
    void moveSelection(int delta);
    // False when no unread paper follows the current one (dismissed
    // papers are passed over: they are dealt with).
    bool selectNextUnread();

    // Reading: the title over a line of metadata, one paper a tall row
    // (PaperRowDelegate). Table: one line a paper, a column for each field.
    enum class Layout
    {
        Reading,
        Table
    };
    Layout listLayout() const { return m_layout; }
    void setListLayout(Layout layout);

    // The header's context menu: the layout, and in the table a checkable
    // entry for each column that can be hidden (all but the star and the
    // title).
    QMenu *createColumnMenu(QWidget *parent);
    // The table's header (widths, hidden columns), whichever layout is up:
    // what the window saves and restores. False when `state` is not one.
    QByteArray tableHeaderState() const;
    bool restoreTableHeaderState(const QByteArray &state);

Q_SIGNALS:
    // A header was clicked: columnSort() holds the new order.
    void columnSortChanged();
    void listLayoutChanged(gleaner::ListPane::Layout layout);
    void widerSearchRequested();
    void importRequested();
    void importFolderRequested();
    void samplesRequested();

private:
    QWidget *createEmptyState();
    void select(int row);

    QLineEdit *m_search = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_emptyNote = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_list = nullptr;
    QWidget *m_emptyState = nullptr;
    PaperListModel *m_model = nullptr;
    PaperRowDelegate *m_rowDelegate = nullptr;
    Layout m_layout = Layout::Table;
    QByteArray m_tableHeader; // kept while the reading layout hides the columns
    bool m_showingFirstPage = false;
    std::optional<ColumnSort> m_columnSort;
};

} // namespace gleaner
