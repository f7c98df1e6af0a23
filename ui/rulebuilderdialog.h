// The rule builder: a name, rows of field / operator / value with free
// words, all or any, and what the rule does. The rows write the query text
// live (QueryBuilder), shown under them; the text can be edited too, and is
// read back into rows when the rows can say it. The text is the rule: there
// is no second language behind the rows.
#pragma once

#include "model/rule.h"
#include "search/querybuilder.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;
class QVBoxLayout;
class QWidget;

namespace gleaner {

class RuleBuilderDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RuleBuilderDialog)

public:
    // `rule` fills the dialog: a new rule (id 0) from a search, or one to edit.
    explicit RuleBuilderDialog(const Rule &rule, QWidget *parent = nullptr);

    // The rule as the dialog says it now (id kept from the one given).
    Rule rule() const;
    // Tags offered as the user types in the tag field.
    void setTagCompletions(const QStringList &tags);

    // For tests and the keyboard: the rows as they are.
    int conditionCount() const { return int(m_rows.size()); }
    QString queryText() const;
    bool rowsAvailable() const;

private:
    struct Row
    {
        QWidget *widget = nullptr;
        QComboBox *field = nullptr;
        QComboBox *op = nullptr;
        QLineEdit *value = nullptr;
        QToolButton *remove = nullptr;
    };

    Row &addRow(const QueryCondition &condition);
    void removeRow(QWidget *rowWidget);
    void fillOperators(Row &row, QueryField field, QueryOperator op);
    BuiltQuery builtQuery() const;
    void setRows(const BuiltQuery &query);
    void rowsEdited();
    void textEdited();
    void setRowsEnabled(bool enabled);
    void updateState();
    void updateTabOrder();

    qint64 m_id = 0;
    QLineEdit *m_name = nullptr;
    QComboBox *m_match = nullptr;
    QLabel *m_anyNote = nullptr;
    QWidget *m_rowsBox = nullptr;
    QVBoxLayout *m_rowsLayout = nullptr;
    QPushButton *m_addCondition = nullptr;
    QLineEdit *m_freeWords = nullptr;
    QLineEdit *m_query = nullptr;
    QCheckBox *m_editText = nullptr;
    QLabel *m_queryNote = nullptr;
    QCheckBox *m_addTags = nullptr;
    QLineEdit *m_tags = nullptr;
    QCheckBox *m_star = nullptr;
    QCheckBox *m_read = nullptr;
    QCheckBox *m_dismiss = nullptr;
    QCheckBox *m_queue = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QList<Row> m_rows;
    bool m_syncing = false;
};

} // namespace gleaner
