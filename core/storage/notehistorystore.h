// The earlier versions of each paper's note (model/noteversion.h): the one
// place that reads and writes the note_versions table. Works on any
// connection and inside the caller's transaction (a note's save, a restore of
// a backup, an import attaching waiting reader data).
//
// Which versions are kept, each time a note is saved (keep()):
//  - the text before a large deletion (more than half of it removed, or the
//    note cleared: a select-all and delete) is always kept, as a new,
//    pinned version;
//  - otherwise the text before the save becomes a new version when the
//    newest version was started more than kSessionSeconds ago (typing after
//    a pause), and else replaces the newest version's text (the autosave's
//    saves while typing make one version every few minutes, not one a
//    second), unless that would drop more than half of what the newest
//    version holds, or the newest is pinned, or was kept at a restore or
//    taken from a backup: then it is a new version too.
//
// And which are let go (prune(), after each version kept, for that note):
// every version of the last day stays; older than a day, the newest of each
// hour; older than a week, the newest of each day; and at most
// kMaxVersions a note, the oldest going first. A pinned version younger than
// kPinnedDays is never pruned, by any of these.
#pragma once

#include "model/noteversion.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QString>

#include <optional>

namespace gleaner {

class Database;

class NoteHistoryStore final
{
    Q_DECLARE_TR_FUNCTIONS(NoteHistoryStore)

public:
    static constexpr qint64 kSessionSeconds = 5 * 60;
    static constexpr int kPinnedDays = 30;
    static constexpr int kMaxVersions = 100;

    explicit NoteHistoryStore(Database &db);

    // Whether going from `before` to `after` removes more than half of
    // `before` (a cleared note does; an empty `before` never does).
    static bool isLargeDeletion(const QString &before, const QString &after);
    // Of `versions` (newest first), the positions prune() lets go at `now`.
    static QList<int> prunable(const NoteHistory &versions, const QDateTime &now);

    // The note of `paperId` is about to change from `before` (saved at
    // `beforeSaved`, ISO; empty when unknown) to `after`: keeps `before` by
    // the rules above, then prunes. Nothing for an empty `before`.
    [[nodiscard]] bool keep(qint64 paperId, const QString &before, const QString &beforeSaved,
                            const QString &after, const QDateTime &now);
    // Keeps `text` as a new version whatever the pause (a restore of a
    // version keeps the note it replaces so), pinned when `after` deletes
    // most of it, and never replaced by later saves; then prunes.
    [[nodiscard]] bool keepNow(qint64 paperId, const QString &text, const QString &saved,
                               const QString &after, const QDateTime &now);
    // Adds versions as they are (a backup's, waiting reader data's), each
    // unless the paper has one of the same time and text, never to be
    // replaced by later saves; the number added.
    // Nothing is pruned: a restore loses nothing, and the note's next save
    // prunes by the rules above.
    [[nodiscard]] std::optional<int> merge(qint64 paperId, const NoteHistory &versions);

    // The versions as a backup and waiting reader data keep them:
    // [{"text": ..., "saved": ISO, "pinned": bool}, ...]. fromJson() skips
    // entries without text or a valid time.
    static QJsonArray toJson(const NoteHistory &versions);
    static NoteHistory fromJson(const QJsonArray &json);

    // Newest first; empty when there are none.
    [[nodiscard]] std::optional<NoteHistory> history(qint64 paperId);

    [[nodiscard]] bool prune(qint64 paperId, const QDateTime &now);

    QString errorString() const;

private:
    // `closed`: the autosave never replaces its text (see keepNow(), merge()).
    bool insert(qint64 paperId, const NoteVersion &version, const QString &since, bool closed);

    Database &m_db;
};

} // namespace gleaner
