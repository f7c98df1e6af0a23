#include "rulebuilderdialog.h"

#include "storage/library.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

namespace gleaner {

namespace {

QString placeholder(QueryField field)
{
    switch (field) {
    case QueryField::Title:
    case QueryField::Abstract:
        return RuleBuilderDialog::tr("a word or a phrase");
    case QueryField::Organisation:
        return RuleBuilderDialog::tr("part of its name");
    case QueryField::Authors:
    case QueryField::Upvotes:
        return RuleBuilderDialog::tr("a whole number");
    case QueryField::Published:
        return RuleBuilderDialog::tr("2024, 2024-06 or 2024-06-01");
    case QueryField::Tag:
        return RuleBuilderDialog::tr("a tag");
    case QueryField::Digest:
        return RuleBuilderDialog::tr("2026-03-03");
    }
    return {};
}

QStringList splitTags(const QString &text)
{
    QStringList tags;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString tag = Library::cleanTagName(part);
        if (!tag.isEmpty())
            tags << tag;
    }
    return tags;
}

} // namespace

RuleBuilderDialog::RuleBuilderDialog(const Rule &rule, QWidget *parent)
    : QDialog(parent)
    , m_id(rule.id)
{
    setObjectName(QStringLiteral("ruleBuilder"));
    setWindowTitle(rule.id ? tr("Edit Rule") : tr("New Rule"));

    auto *layout = new QVBoxLayout(this);
    auto *top = new QFormLayout;
    m_name = new QLineEdit(rule.name, this);
    m_name->setObjectName(QStringLiteral("ruleName"));
    m_name->setPlaceholderText(tr("what it is for, e.g. qwen"));
    top->addRow(tr("&Name:"), m_name);
    layout->addLayout(top);

    auto *matchBox = new QGroupBox(tr("Papers that match"), this);
    auto *match = new QVBoxLayout(matchBox);
    auto *mode = new QHBoxLayout;
    m_match = new QComboBox(matchBox);
    m_match->setObjectName(QStringLiteral("matchMode"));
    m_match->addItem(tr("all of these conditions"));
    m_match->addItem(tr("any of these conditions"));
    auto *modeLabel = new QLabel(tr("&Match"), matchBox);
    modeLabel->setBuddy(m_match);
    mode->addWidget(modeLabel);
    mode->addWidget(m_match);
    mode->addStretch();
    match->addLayout(mode);
    m_anyNote = new QLabel(matchBox);
    m_anyNote->setObjectName(QStringLiteral("anyNote"));
    m_anyNote->setWordWrap(true);
    m_anyNote->setText(tr("\u201c"
                          "Any\u201d joins title and abstract words only: the search "
                          "language has no OR between filters (tags, dates, numbers, "
                          "organisations, excluded words), so with those every condition "
                          "must hold."));
    m_anyNote->hide();
    match->addWidget(m_anyNote);

    auto *scroll = new QScrollArea(matchBox);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_rowsBox = new QWidget(scroll);
    m_rowsLayout = new QVBoxLayout(m_rowsBox);
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->addStretch();
    scroll->setWidget(m_rowsBox);
    scroll->setMinimumHeight(120);
    match->addWidget(scroll, 1);

    m_addCondition = new QPushButton(tr("&Add Condition"), matchBox);
    m_addCondition->setObjectName(QStringLiteral("addCondition"));
    auto *addLine = new QHBoxLayout;
    addLine->addWidget(m_addCondition);
    addLine->addStretch();
    match->addLayout(addLine);

    auto *words = new QFormLayout;
    m_freeWords = new QLineEdit(matchBox);
    m_freeWords->setObjectName(QStringLiteral("freeWords"));
    m_freeWords->setPlaceholderText(tr("anywhere in title or abstract: words, \"a phrase\", "
                                       "-word, a OR b"));
    words->addRow(tr("And the &words:"), m_freeWords);
    m_query = new QLineEdit(matchBox);
    m_query->setObjectName(QStringLiteral("queryText"));
    m_query->setReadOnly(true);
    m_query->setToolTip(tr("The rule's search, in the search field's language. Check "
                           "\u201c"
                           "Edit as text\u201d to change it here."));
    auto *queryLine = new QHBoxLayout;
    queryLine->addWidget(m_query, 1);
    m_editText = new QCheckBox(tr("Edit as &text"), matchBox);
    m_editText->setObjectName(QStringLiteral("editAsText"));
    queryLine->addWidget(m_editText);
    auto *queryLabel = new QLabel(tr("Q&uery:"), matchBox);
    queryLabel->setBuddy(m_query);
    words->addRow(queryLabel, queryLine);
    match->addLayout(words);
    m_queryNote = new QLabel(matchBox);
    m_queryNote->setObjectName(QStringLiteral("queryNote"));
    m_queryNote->setWordWrap(true);
    m_queryNote->hide();
    match->addWidget(m_queryNote);
    layout->addWidget(matchBox, 1);

    auto *doBox = new QGroupBox(tr("What it does to each of them, once"), this);
    auto *actions = new QVBoxLayout(doBox);
    auto *tagLine = new QHBoxLayout;
    m_addTags = new QCheckBox(tr("Add ta&gs:"), doBox);
    m_addTags->setObjectName(QStringLiteral("ruleAddTags"));
    m_addTags->setChecked(!rule.tags.isEmpty());
    m_tags = new QLineEdit(rule.tags.join(QStringLiteral(", ")), doBox);
    m_tags->setObjectName(QStringLiteral("ruleTags"));
    m_tags->setPlaceholderText(tr("one or more, separated by commas"));
    tagLine->addWidget(m_addTags);
    tagLine->addWidget(m_tags, 1);
    actions->addLayout(tagLine);
    m_star = new QCheckBox(tr("&Star"), doBox);
    m_star->setObjectName(QStringLiteral("ruleStar"));
    m_star->setChecked(rule.star);
    m_read = new QCheckBox(tr("Mark &read"), doBox);
    m_read->setObjectName(QStringLiteral("ruleRead"));
    m_read->setChecked(rule.markRead);
    m_dismiss = new QCheckBox(tr("Not &interested"), doBox);
    m_dismiss->setObjectName(QStringLiteral("ruleDismiss"));
    m_dismiss->setChecked(rule.dismiss);
    m_queue = new QCheckBox(tr("Add to the reading &queue"), doBox);
    m_queue->setObjectName(QStringLiteral("ruleQueue"));
    m_queue->setChecked(rule.queue);
    auto *flags = new QHBoxLayout;
    flags->addWidget(m_star);
    flags->addWidget(m_read);
    flags->addWidget(m_dismiss);
    flags->addWidget(m_queue);
    flags->addStretch();
    actions->addLayout(flags);
    auto *once = new QLabel(tr("Rules run on the papers of every digest imported from now on. "
                               "A rule does each thing to a paper once: a star or tag you take "
                               "off by hand, or a paper you take out of the reading queue, stays "
                               "so, and notes are never touched."),
                            doBox);
    once->setWordWrap(true);
    actions->addWidget(once);
    layout->addWidget(doBox);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_addCondition, &QPushButton::clicked, this, [this] {
        Row &row = addRow({});
        rowsEdited();
        row.value->setFocus(Qt::TabFocusReason);
    });
    connect(m_match, &QComboBox::currentIndexChanged, this, [this] { rowsEdited(); });
    connect(m_freeWords, &QLineEdit::textEdited, this, [this] { rowsEdited(); });
    connect(m_query, &QLineEdit::textEdited, this, [this] { textEdited(); });
    connect(m_editText, &QCheckBox::toggled, this, [this](bool on) {
        m_query->setReadOnly(!on);
        if (on)
            m_query->setFocus(Qt::OtherFocusReason);
    });
    connect(m_tags, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_addTags->setChecked(!text.trimmed().isEmpty());
        updateState();
    });
    for (QCheckBox *box : {m_addTags, m_star, m_read, m_dismiss, m_queue})
        connect(box, &QCheckBox::toggled, this, [this] { updateState(); });
    connect(m_name, &QLineEdit::textChanged, this, [this] { updateState(); });

    m_query->setText(rule.query);
    textEdited();
    if (m_rows.isEmpty() && rowsAvailable())
        addRow({});
    if (!rowsAvailable())
        m_editText->setChecked(true);
    updateTabOrder();
    updateState();
    resize(720, 560);
}

RuleBuilderDialog::Row &RuleBuilderDialog::addRow(const QueryCondition &condition)
{
    Row row;
    row.widget = new QWidget(m_rowsBox);
    auto *line = new QHBoxLayout(row.widget);
    line->setContentsMargins(0, 0, 0, 0);
    row.field = new QComboBox(row.widget);
    row.field->setObjectName(QStringLiteral("conditionField"));
    row.field->setAccessibleName(tr("Field"));
    for (const QueryField f : QueryBuilder::fields())
        row.field->addItem(QueryBuilder::fieldLabel(f), int(f));
    row.field->setCurrentIndex(row.field->findData(int(condition.field)));
    row.op = new QComboBox(row.widget);
    row.op->setObjectName(QStringLiteral("conditionOperator"));
    row.op->setAccessibleName(tr("Comparison"));
    row.value = new QLineEdit(condition.value, row.widget);
    row.value->setObjectName(QStringLiteral("conditionValue"));
    row.value->setAccessibleName(tr("Value"));
    row.remove = new QToolButton(row.widget);
    row.remove->setObjectName(QStringLiteral("removeCondition"));
    row.remove->setText(QStringLiteral("\u2715"));
    row.remove->setToolTip(tr("Remove this condition"));
    row.remove->setAccessibleName(tr("Remove condition"));
    row.remove->setFocusPolicy(Qt::StrongFocus);
    line->addWidget(row.field);
    line->addWidget(row.op);
    line->addWidget(row.value, 1);
    line->addWidget(row.remove);
    m_rowsLayout->insertWidget(m_rowsLayout->count() - 1, row.widget);
    m_rows.append(row);
    fillOperators(m_rows.last(), condition.field, condition.op);

    QWidget *widget = row.widget;
    connect(row.field, &QComboBox::currentIndexChanged, this, [this, widget] {
        for (Row &r : m_rows) {
            if (r.widget == widget) {
                const auto field = QueryField(r.field->currentData().toInt());
                fillOperators(r, field, QueryBuilder::operators(field).value(0));
            }
        }
        rowsEdited();
    });
    connect(row.op, &QComboBox::currentIndexChanged, this, [this] { rowsEdited(); });
    connect(row.value, &QLineEdit::textEdited, this, [this] { rowsEdited(); });
    connect(row.remove, &QToolButton::clicked, this, [this, widget] { removeRow(widget); });
    updateTabOrder();
    return m_rows.last();
}

void RuleBuilderDialog::removeRow(QWidget *rowWidget)
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).widget == rowWidget) {
            m_rows.removeAt(i);
            rowWidget->hide();
            rowWidget->deleteLater();
            if (!m_rows.isEmpty())
                m_rows.at(qMin(i, m_rows.size() - 1)).value->setFocus(Qt::TabFocusReason);
            else
                m_addCondition->setFocus(Qt::TabFocusReason);
            break;
        }
    }
    updateTabOrder();
    rowsEdited();
}

void RuleBuilderDialog::fillOperators(Row &row, QueryField field, QueryOperator op)
{
    const QSignalBlocker block(row.op);
    row.op->clear();
    for (const QueryOperator o : QueryBuilder::operators(field))
        row.op->addItem(QueryBuilder::operatorLabel(field, o), int(o));
    row.op->setCurrentIndex(qMax(0, row.op->findData(int(op))));
    row.value->setPlaceholderText(placeholder(field));
}

BuiltQuery RuleBuilderDialog::builtQuery() const
{
    BuiltQuery q;
    q.any = m_match->currentIndex() == 1;
    q.freeWords = m_freeWords->text();
    for (const Row &r : m_rows)
        q.conditions.append({QueryField(r.field->currentData().toInt()),
                             QueryOperator(r.op->currentData().toInt()), r.value->text()});
    return q;
}

void RuleBuilderDialog::setRows(const BuiltQuery &query)
{
    m_syncing = true;
    // The rows already there are refilled in place, so the one being
    // typed in keeps the focus.
    while (m_rows.size() > query.conditions.size()) {
        QWidget *w = m_rows.takeLast().widget;
        w->hide();
        w->deleteLater();
    }
    for (qsizetype i = 0; i < query.conditions.size(); ++i) {
        const QueryCondition &c = query.conditions.at(i);
        if (i >= m_rows.size()) {
            addRow(c);
            continue;
        }
        Row &r = m_rows[i];
        {
            const QSignalBlocker block(r.field);
            r.field->setCurrentIndex(r.field->findData(int(c.field)));
        }
        fillOperators(r, c.field, c.op);
        if (r.value->text() != c.value)
            r.value->setText(c.value);
    }
    {
        const QSignalBlocker block(m_match);
        m_match->setCurrentIndex(query.any ? 1 : 0);
    }
    if (m_freeWords->text() != query.freeWords)
        m_freeWords->setText(query.freeWords);
    m_syncing = false;
    updateTabOrder();
}

void RuleBuilderDialog::rowsEdited()
{
    if (m_syncing)
        return;
    m_query->setText(QueryBuilder::write(builtQuery()));
    updateState();
}

void RuleBuilderDialog::textEdited()
{
    const std::optional<BuiltQuery> rows = QueryBuilder::read(m_query->text());
    setRowsEnabled(rows.has_value());
    if (rows)
        setRows(*rows);
    updateState();
}

void RuleBuilderDialog::setRowsEnabled(bool enabled)
{
    m_rowsBox->setEnabled(enabled);
    m_addCondition->setEnabled(enabled);
    m_match->setEnabled(enabled);
    m_freeWords->setEnabled(enabled);
}

bool RuleBuilderDialog::rowsAvailable() const
{
    return m_rowsBox->isEnabled();
}

QString RuleBuilderDialog::queryText() const
{
    return m_query->text().trimmed();
}

void RuleBuilderDialog::updateState()
{
    QStringList notes;
    if (!rowsAvailable()) {
        notes << tr("This query can only be edited as text: the rows have no place for some "
                    "of it (is:, has:, or an OR between filters).");
    } else {
        for (qsizetype i = 0; i < m_rows.size(); ++i) {
            const QString why = QueryBuilder::problem(builtQuery().conditions.at(i));
            if (!why.isEmpty())
                notes << tr("Condition %1 is left out: %2").arg(i + 1).arg(why);
        }
    }
    m_queryNote->setText(notes.join(QLatin1Char('\n')));
    m_queryNote->setVisible(!notes.isEmpty());
    const BuiltQuery q = builtQuery();
    m_anyNote->setVisible(rowsAvailable() && q.any && !QueryBuilder::anyPossible(q.conditions));

    const Rule r = rule();
    QPushButton *save = m_buttons->button(QDialogButtonBox::Save);
    save->setEnabled(!r.name.isEmpty() && !r.query.isEmpty() && r.hasActions());
    save->setToolTip(r.name.isEmpty()    ? tr("Give the rule a name.")
                     : r.query.isEmpty() ? tr("Give the rule something to match.")
                     : !r.hasActions()   ? tr("Choose what the rule does.")
                                         : QString());
}

void RuleBuilderDialog::updateTabOrder()
{
    QList<QWidget *> chain{m_name, m_match};
    for (const Row &r : std::as_const(m_rows))
        chain << r.field << r.op << r.value << r.remove;
    chain << m_addCondition << m_freeWords << m_query << m_editText << m_addTags << m_tags << m_star
          << m_read << m_dismiss << m_queue << m_buttons->button(QDialogButtonBox::Save)
          << m_buttons->button(QDialogButtonBox::Cancel);
    for (qsizetype i = 1; i < chain.size(); ++i)
        QWidget::setTabOrder(chain.at(i - 1), chain.at(i));
}

void RuleBuilderDialog::setTagCompletions(const QStringList &tags)
{
    auto *completer = new QCompleter(tags, m_tags);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_tags->setCompleter(completer);
}

Rule RuleBuilderDialog::rule() const
{
    Rule r;
    r.id = m_id;
    r.name = m_name->text().simplified();
    r.query = queryText();
    r.tags = m_addTags->isChecked() ? splitTags(m_tags->text()) : QStringList();
    r.star = m_star->isChecked();
    r.markRead = m_read->isChecked();
    r.dismiss = m_dismiss->isChecked();
    r.queue = m_queue->isChecked();
    return r;
}

} // namespace gleaner
