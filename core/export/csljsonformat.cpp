#include "export/citationkeys.h"
#include "export/escaping.h"
#include "export/formats_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gleaner::formats {

namespace {

QJsonObject cslItem(const Paper &p, const QString &key, const ExportOptions &options)
{
    // "article" is CSL 1.0.2's type for preprints, which most digest papers are.
    QJsonObject item{{QStringLiteral("id"), key},
                     {QStringLiteral("citation-key"), key},
                     {QStringLiteral("type"), QStringLiteral("article")},
                     {QStringLiteral("title"), escape::oneLine(p.title)}};
    const QDate date = citationDate(p);
    if (date.isValid())
        item.insert(QStringLiteral("issued"),
                    QJsonObject{{QStringLiteral("date-parts"),
                                 QJsonArray{QJsonArray{date.year(), date.month(), date.day()}}}});
    if (p.submitter.kind == Submitter::Kind::Organisation && !p.submitter.organisation.isEmpty())
        item.insert(QStringLiteral("publisher"), escape::oneLine(p.submitter.organisation));
    if (options.includeAbstracts && !p.abstract.trimmed().isEmpty())
        item.insert(QStringLiteral("abstract"), escape::cleanText(p.abstract).trimmed());
    if (!p.tags.isEmpty()) {
        QStringList tags;
        for (const QString &t : p.tags)
            tags << escape::oneLine(t);
        item.insert(QStringLiteral("keyword"), tags.join(QStringLiteral(", ")));
    }
    if (!p.note.trimmed().isEmpty())
        item.insert(QStringLiteral("note"), escape::cleanText(p.note).trimmed());
    return item;
}

} // namespace

// CSL-JSON: an array of CSL items, for Zotero, pandoc and citeproc.
QString toCslJson(const QList<Paper> &papers, const ExportOptions &options)
{
    const QStringList keys = citationKeys(papers);
    QJsonArray items;
    for (qsizetype i = 0; i < papers.size(); ++i)
        items.append(cslItem(papers.at(i), keys.at(i), options));
    return QString::fromUtf8(QJsonDocument(items).toJson(QJsonDocument::Indented));
}

} // namespace gleaner::formats
