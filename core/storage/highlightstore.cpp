#include "storage/highlightstore.h"

#include "model/dates.h"
#include "storage/database.h"

#include <algorithm>

namespace gleaner {

namespace {

#define HIGHLIGHT_COLUMNS                                                                          \
    "id, paper_id, field, start, length, quote, prefix, suffix, colour, comment, created, "        \
    "detached"

Highlight readHighlight(const Statement &st)
{
    Highlight h;
    h.id = st.int64(0);
    h.paperId = st.int64(1);
    h.field = highlightFieldFromName(st.text(2)).value_or(HighlightField::Abstract);
    h.start = st.integer(3);
    h.length = st.integer(4);
    h.quote = st.text(5);
    h.prefix = st.text(6);
    h.suffix = st.text(7);
    h.colour = st.text(8);
    h.comment = st.text(9);
    h.created = st.text(10);
    h.detached = st.integer(11) != 0;
    return h;
}

bool sameHighlight(const Highlight &a, const Highlight &b)
{
    return a.field == b.field && a.quote == b.quote && a.start == b.start;
}

} // namespace

HighlightStore::HighlightStore(Database &db)
    : m_db(db)
{}

bool HighlightStore::fail(const QString &why)
{
    m_error = why;
    return false;
}

bool HighlightStore::failDb(const QString &what)
{
    return fail(tr("%1: %2").arg(what, m_db.errorString()));
}

std::optional<QList<Highlight>> HighlightStore::ofPaper(qint64 paperId)
{
    auto st = m_db.cached("SELECT " HIGHLIGHT_COLUMNS " FROM highlights WHERE paper_id = ?1 "
                          "ORDER BY detached, field = 'abstract', start, id");
    st.bind(1, std::int64_t(paperId));
    QList<Highlight> list;
    while (st.next())
        list.append(readHighlight(st));
    if (!st.ok()) {
        failDb(tr("Could not read the highlights"));
        return std::nullopt;
    }
    return list;
}

std::optional<Highlight> HighlightStore::highlight(qint64 id)
{
    auto st = m_db.cached("SELECT " HIGHLIGHT_COLUMNS " FROM highlights WHERE id = ?1");
    st.bind(1, std::int64_t(id));
    if (st.next())
        return readHighlight(st);
    if (st.ok())
        fail(tr("There is no highlight %1.").arg(id));
    else
        failDb(tr("Could not read the highlight"));
    return std::nullopt;
}

std::optional<QString> HighlightStore::fieldText(qint64 paperId, HighlightField field)
{
    auto st = m_db.cached("SELECT title, abstract FROM papers WHERE id = ?1");
    st.bind(1, std::int64_t(paperId));
    if (st.next())
        return st.text(field == HighlightField::Title ? 0 : 1);
    if (st.ok())
        fail(tr("There is no paper %1.").arg(paperId));
    else
        failDb(tr("Could not read the paper"));
    return std::nullopt;
}

bool HighlightStore::insert(const Highlight &h)
{
    auto st = m_db.cached("INSERT INTO highlights(paper_id, field, start, length, quote, prefix, "
                          "suffix, colour, comment, created, detached) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    st.bind(1, std::int64_t(h.paperId)).bind(2, highlightFieldName(h.field));
    st.bind(3, h.start).bind(4, h.length).bind(5, h.quote).bind(6, h.prefix);
    st.bind(7, h.suffix)
        .bind(8, isHighlightColour(h.colour) ? h.colour : highlightColours().constFirst());
    st.bind(9, h.comment.trimmed()).bind(10, h.created.isEmpty() ? nowIso() : h.created);
    st.bind(11, h.detached);
    return st.run() || failDb(tr("Could not save the highlight"));
}

std::optional<qint64> HighlightStore::add(const Highlight &highlight)
{
    if (!isHighlightColour(highlight.colour)) {
        fail(tr("\u201c%1\u201d is not a highlight colour; the colours are %2.")
                 .arg(highlight.colour, highlightColours().join(QStringLiteral(", "))));
        return std::nullopt;
    }
    const std::optional<QString> text = fieldText(highlight.paperId, highlight.field);
    if (!text)
        return std::nullopt;
    std::optional<Highlight> placed =
        makeHighlight(*text, highlight.field, highlight.start, highlight.length);
    if (!placed) {
        fail(tr("The passage to highlight is not in the paper's %1.")
                 .arg(highlightFieldName(highlight.field)));
        return std::nullopt;
    }
    // The same passage twice would be two marks nobody can tell apart.
    auto same = m_db.cached("SELECT 1 FROM highlights WHERE paper_id = ?1 AND field = ?2 AND "
                            "start = ?3 AND length = ?4 AND NOT detached");
    same.bind(1, std::int64_t(highlight.paperId)).bind(2, highlightFieldName(placed->field));
    same.bind(3, placed->start).bind(4, placed->length);
    if (same.next()) {
        fail(tr("That passage is highlighted already; change its colour or comment instead."));
        return std::nullopt;
    }
    if (!same.ok()) {
        failDb(tr("Could not save the highlight"));
        return std::nullopt;
    }
    placed->paperId = highlight.paperId;
    placed->colour = highlight.colour;
    placed->comment = highlight.comment;
    placed->created = highlight.created;
    if (!insert(*placed))
        return std::nullopt;
    return m_db.lastInsertId();
}

bool HighlightStore::update(qint64 id, const QString &colour, const QString &comment)
{
    if (!isHighlightColour(colour))
        return fail(tr("\u201c%1\u201d is not a highlight colour; the colours are %2.")
                        .arg(colour, highlightColours().join(QStringLiteral(", "))));
    auto st = m_db.cached("UPDATE highlights SET colour = ?2, comment = ?3 WHERE id = ?1");
    st.bind(1, std::int64_t(id)).bind(2, colour).bind(3, comment.trimmed());
    if (!st.run())
        return failDb(tr("Could not change the highlight"));
    return m_db.changes() > 0 || fail(tr("There is no highlight %1.").arg(id));
}

bool HighlightStore::remove(qint64 id)
{
    auto st = m_db.cached("DELETE FROM highlights WHERE id = ?1");
    st.bind(1, std::int64_t(id));
    if (!st.run())
        return failDb(tr("Could not remove the highlight"));
    return m_db.changes() > 0 || fail(tr("There is no highlight %1.").arg(id));
}

std::optional<int> HighlightStore::restore(qint64 paperId, const QList<Highlight> &highlights)
{
    if (highlights.isEmpty())
        return 0;
    std::optional<QList<Highlight>> existing = ofPaper(paperId);
    const std::optional<QString> title = fieldText(paperId, HighlightField::Title);
    const std::optional<QString> abstract = fieldText(paperId, HighlightField::Abstract);
    if (!existing || !title || !abstract)
        return std::nullopt;
    int added = 0;
    for (const Highlight &incoming : highlights) {
        const Highlight anchored =
            reanchored(incoming.field == HighlightField::Title ? *title : *abstract, incoming);
        const auto known = [&](const Highlight &h) {
            return sameHighlight(h, incoming) || sameHighlight(h, anchored);
        };
        if (std::any_of(existing->cbegin(), existing->cend(), known))
            continue;
        Highlight h = anchored;
        h.paperId = paperId;
        if (!insert(h))
            return std::nullopt;
        existing->append(h);
        ++added;
    }
    return added;
}

bool HighlightStore::reanchor(qint64 paperId)
{
    const std::optional<QList<Highlight>> list = ofPaper(paperId);
    const std::optional<QString> title = fieldText(paperId, HighlightField::Title);
    const std::optional<QString> abstract = fieldText(paperId, HighlightField::Abstract);
    if (!list || !title || !abstract)
        return false;
    auto st = m_db.cached("UPDATE highlights SET start = ?2, length = ?3, quote = ?4, prefix = ?5, "
                          "suffix = ?6, detached = ?7 WHERE id = ?1");
    for (const Highlight &h : *list) {
        const Highlight moved =
            reanchored(h.field == HighlightField::Title ? *title : *abstract, h);
        if (moved.start == h.start && moved.length == h.length && moved.quote == h.quote &&
            moved.detached == h.detached && moved.prefix == h.prefix && moved.suffix == h.suffix)
            continue;
        st.reset();
        st.bind(1, std::int64_t(h.id)).bind(2, moved.start).bind(3, moved.length);
        st.bind(4, moved.quote).bind(5, moved.prefix).bind(6, moved.suffix).bind(7, moved.detached);
        if (!st.run())
            return failDb(tr("Could not move the highlights"));
    }
    return true;
}

} // namespace gleaner
