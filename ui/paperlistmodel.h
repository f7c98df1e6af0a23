// The window's paper list: a table over the ids of one search result. Only
// the ids are held for every row; the rows' text is read from the library in
// pages when a view asks for it and kept in a small bounded cache, so a list
// of 100k+ papers costs a vector of ids plus a few thousand cached rows,
// where a QSqlQueryModel would hold them all. Uniform row heights are the
// view's business.
//
// Sorting is the search's job, not the model's: sort() only maps the clicked
// column to a core SortOrder and asks for the query to be run again.
//
// Reads go through the GUI thread's Library, which must outlive the model.
#pragma once

#include "model/snippet.h"
#include "search/searchquery.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QDate>
#include <QFont>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QMimeData;

namespace gleaner {

class Library;
struct Paper;

class PaperListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        StarColumn,
        TitleColumn,
        PublishedColumn,
        UpvotesColumn,
        SubmitterColumn,
        TagsColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        IdRole = Qt::UserRole + 1, // qint64
        StarredRole,               // bool
        ReadRole,                  // bool
        TitleRole,                 // QString, whichever the column
        // For the reading layout's second line (PaperRowDelegate):
        MetaRole,    // QString: "Gensyn · 28 May 2025 · 7 upvotes", unknowns left out
        TagListRole, // QStringList
        HasNoteRole, // bool
        HistoryRole, // PaperHistory
        // Snippet: where the words of the list's search matched in the
        // abstract; invalid when they did not (or the search has none).
        SnippetRole,
        DismissedRole, // bool: "Not interested", shown muted
        ForYouRole,    // double in (0, 1): the "For you" score; invalid without one
    };
    Q_ENUM(Role)

    // A paper's place in the digests, as the list marks it: new in the
    // digest in view, seen in earlier digests, or (outside a digest) seen
    // in several.
    enum class PaperHistory
    {
        None,
        New,
        SeenBefore,
        SeenOften,
    };
    Q_ENUM(PaperHistory)

    // Rows read from the library in one go, and how many such pages stay
    // cached: 40 x 128 rows is several screens in either direction, a few
    // megabytes at most.
    static constexpr int PageSize = 128;
    static constexpr int MaxCachedPages = 40;
    // Snippets come in smaller pages, about a screen of the reading layout:
    // each costs an index of its papers' abstracts (some 60 us a paper), and
    // the first screen should not wait for the next ones.
    static constexpr int SnippetPageSize = 20;
    static constexpr int MaxCachedSnippetPages = 100;

    explicit PaperListModel(Library *library, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(PaperListModel)

    // Shows these papers in this order; resets the model and the cache.
    void setIds(const QList<qint64> &ids);
    // Shows `ids` when they continue the list shown now (the rest of a result
    // whose first page is already up): rows are appended, so the view keeps
    // its selection and scroll position. Otherwise the same as setIds().
    void extendIds(const QList<qint64> &ids);
    const QList<qint64> &ids() const { return m_ids; }
    // The search whose words SnippetRole shows, parsed as that search was
    // (searchquery.h); set it with the ids that search found. An empty
    // query, or one of filters only, shows none.
    void setSnippetQuery(const QString &query, bool prefixLastWord);
    // The digest in view (0 for none): what "new" is measured against.
    void setDigestContext(qint64 digestId);
    // 0 for a row out of range.
    qint64 idAt(int row) const;
    // -1 when the paper is not in the list (the first row when listed twice).
    int rowOf(qint64 id) const;

    // Rereads these papers' rows (after a star, read or tag edit) and tells
    // the views they changed; ids not in the list are ignored. Only those
    // rows are read, and only when a view has read them before.
    void refresh(const QList<qint64> &ids);
    // Rereads every row, e.g. after a tag rename touched many papers.
    void refreshAll();

    // The core order a column sorts by; nullopt for a column that cannot be
    // sorted (star, submitter, tags): sort() ignores those, and a view with
    // sorting enabled should put its indicator back (see sortColumn()).
    static std::optional<SortOrder> sortOrderOf(int column);
    // The column showing `order`, or -1 (relevance, digest order, ...).
    static int sortColumn(SortOrder order);
    // The header indicator for a core order and direction: newest and most
    // upvoted first read as descending, A to Z as ascending.
    static Qt::SortOrder indicatorOrder(SortOrder order, bool reverse);

    // For tests and diagnostics: rows now held in the cache, and rows whose
    // snippets were looked up.
    int cachedRowCount() const;
    int cachedSnippetRowCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // Rows can be dragged to another place (the reading queue in its own
    // order). A drop moves nothing here: it asks the owner with
    // moveRequested(), which reorders the library and lists it again.
    void setReorderable(bool on) { m_reorderable = on; }
    bool isReorderable() const { return m_reorderable; }
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }
    Qt::DropActions supportedDragActions() const override { return Qt::MoveAction; }
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

Q_SIGNALS:
    // A dragged paper dropped before the paper now at `row` (rowCount():
    // after the last one).
    void moveRequested(qint64 id, int row);
    // The user asked for another order; the search is run again with it.
    void sortRequested(gleaner::SortOrder order, bool reverse);

private:
    // What a row shows; no abstract, note or appearances, to keep pages small.
    struct Row
    {
        qint64 id = 0;
        bool found = false; // false when the paper left the library meanwhile
        QString title;
        QDate published;
        std::optional<int> upvotes; // none: unknown, shown blank
        QString submitter;          // "7 authors" or the organisation
        bool starred = false;
        bool read = false;
        bool hasNote = false;
        bool dismissed = false;
        std::optional<double> forYou;
        QStringList tags;
        int digestCount = 0;
        qint64 firstDigestId = 0;
    };
    using Page = QList<Row>;
    // The snippets of a page of rows, by paper id; those without one are absent.
    using SnippetPage = QHash<qint64, Snippet>;

    static Row makeRow(qint64 id, const Paper *paper);
    const Row *rowAt(int row) const;
    QVariant snippetAt(int row) const;
    // Forgets the pages that hold fewer rows than they will once the list
    // grows at its end.
    void dropPartialPages(qsizetype rows);
    QVariant displayData(const Row &row, int column) const;
    QString metaText(const Row &row) const;
    PaperHistory history(const Row &row) const;
    QString historyToolTip(const Row &row) const;

    Library *m_library = nullptr;
    QList<qint64> m_ids;
    QHash<qint64, int> m_rows;
    mutable QCache<int, Page> m_pages;
    mutable QCache<int, SnippetPage> m_snippetPages;
    QString m_snippetQuery;
    bool m_snippetPrefix = false;
    bool m_snippetsWanted = false; // the query has words
    QFont m_unreadFont;
    qint64 m_digestContext = 0;
    bool m_reorderable = false;
};

} // namespace gleaner

Q_DECLARE_METATYPE(gleaner::Snippet)
