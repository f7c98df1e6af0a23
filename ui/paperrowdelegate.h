// The list's reading layout, as in mail and feed readers: each row shows the
// whole title, wrapping onto a second line where it needs to (unread in
// bold), and under it one muted line of what is known about the paper
// (submitter or author count, published date, upvotes), its tags as small
// chips, a marker for a note, and whether it is new in the digest in view.
// In a search with words, the line shows where they matched in the abstract
// instead of the metadata (the model's SnippetRole), the words in bold.
//
// Every row has the same height (rowHeight()), so the view never measures
// rows and a list of 100k papers scrolls as fast as the compact table.
#pragma once

#include <QStyledItemDelegate>

namespace gleaner {

class PaperRowDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PaperRowDelegate)

public:
    explicit PaperRowDelegate(QObject *parent = nullptr);

    // Two title lines and the metadata line, with the row's padding.
    static int rowHeight(const QFont &font);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    // Draws the title in at most two lines inside `rect`.
    static void drawTitle(QPainter *painter, const QRect &rect, const QString &title,
                          const QFont &font);
    // Draws the metadata line from the left of `rect`.
    static void drawMeta(QPainter *painter, const QRect &rect, const QModelIndex &index,
                         const QStyleOptionViewItem &option);
};

} // namespace gleaner
