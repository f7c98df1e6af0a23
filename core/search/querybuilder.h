// The rule builder's rows as query text and back: a list of conditions
// (field, operator, value), free words, and whether all or any conditions
// must hold. It writes the query language exactly (searchquery.h) and reads
// a query back into rows when the rows can say it; there is no second
// language, the text is what is saved and run.
//
// The language joins words with OR but never filters: "any" is possible only
// when every condition is a title or abstract word (anyPossible()).
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace gleaner {

enum class QueryField
{
    Title,
    Abstract,
    Organisation,
    Authors,
    Upvotes,
    Published,
    Tag,
    Digest,
};

enum class QueryOperator
{
    Contains, // title, abstract, org: word or phrase
    Excludes, // title, abstract: -title:word
    Is,       // tag, digest
    IsNot,    // tag: -tag:NAME
    AtLeast,  // numbers: >=; published: on or after (>=)
    AtMost,   // numbers: <=; published: on or before (<=)
    Equals,   // numbers: =; published: in (a year, a month or a day)
    MoreThan, // >, published: after
    LessThan, // <, published: before
};

struct QueryCondition
{
    QueryField field = QueryField::Title;
    QueryOperator op = QueryOperator::Contains;
    QString value;

    bool operator==(const QueryCondition &o) const
    {
        return field == o.field && op == o.op && value == o.value;
    }
};

struct BuiltQuery
{
    QList<QueryCondition> conditions;
    bool any = false;  // OR between the conditions (see anyPossible())
    QString freeWords; // as typed: words, "phrases", -words, OR

    bool operator==(const BuiltQuery &o) const
    {
        return conditions == o.conditions && any == o.any && freeWords == o.freeWords;
    }
};

class QueryBuilder final
{
    Q_DECLARE_TR_FUNCTIONS(QueryBuilder)

public:
    // The operators a field takes, in the order the builder offers them.
    static QList<QueryOperator> operators(QueryField field);
    static QString fieldLabel(QueryField field);
    static QString operatorLabel(QueryField field, QueryOperator op);
    static QList<QueryField> fields();

    // Why a condition cannot be written as it is ("upvotes needs a whole
    // number"); empty when it can. An empty value is incomplete, not wrong.
    static QString problem(const QueryCondition &condition);
    static bool isComplete(const QueryCondition &condition);

    // Whether "any" can be said: every complete condition is a title or
    // abstract word that must be there.
    static bool anyPossible(const QList<QueryCondition> &conditions);

    // The query text; conditions that are incomplete or have a problem are
    // left out, and "any" is ignored where it cannot be said.
    static QString write(const BuiltQuery &query);
    // The rows for a query, or nullopt when the rows cannot say it (is:,
    // has:, an OR between filters or free words, a word the language would
    // not read as the builder does...): then it can only be edited as text.
    static std::optional<BuiltQuery> read(const QString &text);
};

} // namespace gleaner
