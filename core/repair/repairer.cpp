#include "repair/repairer.h"

#include "ingest/digestparser.h"
#include "ingest/importer.h"
#include "ingest/sourcewalk.h"
#include "logging.h"
#include "storage/library.h"
#include "storage/salvage.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>

namespace gleaner {

namespace {

// The digest's entries from its file, when the file is still where it was
// imported from and has the same content.
std::optional<QList<DigestEntry>> entriesFromFile(const SalvagedDigest &d)
{
    QFile file(d.source);
    if (!SourceWalk::openRegularFile(file) || file.size() > (qint64(64) << 20))
        return std::nullopt;
    const QByteArray bytes = file.readAll();
    if (Importer::digestHash(bytes) != d.contentHash)
        return std::nullopt;
    ParseOptions options;
    options.fallbackDate = QFileInfo(file).lastModified().date();
    DigestParser parser(options);
    const std::optional<Digest> parsed = parser.parse(QByteArrayView(bytes));
    if (!parsed)
        return std::nullopt;
    return parsed->entries;
}

QString stamp()
{
    return QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
}

// Moves the file and the SQLite files beside it.
bool moveLibrary(const QString &from, const QString &to)
{
    if (!QFile::rename(from, to))
        return false;
    for (const char *suffix : {"-wal", "-shm"}) {
        const QString side = from + QLatin1String(suffix);
        if (QFileInfo::exists(side))
            (void)QFile::rename(side, to + QLatin1String(suffix));
    }
    return true;
}

} // namespace

QString RepairReport::summary() const
{
    QStringList parts;
    parts << (digests == 1 ? Repairer::tr("1 digest rebuilt")
                           : Repairer::tr("%1 digests rebuilt").arg(digests)) +
                 Repairer::tr(" (%1 from the library, %2 from their files, %3 with only the "
                              "papers that could be read)")
                     .arg(fromLibrary)
                     .arg(fromFiles)
                     .arg(partial);
    parts << (papers == 1 ? Repairer::tr("1 paper") : Repairer::tr("%1 papers").arg(papers));
    parts << Repairer::tr("reader data: %1").arg(readerData.summary());
    if (unreadableRows > 0)
        parts << (unreadableRows == 1
                      ? Repairer::tr("1 row of the damaged file could not be read")
                      : Repairer::tr("%1 rows of the damaged file could not be read")
                            .arg(unreadableRows));
    return parts.join(QStringLiteral("; ")) + QLatin1Char('.');
}

Repairer::Repairer(const QString &damagedPath)
    : m_damaged(damagedPath)
{}

bool Repairer::fail(const QString &why)
{
    m_error = why;
    qCInfo(lcDatabase) << "repair failed:" << why;
    return false;
}

std::optional<RepairReport> Repairer::run()
{
    m_error.clear();
    const bool inPlace = m_output.isEmpty();
    const QString target = inPlace ? m_damaged + QStringLiteral(".repairing-") + stamp() : m_output;
    if (QFileInfo::exists(target)) {
        fail(tr("%1 already exists; choose a new file for the repaired library.").arg(target));
        return std::nullopt;
    }
    if (QFileInfo(target).absoluteFilePath() == QFileInfo(m_damaged).absoluteFilePath()) {
        fail(tr("The repaired library needs a file of its own, not %1.").arg(target));
        return std::nullopt;
    }

    Salvage salvage(m_damaged);
    const std::optional<SalvagedLibrary> salvaged = salvage.read();
    if (!salvaged) {
        fail(salvage.errorString());
        return std::nullopt;
    }

    RepairReport report;
    report.unreadableRows = salvaged->unreadableRows;
    report.savedSearches = int(salvaged->savedSearches.size());
    {
        Library repaired;
        if (!repaired.open(target)) {
            fail(repaired.errorString());
            return std::nullopt;
        }
        auto abandon = [&](const QString &why) {
            repaired.close();
            QFile::remove(target);
            fail(why);
        };
        Importer importer(repaired);
        const int steps = int(salvaged->digests.size()) + 1;
        int done = 0;
        for (const SalvagedDigest &d : salvaged->digests) {
            Digest digest;
            digest.layout = d.layout;
            digest.date = d.date;
            digest.dateCertainty = d.certainty;
            digest.entries = d.readEntries;
            if (d.isComplete()) {
                ++report.fromLibrary;
            } else if (const auto fromFile = entriesFromFile(d)) {
                digest.entries = *fromFile;
                ++report.fromFiles;
            } else {
                ++report.partial;
                report.lostEntries += d.entries - int(d.readEntries.size());
            }
            const ImportReport stored =
                importer.importDigest(digest, d.contentHash, d.source, d.imported);
            if (!stored.failed.isEmpty()) {
                abandon(stored.failed.first().toString());
                return std::nullopt;
            }
            ++report.digests;
            if (m_progress)
                m_progress(++done, steps);
        }
        Backup backup(repaired);
        const std::optional<RestoreReport> restored = backup.restoreData(
            Backup::document({salvaged->readerData, salvaged->savedSearches, salvaged->rules})
                .json);
        if (!restored) {
            abandon(backup.errorString());
            return std::nullopt;
        }
        report.readerData = *restored;
        report.papers = repaired.paperCount();
        if (m_progress)
            m_progress(steps, steps);
    }

    report.repairedPath = target;
    report.damagedPath = m_damaged;
    if (inPlace) {
        const QString aside = m_damaged + QStringLiteral(".damaged-") + stamp();
        if (!moveLibrary(m_damaged, aside)) {
            fail(tr("The repaired library is %1, but the damaged file could not be moved aside "
                    "to make room for it.")
                     .arg(target));
            return std::nullopt;
        }
        report.damagedPath = aside;
        if (!QFile::rename(target, m_damaged)) {
            fail(tr("The repaired library is %1 and the damaged file is now %2; move the "
                    "repaired one to %3 yourself.")
                     .arg(target, aside, m_damaged));
            return std::nullopt;
        }
        report.repairedPath = m_damaged;
    }
    qCInfo(lcDatabase) << "repaired" << m_damaged << "into" << report.repairedPath;
    return report;
}

} // namespace gleaner
