// searches, searches add, searches rename, searches rm: the saved searches
// the window lists in its sidebar (File › Save Search…).
#include "commands.h"
#include "invocation.h"
#include "output.h"
#include "storage/library.h"

#include <QJsonObject>

#include <algorithm>
#include <optional>

namespace gleaner::cli {

namespace {

// The saved search of this name, else the one of this name in another
// case when just one is; or nullopt with the reason told.
std::optional<SavedSearch> savedSearchNamed(Invocation &in, Library &library, const QString &name)
{
    const QString wanted = name.simplified();
    const QList<SavedSearch> saved = library.savedSearches();
    std::optional<SavedSearch> caseless;
    int caselessCount = 0;
    for (const SavedSearch &s : saved) {
        if (s.name == wanted)
            return s;
        if (s.name.compare(wanted, Qt::CaseInsensitive) == 0 && ++caselessCount == 1)
            caseless = s;
    }
    if (caselessCount == 1)
        return caseless;
    in.rejected(Commands::tr("no saved search is called \u201c%1\u201d (gleaner-cli searches "
                             "lists them)")
                    .arg(name));
    return std::nullopt;
}

} // namespace

int Commands::searches(Invocation &in, Library &library)
{
    if (!in.words().isEmpty() && in.words().first() != QLatin1String("list"))
        return in.usageError(
            tr("searches takes: list, add NAME QUERY, rename OLD NEW, or rm NAME"));
    const QList<SavedSearch> saved = library.savedSearches();
    if (in.json()) {
        printJson(jsonArray(saved, [](const SavedSearch &s) {
            return QJsonObject{{QStringLiteral("name"), s.name},
                               {QStringLiteral("query"), s.query}};
        }));
        return Ok;
    }
    for (const SavedSearch &s : saved)
        out() << s.name << "\t" << s.query << "\n";
    return Ok;
}

int Commands::addSavedSearch(Invocation &in, Library &library)
{
    const QString name = in.words().first();
    const QString query = in.words().mid(1).join(QLatin1Char(' ')).trimmed();
    if (query.isEmpty())
        return in.usageError(tr("a saved search needs a query after its name"));
    const QList<SavedSearch> saved = library.savedSearches();
    const bool replacing = std::any_of(saved.cbegin(), saved.cend(), [&](const SavedSearch &s) {
        return s.name == name.simplified();
    });
    if (!library.saveSearch(name, query))
        return in.rejected(library.errorString());
    out() << (replacing ? tr("saved search \u2018%1\u2019 now asks: %2")
                        : tr("saved search \u2018%1\u2019 added: %2"))
                 .arg(name.simplified(), query)
          << "\n";
    return Ok;
}

int Commands::renameSavedSearch(Invocation &in, Library &library)
{
    const std::optional<SavedSearch> saved = savedSearchNamed(in, library, in.words().at(0));
    if (!saved)
        return Rejected;
    if (!library.renameSavedSearch(saved->id, in.words().at(1)))
        return in.rejected(library.errorString());
    return Ok;
}

int Commands::removeSavedSearch(Invocation &in, Library &library)
{
    const std::optional<SavedSearch> saved = savedSearchNamed(in, library, in.words().first());
    if (!saved)
        return Rejected;
    if (!library.deleteSavedSearch(saved->id))
        return in.rejected(library.errorString());
    return Ok;
}

} // namespace gleaner::cli
