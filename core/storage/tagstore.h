// Tags and which papers carry them: the one place that finds or creates a
// tag, links it to papers and lists a paper's tags. Library's tag actions and
// a backup's restore both go through it.
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace gleaner {

class Database;

class TagStore final
{
    Q_DECLARE_TR_FUNCTIONS(TagStore)

public:
    explicit TagStore(Database &db);

    // Normalises a tag name the way the library stores it (trimmed, inner
    // white space collapsed); empty when nothing is left.
    static QString cleanName(const QString &name);

    // The tag's id; with `create`, a missing tag is made (nullopt then means
    // a database error, otherwise also "no such tag").
    [[nodiscard]] std::optional<qint64> tagId(const QString &name, bool create);
    // Gives every paper every tag (names are cleaned, blanks skipped); ids of
    // papers the library does not have are ignored. The number of new
    // paper-tag pairs.
    [[nodiscard]] std::optional<int> addTags(const QList<qint64> &paperIds,
                                             const QStringList &names);
    // A paper's tags, sorted by name.
    QStringList tagsOf(qint64 paperId);

    QString errorString() const { return m_error; }

private:
    bool fail(const QString &what);

    Database &m_db;
    QString m_error;
};

} // namespace gleaner
