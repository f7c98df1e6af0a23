#include "annotationpane.h"

#include <QCheckBox>
#include <QCompleter>
#include <QDateTime>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QStringListModel>
#include <QTimer>
#include <QVBoxLayout>

namespace gleaner {

AnnotationPane::AnnotationPane(QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(tr("Annotations"), this))
    , m_star(new QCheckBox(tr("&Starred"), this))
    , m_read(new QCheckBox(tr("&Read"), this))
    , m_dismiss(new QCheckBox(tr("Not &interested"), this))
    , m_tagList(new QListWidget(this))
    , m_tagEdit(new QLineEdit(this))
    , m_completions(new QStringListModel(this))
    , m_note(new QPlainTextEdit(this))
    , m_noteStatus(new QLabel(this))
    , m_saveTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("annotationPane"));
    m_star->setObjectName(QStringLiteral("starBox"));
    m_read->setObjectName(QStringLiteral("readBox"));
    m_dismiss->setObjectName(QStringLiteral("dismissBox"));
    m_dismiss->setToolTip(tr("Papers like this one matter less to you (X)"));
    m_tagEdit->setObjectName(QStringLiteral("tagEdit"));
    m_tagList->setObjectName(QStringLiteral("tagList"));
    m_note->setObjectName(QStringLiteral("noteEdit"));

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

    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(kNoteSaveDelayMs);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_star);
    layout->addWidget(m_read);
    layout->addWidget(m_dismiss);
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
    auto *noteLabel = new QLabel(tr("&Note"), this);
    noteLabel->setBuddy(m_note);
    layout->addWidget(noteLabel);
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
    connect(m_note, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_paperId)
            return;
        m_noteDirty = true;
        m_noteStatus->setText(tr("Editing…"));
        m_saveTimer->start();
    });
    connect(m_saveTimer, &QTimer::timeout, this, &AnnotationPane::flushNote);
    setPaper(std::nullopt);
}

void AnnotationPane::setPaper(const std::optional<Paper> &paper)
{
    flushNote();
    m_paperId = 0; // no signals while the widgets are filled
    m_star->setChecked(paper && paper->starred);
    m_read->setChecked(paper && paper->read);
    m_dismiss->setChecked(paper && paper->dismissed);
    showTags(paper ? paper->tags : QStringList());
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
    // Links by position, so a tag's name never has to survive a URL.
    QStringList links;
    for (qsizetype i = 0; i < tags.size(); ++i)
        links << QStringLiteral("<a href=\"%1\">%2</a>").arg(i).arg(tags.at(i).toHtmlEscaped());
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

} // namespace gleaner
