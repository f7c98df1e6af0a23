#include "notehistorydialog.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace gleaner {

namespace {

// The span of `a` that differs from `b`: what lies between their common
// start and their common end.
std::pair<qsizetype, qsizetype> changedSpan(const QString &a, const QString &b)
{
    const qsizetype shorter = std::min(a.size(), b.size());
    qsizetype prefix = 0;
    while (prefix < shorter && a.at(prefix) == b.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < shorter - prefix && a.at(a.size() - 1 - suffix) == b.at(b.size() - 1 - suffix))
        ++suffix;
    return {prefix, a.size() - prefix - suffix};
}

QString firstLine(const QString &text)
{
    return text.trimmed().section(QLatin1Char('\n'), 0, 0).trimmed();
}

} // namespace

NoteHistoryDialog::NoteHistoryDialog(const QString &paperTitle, const QString &currentNote,
                                     const NoteHistory &versions, QWidget *parent)
    : QDialog(parent)
    , m_current(currentNote)
    , m_versions(versions)
    , m_list(new QTreeWidget(this))
    , m_text(new QPlainTextEdit(this))
    , m_comparison(new QLabel(this))
{
    setObjectName(QStringLiteral("noteHistoryDialog"));
    setWindowTitle(tr("Note History"));
    m_list->setObjectName(QStringLiteral("noteVersions"));
    m_text->setObjectName(QStringLiteral("noteVersionText"));
    m_comparison->setObjectName(QStringLiteral("noteVersionComparison"));

    auto *heading = new QLabel(
        versions.isEmpty()
            ? tr("The note on \u201c%1\u201d has no earlier versions yet.").arg(paperTitle)
            : tr("Earlier versions of the note on \u201c%1\u201d, newest first.").arg(paperTitle),
        this);
    heading->setWordWrap(true);
    heading->setTextFormat(Qt::PlainText);

    m_list->setColumnCount(3);
    m_list->setHeaderLabels({tr("Saved"), tr("Size"), tr("Begins")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->header()->setStretchLastSection(true);
    const QLocale locale;
    for (const NoteVersion &v : versions) {
        const QDateTime saved = QDateTime::fromString(v.saved, Qt::ISODateWithMs).toLocalTime();
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, locale.toString(saved, QLocale::ShortFormat));
        item->setText(1, tr("%n character(s)", nullptr, int(v.text.size())));
        item->setText(2, firstLine(v.text));
        if (v.pinned) {
            // Said in words too, not only by the icon: to a screen reader,
            // and under the text once chosen (showChosen()).
            item->setToolTip(0, tr("The note just before most of it was deleted"));
            item->setData(0, Qt::AccessibleTextRole,
                          tr("%1, before a deletion").arg(item->text(0)));
            item->setIcon(0, style()->standardIcon(QStyle::SP_MessageBoxWarning));
        }
    }
    m_list->resizeColumnToContents(0);
    m_list->resizeColumnToContents(1);

    m_text->setReadOnly(true);
    m_text->setTabChangesFocus(true);
    m_text->setPlaceholderText(tr("Choose a version to read it."));
    m_comparison->setWordWrap(true);

    auto *textPane = new QWidget(this);
    auto *textLayout = new QVBoxLayout(textPane);
    textLayout->setContentsMargins(0, 0, 0, 0);
    auto *textLabel = new QLabel(tr("&Text of this version"), textPane);
    textLabel->setBuddy(m_text);
    textLayout->addWidget(textLabel);
    textLayout->addWidget(m_text, 1);
    textLayout->addWidget(m_comparison);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    auto *listPane = new QWidget(splitter);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    auto *listLabel = new QLabel(tr("&Versions"), listPane);
    listLabel->setBuddy(m_list);
    listLayout->addWidget(listLabel);
    listLayout->addWidget(m_list, 1);
    splitter->addWidget(listPane);
    splitter->addWidget(textPane);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_restore = buttons->addButton(tr("&Restore This Version"), QDialogButtonBox::AcceptRole);
    m_restore->setObjectName(QStringLiteral("restoreNoteVersion"));
    m_restore->setToolTip(
        tr("Make this version the note again; the note as it is now becomes the newest version, "
           "so this can be undone here"));
    m_restore->setDefault(true);
    m_restore->setEnabled(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);

    connect(m_list, &QTreeWidget::currentItemChanged, this, &NoteHistoryDialog::showChosen);
    connect(m_list, &QTreeWidget::itemActivated, this, [this] {
        if (chosenVersion() > 0)
            accept();
    });
    resize(860, 480);
    if (!versions.isEmpty())
        chooseVersion(1);
    m_list->setFocus(Qt::OtherFocusReason);
}

int NoteHistoryDialog::chosenVersion() const
{
    QTreeWidgetItem *item = m_list->currentItem();
    return item ? m_list->indexOfTopLevelItem(item) + 1 : 0;
}

void NoteHistoryDialog::chooseVersion(int number)
{
    if (QTreeWidgetItem *item = m_list->topLevelItem(number - 1)) {
        m_list->setCurrentItem(item);
        item->setSelected(true);
    }
}

QString NoteHistoryDialog::comparison(const QString &version, const QString &current)
{
    if (version == current)
        return tr("This version is the note as it is now.");
    if (current.isEmpty())
        return tr("The note is empty now; restoring brings all of this back.");
    const auto [start, versionOnly] = changedSpan(version, current);
    const qsizetype currentOnly = current.size() - (version.size() - versionOnly);
    if (currentOnly == 0)
        return tr("This version has %n character(s) the note lacks now (marked).", nullptr,
                  int(versionOnly));
    if (versionOnly == 0)
        return tr("The note has %n character(s) more now; restoring this version removes them.",
                  nullptr, int(currentOnly));
    // Two counts, two plurals: one sentence in two messages.
    return tr("This version has %n character(s) the note lacks now (marked),", nullptr,
              int(versionOnly)) +
           tr(" and lacks %n of the note's.", nullptr, int(currentOnly));
}

void NoteHistoryDialog::showChosen()
{
    const int number = chosenVersion();
    m_restore->setEnabled(number > 0);
    if (number <= 0) {
        m_text->clear();
        m_comparison->clear();
        return;
    }
    const QString text = m_versions.at(number - 1).text;
    m_text->setPlainText(text);
    QString said = comparison(text, m_current);
    if (m_versions.at(number - 1).pinned)
        said.prepend(tr("Kept just before most of the note was deleted.") + QLatin1Char(' '));
    m_comparison->setText(said);
    // What this version has that the note lacks, marked in its text.
    const auto [start, length] = changedSpan(text, m_current);
    QList<QTextEdit::ExtraSelection> marks;
    if (length > 0 && !m_current.isEmpty()) {
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(m_text->document());
        mark.cursor.setPosition(int(start));
        mark.cursor.setPosition(int(start + length), QTextCursor::KeepAnchor);
        mark.format.setBackground(palette().color(QPalette::Highlight));
        mark.format.setForeground(palette().color(QPalette::HighlightedText));
        marks << mark;
        QTextCursor at(m_text->document());
        at.setPosition(int(start));
        m_text->setTextCursor(at);
        m_text->ensureCursorVisible();
    }
    m_text->setExtraSelections(marks);
}

} // namespace gleaner
