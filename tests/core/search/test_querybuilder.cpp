// The rule builder's rows written as the query language and read back.
#include "catch.h"
#include "search/querybuilder.h"
#include "search/searchquery.h"

using namespace gleaner;

namespace {

QueryCondition cond(QueryField field, QueryOperator op, const QString &value)
{
    return {field, op, value};
}

// Two queries the language reads the same way.
void checkSameMeaning(const QString &a, const QString &b)
{
    const ParsedQuery x = parseQuery(a, false);
    const ParsedQuery y = parseQuery(b, false);
    CHECK(x.match == y.match);
    CHECK(x.exclude == y.exclude);
    CHECK(x.tags == y.tags);
    CHECK(x.excludedTags == y.excludedTags);
    CHECK(x.digestDates == y.digestDates);
    CHECK(x.organisations == y.organisations);
    CHECK(x.upvotes.size() == y.upvotes.size());
    CHECK(x.authors.size() == y.authors.size());
    CHECK(x.published.size() == y.published.size());
}

} // namespace

TEST_CASE("The builder writes each kind of condition in the query language", "[querybuilder]")
{
    BuiltQuery q;
    q.conditions = {
        cond(QueryField::Title, QueryOperator::Contains, QStringLiteral("qwen")),
        cond(QueryField::Abstract, QueryOperator::Excludes, QStringLiteral("vision model")),
        cond(QueryField::Organisation, QueryOperator::Contains, QStringLiteral("Marine Lab")),
        cond(QueryField::Authors, QueryOperator::AtLeast, QStringLiteral("8")),
        cond(QueryField::Upvotes, QueryOperator::MoreThan, QStringLiteral("10")),
        cond(QueryField::Published, QueryOperator::Equals, QStringLiteral("2024-06")),
        cond(QueryField::Published, QueryOperator::LessThan, QStringLiteral("2025")),
        cond(QueryField::Tag, QueryOperator::Is, QStringLiteral("to read")),
        cond(QueryField::Tag, QueryOperator::IsNot, QStringLiteral("done")),
        cond(QueryField::Digest, QueryOperator::Is, QStringLiteral("2026-03-03")),
    };
    q.freeWords = QStringLiteral("  sparse  -dense ");
    const QString text = QueryBuilder::write(q);
    CHECK(text == QStringLiteral("title:qwen -abstract:\"vision model\" org:\"Marine Lab\" "
                                 "authors:>=8 upvotes:>10 date:2024-06 date:<2025 "
                                 "tag:\"to read\" -tag:done digest:2026-03-03 sparse -dense"));
    // What the language makes of it.
    const ParsedQuery parsed = parseQuery(text, false);
    CHECK(parsed.tags == QStringList{QStringLiteral("to read")});
    CHECK(parsed.excludedTags == QStringList{QStringLiteral("done")});
    CHECK(parsed.organisations == QStringList{QStringLiteral("Marine Lab")});
    CHECK(parsed.digestDates == QStringList{QStringLiteral("2026-03-03")});
    REQUIRE(parsed.authors.size() == 1);
    CHECK(parsed.authors.first().op == Comparison::GreaterEqual);
    CHECK(parsed.authors.first().value == 8);
    REQUIRE(parsed.upvotes.size() == 1);
    CHECK(parsed.upvotes.first().op == Comparison::Greater);
    CHECK(parsed.published.size() == 2);
    CHECK(parsed.match.contains(QStringLiteral("title : \"qwen\"")));
    CHECK(parsed.exclude.contains(QStringLiteral("abstract : \"vision model\"")));

    // Read back, the rows are the same.
    const std::optional<BuiltQuery> back = QueryBuilder::read(text);
    REQUIRE(back);
    CHECK(back->conditions == q.conditions);
    CHECK_FALSE(back->any);
    CHECK(back->freeWords == QStringLiteral("sparse -dense"));
    CHECK(QueryBuilder::write(*back) == text);
}

TEST_CASE("Incomplete or wrong rows are left out and say why", "[querybuilder]")
{
    BuiltQuery q;
    q.conditions = {
        cond(QueryField::Upvotes, QueryOperator::AtLeast, QStringLiteral("ten")),
        cond(QueryField::Published, QueryOperator::Equals, QStringLiteral("2024-13")),
        cond(QueryField::Digest, QueryOperator::Is, QStringLiteral("2024")),
        cond(QueryField::Tag, QueryOperator::Is, QStringLiteral("   ")),
        cond(QueryField::Title, QueryOperator::Contains, QStringLiteral("a \"b")),
        cond(QueryField::Title, QueryOperator::Contains, QStringLiteral("kept")),
    };
    CHECK(QueryBuilder::write(q) == QStringLiteral("title:kept"));
    CHECK(QueryBuilder::problem(q.conditions.at(0)).contains(QStringLiteral("whole number")));
    CHECK_FALSE(QueryBuilder::problem(q.conditions.at(1)).isEmpty());
    CHECK_FALSE(QueryBuilder::problem(q.conditions.at(2)).isEmpty());
    CHECK(QueryBuilder::problem(q.conditions.at(3)).isEmpty()); // empty: incomplete, not wrong
    CHECK_FALSE(QueryBuilder::isComplete(q.conditions.at(3)));
    CHECK(QueryBuilder::problem(q.conditions.at(4)).contains(QStringLiteral("double quote")));
}

TEST_CASE("\"Any\" is written only where the language can say it", "[querybuilder]")
{
    BuiltQuery words;
    words.any = true;
    words.conditions = {
        cond(QueryField::Title, QueryOperator::Contains, QStringLiteral("qwen")),
        cond(QueryField::Abstract, QueryOperator::Contains, QStringLiteral("llama")),
        cond(QueryField::Title, QueryOperator::Contains, QStringLiteral("mistral"))};
    words.freeWords = QStringLiteral("instruction");
    REQUIRE(QueryBuilder::anyPossible(words.conditions));
    const QString text = QueryBuilder::write(words);
    CHECK(text == QStringLiteral("title:qwen OR abstract:llama OR title:mistral instruction"));
    const ParsedQuery parsed = parseQuery(text, false);
    CHECK(parsed.match == QStringLiteral("(title : \"qwen\" OR abstract : \"llama\" OR title : "
                                         "\"mistral\") AND \"instruction\""));
    const std::optional<BuiltQuery> back = QueryBuilder::read(text);
    REQUIRE(back);
    CHECK(*back == words);

    // A filter cannot be ORed: "any" is not possible, and not written.
    BuiltQuery filters = words;
    filters.conditions << cond(QueryField::Tag, QueryOperator::Is, QStringLiteral("llm"));
    CHECK_FALSE(QueryBuilder::anyPossible(filters.conditions));
    CHECK(QueryBuilder::write(filters) ==
          QStringLiteral("title:qwen abstract:llama title:mistral tag:llm instruction"));
    BuiltQuery excluded = words;
    excluded.conditions.first().op = QueryOperator::Excludes;
    CHECK_FALSE(QueryBuilder::anyPossible(excluded.conditions));
}

TEST_CASE("A query is read back into rows when the rows can say it", "[querybuilder]")
{
    // Rows, and the same meaning written back.
    const QStringList readable = {
        QStringLiteral("qwen"),
        QStringLiteral("\"mixture of experts\" -survey"),
        QStringLiteral("title:x a OR b"),
        QStringLiteral("tag:llm upvotes:>=10 qwen"),
        QStringLiteral("upvotes:5 authors:<3 date:>=2024-06 digest:2026-03-03"),
        QStringLiteral("title:\"small models\" OR abstract:tiny sparse"),
        QStringLiteral("org:\"Harbour AI\" -tag:done"),
    };
    for (const QString &text : readable) {
        INFO(text.toStdString());
        const std::optional<BuiltQuery> rows = QueryBuilder::read(text);
        REQUIRE(rows);
        checkSameMeaning(text, QueryBuilder::write(*rows));
    }
    // Words before the conditions come after them: the same AND.
    CHECK(QueryBuilder::write(*QueryBuilder::read(QStringLiteral("a OR b title:x"))) ==
          QStringLiteral("title:x a OR b"));
    const std::optional<BuiltQuery> numbers =
        QueryBuilder::read(QStringLiteral("upvotes:5 authors:<3"));
    REQUIRE(numbers);
    REQUIRE(numbers->conditions.size() == 2);
    CHECK(numbers->conditions.at(0) ==
          cond(QueryField::Upvotes, QueryOperator::Equals, QStringLiteral("5")));
    CHECK(numbers->conditions.at(1) ==
          cond(QueryField::Authors, QueryOperator::LessThan, QStringLiteral("3")));

    // Only as text: what the rows have no place for.
    const QStringList textOnly = {
        QStringLiteral("is:unread qwen"),   QStringLiteral("has:note"),
        QStringLiteral("title:a OR tag:b"), QStringLiteral("title:a OR qwen"),
        QStringLiteral("-org:lab"),         QStringLiteral("upvotes:many"),
        QStringLiteral("foo:bar"),          QStringLiteral("title:a OR title:b title:c"),
        QStringLiteral("OR qwen"),
    };
    for (const QString &text : textOnly) {
        INFO(text.toStdString());
        CHECK_FALSE(QueryBuilder::read(text));
    }
    CHECK(QueryBuilder::read(QString())->conditions.isEmpty());
}
