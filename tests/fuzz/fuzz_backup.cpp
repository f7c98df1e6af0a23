// Restoring a backup file of arbitrary bytes into a temporary library that
// holds our fixture digests, checked against backup.h: a refused file leaves
// the library unchanged, a restored one can be restored again without any
// change, and the library's own backup of the result reads back as JSON.
#include "backup/backup.h"
#include "fuzzsupport.h"
#include "ingest/importer.h"
#include "storage/library.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace gleaner;

namespace {

QTemporaryDir *g_dir = nullptr;
QString g_template;
QByteArray g_templateData;

// The backup without its creation time, which differs from call to call.
QByteArray readerData(Library &library)
{
    Backup backup(library);
    const std::optional<BackupDocument> document = backup.toJson();
    fuzz::check(document.has_value(), "the library cannot be backed up", backup.errorString());
    const QByteArray &json = document->json;
    QJsonParseError error;
    QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    fuzz::check(error.error == QJsonParseError::NoError && doc.isObject(),
                "the library's backup is not a JSON object", QString::fromUtf8(json));
    QJsonObject object = doc.object();
    object.remove(QStringLiteral("created"));
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::ensureApplication();
    g_dir = new QTemporaryDir;
    fuzz::check(g_dir->isValid(), "no temporary folder");
    g_template = g_dir->filePath(QStringLiteral("template.sqlite3"));
    {
        Library library;
        fuzz::check(library.open(g_template), "cannot create the template library");
        Importer importer(library);
        for (const char *name : {"library/day1.txt", "library/day2.txt"}) {
            const ImportReport report =
                importer.importData(fuzz::fixture(name), QString::fromUtf8(name),
                                    QDateTime(QDate(2026, 5, 1), QTime(12, 0)));
            fuzz::check(report.digestsAdded == 1, "cannot import the fixture", report.summary());
        }
        // Some reader data of its own, for the merge rules to meet.
        const SearchResult all = library.search(QString()).value();
        fuzz::check(all.ids.size() >= 2, "the fixture has too few papers");
        fuzz::check(library.setStarred({all.ids.at(0)}, true) &&
                        library.addTags({all.ids.at(0), all.ids.at(1)}, {QStringLiteral("fish")}) &&
                        library.setNote(all.ids.at(1), QStringLiteral("Ours.")) &&
                        library.saveSearch(QStringLiteral("fish"), QStringLiteral("tag:fish")),
                    "cannot annotate the template library");
        g_templateData = readerData(library);
        // Into the main file, so that a plain copy is the whole library.
        fuzz::check(library.database().exec("PRAGMA wal_checkpoint(TRUNCATE)"),
                    "cannot checkpoint the template library");
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString path = g_dir->filePath(QStringLiteral("library.sqlite3"));
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
    fuzz::check(QFile::copy(g_template, path), "cannot copy the template library");

    Library library;
    fuzz::check(library.open(path), "cannot open the copied library", library.errorString());
    Backup backup(library);
    const std::optional<RestoreReport> report = backup.restoreData(json);
    if (!report) {
        fuzz::check(!backup.errorString().isEmpty(), "a refused backup has no reason");
        fuzz::check(readerData(library) == g_templateData, "a refused backup changed the library",
                    backup.errorString());
        return 0;
    }
    (void)report->summary();
    const QByteArray once = readerData(library);
    fuzz::check(backup.restoreData(json).has_value(),
                "a backup restored once is refused the second time", backup.errorString());
    const QByteArray twice = readerData(library);
    fuzz::check(once == twice, "restoring the same backup twice changed the library",
                QStringLiteral("after one restore:\n%1\nafter two:\n%2")
                    .arg(QString::fromUtf8(once), QString::fromUtf8(twice)));
    // What the library writes back is itself a backup it restores.
    const std::optional<BackupDocument> ownBackup = backup.toJson();
    fuzz::check(ownBackup.has_value(), "the library cannot be backed up", backup.errorString());
    fuzz::check(backup.restoreData(ownBackup->json).has_value(),
                "the library's own backup is refused", backup.errorString());
    const QByteArray own = readerData(library);
    fuzz::check(own == twice, "restoring the library's own backup changed it",
                QStringLiteral("before:\n%1\nafter:\n%2")
                    .arg(QString::fromUtf8(twice), QString::fromUtf8(own)));
    return 0;
}
