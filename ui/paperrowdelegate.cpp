#include "paperrowdelegate.h"

#include "paperlistmodel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>

#include <algorithm>
#include <cmath>

namespace gleaner {

namespace {

constexpr int kPadding = 5;        // above and below the text
constexpr int kLineGap = 2;        // between the title and the metadata line
constexpr int kChipGap = 6;        // between chips and pieces of the metadata line
constexpr int kChipInset = 5;      // text inside a chip, left and right
constexpr int kScoreBarWidth = 24; // the "For you" score's bar
constexpr int kScoreBarHeight = 5;

QFont metaFont(const QFont &base)
{
    QFont font = base;
    font.setBold(false);
    font.setPointSizeF(base.pointSizeF() * 0.9);
    return font;
}

// A colour between two, `amount` of the way from `a` to `b`.
QColor mix(const QColor &a, const QColor &b, qreal amount)
{
    return QColor::fromRgbF(a.redF() + (b.redF() - a.redF()) * amount,
                            a.greenF() + (b.greenF() - a.greenF()) * amount,
                            a.blueF() + (b.blueF() - a.blueF()) * amount);
}

// A rounded chip with `text`; returns its width, or 0 when it does not fit
// before `right`.
int drawChip(QPainter *painter, int x, int right, int y, int height, const QString &text,
             const QColor &fill, const QColor &ink)
{
    const int width = painter->fontMetrics().horizontalAdvance(text) + 2 * kChipInset;
    if (x + width > right)
        return 0;
    QPainterPath path;
    path.addRoundedRect(QRectF(x, y, width, height), height / 2.0, height / 2.0);
    painter->fillPath(path, fill);
    painter->setPen(ink);
    painter->drawText(QRect(x, y, width, height), Qt::AlignCenter, text);
    return width;
}

// Draws `snippet` on one line from (x, y), cut with "…" at `width`, the
// matched words bold in `strong`, the rest in `ink`; returns its width.
int drawSnippet(QPainter *painter, int x, int y, int width, int height, const Snippet &snippet,
                const QColor &ink, const QColor &strong)
{
    const QFont font = painter->font();
    QFont boldFont = font;
    boldFont.setBold(true);
    auto layOut = [&](QTextLayout &layout, const QString &text, qsizetype cut) {
        QList<QTextLayout::FormatRange> formats;
        for (const Snippet::Range &r : snippet.highlights) {
            if (r.start >= cut)
                break;
            QTextLayout::FormatRange range;
            range.start = int(r.start);
            range.length = int(std::min(r.start + r.length, cut) - r.start);
            range.format.setFont(boldFont);
            range.format.setForeground(strong);
            formats << range;
        }
        layout.setText(text);
        layout.setFont(font);
        layout.setFormats(formats);
        QTextOption option;
        option.setWrapMode(QTextOption::NoWrap);
        layout.setTextOption(option);
        layout.beginLayout();
        QTextLine line = layout.createLine();
        if (line.isValid())
            line.setPosition(QPointF(0, 0));
        layout.endLayout();
        return line;
    };
    QTextLayout layout;
    QTextLine line = layOut(layout, snippet.text, snippet.text.size());
    if (!line.isValid())
        return 0;
    if (line.naturalTextWidth() > width) {
        // Cut where the text and an ellipsis fit, at a cursor position so
        // that no character is split.
        const QString ellipsis = QStringLiteral("\u2026");
        const int room = width - QFontMetrics(font).horizontalAdvance(ellipsis);
        const int cut = room > 0 ? line.xToCursor(room, QTextLine::CursorBetweenCharacters) : 0;
        const QString text = snippet.text.left(cut).trimmed() + ellipsis;
        line = layOut(layout, text, cut);
        if (!line.isValid())
            return 0;
    }
    painter->setPen(ink);
    const qreal top = y + (height - line.height()) / 2.0;
    layout.draw(painter, QPointF(x, top));
    return int(std::ceil(std::min<qreal>(line.naturalTextWidth(), width)));
}

} // namespace

PaperRowDelegate::PaperRowDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

int PaperRowDelegate::rowHeight(const QFont &font)
{
    QFont bold = font;
    bold.setBold(true);
    return 2 * QFontMetrics(bold).lineSpacing() + QFontMetrics(metaFont(font)).height() + 4 +
           kLineGap + 2 * kPadding;
}

QSize PaperRowDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return {option.rect.width(), rowHeight(option.font)};
}

void PaperRowDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString title = opt.text;
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background, selection

    painter->save();
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group =
        option.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
    // "Not interested": the title fades towards the background.
    const bool dismissed = index.data(PaperListModel::DismissedRole).toBool();
    painter->setPen(selected    ? option.palette.color(group, QPalette::HighlightedText)
                    : dismissed ? mix(option.palette.color(group, QPalette::Text),
                                      option.palette.color(group, QPalette::Base), 0.5)
                                : option.palette.color(group, QPalette::Text));
    const QRect area = option.rect.adjusted(kPadding, kPadding, -kPadding, -kPadding);
    QFont titleFont = opt.font; // bold when unread (the model's FontRole)
    const int titleHeight = 2 * QFontMetrics(titleFont).lineSpacing();
    drawTitle(painter, QRect(area.left(), area.top(), area.width(), titleHeight), title, titleFont);
    drawMeta(painter,
             QRect(area.left(), area.top() + titleHeight + kLineGap, area.width(),
                   area.height() - titleHeight - kLineGap),
             index, option);
    painter->restore();
}

void PaperRowDelegate::drawTitle(QPainter *painter, const QRect &rect, const QString &title,
                                 const QFont &font)
{
    QTextLayout layout(title, font);
    QTextOption wrap;
    wrap.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(wrap);
    const QFontMetrics metrics(font);
    layout.beginLayout();
    QTextLine first = layout.createLine();
    if (!first.isValid()) {
        layout.endLayout();
        return;
    }
    first.setLineWidth(rect.width());
    first.setPosition(QPointF(0, 0));
    QTextLine second = layout.createLine();
    const int restStart = second.isValid() ? second.textStart() : -1;
    layout.endLayout();

    painter->setFont(font);
    painter->drawText(QRect(rect.left(), rect.top(), rect.width(), metrics.lineSpacing()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      title.mid(first.textStart(), first.textLength()));
    if (restStart >= 0) {
        // The rest on the second line, cut with an ellipsis if it is longer.
        const QString rest =
            metrics.elidedText(title.mid(restStart).trimmed(), Qt::ElideRight, rect.width());
        painter->drawText(QRect(rect.left(), rect.top() + metrics.lineSpacing(), rect.width(),
                                metrics.lineSpacing()),
                          Qt::AlignLeft | Qt::AlignVCenter, rest);
    }
}

void PaperRowDelegate::drawMeta(QPainter *painter, const QRect &rect, const QModelIndex &index,
                                const QStyleOptionViewItem &option)
{
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &palette = option.palette;
    const QColor ink =
        selected ? palette.color(QPalette::HighlightedText)
                 : mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.45);
    const QColor chipFill =
        selected ? mix(palette.color(QPalette::Highlight), palette.color(QPalette::HighlightedText),
                       0.25)
                 : mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.1);
    const QColor accent = palette.color(QPalette::Link);

    painter->setFont(metaFont(option.font));
    const QFontMetrics metrics = painter->fontMetrics();
    const int chipHeight = metrics.height() + 2;
    const int y = rect.top();
    int x = rect.left();
    const int right = rect.right();

    // The "For you" score: a short bar filled as far as the best model's
    // probability, where the eye starts.
    const QVariant forYou = index.data(PaperListModel::ForYouRole);
    if (forYou.isValid() && x + kScoreBarWidth < right) {
        const qreal score = std::clamp(forYou.toDouble(), 0.0, 1.0);
        const QRectF bar(x, y + (chipHeight - kScoreBarHeight) / 2.0, kScoreBarWidth,
                         kScoreBarHeight);
        painter->setPen(Qt::NoPen);
        painter->setBrush(chipFill);
        painter->drawRoundedRect(bar, 2, 2);
        painter->setBrush(selected ? palette.color(QPalette::HighlightedText) : accent);
        painter->drawRoundedRect(QRectF(bar.left(), bar.top(), bar.width() * score, bar.height()),
                                 2, 2);
        painter->setBrush(Qt::NoBrush);
        x += kScoreBarWidth + kChipGap;
    }

    // "Not interested" first: it says why the row is faded.
    if (index.data(PaperListModel::DismissedRole).toBool())
        x += drawChip(painter, x, right, y, chipHeight, PaperListModel::tr("Not interested"),
                      chipFill, ink) +
             kChipGap;

    // New, or seen before: first, where the eye starts.
    using History = PaperListModel::PaperHistory;
    const auto history = index.data(PaperListModel::HistoryRole).value<History>();
    if (history == History::New) {
        // Most of a day's papers are new: a word in the accent colour, not a
        // chip on every row.
        QFont bold = painter->font();
        bold.setBold(true);
        painter->setFont(bold);
        const QString word = PaperListModel::tr("New");
        painter->setPen(selected ? palette.color(QPalette::HighlightedText) : accent);
        painter->drawText(QRect(x, y, right - x, chipHeight), Qt::AlignLeft | Qt::AlignVCenter,
                          word);
        x += painter->fontMetrics().horizontalAdvance(word) + kChipGap;
        painter->setFont(metaFont(option.font));
    } else if (history == History::SeenBefore || history == History::SeenOften) {
        x += drawChip(painter, x, right, y, chipHeight,
                      history == History::SeenBefore ? PaperListModel::tr("Seen before")
                                                     : PaperListModel::tr("Seen again"),
                      chipFill, ink) +
             kChipGap;
    }

    // A search with words: where they matched, in place of the metadata,
    // leaving the pencil and some tags room after it.
    const QVariant snippetValue = index.data(PaperListModel::SnippetRole);
    if (snippetValue.isValid() && x < right) {
        int trailing = 0;
        if (index.data(PaperListModel::HasNoteRole).toBool())
            trailing += metrics.horizontalAdvance(QStringLiteral("\u270e")) + kChipGap;
        for (const QString &tag : index.data(PaperListModel::TagListRole).toStringList())
            trailing += metrics.horizontalAdvance(tag) + 2 * kChipInset + kChipGap / 2;
        const int width = right - x - std::min(trailing, (right - x) * 2 / 5);
        const QColor strong =
            selected ? palette.color(QPalette::HighlightedText) : palette.color(QPalette::Text);
        x += drawSnippet(painter, x, y, width, chipHeight, snippetValue.value<Snippet>(), ink,
                         strong) +
             kChipGap;
    }
    const QString meta =
        snippetValue.isValid() ? QString() : index.data(PaperListModel::MetaRole).toString();
    if (!meta.isEmpty() && x < right) {
        const QString shown = metrics.elidedText(meta, Qt::ElideRight, right - x);
        painter->setPen(ink);
        painter->drawText(QRect(x, y, right - x, chipHeight), Qt::AlignLeft | Qt::AlignVCenter,
                          shown);
        x += metrics.horizontalAdvance(shown) + kChipGap;
    }
    if (index.data(PaperListModel::HasNoteRole).toBool() && x < right) {
        // U+270E, a pencil: the paper has a note.
        const QString pencil = QStringLiteral("\u270e");
        painter->setPen(ink);
        painter->drawText(QRect(x, y, right - x, chipHeight), Qt::AlignLeft | Qt::AlignVCenter,
                          pencil);
        x += metrics.horizontalAdvance(pencil) + kChipGap;
    }
    for (const QString &tag : index.data(PaperListModel::TagListRole).toStringList()) {
        const int width = drawChip(painter, x, right, y, chipHeight, tag, chipFill, ink);
        if (width == 0)
            break; // no room for the rest
        x += width + kChipGap / 2;
    }
}

} // namespace gleaner
