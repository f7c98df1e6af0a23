// How model values are stored in columns, shared by the stores and the
// Library (private to storage/).
#pragma once

#include "model/dates.h"
#include "model/digest.h"
#include "storage/database.h"
#include "storage/searchsql.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QString>
#include <QStringList>

#include <optional>

namespace gleaner::sqlvalues {

// An unknown date is NULL (model/dates.h spells the known ones).
inline std::optional<QString> date(const QDate &date)
{
    if (!date.isValid())
        return std::nullopt;
    return isoDate(date);
}

// A list of tag names kept as a JSON array (pending_reader_data has no
// paper row for paper_tags to point at yet; a rule's tags are its own).
inline QStringList tagsFromJson(const QString &json)
{
    QStringList tags;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array()) {
        if (v.isString())
            tags << v.toString();
    }
    return tags;
}

inline QString tagsToJson(const QStringList &tags)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(tags)).toJson(QJsonDocument::Compact));
}

// An empty text is stored as NULL.
inline std::optional<QString> textOrNull(const QString &text)
{
    if (text.isEmpty())
        return std::nullopt;
    return text;
}

// The submitter column: 0 none, 1 an author count, 2 an organisation.
inline int submitterKind(const Submitter &s)
{
    switch (s.kind) {
    case Submitter::Kind::Authors:
        return 1;
    case Submitter::Kind::Organisation:
        return 2;
    case Submitter::Kind::None:
        break;
    }
    return 0;
}

inline std::optional<int> submitterAuthors(const Submitter &s)
{
    if (s.kind != Submitter::Kind::Authors)
        return std::nullopt;
    return s.authors;
}

inline std::optional<QString> submitterOrganisation(const Submitter &s)
{
    if (s.kind != Submitter::Kind::Organisation)
        return std::nullopt;
    return s.organisation;
}

// A NULL integer column reads as none (unknown upvotes).
inline std::optional<int> integerOrNone(const Statement &st, int column)
{
    if (st.isNull(column))
        return std::nullopt;
    return st.integer(column);
}

// A NULL text column reads as an empty text.
inline QString textOrEmpty(const Statement &st, int column)
{
    return st.isNull(column) ? QString() : st.text(column);
}

// A statement of SearchSql's with its values bound.
inline Statement prepared(Database &db, const SqlStatement &sql)
{
    Statement st = db.prepare(sql.sql);
    for (int i = 0; i < sql.binds.size(); ++i) {
        if (const auto *n = std::get_if<qint64>(&sql.binds[i]))
            st.bind(i + 1, std::int64_t(*n));
        else
            st.bind(i + 1, std::get<QString>(sql.binds[i]));
    }
    return st;
}

} // namespace gleaner::sqlvalues
