#include "export/formats_p.h"
#include "export/paperjson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace gleaner::formats {

// JSON: the paper objects of `gleaner-cli --json`, for scripts.
QString toJson(const QList<Paper> &papers)
{
    QJsonArray array;
    for (const Paper &p : papers)
        array.append(paperToJson(p));
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
}

} // namespace gleaner::formats
