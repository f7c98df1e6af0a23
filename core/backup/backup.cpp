#include "backup/backup.h"

#include "logging.h"
#include "model/dates.h"
#include "model/titlekey.h"
#include "storage/database.h"
#include "storage/highlightstore.h"
#include "storage/library.h"
#include "storage/notehistorystore.h"
#include "storage/paperstore.h"
#include "storage/queuestore.h"
#include "storage/readerdatastore.h"
#include "storage/rulestore.h"
#include "storage/tagstore.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>
#include <cstdio>
#include <gleaner/buildinfo.h>

namespace gleaner {

namespace {

const char *const kFormatName = "gleaner-reader-data";

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QString optionalText(const QJsonValue &value)
{
    return value.isString() ? value.toString() : QString();
}

struct SavedSearchData
{
    QString name;
    QString query;
};

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

struct MergedNote
{
    NoteMerge how = NoteMerge::Unchanged;
    QString text;
    QString changed; // ISO 8601
};

// The backup's note merged into the library's.
MergedNote mergeNotes(const QString &local, const QString &localChanged, const QString &incoming,
                      const QString &incomingChanged)
{
    const QString mine = local.trimmed();
    const QString theirs = incoming.trimmed();
    if (theirs.isEmpty() || mine == theirs || mine.contains(theirs))
        return {NoteMerge::Unchanged, local, localChanged};
    if (mine.isEmpty() || theirs.contains(mine))
        return {NoteMerge::Taken, incoming,
                incomingChanged.isEmpty() ? nowIso() : later(localChanged, incomingChanged)};
    const QDateTime when = QDateTime::fromString(incomingChanged, Qt::ISODateWithMs);
    const QString separator =
        when.isValid() ? QStringLiteral("--- Note restored from a backup (written %1) ---")
                             .arg(when.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")))
                       : QStringLiteral("--- Note restored from a backup ---");
    return {NoteMerge::Both,
            mine + QStringLiteral("\n\n") + separator + QStringLiteral("\n\n") + theirs, nowIso()};
}

// What a backup file holds.
struct ParsedBackup
{
    QList<ReaderData> papers;
    QList<SavedSearchData> searches;
    QList<Rule> rules;
};

// Two rules that would do the same: the same query and the same actions.
bool sameRule(const Rule &a, const Rule &b)
{
    auto folded = [](const QStringList &tags) {
        QStringList f;
        for (const QString &t : tags)
            f << t.toLower();
        f.sort();
        return f;
    };
    return a.query.trimmed() == b.query.trimmed() && a.star == b.star && a.markRead == b.markRead &&
           a.dismiss == b.dismiss && a.queue == b.queue && folded(a.tags) == folded(b.tags);
}

// Reads the file format above; says why a file is refused.
class BackupParser
{
    Q_DECLARE_TR_FUNCTIONS(Backup)

public:
    std::optional<ParsedBackup> parse(const QByteArray &json);
    QString errorString() const { return m_error; }

private:
    std::optional<ParsedBackup> fail(const QString &why)
    {
        m_error = why;
        return std::nullopt;
    }

    QString m_error;
};

std::optional<ParsedBackup> BackupParser::parse(const QByteArray &json)
{
    ParsedBackup parsed;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return fail(tr("This is not a Gleaner backup: it is not valid JSON (%1 at byte "
                       "%2).")
                        .arg(parseError.errorString())
                        .arg(parseError.offset));
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != QLatin1String(kFormatName))
        return fail(tr("This is not a Gleaner backup: its \"format\" is not \"%1\".")
                        .arg(QLatin1String(kFormatName)));
    const int version = root.value(QStringLiteral("version")).toInt(0);
    if (version < 1)
        return fail(tr("This Gleaner backup has no valid \"version\"."));
    if (version > Backup::kFormatVersion) {
        return fail(tr("This backup was written by a newer Gleaner (backup format %1; "
                       "this version reads up to %2). Update Gleaner to restore it.")
                        .arg(version)
                        .arg(Backup::kFormatVersion));
    }
    const QJsonValue paperList = root.value(QStringLiteral("papers"));
    if (!paperList.isArray() && !paperList.isUndefined())
        return fail(tr("This Gleaner backup is damaged: \"papers\" is not a list."));
    int index = 0;
    for (const QJsonValue &v : paperList.toArray()) {
        ++index;
        const QJsonObject o = v.toObject();
        ReaderData d;
        d.title = optionalText(o.value(QStringLiteral("title")));
        // A key from the file is folded like a title: one written by hand (or
        // by a future Gleaner) that is not a titleKey() would wait under a key
        // no imported paper has, and come back as a second paper on the next
        // restore of our own backup.
        d.key = titleKey(d.title.trimmed().isEmpty() ? optionalText(o.value(QStringLiteral("key")))
                                                     : d.title);
        if (!v.isObject() || d.key.trimmed().isEmpty())
            return fail(tr("This Gleaner backup is damaged: paper %1 has no title.").arg(index));
        if (d.title.isEmpty())
            d.title = d.key;
        d.starred = o.value(QStringLiteral("starred")).toBool();
        d.read = o.value(QStringLiteral("read")).toBool();
        d.readAt = optionalText(o.value(QStringLiteral("read_at")));
        d.dismissed = o.value(QStringLiteral("dismissed")).toBool();
        d.dismissedAt =
            d.dismissed ? optionalText(o.value(QStringLiteral("dismissed_at"))) : QString();
        for (const QJsonValue &t : o.value(QStringLiteral("tags")).toArray()) {
            const QString tag = Library::cleanTagName(t.toString());
            if (!tag.isEmpty())
                d.tags << tag;
        }
        d.note = optionalText(o.value(QStringLiteral("note")));
        d.noteChanged = optionalText(o.value(QStringLiteral("note_changed")));
        for (const QJsonValue &done : o.value(QStringLiteral("rules_applied")).toArray()) {
            const QJsonArray pair = done.toArray();
            if (pair.size() == 2 && pair.at(0).isString() && pair.at(1).isString())
                d.rulesApplied.append({pair.at(0).toString().simplified(), pair.at(1).toString()});
        }
        d.noteHistory =
            NoteHistoryStore::fromJson(o.value(QStringLiteral("note_history")).toArray());
        // The paper's rank in the reading queue; anything but a positive
        // whole number is "not queued".
        const double rank = o.value(QStringLiteral("queued")).toDouble(0);
        if (rank >= 1 && rank <= 1e15 && rank == qint64(rank))
            d.queuePosition = qint64(rank);
        // A highlight this version cannot read is left out, like a rule.
        for (const QJsonValue &h : o.value(QStringLiteral("highlights")).toArray()) {
            if (const std::optional<Highlight> highlight = highlightFromJson(h.toObject()))
                d.highlights.append(*highlight);
        }
        parsed.papers.append(d);
    }
    for (const QJsonValue &v : root.value(QStringLiteral("rules")).toArray()) {
        const QJsonObject o = v.toObject();
        Rule r;
        r.name = o.value(QStringLiteral("name")).toString().simplified();
        r.query = o.value(QStringLiteral("query")).toString().trimmed();
        for (const QJsonValue &t : o.value(QStringLiteral("tags")).toArray())
            r.tags << t.toString();
        r.star = o.value(QStringLiteral("star")).toBool();
        r.markRead = o.value(QStringLiteral("read")).toBool();
        r.dismiss = o.value(QStringLiteral("dismiss")).toBool();
        r.queue = o.value(QStringLiteral("queue")).toBool();
        // A rule this version could not run is left out, not refused with
        // the whole file: the reader data still comes back.
        if (!r.name.isEmpty() && !r.query.isEmpty() && r.hasActions())
            parsed.rules.append(r);
    }
    for (const QJsonValue &v : root.value(QStringLiteral("saved_searches")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString name = o.value(QStringLiteral("name")).toString().simplified();
        if (!name.isEmpty())
            parsed.searches.append({name, o.value(QStringLiteral("query")).toString()});
    }
    return parsed;
}

class Restorer
{
public:
    Restorer(Database &db, RestoreReport &report)
        : m_papers(db)
        , m_tags(db)
        , m_readerData(db)
        , m_rules(db)
        , m_history(db)
        , m_queue(db)
        , m_highlights(db)
        , m_report(report)
    {}

    // The saved searches already there, so that a name can be checked
    // without a query per try.
    bool loadSearches()
    {
        const std::optional<QList<SavedSearch>> existing = m_readerData.savedSearches();
        if (!existing)
            return fail(m_readerData.errorString());
        for (const SavedSearch &s : *existing)
            m_searches.insert(s.name, s.query);
        return true;
    }

    // A rule is matched by name: the same rule is kept as it is, a
    // different one of that name comes in as "NAME (restored)", and what
    // the backup says it did follows it there.
    bool applyRule(const Rule &r)
    {
        for (int n = 1;; ++n) {
            const QString name = n == 1   ? r.name
                                 : n == 2 ? r.name + QStringLiteral(" (restored)")
                                          : r.name + QStringLiteral(" (restored %1)").arg(n - 1);
            const std::optional<Rule> existing = m_rules.rule(name);
            if (existing) {
                if (sameRule(*existing, r)) {
                    m_ruleNames.insert(r.name.toLower(), existing->name);
                    return true;
                }
                continue;
            }
            Rule incoming = r;
            incoming.name = name;
            if (!m_rules.add(incoming))
                return fail(m_rules.errorString());
            m_ruleNames.insert(r.name.toLower(), name);
            ++m_report.rulesAdded;
            if (n > 1)
                m_report.renamedRules << name;
            return true;
        }
    }

    bool apply(const ReaderData &backup)
    {
        ++m_report.papers;
        // What rules did, under the names the rules have here now.
        ReaderData d = backup;
        d.rulesApplied.clear();
        for (const auto &[rule, action] : backup.rulesApplied) {
            const auto name = m_ruleNames.constFind(rule.toLower());
            if (name != m_ruleNames.cend())
                d.rulesApplied.append({*name, action});
        }
        const std::optional<KnownPaper> known = m_papers.findByKey(d.key);
        if (!known)
            return fail(m_papers.errorString());
        if (d.queuePosition)
            m_queued.append({*d.queuePosition, known->id, d.key});
        d.queuePosition.reset(); // the queue is merged once every paper is in
        if (known->id == 0)
            return applyToPending(d);
        const std::optional<ReaderData> local = m_readerData.ofPaper(known->id);
        if (!local)
            return fail(m_readerData.errorString());
        return applyToPaper(known->id, d, *local);
    }

    // The backup's queue merged into the library's: a paper already queued
    // keeps its place, the others are appended in the backup's order, and
    // those not imported yet have their place kept for them.
    bool applyQueue()
    {
        std::stable_sort(m_queued.begin(), m_queued.end(),
                         [](const Queued &a, const Queued &b) { return a.rank < b.rank; });
        for (const Queued &q : std::as_const(m_queued)) {
            if (q.paperId != 0) {
                const std::optional<int> added = m_queue.append({q.paperId});
                if (!added)
                    return fail(m_queue.errorString());
                m_report.queued += *added;
                continue;
            }
            std::optional<ReaderData> waiting = m_readerData.pending(q.key);
            if (!waiting)
                return fail(m_readerData.errorString());
            if (waiting->key.isEmpty() || waiting->queuePosition)
                continue;
            const std::optional<qint64> position = m_queue.nextPosition();
            if (!position)
                return fail(m_queue.errorString());
            waiting->queuePosition = *position;
            if (!m_readerData.savePending(*waiting))
                return fail(m_readerData.errorString());
            ++m_report.queued;
        }
        return true;
    }

    bool applySearch(const SavedSearchData &s)
    {
        for (int n = 1;; ++n) {
            const QString name = n == 1   ? s.name
                                 : n == 2 ? s.name + QStringLiteral(" (restored)")
                                          : s.name + QStringLiteral(" (restored %1)").arg(n - 1);
            const auto existing = m_searches.constFind(name);
            if (existing != m_searches.cend()) {
                if (*existing == s.query)
                    return true;
                continue;
            }
            if (!m_readerData.addSavedSearch(name, s.query))
                return fail(m_readerData.errorString());
            m_searches.insert(name, s.query);
            ++m_report.searchesAdded;
            if (n > 1)
                m_report.renamedSearches << name;
            return true;
        }
    }

    QString errorString() const { return m_error; }

private:
    bool fail(const QString &why)
    {
        m_error = why;
        return false;
    }

    bool applyToPaper(qint64 id, const ReaderData &d, const ReaderData &local)
    {
        ++m_report.matched;
        ReaderData merged = local;
        bool changed = false;
        if (d.starred && !local.starred) {
            merged.starred = true;
            changed = true;
            ++m_report.starsAdded;
        }
        if (d.read) {
            const QString when = local.read ? earlier(local.readAt, d.readAt)
                                            : (d.readAt.isEmpty() ? nowIso() : d.readAt);
            if (!local.read || when != local.readAt) {
                merged.read = true;
                merged.readAt = when;
                changed = true;
            }
            if (!local.read)
                ++m_report.readAdded;
        }
        if (d.dismissed) {
            const QString when = local.dismissed
                                     ? earlier(local.dismissedAt, d.dismissedAt)
                                     : (d.dismissedAt.isEmpty() ? nowIso() : d.dismissedAt);
            if (!local.dismissed || when != local.dismissedAt) {
                merged.dismissed = true;
                merged.dismissedAt = when;
                changed = true;
            }
            if (!local.dismissed)
                ++m_report.dismissalsAdded;
        }
        const std::optional<int> tags = m_tags.addTags({id}, d.tags);
        if (!tags)
            return fail(m_tags.errorString());
        m_report.tagsAdded += *tags;
        const MergedNote note = mergeNotes(local.note, local.noteChanged, d.note, d.noteChanged);
        merged.note = note.text;
        merged.noteChanged = note.changed;
        if (note.how != NoteMerge::Unchanged) {
            changed = true;
            count(note.how, d.title);
        }
        if (changed && !m_readerData.write(id, merged))
            return fail(m_readerData.errorString());
        for (const auto &[rule, action] : d.rulesApplied) {
            if (!m_rules.remember(id, rule, action))
                return fail(m_rules.errorString());
        }
        const std::optional<int> versions = m_history.merge(id, d.noteHistory);
        if (!versions)
            return fail(m_history.errorString());
        m_report.noteVersionsAdded += *versions;
        const std::optional<int> highlights = m_highlights.restore(id, d.highlights);
        if (!highlights)
            return fail(m_highlights.errorString());
        m_report.highlightsAdded += *highlights;
        return true;
    }

    // Adds to `into` each of `versions` it lacks (one of the same time and
    // text), once even when a file lists it twice; the number added.
    static int unite(NoteHistory &into, const NoteHistory &versions)
    {
        int added = 0;
        for (const NoteVersion &v : versions) {
            if (std::none_of(into.cbegin(), into.cend(),
                             [&](const NoteVersion &k) { return k.sameAs(v); })) {
                into << v;
                ++added;
            }
        }
        return added;
    }

    bool applyToPending(const ReaderData &d)
    {
        ++m_report.pending;
        const std::optional<ReaderData> waiting = m_readerData.pending(d.key);
        if (!waiting)
            return fail(m_readerData.errorString());
        ReaderData merged = d;
        if (!waiting->key.isEmpty()) {
            const ReaderData &w = *waiting;
            merged.queuePosition = w.queuePosition;
            merged.starred = d.starred || w.starred;
            merged.read = d.read || w.read;
            merged.readAt = w.read && d.read ? earlier(w.readAt, d.readAt)
                            : w.read         ? w.readAt
                                             : d.readAt;
            merged.dismissed = d.dismissed || w.dismissed;
            merged.dismissedAt = w.dismissed && d.dismissed ? earlier(w.dismissedAt, d.dismissedAt)
                                 : w.dismissed              ? w.dismissedAt
                                                            : d.dismissedAt;
            m_report.dismissalsAdded += d.dismissed && !w.dismissed ? 1 : 0;
            merged.tags = w.tags;
            for (const QString &t : d.tags) {
                if (!merged.tags.contains(t, Qt::CaseInsensitive)) {
                    merged.tags << t;
                    ++m_report.tagsAdded;
                }
            }
            const MergedNote note = mergeNotes(w.note, w.noteChanged, d.note, d.noteChanged);
            merged.note = note.text;
            merged.noteChanged = note.changed;
            count(note.how, d.title);
            merged.rulesApplied = w.rulesApplied;
            for (const auto &done : d.rulesApplied) {
                if (!merged.rulesApplied.contains(done))
                    merged.rulesApplied << done;
            }
            merged.noteHistory = w.noteHistory;
            m_report.noteVersionsAdded += unite(merged.noteHistory, d.noteHistory);
            merged.highlights = w.highlights;
            for (const Highlight &h : d.highlights) {
                const auto same = [&h](const Highlight &k) {
                    return k.field == h.field && k.quote == h.quote && k.start == h.start;
                };
                if (std::none_of(merged.highlights.cbegin(), merged.highlights.cend(), same)) {
                    merged.highlights << h;
                    ++m_report.highlightsAdded;
                }
            }
        } else {
            m_report.starsAdded += d.starred ? 1 : 0;
            m_report.readAdded += d.read ? 1 : 0;
            m_report.dismissalsAdded += d.dismissed ? 1 : 0;
            m_report.tagsAdded += int(d.tags.size());
            m_report.notesAdded += d.note.trimmed().isEmpty() ? 0 : 1;
            merged.noteHistory.clear();
            m_report.noteVersionsAdded += unite(merged.noteHistory, d.noteHistory);
            m_report.highlightsAdded += int(d.highlights.size());
        }
        return m_readerData.savePending(merged) || fail(m_readerData.errorString());
    }

    void count(NoteMerge merge, const QString &title)
    {
        if (merge == NoteMerge::Taken)
            ++m_report.notesAdded;
        else if (merge == NoteMerge::Both)
            m_report.noteConflicts << title;
    }

    struct Queued
    {
        qint64 rank;
        qint64 paperId; // 0: not imported yet
        QString key;
    };

    PaperStore m_papers;
    TagStore m_tags;
    ReaderDataStore m_readerData;
    RuleStore m_rules;
    NoteHistoryStore m_history;
    QueueStore m_queue;
    QList<Queued> m_queued;
    HighlightStore m_highlights;
    QHash<QString, QString> m_ruleNames; // the backup's name, folded -> the name here
    RestoreReport &m_report;
    QHash<QString, QString> m_searches;
    QString m_error;
};

} // namespace

QString RestoreReport::summary() const
{
    QString s = papers == 1 ? tr("1 paper") : tr("%1 papers").arg(papers);
    s += tr(" (%1 in the library, %2 waiting for their digests)").arg(matched).arg(pending);
    QStringList added;
    auto add = [&added](int n, const char *one, const char *many) {
        if (n > 0)
            added << (n == 1 ? tr(one) : tr(many).arg(n));
    };
    add(starsAdded, QT_TRANSLATE_NOOP("RestoreReport", "1 star"),
        QT_TRANSLATE_NOOP("RestoreReport", "%1 stars"));
    add(readAdded, QT_TRANSLATE_NOOP("RestoreReport", "1 read mark"),
        QT_TRANSLATE_NOOP("RestoreReport", "%1 read marks"));
    add(dismissalsAdded, QT_TRANSLATE_NOOP("RestoreReport", "1 \u201cnot interested\u201d"),
        QT_TRANSLATE_NOOP("RestoreReport", "%1 \u201cnot interested\u201d"));
    add(tagsAdded, QT_TRANSLATE_NOOP("RestoreReport", "1 tag"),
        QT_TRANSLATE_NOOP("RestoreReport", "%1 tags"));
    add(notesAdded, QT_TRANSLATE_NOOP("RestoreReport", "1 note"),
        QT_TRANSLATE_NOOP("RestoreReport", "%1 notes"));
    add(noteVersionsAdded, QT_TRANSLATE_NOOP("RestoreReport", "1 earlier version of a note"),
        QT_TRANSLATE_NOOP("RestoreReport", "%1 earlier versions of notes"));
    add(searchesAdded, QT_TRANSLATE_NOOP("RestoreReport", "1 saved search"),
        QT_TRANSLATE_NOOP("RestoreReport", "%1 saved searches"));
    add(rulesAdded, QT_TRANSLATE_NOOP("RestoreReport", "1 rule"),
        QT_TRANSLATE_NOOP("RestoreReport", "%1 rules"));
    add(queued, QT_TRANSLATE_NOOP("RestoreReport", "1 paper queued"),
        QT_TRANSLATE_NOOP("RestoreReport", "%1 papers queued"));
    add(highlightsAdded, QT_TRANSLATE_NOOP("RestoreReport", "1 highlight"),
        QT_TRANSLATE_NOOP("RestoreReport", "%1 highlights"));
    s += added.isEmpty() ? tr(": nothing new")
                         : tr(": %1 added").arg(added.join(QStringLiteral(", ")));
    if (!noteConflicts.isEmpty())
        s += noteConflicts.size() == 1
                 ? tr("; 1 paper had a different note, both are kept")
                 : tr("; %1 papers had different notes, both are kept").arg(noteConflicts.size());
    return s;
}

Backup::Backup(Library &library)
    : m_library(library)
{}

bool Backup::fail(const QString &why)
{
    m_error = why;
    return false;
}

std::optional<BackupDocument> Backup::toJson()
{
    Library &library = m_library;
    // A connection of its own reads the latest committed state even when the
    // library's connection still holds an older read (a cached statement not
    // yet reset), and one read transaction gives papers and searches from one
    // state.
    Database own;
    Database &db =
        own.open(library.path(), Database::OpenMode::ReadOnly) ? own : library.database();
    ReaderDataStore store(db);
    const std::optional<ReaderDataSet> read = store.readAll();
    if (!read) {
        fail(tr("Could not read the reader data for the backup: %1").arg(store.errorString()));
        return std::nullopt;
    }
    return document(*read);
}

BackupDocument Backup::document(const ReaderDataSet &data)
{
    // The queue as ranks, 1 first: positions are the library's own.
    QList<std::pair<qint64, QString>> queue;
    for (const ReaderData &d : data.papers) {
        if (d.queuePosition)
            queue.append({*d.queuePosition, d.key});
    }
    std::sort(queue.begin(), queue.end());
    QHash<QString, int> rankOf;
    for (const auto &[position, key] : std::as_const(queue)) {
        if (!rankOf.contains(key))
            rankOf.insert(key, int(rankOf.size()) + 1);
    }

    QList<std::pair<QString, QJsonObject>> entries;
    for (const ReaderData &d : data.papers) {
        entries.append(
            {d.key, QJsonObject{{QStringLiteral("key"), d.key},
                                {QStringLiteral("title"), d.title},
                                {QStringLiteral("starred"), d.starred},
                                {QStringLiteral("read"), d.read},
                                {QStringLiteral("read_at"), textOrNull(d.readAt)},
                                {QStringLiteral("dismissed"), d.dismissed},
                                {QStringLiteral("dismissed_at"), textOrNull(d.dismissedAt)},
                                {QStringLiteral("tags"), QJsonArray::fromStringList(d.tags)},
                                {QStringLiteral("note"), textOrNull(d.note)},
                                {QStringLiteral("note_changed"), textOrNull(d.noteChanged)}}});
        if (!d.rulesApplied.isEmpty()) {
            QJsonArray done;
            for (const auto &[rule, action] : d.rulesApplied)
                done.append(QJsonArray{rule, action});
            entries.last().second.insert(QStringLiteral("rules_applied"), done);
        }
        if (!d.noteHistory.isEmpty())
            entries.last().second.insert(QStringLiteral("note_history"),
                                         NoteHistoryStore::toJson(d.noteHistory));
        if (const int rank = rankOf.value(d.key); rank > 0)
            entries.last().second.insert(QStringLiteral("queued"), rank);
        if (!d.highlights.isEmpty()) {
            QJsonArray marked;
            for (const Highlight &h : d.highlights)
                marked.append(highlightToJson(h));
            entries.last().second.insert(QStringLiteral("highlights"), marked);
        }
    }
    std::sort(entries.begin(), entries.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    QJsonArray paperArray;
    for (const auto &e : std::as_const(entries))
        paperArray.append(e.second);

    QJsonArray searches;
    for (const SavedSearch &s : data.savedSearches)
        searches.append(
            QJsonObject{{QStringLiteral("name"), s.name}, {QStringLiteral("query"), s.query}});

    QJsonArray rules;
    for (const Rule &r : data.rules)
        rules.append(QJsonObject{{QStringLiteral("name"), r.name},
                                 {QStringLiteral("query"), r.query},
                                 {QStringLiteral("tags"), QJsonArray::fromStringList(r.tags)},
                                 {QStringLiteral("star"), r.star},
                                 {QStringLiteral("read"), r.markRead},
                                 {QStringLiteral("dismiss"), r.dismiss},
                                 {QStringLiteral("queue"), r.queue}});

    BackupDocument doc;
    doc.summary.papers = int(paperArray.size());
    doc.summary.savedSearches = int(searches.size());
    doc.summary.rules = int(rules.size());
    const QJsonObject root{
        {QStringLiteral("format"), QLatin1String(kFormatName)},
        {QStringLiteral("version"), kFormatVersion},
        {QStringLiteral("created"), nowIso()},
        {QStringLiteral("generator"), QStringLiteral("Gleaner " GLEANER_VERSION)},
        {QStringLiteral("papers"), paperArray},
        {QStringLiteral("saved_searches"), searches},
        {QStringLiteral("rules"), rules},
    };
    doc.json = QJsonDocument(root).toJson(QJsonDocument::Indented);
    return doc;
}

std::optional<BackupSummary> Backup::write(const QString &path)
{
    const std::optional<BackupDocument> document = toJson();
    if (!document)
        return std::nullopt;
    const QByteArray &json = document->json;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        fail(tr("Could not write the backup to %1: %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    return document->summary;
}

std::optional<RestoreReport> Backup::restore(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(tr("Could not read the backup %1: %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    return restoreData(file.readAll());
}

std::optional<RestoreReport> Backup::restoreData(const QByteArray &json)
{
    BackupParser parser;
    const std::optional<ParsedBackup> parsed = parser.parse(json);
    if (!parsed) {
        fail(parser.errorString());
        return std::nullopt;
    }
    Database &db = m_library.database();
    RestoreReport result;
    Transaction tx(db);
    Restorer restorer(db, result);
    bool ok = tx.isActive() && restorer.loadSearches();
    // Rules first: the papers' memory of what rules did names them.
    for (qsizetype i = 0; ok && i < parsed->rules.size(); ++i)
        ok = restorer.applyRule(parsed->rules.at(i));
    for (qsizetype i = 0; ok && i < parsed->papers.size(); ++i)
        ok = restorer.apply(parsed->papers.at(i));
    ok = ok && restorer.applyQueue();
    for (qsizetype i = 0; ok && i < parsed->searches.size(); ++i)
        ok = restorer.applySearch(parsed->searches.at(i));
    if (!ok || !tx.commit()) {
        const QString why =
            restorer.errorString().isEmpty() ? db.errorString() : restorer.errorString();
        fail(tr("Could not restore the backup; the library was not changed: %1").arg(why));
        return std::nullopt;
    }
    return result;
}

bool Backup::snapshot(const QString &path)
{
    const Library &library = m_library;
    const QFileInfo target(path);
    if (target.exists() &&
        target.canonicalFilePath() == QFileInfo(library.path()).canonicalFilePath()) {
        return fail(tr("The snapshot cannot replace the library itself; choose "
                       "another file."));
    }
    if (target.exists() && !target.isFile()) {
        return fail(tr("%1 is not a file; choose a file for the snapshot.").arg(path));
    }
    // Read through a connection of its own, for the same reason as toJson().
    Database source;
    if (!source.open(library.path(), Database::OpenMode::ReadOnly)) {
        return fail(
            tr("Could not read the library for the snapshot: %1").arg(source.errorString()));
    }
    const QString partial = target.absoluteFilePath() + QStringLiteral(".partial");
    QFile::remove(partial);
    if (!source.copyTo(partial)) {
        QFile::remove(partial);
        return fail(tr("Could not write the snapshot %1: %2").arg(path, source.errorString()));
    }
    // rename() replaces an older snapshot atomically; a failure leaves it.
    if (std::rename(QFile::encodeName(partial).constData(),
                    QFile::encodeName(target.absoluteFilePath()).constData()) != 0) {
        QFile::remove(partial);
        return fail(tr("Could not move the snapshot into place at %1.").arg(path));
    }
    qCInfo(lcDatabase) << "snapshot of" << library.path() << "written to" << path;
    return true;
}

} // namespace gleaner
