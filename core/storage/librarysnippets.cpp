// Library::snippets(): where a search's words matched in a page of papers.
#include "logging.h"
#include "storage/library.h"

#include <QSet>

namespace gleaner {

namespace {

// What FTS5's highlight() puts around each match: control characters no
// tokenizer takes for a word and no digest needs. An abstract that has them
// anyway gets no snippet (see snippets()).
constexpr char16_t kOpenMark = 0x02;
constexpr char16_t kCloseMark = 0x03;

// A small full-text index of its own over the page's papers, in an
// in-memory database beside the library's connection. The library's own
// index answers "MATCH ... AND rowid = ?" by reading the query's terms
// afresh for every row, and a prefix reads every term that starts with it:
// 13 ms for a page of 32 papers matching "kamin"* on 100k papers, 290 ms for
// a prefix every paper matches. Indexing just the page costs a millisecond or
// two whatever the library's size and the query's shape, and matches as the
// search did: the same columns, the same tokenizer (schema.cpp's papers_fts;
// a test holds them together) and the same expression. A connection of its
// own, because the library's may be read-only (query_only), temp tables
// included. The text lives in a plain table the index reads as its content,
// so emptying both for the next page is quick.
const char *const kCreateIndex =
    "CREATE TABLE page(id INTEGER PRIMARY KEY, title TEXT, abstract TEXT); "
    "CREATE VIRTUAL TABLE page_fts USING fts5(title, abstract, content='page', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')";

QString idArray(const QList<qint64> &ids)
{
    QString json = QStringLiteral("[");
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i > 0)
            json += QLatin1Char(',');
        json += QString::number(ids.at(i));
    }
    return json + QLatin1Char(']');
}

} // namespace

std::optional<QHash<qint64, Snippet>>
Library::snippets(const QString &query, const QList<qint64> &ids, bool prefixLastWord)
{
    QHash<qint64, Snippet> result;
    const ParsedQuery q = parseQuery(query, prefixLastWord);
    if (!q.hasWords() || ids.isEmpty() || !m_db.isOpen())
        return result;
    QList<qint64> page;
    QSet<qint64> seen;
    for (const qint64 id : ids.first(std::min<qsizetype>(ids.size(), kMaxSnippetPapers))) {
        if (!seen.contains(id)) {
            seen.insert(id);
            page << id;
        }
    }

    auto failed = [this](Database &db) {
        m_error = tr("Could not find where the words matched: %1").arg(db.errorString());
        qCDebug(lcDatabase) << m_error;
        return std::optional<QHash<qint64, Snippet>>();
    };
    if (!m_snippetIndex.isOpen()) {
        if (!m_snippetIndex.open(QStringLiteral(":memory:")) ||
            !m_snippetIndex.exec(kCreateIndex)) {
            m_snippetIndex.close();
            return failed(m_snippetIndex);
        }
    }
    Transaction tx(m_snippetIndex);
    auto clearIndex = m_snippetIndex.cached("INSERT INTO page_fts(page_fts) VALUES ('delete-all')");
    auto clearText = m_snippetIndex.cached("DELETE FROM page");
    if (!tx.isActive() || !clearIndex.run() || !clearText.run())
        return failed(m_snippetIndex);

    auto read = m_db.cached("SELECT id, title, abstract FROM papers "
                            "WHERE id IN (SELECT value FROM json_each(?1))");
    read.bind(1, idArray(page));
    auto add = m_snippetIndex.cached("INSERT INTO page(id, title, abstract) VALUES (?1, ?2, ?3)");
    while (read.next()) {
        add.reset();
        if (!add.bind(1, std::int64_t(read.int64(0)))
                 .bind(2, read.text(1))
                 .bind(3, read.text(2))
                 .run())
            return failed(m_snippetIndex);
    }
    if (!read.ok())
        return failed(m_db);
    auto index = m_snippetIndex.cached(
        "INSERT INTO page_fts(rowid, title, abstract) SELECT id, title, abstract FROM page");
    if (!index.run())
        return failed(m_snippetIndex);

    auto matched = m_snippetIndex.cached("SELECT rowid, highlight(page_fts, 1, char(2), char(3)), "
                                         "instr(abstract, char(2)) OR instr(abstract, char(3)) "
                                         "FROM page_fts WHERE page_fts MATCH ?1");
    matched.bind(1, q.match);
    while (matched.next()) {
        if (matched.integer(2) != 0)
            continue; // the marks could not be told from the text
        Snippet snippet = snippetFromMarked(matched.text(1), QChar(kOpenMark), QChar(kCloseMark));
        if (!snippet.isEmpty())
            result.insert(matched.int64(0), std::move(snippet));
    }
    if (!matched.ok())
        return failed(m_snippetIndex);
    (void)tx.commit();
    return result;
}

} // namespace gleaner
