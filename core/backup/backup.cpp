#include "backup/backup.h"

#include "logging.h"
#include "model/dates.h"
#include "model/titlekey.h"
#include "storage/database.h"
#include "storage/library.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <sqlite3.h>

#include <cstdio>
#include <gleaner/buildinfo.h>

namespace gleaner {

namespace {

const char *const kFormatName = "gleaner-reader-data";

QJsonValue textOrNull(const Statement &st, int column)
{
    return st.isNull(column) ? QJsonValue(QJsonValue::Null) : QJsonValue(st.text(column));
}

QString optionalText(const QJsonValue &value)
{
    return value.isString() ? value.toString() : QString();
}

// One paper's reader data, as in the file and in pending_reader_data.
struct ReaderData
{
    QString key;
    QString title;
    bool starred = false;
    bool read = false;
    QString readAt;
    QStringList tags;
    QString note;
    QString noteChanged;
};

struct SavedSearchData
{
    QString name;
    QString query;
};

QStringList tagsFromJson(const QString &json)
{
    QStringList tags;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array()) {
        if (v.isString())
            tags << v.toString();
    }
    return tags;
}

QString tagsToJson(const QStringList &tags)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(tags)).toJson(QJsonDocument::Compact));
}

// The earlier of two ISO times; either may be empty.
QString earlier(const QString &a, const QString &b)
{
    if (a.isEmpty())
        return b;
    if (b.isEmpty())
        return a;
    return QDateTime::fromString(a, Qt::ISODateWithMs) <=
                   QDateTime::fromString(b, Qt::ISODateWithMs)
               ? a
               : b;
}

QString later(const QString &a, const QString &b)
{
    if (a.isEmpty() || b.isEmpty())
        return a.isEmpty() ? b : a;
    return earlier(a, b) == a ? b : a;
}

enum class NoteMerge
{
    Unchanged,
    Taken, // the library had no note, or one the backup's contains
    Both,  // two different notes, both kept
};

// Merges the backup's note into the library's. Returns what happened and
// sets `text`/`changed` to the result.
NoteMerge mergeNotes(const QString &local, const QString &localChanged, const QString &incoming,
                     const QString &incomingChanged, QString *text, QString *changed)
{
    const QString mine = local.trimmed();
    const QString theirs = incoming.trimmed();
    *text = local;
    *changed = localChanged;
    if (theirs.isEmpty() || mine == theirs || mine.contains(theirs))
        return NoteMerge::Unchanged;
    if (mine.isEmpty() || theirs.contains(mine)) {
        *text = incoming;
        *changed = incomingChanged.isEmpty() ? nowIso() : later(localChanged, incomingChanged);
        return NoteMerge::Taken;
    }
    const QDateTime when = QDateTime::fromString(incomingChanged, Qt::ISODateWithMs);
    const QString separator =
        when.isValid() ? QStringLiteral("--- Note restored from a backup (written %1) ---")
                             .arg(when.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")))
                       : QStringLiteral("--- Note restored from a backup ---");
    *text = mine + QStringLiteral("\n\n") + separator + QStringLiteral("\n\n") + theirs;
    *changed = nowIso();
    return NoteMerge::Both;
}

bool readBackup(const QByteArray &json, QList<ReaderData> *papers, QList<SavedSearchData> *searches,
                QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QStringLiteral("This is not a Gleaner backup: it is not valid JSON (%1 at byte "
                                "%2).")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return false;
    }
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != QLatin1String(kFormatName)) {
        *error = QStringLiteral("This is not a Gleaner backup: its \"format\" is not \"%1\".")
                     .arg(QLatin1String(kFormatName));
        return false;
    }
    const int version = root.value(QStringLiteral("version")).toInt(0);
    if (version < 1) {
        *error = QStringLiteral("This Gleaner backup has no valid \"version\".");
        return false;
    }
    if (version > Backup::kFormatVersion) {
        *error = QStringLiteral("This backup was written by a newer Gleaner (backup format %1; "
                                "this version reads up to %2). Update Gleaner to restore it.")
                     .arg(version)
                     .arg(Backup::kFormatVersion);
        return false;
    }
    const QJsonValue paperList = root.value(QStringLiteral("papers"));
    if (!paperList.isArray() && !paperList.isUndefined()) {
        *error = QStringLiteral("This Gleaner backup is damaged: \"papers\" is not a list.");
        return false;
    }
    int index = 0;
    for (const QJsonValue &v : paperList.toArray()) {
        ++index;
        const QJsonObject o = v.toObject();
        ReaderData d;
        d.title = optionalText(o.value(QStringLiteral("title")));
        d.key = d.title.trimmed().isEmpty() ? optionalText(o.value(QStringLiteral("key")))
                                            : titleKey(d.title);
        if (!v.isObject() || d.key.trimmed().isEmpty()) {
            *error =
                QStringLiteral("This Gleaner backup is damaged: paper %1 has no title.").arg(index);
            return false;
        }
        if (d.title.isEmpty())
            d.title = d.key;
        d.starred = o.value(QStringLiteral("starred")).toBool();
        d.read = o.value(QStringLiteral("read")).toBool();
        d.readAt = optionalText(o.value(QStringLiteral("read_at")));
        for (const QJsonValue &t : o.value(QStringLiteral("tags")).toArray()) {
            const QString tag = Library::cleanTagName(t.toString());
            if (!tag.isEmpty())
                d.tags << tag;
        }
        d.note = optionalText(o.value(QStringLiteral("note")));
        d.noteChanged = optionalText(o.value(QStringLiteral("note_changed")));
        papers->append(d);
    }
    for (const QJsonValue &v : root.value(QStringLiteral("saved_searches")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString name = o.value(QStringLiteral("name")).toString().simplified();
        if (!name.isEmpty())
            searches->append({name, o.value(QStringLiteral("query")).toString()});
    }
    return true;
}

// Adds tags to a paper; returns the number of new pairs, or -1 on error.
int addTags(Database &db, qint64 paperId, const QStringList &tags)
{
    int added = 0;
    for (const QString &raw : tags) {
        const QString name = Library::cleanTagName(raw);
        if (name.isEmpty())
            continue;
        auto create = db.cached("INSERT OR IGNORE INTO tags(name) VALUES (?1)");
        if (!create.bind(1, name).run())
            return -1;
        auto link = db.cached("INSERT OR IGNORE INTO paper_tags(paper_id, tag_id) "
                              "SELECT ?1, id FROM tags WHERE name = ?2");
        if (!link.bind(1, std::int64_t(paperId)).bind(2, name).run())
            return -1;
        added += db.changes();
    }
    return added;
}

class Restorer
{
public:
    Restorer(Database &db, RestoreReport &report)
        : m_db(db)
        , m_report(report)
    {}

    bool apply(const ReaderData &d)
    {
        ++m_report.papers;
        auto find = m_db.cached("SELECT id, starred, read, read_at, note, note_changed "
                                "FROM papers WHERE key_hash = ?1 AND key = ?2");
        find.bind(1, std::int64_t(titleKeyHash(d.key))).bind(2, d.key);
        if (find.next()) {
            const qint64 id = find.int64(0);
            const bool starred = find.integer(1) != 0;
            const bool read = find.integer(2) != 0;
            const QString readAt = find.text(3);
            const QString note = find.text(4);
            const QString noteChanged = find.text(5);
            find.reset();
            return applyToPaper(id, d, starred, read, readAt, note, noteChanged);
        }
        if (!find.ok())
            return false;
        return applyToPending(d);
    }

    bool applySearch(const SavedSearchData &s)
    {
        for (int n = 1;; ++n) {
            const QString name = n == 1   ? s.name
                                 : n == 2 ? s.name + QStringLiteral(" (restored)")
                                          : s.name + QStringLiteral(" (restored %1)").arg(n - 1);
            auto find = m_db.cached("SELECT query FROM saved_searches WHERE name = ?1");
            find.bind(1, name);
            if (find.next()) {
                const bool same = find.text(0) == s.query;
                find.reset();
                if (same)
                    return true;
                continue;
            }
            if (!find.ok())
                return false;
            auto insert = m_db.cached("INSERT INTO saved_searches(name, query) VALUES (?1, ?2)");
            if (!insert.bind(1, name).bind(2, s.query).run())
                return false;
            ++m_report.searchesAdded;
            if (n > 1)
                m_report.renamedSearches << name;
            return true;
        }
    }

private:
    bool applyToPaper(qint64 id, const ReaderData &d, bool starred, bool read,
                      const QString &readAt, const QString &note, const QString &noteChanged)
    {
        ++m_report.matched;
        if (d.starred && !starred) {
            auto st = m_db.cached("UPDATE papers SET starred = 1 WHERE id = ?1");
            if (!st.bind(1, std::int64_t(id)).run())
                return false;
            ++m_report.starsAdded;
        }
        if (d.read) {
            const QString when =
                read ? earlier(readAt, d.readAt) : (d.readAt.isEmpty() ? nowIso() : d.readAt);
            if (!read || when != readAt) {
                auto st = m_db.cached("UPDATE papers SET read = 1, read_at = ?2 WHERE id = ?1");
                if (!st.bind(1, std::int64_t(id)).bind(2, when).run())
                    return false;
            }
            if (!read)
                ++m_report.readAdded;
        }
        const int tags = addTags(m_db, id, d.tags);
        if (tags < 0)
            return false;
        m_report.tagsAdded += tags;
        QString text;
        QString changed;
        const NoteMerge merge =
            mergeNotes(note, noteChanged, d.note, d.noteChanged, &text, &changed);
        if (merge != NoteMerge::Unchanged) {
            auto st = m_db.cached("UPDATE papers SET note = ?2, note_changed = ?3 WHERE id = ?1");
            if (!st.bind(1, std::int64_t(id)).bind(2, text).bind(3, changed).run())
                return false;
            count(merge, d.title);
        }
        return true;
    }

    bool applyToPending(const ReaderData &d)
    {
        ++m_report.pending;
        ReaderData merged = d;
        auto find = m_db.cached("SELECT starred, read, read_at, tags, note, note_changed "
                                "FROM pending_reader_data WHERE key = ?1");
        find.bind(1, d.key);
        bool existed = false;
        if (find.next()) {
            existed = true;
            merged.starred = d.starred || find.integer(0) != 0;
            const bool wasRead = find.integer(1) != 0;
            merged.read = d.read || wasRead;
            merged.readAt = wasRead && d.read ? earlier(find.text(2), d.readAt)
                            : wasRead         ? find.text(2)
                                              : d.readAt;
            merged.tags = tagsFromJson(find.text(3));
            for (const QString &t : d.tags) {
                if (!merged.tags.contains(t, Qt::CaseInsensitive)) {
                    merged.tags << t;
                    ++m_report.tagsAdded;
                }
            }
            const NoteMerge merge = mergeNotes(find.text(4), find.text(5), d.note, d.noteChanged,
                                               &merged.note, &merged.noteChanged);
            count(merge, d.title);
            find.reset();
        } else if (!find.ok()) {
            return false;
        }
        if (!existed) {
            m_report.starsAdded += d.starred ? 1 : 0;
            m_report.readAdded += d.read ? 1 : 0;
            m_report.tagsAdded += int(d.tags.size());
            m_report.notesAdded += d.note.trimmed().isEmpty() ? 0 : 1;
        }
        auto save = m_db.cached(
            "INSERT OR REPLACE INTO pending_reader_data(key, title, starred, read, read_at, tags, "
            "note, note_changed, restored) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
        save.bind(1, merged.key).bind(2, merged.title).bind(3, merged.starred);
        save.bind(4, merged.read).bind(6, tagsToJson(merged.tags)).bind(9, nowIso());
        if (merged.read && !merged.readAt.isEmpty())
            save.bind(5, merged.readAt);
        else
            save.bindNull(5);
        if (merged.note.trimmed().isEmpty()) {
            save.bindNull(7).bindNull(8);
        } else {
            save.bind(7, merged.note);
            if (merged.noteChanged.isEmpty())
                save.bind(8, nowIso());
            else
                save.bind(8, merged.noteChanged);
        }
        return save.run();
    }

    void count(NoteMerge merge, const QString &title)
    {
        if (merge == NoteMerge::Taken)
            ++m_report.notesAdded;
        else if (merge == NoteMerge::Both)
            m_report.noteConflicts << title;
    }

    Database &m_db;
    RestoreReport &m_report;
};

} // namespace

QString RestoreReport::summary() const
{
    QString s = papers == 1 ? QStringLiteral("1 paper") : QStringLiteral("%1 papers").arg(papers);
    s += QStringLiteral(" (%1 in the library, %2 waiting for their digests)")
             .arg(matched)
             .arg(pending);
    QStringList added;
    auto add = [&added](int n, const char *one, const char *many) {
        if (n > 0)
            added << (n == 1 ? QString::fromLatin1(one) : QString::fromLatin1(many).arg(n));
    };
    add(starsAdded, "1 star", "%1 stars");
    add(readAdded, "1 read mark", "%1 read marks");
    add(tagsAdded, "1 tag", "%1 tags");
    add(notesAdded, "1 note", "%1 notes");
    add(searchesAdded, "1 saved search", "%1 saved searches");
    s += added.isEmpty()
             ? QStringLiteral(": nothing new")
             : QStringLiteral(": ") + added.join(QStringLiteral(", ")) + QStringLiteral(" added");
    if (!noteConflicts.isEmpty())
        s += noteConflicts.size() == 1
                 ? QStringLiteral("; 1 paper had a different note, both are kept")
                 : QStringLiteral("; %1 papers had different notes, both are kept")
                       .arg(noteConflicts.size());
    return s;
}

QByteArray Backup::toJson(Library &library, BackupSummary *summary)
{
    // A connection of its own reads the latest committed state even when the
    // library's connection still holds an older read (a cached statement not
    // yet reset), and one read transaction gives papers and searches from one
    // state.
    Database own;
    Database &db =
        own.open(library.path(), Database::OpenMode::ReadOnly) ? own : library.database();
    (void)db.exec("SAVEPOINT gleaner_backup");
    QList<std::pair<QString, QJsonObject>> entries;
    Statement papers =
        db.prepare("SELECT id, key, title, starred, read, read_at, note, note_changed FROM papers "
                   "WHERE starred OR read OR note IS NOT NULL "
                   "OR id IN (SELECT paper_id FROM paper_tags)");
    while (papers.next()) {
        auto tags = db.cached("SELECT t.name FROM paper_tags pt JOIN tags t ON t.id = "
                              "pt.tag_id WHERE pt.paper_id = ?1 ORDER BY t.name");
        tags.bind(1, papers.int64(0));
        QJsonArray tagList;
        while (tags.next())
            tagList.append(tags.text(0));
        entries.append(
            {papers.text(1), QJsonObject{{QStringLiteral("key"), papers.text(1)},
                                         {QStringLiteral("title"), papers.text(2)},
                                         {QStringLiteral("starred"), papers.integer(3) != 0},
                                         {QStringLiteral("read"), papers.integer(4) != 0},
                                         {QStringLiteral("read_at"), textOrNull(papers, 5)},
                                         {QStringLiteral("tags"), tagList},
                                         {QStringLiteral("note"), textOrNull(papers, 6)},
                                         {QStringLiteral("note_changed"), textOrNull(papers, 7)}}});
    }
    // Data still waiting for its paper is reader data too.
    Statement pending = db.prepare("SELECT key, title, starred, read, read_at, tags, note, "
                                   "note_changed FROM pending_reader_data");
    while (pending.next()) {
        entries.append({pending.text(0),
                        QJsonObject{{QStringLiteral("key"), pending.text(0)},
                                    {QStringLiteral("title"), pending.text(1)},
                                    {QStringLiteral("starred"), pending.integer(2) != 0},
                                    {QStringLiteral("read"), pending.integer(3) != 0},
                                    {QStringLiteral("read_at"), textOrNull(pending, 4)},
                                    {QStringLiteral("tags"),
                                     QJsonArray::fromStringList(tagsFromJson(pending.text(5)))},
                                    {QStringLiteral("note"), textOrNull(pending, 6)},
                                    {QStringLiteral("note_changed"), textOrNull(pending, 7)}}});
    }
    std::sort(entries.begin(), entries.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    QJsonArray paperArray;
    for (const auto &e : std::as_const(entries))
        paperArray.append(e.second);

    QJsonArray searches;
    Statement saved = db.prepare("SELECT name, query FROM saved_searches ORDER BY name");
    while (saved.next())
        searches.append(QJsonObject{{QStringLiteral("name"), saved.text(0)},
                                    {QStringLiteral("query"), saved.text(1)}});
    (void)db.exec("RELEASE gleaner_backup");

    if (summary) {
        summary->papers = int(paperArray.size());
        summary->savedSearches = int(searches.size());
    }
    const QJsonObject root{
        {QStringLiteral("format"), QLatin1String(kFormatName)},
        {QStringLiteral("version"), kFormatVersion},
        {QStringLiteral("created"), nowIso()},
        {QStringLiteral("generator"), QStringLiteral("Gleaner " GLEANER_VERSION)},
        {QStringLiteral("papers"), paperArray},
        {QStringLiteral("saved_searches"), searches},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool Backup::write(Library &library, const QString &path, QString *error, BackupSummary *summary)
{
    const QByteArray json = toJson(library, summary);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        *error =
            QStringLiteral("Could not write the backup to %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool Backup::restore(Library &library, const QString &path, RestoreReport *report, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("Could not read the backup %1: %2").arg(path, file.errorString());
        return false;
    }
    return restoreData(library, file.readAll(), report, error);
}

bool Backup::restoreData(Library &library, const QByteArray &json, RestoreReport *report,
                         QString *error)
{
    QList<ReaderData> papers;
    QList<SavedSearchData> searches;
    if (!readBackup(json, &papers, &searches, error))
        return false;
    Database &db = library.database();
    RestoreReport result;
    Transaction tx(db);
    Restorer restorer(db, result);
    bool ok = tx.isActive();
    for (qsizetype i = 0; ok && i < papers.size(); ++i)
        ok = restorer.apply(papers.at(i));
    for (qsizetype i = 0; ok && i < searches.size(); ++i)
        ok = restorer.applySearch(searches.at(i));
    if (!ok || !tx.commit()) {
        *error = QStringLiteral("Could not restore the backup; the library was not changed: %1")
                     .arg(db.lastError());
        return false;
    }
    if (report)
        *report = result;
    return true;
}

bool Backup::snapshot(Library &library, const QString &path, QString *error)
{
    const QFileInfo target(path);
    if (target.exists() &&
        target.canonicalFilePath() == QFileInfo(library.path()).canonicalFilePath()) {
        *error = QStringLiteral("The snapshot cannot replace the library itself; choose "
                                "another file.");
        return false;
    }
    if (target.exists() && !target.isFile()) {
        *error = QStringLiteral("%1 is not a file; choose a file for the snapshot.").arg(path);
        return false;
    }
    // Read through a connection of its own, for the same reason as toJson().
    Database source;
    if (!source.open(library.path(), Database::OpenMode::ReadOnly)) {
        *error = QStringLiteral("Could not read the library for the snapshot: %1")
                     .arg(source.lastError());
        return false;
    }
    const QString partial = target.absoluteFilePath() + QStringLiteral(".partial");
    QFile::remove(partial);
    sqlite3 *dest = nullptr;
    int rc = sqlite3_open_v2(QFile::encodeName(partial).constData(), &dest,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc == SQLITE_OK) {
        sqlite3_backup *backup = sqlite3_backup_init(dest, "main", source.handle(), "main");
        if (backup) {
            // All pages in one step: one read transaction, hence one state of
            // the library. Busy only while a writer checkpoints or recovers.
            for (int tries = 0; tries < 100; ++tries) {
                rc = sqlite3_backup_step(backup, -1);
                if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
                    break;
                sqlite3_sleep(50);
            }
            sqlite3_backup_finish(backup);
            if (rc == SQLITE_DONE)
                rc = sqlite3_errcode(dest);
        } else {
            rc = sqlite3_errcode(dest);
        }
    }
    const QString why = QString::fromUtf8(sqlite3_errstr(rc));
    sqlite3_close(dest);
    if (rc != SQLITE_OK && rc != SQLITE_DONE) {
        QFile::remove(partial);
        *error = QStringLiteral("Could not write the snapshot %1: %2").arg(path, why);
        return false;
    }
    // rename() replaces an older snapshot atomically; a failure leaves it.
    if (std::rename(QFile::encodeName(partial).constData(),
                    QFile::encodeName(target.absoluteFilePath()).constData()) != 0) {
        QFile::remove(partial);
        *error = QStringLiteral("Could not move the snapshot into place at %1.").arg(path);
        return false;
    }
    qCInfo(lcDatabase) << "snapshot of" << library.path() << "written to" << path;
    return true;
}

bool Backup::attachPending(Database &db, qint64 paperId, const QString &key, bool *attached)
{
    *attached = false;
    auto find = db.cached("SELECT starred, read, read_at, tags, note, note_changed "
                          "FROM pending_reader_data WHERE key = ?1");
    find.bind(1, key);
    if (!find.next())
        return find.ok();
    const bool starred = find.integer(0) != 0;
    const bool read = find.integer(1) != 0;
    const QString readAt = find.isNull(2) ? QString() : find.text(2);
    const QStringList tags = tagsFromJson(find.text(3));
    const bool hasNote = !find.isNull(4);
    const QString note = find.text(4);
    const QString noteChanged = find.text(5);
    find.reset();

    auto update = db.cached("UPDATE papers SET starred = ?2, read = ?3, read_at = ?4, note = ?5, "
                            "note_changed = ?6 WHERE id = ?1");
    update.bind(1, std::int64_t(paperId)).bind(2, starred).bind(3, read);
    if (read)
        update.bind(4, readAt.isEmpty() ? nowIso() : readAt);
    else
        update.bindNull(4);
    if (hasNote)
        update.bind(5, note).bind(6, noteChanged.isEmpty() ? nowIso() : noteChanged);
    else
        update.bindNull(5).bindNull(6);
    if (!update.run() || addTags(db, paperId, tags) < 0)
        return false;
    auto drop = db.cached("DELETE FROM pending_reader_data WHERE key = ?1");
    if (!drop.bind(1, key).run())
        return false;
    *attached = true;
    return true;
}

} // namespace gleaner
