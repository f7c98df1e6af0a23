#include "export/citationkeys.h"
#include "export/escaping.h"
#include "export/formats_p.h"
#include "model/dates.h"

namespace gleaner::formats {

// Markdown: a reading list meant to be read as plain text too.
QString toMarkdown(const QList<Paper> &papers, const ExportOptions &options)
{
    QString md;
    md += QStringLiteral("# ") + escape::markdown(listTitle(options)) + QStringLiteral("\n\n");
    md += countText(options.listSize > 0 ? options.listSize : papers.size());
    if (options.generated.isValid())
        md += QStringLiteral(", exported ") + generatedText(options);
    md += QStringLiteral("\n");
    // For the links between notes only: [[@key]], the key a citation
    // export gives the paper.
    const QStringList keys = options.linkedPapers.isEmpty() ? QStringList() : citationKeys(papers);
    for (const Paper &p : papers) {
        md += QStringLiteral("\n## ") + escape::markdown(escape::oneLine(p.title)) +
              QStringLiteral("\n\n");
        if (p.published.isValid())
            md += QStringLiteral("- Published: ") + isoDate(p.published) + u'\n';
        const QStringList dates = digestDates(p);
        if (!dates.isEmpty())
            md +=
                (dates.size() == 1 ? QStringLiteral("- Digest: ") : QStringLiteral("- Digests: ")) +
                dates.join(QStringLiteral(", ")) + u'\n';
        const QString submitter = submitterField(p.submitter);
        if (!submitter.isEmpty())
            md += QStringLiteral("- By: ") + escape::markdown(submitter) + u'\n';
        if (p.upvotes)
            md += QStringLiteral("- Upvotes: %1\n").arg(*p.upvotes);
        if (p.starred || p.read) {
            QStringList state;
            if (p.starred)
                state << QStringLiteral("starred");
            if (p.read)
                state << QStringLiteral("read");
            md += QStringLiteral("- ") + state.join(QStringLiteral(", ")) + u'\n';
        }
        if (!p.tags.isEmpty()) {
            QStringList tags;
            for (const QString &t : p.tags)
                tags << escape::markdown(escape::oneLine(t));
            md += QStringLiteral("- Tags: ") + tags.join(QStringLiteral(", ")) + u'\n';
        }
        if (options.includeAbstracts && !p.abstract.trimmed().isEmpty())
            md += u'\n' + escape::markdown(escape::cleanText(p.abstract).trimmed()) + u'\n';
        if (!p.highlights.isEmpty())
            md += QStringLiteral("\n**Highlights**:\n\n") + markdownHighlights(p);
        if (!p.note.trimmed().isEmpty()) {
            const QString when = noteTime(p);
            md += QStringLiteral("\n**Note**") +
                  (when.isEmpty() ? QString() : QStringLiteral(" (") + when + u')') +
                  QStringLiteral(":\n\n");
            // The note's own Markdown, in a quoted block.
            const QStringList lines =
                exportNote(
                    p, options.linkedPapers, papers, keys,
                    [](const QString &text) -> QString { return escape::markdownNote(text); },
                    [](const QString &key) -> QString {
                        return QStringLiteral("[[@") + key + QStringLiteral("]]");
                    })
                    .split(u'\n');
            for (const QString &line : lines)
                md += (line.isEmpty() ? QStringLiteral(">") : QStringLiteral("> ") + line) + u'\n';
        }
    }
    return md;
}

} // namespace gleaner::formats
