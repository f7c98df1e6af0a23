#include "annotationpane.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QCompleter>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHash>
#include <QIcon>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPalette>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStringListModel>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace gleaner {

AnnotationPane::AnnotationPane(QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(tr("Annotations"), this))
    , m_star(new QCheckBox(tr("&Starred"), this))
    , m_read(new QCheckBox(tr("&Read"), this))
    , m_dismiss(new QCheckBox(tr("Not &interested"), this))
    , m_queue(new QCheckBox(tr("Read &later"), this))
    , m_tagList(new QListWidget(this))
    , m_tagEdit(new QLineEdit(this))
    , m_completions(new QStringListModel(this))
    , m_highlightsLabel(new QLabel(tr("Highlights"), this))
    , m_highlights(new QListWidget(this))
    , m_note(new QPlainTextEdit(this))
    , m_noteStatus(new QLabel(this))
    , m_history(new QPushButton(tr("Histor&y\u2026"), this))
    , m_saveTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("annotationPane"));
    m_star->setObjectName(QStringLiteral("starBox"));
    m_read->setObjectName(QStringLiteral("readBox"));
    m_dismiss->setObjectName(QStringLiteral("dismissBox"));
    m_dismiss->setToolTip(tr("Papers like this one matter less to you (X)"));
    m_queue->setObjectName(QStringLiteral("queueBox"));
    m_queue->setToolTip(tr("Read later: the Reading queue lists it in the order you set (Q)"));
    m_tagEdit->setObjectName(QStringLiteral("tagEdit"));
    m_tagList->setObjectName(QStringLiteral("tagList"));
    m_note->setObjectName(QStringLiteral("noteEdit"));
    m_history->setObjectName(QStringLiteral("noteHistoryButton"));
    m_history->setToolTip(tr("Earlier versions of this note, to read or restore"));
    m_highlights->setObjectName(QStringLiteral("highlightList"));
    // Its hint when there are none must not widen the pane.
    m_highlightsLabel->setWordWrap(true);
    m_highlights->setWordWrap(true);
    m_highlights->setMaximumHeight(160);
    m_highlights->setContextMenuPolicy(Qt::CustomContextMenu);
    m_highlights->setToolTip(tr("Click to show it in the reader; right-click to change or "
                                "delete it"));

    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    m_heading->setFont(headingFont);

    m_tagList->setFlow(QListView::LeftToRight);
    m_tagList->setWrapping(true);
    m_tagList->setResizeMode(QListView::Adjust);
    m_tagList->setSpacing(2);
    m_tagList->setMaximumHeight(52);
    m_tagList->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tagList->setToolTip(tr("Select a tag and press Delete to remove it"));
    m_tagList->installEventFilter(this);

    auto *completer = new QCompleter(m_completions, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_tagEdit->setCompleter(completer);
    m_tagEdit->setPlaceholderText(tr("Add a tag and press Enter"));
    m_tagEdit->setClearButtonEnabled(true);

    m_note->setPlaceholderText(tr("Notes on this paper are saved as you type."));
    m_note->setTabChangesFocus(true);
    m_note->installEventFilter(this);
    m_tagEdit->installEventFilter(this);
    m_noteStatus->setForegroundRole(QPalette::PlaceholderText);
    m_noteStatus->setWordWrap(true); // "Saved 10 Mar 2026 09:00" in a narrow pane

    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(kNoteSaveDelayMs);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_star);
    layout->addWidget(m_read);
    layout->addWidget(m_dismiss);
    layout->addWidget(m_queue);
    auto *tagsLabel = new QLabel(tr("&Tags"), this);
    tagsLabel->setBuddy(m_tagEdit);
    layout->addWidget(tagsLabel);
    layout->addWidget(m_tagList);
    layout->addWidget(m_tagEdit);
    m_suggestions = new QLabel(this);
    m_suggestions->setObjectName(QStringLiteral("tagSuggestions"));
    m_suggestions->setTextFormat(Qt::RichText);
    m_suggestions->setWordWrap(true);
    m_suggestions->setToolTip(tr("Tags whose papers this one resembles; click one to add it"));
    m_suggestions->hide();
    connect(m_suggestions, &QLabel::linkActivated, this, [this](const QString &link) {
        bool ok = false;
        const qsizetype at = link.toInt(&ok);
        if (ok && m_paperId && at >= 0 && at < m_suggested.size())
            Q_EMIT tagAdded(m_paperId, m_suggested.at(at));
    });
    layout->addWidget(m_suggestions);
    layout->addWidget(m_highlightsLabel);
    layout->addWidget(m_highlights);
    auto *noteLabel = new QLabel(tr("&Note"), this);
    noteLabel->setBuddy(m_note);
    // History… beside the label, so the line under the note keeps its
    // whole width for "Saved …".
    auto *noteHeader = new QHBoxLayout;
    noteHeader->addWidget(noteLabel, 1);
    noteHeader->addWidget(m_history);
    layout->addLayout(noteHeader);
    layout->addWidget(m_note, 1);
    layout->addWidget(m_noteStatus);

    connect(m_star, &QCheckBox::toggled, this, [this](bool on) {
        if (m_paperId)
            Q_EMIT starChanged(m_paperId, on);
    });
    connect(m_read, &QCheckBox::toggled, this, [this](bool on) {
        if (m_paperId)
            Q_EMIT readChanged(m_paperId, on);
    });
    connect(m_dismiss, &QCheckBox::toggled, this, [this](bool on) {
        if (m_paperId)
            Q_EMIT dismissChanged(m_paperId, on);
    });
    connect(m_queue, &QCheckBox::toggled, this, [this](bool on) {
        if (m_paperId)
            Q_EMIT queueChanged(m_paperId, on);
    });
    connect(m_tagEdit, &QLineEdit::returnPressed, this, [this] {
        const QString tag = m_tagEdit->text().simplified();
        if (tag.isEmpty() || !m_paperId)
            return;
        m_tagEdit->clear();
        Q_EMIT tagAdded(m_paperId, tag);
        Q_EMIT editingDone();
    });
    connect(m_tagList, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QListWidgetItem *item = m_tagList->itemAt(pos);
        if (!item)
            return;
        m_tagList->setCurrentItem(item);
        QMenu menu(this);
        menu.addAction(tr("&Remove Tag"), this, &AnnotationPane::removeSelectedTag);
        menu.exec(m_tagList->viewport()->mapToGlobal(pos));
    });
    connect(m_highlights, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        Q_EMIT highlightActivated(item->data(Qt::UserRole).toLongLong());
    });
    connect(m_highlights, &QWidget::customContextMenuRequested, this,
            &AnnotationPane::highlightMenu);
    connect(m_note, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_paperId)
            return;
        m_noteDirty = true;
        m_noteStatus->setText(tr("Editing…"));
        m_saveTimer->start();
    });
    connect(m_saveTimer, &QTimer::timeout, this, &AnnotationPane::flushNote);
    connect(m_history, &QPushButton::clicked, this, [this] {
        flushNote();
        if (m_paperId)
            Q_EMIT noteHistoryRequested(m_paperId);
    });
    setPaper(std::nullopt);
}

void AnnotationPane::setPaper(const std::optional<Paper> &paper)
{
    flushNote();
    m_paperId = 0; // no signals while the widgets are filled
    m_star->setChecked(paper && paper->starred);
    m_read->setChecked(paper && paper->read);
    m_dismiss->setChecked(paper && paper->dismissed);
    m_queue->setChecked(paper && paper->queued);
    showTags(paper ? paper->tags : QStringList());
    setHighlights(paper ? paper->highlights : QList<Highlight>());
    m_tagEdit->clear();
    {
        const QSignalBlocker block(m_note);
        m_note->setPlainText(paper ? paper->note : QString());
    }
    m_noteStatus->setText(
        paper && paper->noteChanged.isValid()
            ? tr("Saved %1")
                  .arg(QLocale().toString(paper->noteChanged.toLocalTime(), QLocale::ShortFormat))
            : QString());
    m_heading->setText(paper ? tr("Annotations") : tr("No paper selected"));
    setEnabled(paper.has_value());
    m_paperId = paper ? paper->id : 0;
}

void AnnotationPane::updateState(const Paper &paper)
{
    if (paper.id != m_paperId)
        return;
    m_paperId = 0;
    m_star->setChecked(paper.starred);
    m_read->setChecked(paper.read);
    m_dismiss->setChecked(paper.dismissed);
    m_queue->setChecked(paper.queued);
    showTags(paper.tags);
    m_paperId = paper.id;
}

void AnnotationPane::setTagSuggestions(const QStringList &tags)
{
    m_suggested = tags;
    if (tags.isEmpty()) {
        m_suggestions->hide();
        m_suggestions->clear();
        return;
    }
    // Links by position, so a tag's name never has to survive a URL. Their
    // colour is the theme's (the application's palette: a widget's follows
    // it a moment later), written out: a label keeps the link colour of
    // the palette its text was first set under, and the same text set again
    // changes nothing (light blue links stayed dark blue on the dark theme).
    const QString colour = QApplication::palette(this).color(QPalette::Link).name();
    QStringList links;
    for (qsizetype i = 0; i < tags.size(); ++i)
        links << QStringLiteral("<a href=\"%1\" style=\"color: %2\">%3</a>")
                     .arg(i)
                     .arg(colour, tags.at(i).toHtmlEscaped());
    m_suggestions->setText(tr("Suggested: %1").arg(links.join(QStringLiteral(", "))));
    m_suggestions->show();
}

void AnnotationPane::setTagCompletions(const QStringList &tags)
{
    m_completions->setStringList(tags);
}

void AnnotationPane::flushNote()
{
    m_saveTimer->stop();
    if (!m_noteDirty || !m_paperId)
        return;
    m_noteDirty = false;
    Q_EMIT noteChanged(m_paperId, m_note->toPlainText());
    m_noteStatus->setText(
        m_note->toPlainText().trimmed().isEmpty()
            ? QString()
            : tr("Saved %1").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
}

void AnnotationPane::focusTagEditor()
{
    m_tagEdit->setFocus(Qt::ShortcutFocusReason);
}

void AnnotationPane::focusNoteEditor()
{
    m_note->setFocus(Qt::ShortcutFocusReason);
    m_note->moveCursor(QTextCursor::End);
}

void AnnotationPane::showStoredNote(const Paper &paper)
{
    if (paper.id != m_paperId)
        return;
    m_saveTimer->stop();
    m_noteDirty = false;
    {
        const QSignalBlocker block(m_note);
        m_note->setPlainText(paper.note);
    }
    // Typing on after a restore adds to the end, as after opening the note.
    m_note->moveCursor(QTextCursor::End);
    m_noteStatus->setText(
        paper.noteChanged.isValid()
            ? tr("Restored %1")
                  .arg(QLocale().toString(paper.noteChanged.toLocalTime(), QLocale::ShortFormat))
            : QString());
}

void AnnotationPane::showTags(const QStringList &tags)
{
    m_tagList->clear();
    for (const QString &tag : tags)
        m_tagList->addItem(tag);
    m_tagList->setVisible(!tags.isEmpty());
}

void AnnotationPane::removeSelectedTag()
{
    QListWidgetItem *item = m_tagList->currentItem();
    if (item && m_paperId)
        Q_EMIT tagRemoved(m_paperId, item->text());
}

bool AnnotationPane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_note && event->type() == QEvent::FocusOut)
        flushNote();
    if ((watched == m_note || watched == m_tagEdit) && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        flushNote();
        Q_EMIT editingDone();
        return true;
    }
    if (watched == m_tagList && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Delete || key == Qt::Key_Backspace) {
            removeSelectedTag();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

QColor AnnotationPane::highlightColour(const QString &name)
{
    // The reader page's light-theme colours (resources/assets/reader.css).
    static const QHash<QString, QColor> colours{
        {QStringLiteral("yellow"), QColor(0xfb, 0xe3, 0x8e)},
        {QStringLiteral("green"), QColor(0xc4, 0xeb, 0xc0)},
        {QStringLiteral("blue"), QColor(0xc5, 0xdc, 0xf7)},
        {QStringLiteral("pink"), QColor(0xf8, 0xcf, 0xe0)},
        {QStringLiteral("purple"), QColor(0xdd, 0xd0, 0xf5)},
    };
    return colours.value(name, colours.value(QStringLiteral("yellow")));
}

QString AnnotationPane::colourLabel(const QString &name)
{
    if (name == QLatin1String("green"))
        return tr("&Green");
    if (name == QLatin1String("blue"))
        return tr("&Blue");
    if (name == QLatin1String("pink"))
        return tr("&Pink");
    if (name == QLatin1String("purple"))
        return tr("P&urple");
    return tr("&Yellow");
}

QIcon AnnotationPane::colourSwatch(const QString &name)
{
    QPixmap swatch(12, 12);
    swatch.fill(AnnotationPane::highlightColour(name));
    return QIcon(swatch);
}

void AnnotationPane::setHighlights(const QList<Highlight> &highlights)
{
    m_shownHighlights = highlights;
    m_highlights->clear();
    for (const Highlight &h : highlights) {
        QString text = QStringLiteral("\u201c%1\u201d").arg(h.quote.simplified());
        if (h.detached)
            text += QLatin1Char(' ') + tr("(detached)");
        if (!h.comment.isEmpty())
            text += QLatin1Char('\n') + h.comment;
        auto *item = new QListWidgetItem(colourSwatch(h.colour), text, m_highlights);
        item->setData(Qt::UserRole, h.id);
        if (h.detached) {
            item->setForeground(palette().color(QPalette::PlaceholderText));
            item->setToolTip(tr("Detached: the passage is no longer in the paper's text. It is "
                                "kept, and attached again if the passage comes back."));
        }
    }
    m_highlightsLabel->setText(highlights.isEmpty()
                                   ? tr("Highlights: select text in the reader and press H")
                                   : tr("Highlights"));
    m_highlights->setVisible(!highlights.isEmpty());
}

void AnnotationPane::highlightMenu(const QPoint &pos)
{
    QListWidgetItem *item = m_highlights->itemAt(pos);
    if (!item)
        return;
    const qint64 id = item->data(Qt::UserRole).toLongLong();
    const auto h = std::find_if(m_shownHighlights.cbegin(), m_shownHighlights.cend(),
                                [id](const Highlight &k) { return k.id == id; });
    if (h == m_shownHighlights.cend())
        return;
    const Highlight shown = *h;
    QMenu menu(this);
    menu.addAction(tr("&Show in the Reader"), this, [this, id] { Q_EMIT highlightActivated(id); });
    menu.addAction(tr("Edit &Comment\u2026"), this, [this, shown] {
        bool ok = false;
        const QString comment = QInputDialog::getMultiLineText(
            this, tr("Highlight Comment"),
            tr("A comment on \u201c%1\u201d:").arg(shown.quote.simplified().left(80)),
            shown.comment, &ok);
        if (ok)
            Q_EMIT highlightCommentChanged(shown.id, comment);
    });
    QMenu *colours = menu.addMenu(tr("C&olour"));
    for (const QString &name : highlightColours()) {
        QAction *action =
            colours->addAction(colourSwatch(name), colourLabel(name), this,
                               [this, id, name] { Q_EMIT highlightColourChanged(id, name); });
        action->setCheckable(true);
        action->setChecked(name == shown.colour);
    }
    menu.addSeparator();
    menu.addAction(tr("&Delete Highlight\u2026"), this, [this, shown] {
        QMessageBox box(QMessageBox::Question, tr("Delete Highlight"),
                        tr("Delete the highlight of \u201c%1\u201d%2?")
                            .arg(shown.quote.simplified().left(80),
                                 shown.comment.isEmpty() ? QString() : tr(" and its comment")),
                        QMessageBox::Cancel, this);
        QAbstractButton *remove = box.addButton(tr("&Delete"), QMessageBox::DestructiveRole);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        if (box.clickedButton() == remove)
            Q_EMIT highlightRemoved(shown.id);
    });
    menu.exec(m_highlights->viewport()->mapToGlobal(pos));
}

} // namespace gleaner
