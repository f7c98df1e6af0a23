#include "search/querybuilder.h"

#include "search/searchquery.h"

#include <QDate>
#include <QRegularExpression>

namespace gleaner {

namespace {

bool isNumberField(QueryField f)
{
    return f == QueryField::Authors || f == QueryField::Upvotes;
}

bool isWordField(QueryField f)
{
    return f == QueryField::Title || f == QueryField::Abstract;
}

const char *filterName(QueryField f)
{
    switch (f) {
    case QueryField::Title:
        return "title";
    case QueryField::Abstract:
        return "abstract";
    case QueryField::Organisation:
        return "org";
    case QueryField::Authors:
        return "authors";
    case QueryField::Upvotes:
        return "upvotes";
    case QueryField::Published:
        return "date";
    case QueryField::Tag:
        return "tag";
    case QueryField::Digest:
        return "digest";
    }
    return "";
}

std::optional<QueryField> fieldOf(const QString &name)
{
    for (const QueryField f : QueryBuilder::fields()) {
        if (name == QLatin1String(filterName(f)))
            return f;
    }
    return std::nullopt;
}

// The comparison a number or date filter starts with, as the language spells it.
QString comparison(QueryOperator op)
{
    switch (op) {
    case QueryOperator::AtLeast:
        return QStringLiteral(">=");
    case QueryOperator::AtMost:
        return QStringLiteral("<=");
    case QueryOperator::MoreThan:
        return QStringLiteral(">");
    case QueryOperator::LessThan:
        return QStringLiteral("<");
    default:
        return {};
    }
}

// The operator at the start of a filter's value, taken off it (the
// language's order: two-character comparisons first).
QueryOperator takeComparison(QString &value)
{
    static const std::pair<QLatin1String, QueryOperator> ops[] = {
        {QLatin1String(">="), QueryOperator::AtLeast},
        {QLatin1String("<="), QueryOperator::AtMost},
        {QLatin1String(">"), QueryOperator::MoreThan},
        {QLatin1String("<"), QueryOperator::LessThan},
        {QLatin1String("="), QueryOperator::Equals},
    };
    for (const auto &[text, op] : ops) {
        if (value.startsWith(text)) {
            value = value.mid(text.size());
            return op;
        }
    }
    return QueryOperator::Equals;
}

bool validDate(const QString &value, bool dayOnly)
{
    static const QRegularExpression shape(
        QStringLiteral(R"(^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$)"));
    const auto m = shape.match(value);
    if (!m.hasMatch() || (dayOnly && !m.capturedLength(3)))
        return false;
    const int month = m.capturedLength(2) ? m.captured(2).toInt() : 1;
    const int day = m.capturedLength(3) ? m.captured(3).toInt() : 1;
    return QDate(m.captured(1).toInt(), month, day).isValid();
}

// A value as one token: quoted when it holds a space (or a colon, which
// would read as another field).
QString token(const QString &value)
{
    const QString v = value.trimmed();
    static const QRegularExpression needsQuotes(QStringLiteral(R"([\s:])"));
    return v.contains(needsQuotes) ? QLatin1Char('"') + v + QLatin1Char('"') : v;
}

// A free word as it was typed.
QString freeWordText(const QueryToken &t)
{
    QString text = t.negated ? QStringLiteral("-") : QString();
    if (!t.field.isEmpty())
        text += t.field + QLatin1Char(':');
    return text + (t.quoted ? QLatin1Char('"') + t.value + QLatin1Char('"') : t.value);
}

bool isOr(const QueryToken &t)
{
    return t.field.isEmpty() && !t.quoted && !t.negated && t.value == QLatin1String("OR");
}

} // namespace

QList<QueryField> QueryBuilder::fields()
{
    return {QueryField::Title,   QueryField::Abstract, QueryField::Organisation,
            QueryField::Authors, QueryField::Upvotes,  QueryField::Published,
            QueryField::Tag,     QueryField::Digest};
}

QList<QueryOperator> QueryBuilder::operators(QueryField field)
{
    switch (field) {
    case QueryField::Title:
    case QueryField::Abstract:
        return {QueryOperator::Contains, QueryOperator::Excludes};
    case QueryField::Organisation:
        return {QueryOperator::Contains};
    case QueryField::Authors:
    case QueryField::Upvotes:
    case QueryField::Published:
        return {QueryOperator::AtLeast, QueryOperator::AtMost, QueryOperator::Equals,
                QueryOperator::MoreThan, QueryOperator::LessThan};
    case QueryField::Tag:
        return {QueryOperator::Is, QueryOperator::IsNot};
    case QueryField::Digest:
        return {QueryOperator::Is};
    }
    return {};
}

QString QueryBuilder::fieldLabel(QueryField field)
{
    switch (field) {
    case QueryField::Title:
        return tr("Title");
    case QueryField::Abstract:
        return tr("Abstract");
    case QueryField::Organisation:
        return tr("Organisation");
    case QueryField::Authors:
        return tr("Authors");
    case QueryField::Upvotes:
        return tr("Upvotes");
    case QueryField::Published:
        return tr("Published");
    case QueryField::Tag:
        return tr("Tag");
    case QueryField::Digest:
        return tr("Digest date");
    }
    return {};
}

QString QueryBuilder::operatorLabel(QueryField field, QueryOperator op)
{
    const bool date = field == QueryField::Published;
    switch (op) {
    case QueryOperator::Contains:
        return tr("contains");
    case QueryOperator::Excludes:
        return tr("does not contain");
    case QueryOperator::Is:
        return tr("is");
    case QueryOperator::IsNot:
        return tr("is not");
    case QueryOperator::AtLeast:
        return date ? tr("on or after") : tr("at least");
    case QueryOperator::AtMost:
        return date ? tr("on or before") : tr("at most");
    case QueryOperator::Equals:
        return date ? tr("in") : tr("exactly");
    case QueryOperator::MoreThan:
        return date ? tr("after") : tr("more than");
    case QueryOperator::LessThan:
        return date ? tr("before") : tr("fewer than");
    }
    return {};
}

QString QueryBuilder::problem(const QueryCondition &c)
{
    const QString v = c.value.trimmed();
    if (v.isEmpty())
        return {};
    if (!operators(c.field).contains(c.op))
        return tr("%1 cannot be compared that way.").arg(fieldLabel(c.field));
    if (v.contains(QLatin1Char('"')))
        return tr("A value cannot hold a double quote.");
    if (isNumberField(c.field)) {
        bool ok = false;
        const int n = v.toInt(&ok);
        if (!ok || n < 0)
            return tr("%1 needs a whole number.").arg(fieldLabel(c.field));
    }
    if (c.field == QueryField::Published && !validDate(v, false))
        return tr("Published needs a year, a month or a day: 2024, 2024-06 or 2024-06-01.");
    if (c.field == QueryField::Digest && !validDate(v, true))
        return tr("A digest date is a day: 2024-06-01.");
    return {};
}

bool QueryBuilder::isComplete(const QueryCondition &c)
{
    return !c.value.trimmed().isEmpty() && problem(c).isEmpty();
}

bool QueryBuilder::anyPossible(const QList<QueryCondition> &conditions)
{
    for (const QueryCondition &c : conditions) {
        if (isComplete(c) && !(isWordField(c.field) && c.op == QueryOperator::Contains))
            return false;
    }
    return true;
}

QString QueryBuilder::write(const BuiltQuery &query)
{
    QStringList parts;
    for (const QueryCondition &c : query.conditions) {
        if (!isComplete(c))
            continue;
        const QString name = QLatin1String(filterName(c.field)) + QLatin1Char(':');
        const QString value = c.value.trimmed();
        switch (c.op) {
        case QueryOperator::Contains:
        case QueryOperator::Is:
            parts << name + token(value);
            break;
        case QueryOperator::Excludes:
        case QueryOperator::IsNot:
            parts << QLatin1Char('-') + name + token(value);
            break;
        case QueryOperator::AtLeast:
        case QueryOperator::AtMost:
        case QueryOperator::Equals:
        case QueryOperator::MoreThan:
        case QueryOperator::LessThan:
            parts << name + comparison(c.op) + value;
            break;
        }
    }
    const bool any = query.any && anyPossible(query.conditions);
    QString text = parts.join(any ? QStringLiteral(" OR ") : QStringLiteral(" "));
    const QString words = query.freeWords.simplified();
    if (!words.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral(" ")) + words;
    return text;
}

std::optional<BuiltQuery> QueryBuilder::read(const QString &text)
{
    struct Item
    {
        bool condition = false;
        bool orToken = false;
        QueryToken token;
        QueryCondition parsed;
    };
    QList<Item> items;
    for (const QueryToken &t : tokenizeQuery(text)) {
        Item item;
        item.token = t;
        if (isOr(t)) {
            item.orToken = true;
            items << item;
            continue;
        }
        if (t.field.isEmpty()) {
            items << item; // a free word
            continue;
        }
        const std::optional<QueryField> field = fieldOf(t.field);
        if (!field)
            return std::nullopt; // is:, has:, or a word the language reads literally
        QueryCondition c;
        c.field = *field;
        QString value = t.value.trimmed();
        if (isWordField(*field)) {
            c.op = t.negated ? QueryOperator::Excludes : QueryOperator::Contains;
        } else if (*field == QueryField::Tag) {
            c.op = t.negated ? QueryOperator::IsNot : QueryOperator::Is;
        } else if (t.negated) {
            return std::nullopt; // the language has no -org:, -date:, ...
        } else if (*field == QueryField::Organisation) {
            c.op = QueryOperator::Contains;
        } else if (*field == QueryField::Digest) {
            c.op = QueryOperator::Is;
        } else {
            if (t.quoted)
                return std::nullopt;
            c.op = takeComparison(value);
        }
        c.value = value;
        if (!isComplete(c))
            return std::nullopt; // the language would read it as words
        item.condition = true;
        item.parsed = c;
        items << item;
    }

    BuiltQuery built;
    QStringList freeWords;
    int conditionOrs = 0;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const Item &item = items.at(i);
        if (item.condition) {
            built.conditions << item.parsed;
            continue;
        }
        if (!item.orToken) {
            freeWords << freeWordText(item.token);
            continue;
        }
        const bool betweenConditions =
            i > 0 && i + 1 < items.size() && items.at(i - 1).condition && items.at(i + 1).condition;
        const bool betweenWords = i > 0 && i + 1 < items.size() && !items.at(i - 1).condition &&
                                  !items.at(i + 1).condition && !items.at(i - 1).orToken &&
                                  !items.at(i + 1).orToken;
        if (betweenConditions)
            ++conditionOrs;
        else if (betweenWords)
            freeWords << item.token.value;
        else
            return std::nullopt;
    }
    if (conditionOrs > 0) {
        // "any" is every condition joined by OR, one after another.
        if (conditionOrs != built.conditions.size() - 1 || !anyPossible(built.conditions))
            return std::nullopt;
        qsizetype first = -1;
        qsizetype last = -1;
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (items.at(i).condition) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        for (qsizetype i = first; i <= last; ++i) {
            if (!items.at(i).condition && !items.at(i).orToken)
                return std::nullopt;
        }
        built.any = true;
    }
    built.freeWords = freeWords.join(QLatin1Char(' '));
    return built;
}

} // namespace gleaner
