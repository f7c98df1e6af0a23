#include "export/paperjson.h"

#include "model/dates.h"

namespace gleaner {

namespace {

QJsonValue dateValue(const QDate &date)
{
    return date.isValid() ? QJsonValue(isoDate(date)) : QJsonValue(QJsonValue::Null);
}

// An unknown count is null, never 0.
QJsonValue countValue(const std::optional<int> &count)
{
    return count ? QJsonValue(*count) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject paperToJson(const Paper &paper)
{
    QJsonValue submitter(QJsonValue::Null);
    switch (paper.submitter.kind) {
    case Submitter::Kind::Authors:
        submitter = QJsonObject{{QStringLiteral("authors"), paper.submitter.authors}};
        break;
    case Submitter::Kind::Organisation:
        submitter = QJsonObject{{QStringLiteral("org"), paper.submitter.organisation}};
        break;
    case Submitter::Kind::None:
        break;
    }
    QJsonArray digests;
    QDate firstSeen;
    for (const Appearance &a : paper.appearances) {
        if (a.digestId == paper.firstDigestId && !firstSeen.isValid())
            firstSeen = a.digestDate;
        digests.append(QJsonObject{{QStringLiteral("date"), dateValue(a.digestDate)},
                                   {QStringLiteral("file_date"), dateValue(a.fileDate)},
                                   {QStringLiteral("source"), a.source},
                                   {QStringLiteral("position"), a.position},
                                   {QStringLiteral("upvotes"), countValue(a.upvotes)}});
    }
    return QJsonObject{
        {QStringLiteral("id"), paper.id},
        {QStringLiteral("title"), paper.title},
        {QStringLiteral("abstract"), paper.abstract},
        {QStringLiteral("submitter"), submitter},
        {QStringLiteral("published"), dateValue(paper.published)},
        {QStringLiteral("upvotes"), countValue(paper.upvotes)},
        // The digest where it was new, and that digest's date.
        {QStringLiteral("new_in"),
         paper.firstDigestId > 0 ? QJsonValue(paper.firstDigestId) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("first_seen"), dateValue(firstSeen)},
        {QStringLiteral("starred"), paper.starred},
        {QStringLiteral("read"), paper.read},
        {QStringLiteral("dismissed"), paper.dismissed},
        {QStringLiteral("tags"), QJsonArray::fromStringList(paper.tags)},
        {QStringLiteral("note"),
         paper.note.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(paper.note)},
        {QStringLiteral("note_changed"), paper.noteChanged.isValid()
                                             ? QJsonValue(isoDateTime(paper.noteChanged))
                                             : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("digests"), digests},
    };
}

QJsonObject snippetToJson(const Snippet &snippet)
{
    // Code points before each UTF-16 position, counted once along the text.
    auto codePoints = [&snippet](qsizetype from, qsizetype to) {
        qsizetype n = 0;
        for (qsizetype i = from; i < to && i < snippet.text.size(); ++i) {
            if (!snippet.text.at(i).isLowSurrogate() || i == 0 ||
                !snippet.text.at(i - 1).isHighSurrogate())
                ++n;
        }
        return n;
    };
    QJsonArray highlights;
    qsizetype position = 0; // UTF-16
    qsizetype points = 0;   // code points up to `position`
    for (const Snippet::Range &r : snippet.highlights) {
        points += codePoints(position, r.start);
        const qsizetype length = codePoints(r.start, r.start + r.length);
        highlights.append(QJsonArray{qint64(points), qint64(length)});
        points += length;
        position = r.start + r.length;
    }
    return QJsonObject{{QStringLiteral("text"), snippet.text},
                       {QStringLiteral("highlights"), highlights}};
}

QJsonObject digestToJson(const DigestInfo &digest)
{
    const bool undated = digest.certainty == DateCertainty::Undated;
    return QJsonObject{
        {QStringLiteral("id"), digest.id},
        // An undated digest has no date; the day its file was written, by
        // which it is ordered, is a field of its own.
        {QStringLiteral("date"), undated ? QJsonValue() : dateValue(digest.date)},
        {QStringLiteral("undated"), undated},
        {QStringLiteral("file_date"), undated ? dateValue(digest.date) : QJsonValue()},
        {QStringLiteral("date_certainty"), dateCertaintyName(digest.certainty)},
        {QStringLiteral("layout"), layoutName(digest.layout)},
        {QStringLiteral("source"), digest.source},
        {QStringLiteral("entries"), digest.entries},
        {QStringLiteral("unread"), digest.unread},
        {QStringLiteral("triaged"), digest.triaged},
        {QStringLiteral("imported"), digest.imported.toUTC().toString(Qt::ISODate)},
    };
}

QJsonObject statsToJson(const LibraryStats &stats)
{
    return QJsonObject{
        {QStringLiteral("papers"), stats.papers},
        {QStringLiteral("digests"), stats.digests},
        {QStringLiteral("appearances"), stats.appearances},
        {QStringLiteral("starred"), stats.starred},
        {QStringLiteral("read"), stats.read},
        {QStringLiteral("unread"), stats.unread},
        {QStringLiteral("with_notes"), stats.withNotes},
        {QStringLiteral("dismissed"), stats.dismissed},
        {QStringLiteral("queued"), stats.queued},
        {QStringLiteral("tags"), stats.tags},
        {QStringLiteral("first_digest"), dateValue(stats.firstDigest)},
        {QStringLiteral("last_digest"), dateValue(stats.lastDigest)},
        {QStringLiteral("undated_digests"), stats.undatedDigests},
        {QStringLiteral("file_bytes"), stats.fileBytes},
    };
}

} // namespace gleaner
