// The translation of a parsed query and a search request into SQL text with
// bound values: the one place where the query language meets SQL. It reads
// no database, so every shape it produces can be checked without a file;
// Library runs what it produces.
//
// The text is fixed fragments whatever the user wrote, and its size does not
// grow with the query: each kind of filter is one condition, over one bound
// JSON array (tags, digest dates, organisations) or one range folded from
// all of that kind's filters (dates, upvotes, authors). So no query, however
// many filters it holds, meets an SQLite limit: expression depth, number of
// bound variables, SQL length.
#pragma once

#include "search/searchquery.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <variant>

namespace gleaner {

using SqlValue = std::variant<qint64, QString>;

// SQL with numbered parameters; binds.at(0) is the value of ?1.
struct SqlStatement
{
    QByteArray sql;
    QList<SqlValue> binds;
};

class SearchSql final
{
public:
    SearchSql(const ParsedQuery &query, const SearchRequest &request);

    // The filters contradict each other (upvotes:>9 upvotes:<3,
    // date:2024 date:2025): no paper can match, nothing needs to run.
    bool cannotMatch() const { return m_cannotMatch; }

    // Indexed probes of what the filters name (tags, digest dates,
    // organisations). Each returns a row when something named is not in the
    // library: then no paper can match and the search, full-text index
    // included, need not run.
    const QList<SqlStatement> &absenceProbes() const { return m_absenceProbes; }

    // Relevance order for a query with words lists the papers whose titles
    // match first (Part::Titles), then the other matches (Part::Every, the
    // title matches skipped): a paper that carries the words in its title is
    // about them. Each part is ranked by bm25 on its own when it is small
    // enough to sort, else its newest matches are, and the older ones follow
    // newest first. Every other order, or a query without words, has one
    // part only: Part::Every.
    enum class Part
    {
        Every,
        Titles,
    };
    bool ranksInParts() const;

    // Which of a part's matches a statement reads, by row id: those above
    // `above` and at most `atMost`, each unset for no bound.
    struct Span
    {
        std::optional<qint64> above;
        std::optional<qint64> atMost;
    };

    // Ranking sorts every match, so a part ranks `cap` matches at most: its
    // newest, those with the highest row ids (papers.id, in the order they
    // arrived). The probe reads a part's text matches within `span`
    // (filters aside) from the newest on and returns no row when there are
    // at most `cap`, else the row id of the newest match past them, where
    // the part's ranked select ends and its newest-first one begins. Empty
    // unless ranksInParts().
    std::optional<SqlStatement> rankProbe(Part part, int cap, Span span = {}) const;

    // The request's page of paper ids (Part::Every). `ranked`: in bm25
    // order rather than newest first; ignored unless ranksInParts().
    SqlStatement select(bool ranked) const;
    // `limit` ids (-1: all) from `offset` on, of one part's span.
    SqlStatement select(Part part, bool ranked, int limit, int offset, Span span) const;
    SqlStatement select(Part part, bool ranked, int limit, int offset) const;
    // The number of every match, beyond the page.
    SqlStatement count() const;

    // Highlights are searched beside the papers: their passages under the
    // field they are in, their comments under a column of their own. The
    // papers whose highlights match the words but whose own text does not
    // (filters aside), in id order; nullopt unless the query has words.
    std::optional<SqlStatement> highlightMatches() const;

private:
    QByteArray param(const SqlValue &value);
    // " AND <column> > ?n ..." for a span's bounds, bound in `binds`.
    static QByteArray spanTests(const Span &span, const char *column, QList<SqlValue> &binds);
    QString ftsExpression(Part part) const;
    // The tables and conditions; a span's bounds are appended to `binds`.
    QByteArray from(bool ranked, const Span &span, QList<SqlValue> &binds) const;
    QByteArray orderBy(bool ranked) const;
    void addTextConditions(const ParsedQuery &q);
    void addReaderDataConditions(const ParsedQuery &q);
    void addListConditions(const ParsedQuery &q);
    void addRangeConditions(const ParsedQuery &q);

    SearchRequest m_request;
    bool m_hasWords = false;
    QString m_match;   // ParsedQuery::match
    QString m_exclude; // ParsedQuery::exclude
    QByteArray m_where;
    // A small partial index the papers are read from in the default order
    // (INDEXED BY), or null for the planner's choice.
    const char *m_listIndex = nullptr;
    QList<SqlValue> m_binds;
    QList<SqlStatement> m_absenceProbes;
    bool m_cannotMatch = false;
};

} // namespace gleaner
