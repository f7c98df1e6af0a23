#include "export/citationkeys.h"
#include "export/escaping.h"
#include "export/formats_p.h"
#include "model/dates.h"
#include "model/notelinks.h"
#include "model/submitter.h"

namespace gleaner::formats {

QStringList digestDates(const Paper &paper)
{
    QStringList dates;
    for (const Appearance &a : paper.appearances) {
        const QString d = isoDate(a.digestDate);
        if (!d.isEmpty() && !dates.contains(d))
            dates << d;
    }
    return dates;
}

QString submitterField(const Submitter &s)
{
    return escape::oneLine(gleaner::submitterText(s, TextStyle::Plain));
}

QString noteTime(const Paper &paper)
{
    return utcMinutes(paper.noteChanged);
}

QString linkedKey(const Paper &target, const QList<Paper> &papers, const QStringList &keys)
{
    for (qsizetype i = 0; i < papers.size() && i < keys.size(); ++i) {
        if (papers.at(i).id == target.id)
            return keys.at(i);
    }
    return citationKeys({target}).value(0);
}

QString exportNote(const Paper &paper, const QHash<QString, Paper> &linked,
                   const QList<Paper> &papers, const QStringList &keys,
                   const std::function<QString(const QString &)> &text,
                   const std::function<QString(const QString &)> &link)
{
    const QString note = escape::cleanText(paper.note).trimmed();
    // The text after a link is escaped on its own, and an escaper may take
    // the spaces that start it for a line's indent: they are kept aside.
    // (A QString, not auto: a QStringBuilder of temporaries would dangle.)
    const auto after = [&](qsizetype from, qsizetype to) -> QString {
        qsizetype lead = from;
        while (from > 0 && lead < to && (note.at(lead) == u' ' || note.at(lead) == u'\t'))
            ++lead;
        return note.mid(from, lead - from) + text(note.mid(lead, to - lead));
    };
    QString out;
    qsizetype from = 0;
    for (const NoteLink &l : noteLinks(note)) {
        const auto target = linked.constFind(l.words);
        if (target == linked.cend())
            continue;
        out += after(from, l.start) + link(linkedKey(*target, papers, keys));
        from = l.start + l.length;
    }
    return out + after(from, note.size());
}

QString markdownHighlights(const Paper &paper)
{
    QString md;
    for (const Highlight &h : paper.highlights) {
        md += QStringLiteral("> ") + escape::markdown(escape::oneLine(h.quote));
        if (h.detached)
            md += QStringLiteral(" *(no longer in the text)*");
        md += QStringLiteral("\n\n");
        const QString comment = escape::cleanText(h.comment).trimmed();
        if (!comment.isEmpty())
            md += escape::markdown(comment) + QStringLiteral("\n\n");
    }
    md.chop(1);
    return md;
}

QString listTitle(const ExportOptions &options)
{
    const QString title = escape::oneLine(options.title);
    return title.isEmpty() ? QStringLiteral("Reading list") : title;
}

QString countText(qsizetype papers)
{
    return papers == 1 ? QStringLiteral("1 paper") : QStringLiteral("%1 papers").arg(papers);
}

QString generatedText(const ExportOptions &options)
{
    return utcMinutes(options.generated);
}

} // namespace gleaner::formats
