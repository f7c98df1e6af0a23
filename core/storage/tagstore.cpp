#include "storage/tagstore.h"

#include "storage/database.h"

namespace gleaner {

TagStore::TagStore(Database &db)
    : m_db(db)
{}

QString TagStore::cleanName(const QString &name)
{
    return name.simplified();
}

bool TagStore::fail(const QString &what)
{
    m_error = tr("%1: %2").arg(what, m_db.errorString());
    return false;
}

std::optional<qint64> TagStore::tagId(const QString &name, bool create)
{
    auto find = m_db.cached("SELECT id FROM tags WHERE name = ?1");
    find.bind(1, name);
    if (find.next())
        return find.int64(0);
    if (!create)
        return std::nullopt;
    auto insert = m_db.cached("INSERT INTO tags(name) VALUES (?1)");
    if (!insert.bind(1, name).run())
        return std::nullopt;
    return m_db.lastInsertId();
}

std::optional<int> TagStore::addTags(const QList<qint64> &paperIds, const QStringList &names)
{
    int added = 0;
    for (const QString &raw : names) {
        const QString name = cleanName(raw);
        if (name.isEmpty())
            continue;
        const auto tag = tagId(name, true);
        if (!tag) {
            fail(tr("Could not create the tag \u201c%1\u201d").arg(name));
            return std::nullopt;
        }
        for (const qint64 id : paperIds) {
            auto link =
                m_db.cached("INSERT OR IGNORE INTO paper_tags(paper_id, tag_id) SELECT id, ?2 "
                            "FROM papers WHERE id = ?1");
            if (!link.bind(1, std::int64_t(id)).bind(2, std::int64_t(*tag)).run()) {
                fail(tr("Could not tag the paper"));
                return std::nullopt;
            }
            added += m_db.changes();
        }
    }
    return added;
}

QStringList TagStore::tagsOf(qint64 paperId)
{
    QStringList tags;
    auto st = m_db.cached("SELECT t.name FROM paper_tags pt JOIN tags t ON t.id = "
                          "pt.tag_id WHERE pt.paper_id = ?1 ORDER BY t.name");
    st.bind(1, std::int64_t(paperId));
    while (st.next())
        tags << st.text(0);
    return tags;
}

} // namespace gleaner
