#include "export/notesfolder.h"

#include "export/citationkeys.h"
#include "export/escaping.h"
#include "export/formats_p.h"
#include "model/dates.h"
#include "model/titlekey.h"
#include "model/titletext.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace gleaner {

namespace {

// A YAML double-quoted scalar: the one style in which any text is a string
// (a title may start with "-" or "[", hold ": " or " #", or read as a
// number, a date or "yes"). Backslash, quote and control characters are
// escaped; everything else stays as written.
QString yamlString(const QString &text)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'\\':
            out += QStringLiteral("\\\\");
            break;
        case u'"':
            out += QStringLiteral("\\\"");
            break;
        case u'\n':
            out += QStringLiteral("\\n");
            break;
        case u'\t':
            out += QStringLiteral("\\t");
            break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7F || c.category() == QChar::Other_Control ||
                c.unicode() == 0x2028 || c.unicode() == 0x2029 || c.unicode() == 0x85)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    return out + u'"';
}

QString yamlList(const char *name, const QStringList &items, bool quote)
{
    if (items.isEmpty())
        return QLatin1String(name) + QStringLiteral(": []\n");
    QString out = QLatin1String(name) + QStringLiteral(":\n");
    for (const QString &item : items)
        out += QStringLiteral("  - ") + (quote ? yamlString(item) : item) + u'\n';
    return out;
}

QString gleanerPart(const Paper &p, const QString &key, const QHash<QString, Paper> &linked,
                    const QList<Paper> &papers, const QStringList &keys)
{
    QStringList tags;
    for (const QString &t : p.tags)
        tags << escape::oneLine(t);
    QString text = QStringLiteral("---\n");
    // Properties are plain text: math as Unicode (M$^3$ViT is M³ViT); the
    // heading below keeps the $...$ that Obsidian typesets.
    text += QStringLiteral("title: ") + yamlString(plainTitle(escape::oneLine(p.title))) + u'\n';
    // Quoted too: a key can read as a boolean ("yes"), a null or a number.
    text += QStringLiteral("citekey: ") + yamlString(key) + u'\n';
    text += yamlList("tags", tags, true);
    // YAML dates, or null: no date is invented here either.
    text += QStringLiteral("published: ") +
            (p.published.isValid() ? isoDate(p.published) : QStringLiteral("null")) + u'\n';
    // Unknown (layouts B and C show none) is null, not 0.
    text += QStringLiteral("upvotes: ") +
            (p.upvotes ? QString::number(*p.upvotes) : QStringLiteral("null")) + u'\n';
    text += yamlList("digests", formats::digestDates(p), false);
    text += QStringLiteral("starred: ") +
            (p.starred ? QStringLiteral("true") : QStringLiteral("false")) + u'\n';
    text += QStringLiteral("read: ") + (p.read ? QStringLiteral("true") : QStringLiteral("false")) +
            u'\n';
    text += QStringLiteral("---\n\n# ") + escape::markdown(escape::oneLine(p.title)) + u'\n';
    const QString abstract = escape::cleanText(p.abstract).trimmed();
    if (!abstract.isEmpty())
        text += u'\n' + escape::markdown(abstract) + u'\n';
    if (!p.highlights.isEmpty())
        text += QStringLiteral("\n## Highlights\n\n") + formats::markdownHighlights(p);
    const QString note = formats::exportNote(
        p, linked, papers, keys,
        [](const QString &part) -> QString { return escape::markdownNote(part); },
        [](const QString &target) -> QString { return QStringLiteral("[[@") + target + u"]]"; });
    if (!note.isEmpty())
        text += QStringLiteral("\n## Note\n\n") + note + u'\n';
    return text + u'\n';
}

QString manifestPath(const QString &dir)
{
    return QDir(dir).filePath(NotesFolder::manifestName());
}

} // namespace

NotesFolder::NotesFolder(QString dir)
    : m_dir(std::move(dir))
{}

QString NotesFolder::marker()
{
    // An HTML comment: Obsidian, Logseq and Markdown viewers do not show it.
    return QStringLiteral("<!-- gleaner: above is rewritten on every export; "
                          "what you write below this line is kept -->");
}

QString NotesFolder::manifestName()
{
    return QStringLiteral(".gleaner-notes.json");
}

QString NotesFolder::noteText(const Paper &paper, const QString &citationKey,
                              const QString &existing, const QHash<QString, Paper> &linked,
                              const QList<Paper> &papers, const QStringList &keys)
{
    QString user = existing;
    const QString mark = marker();
    qsizetype at = -1;
    for (qsizetype from = 0; (at = existing.indexOf(mark, from)) >= 0; from = at + 1) {
        // The marker counts on a line of its own only.
        const bool lineStart = at == 0 || existing.at(at - 1) == u'\n';
        const qsizetype end = at + mark.size();
        const bool lineEnd =
            end == existing.size() || existing.at(end) == u'\n' || existing.at(end) == u'\r';
        if (lineStart && lineEnd)
            break;
    }
    if (at >= 0) {
        qsizetype end = at + mark.size();
        if (end < existing.size() && existing.at(end) == u'\r')
            ++end;
        if (end < existing.size() && existing.at(end) == u'\n')
            ++end;
        user = existing.mid(end);
    }
    return gleanerPart(paper, citationKey, linked, papers, keys) + mark + u'\n' + user;
}

std::optional<NotesReport> NotesFolder::write(const QList<Paper> &papers, bool recreate)
{
    if (!QDir().mkpath(m_dir)) {
        m_error = tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(m_dir));
        return std::nullopt;
    }
    QJsonObject files;
    QFile manifest(manifestPath(m_dir));
    if (manifest.exists()) {
        if (!manifest.open(QIODevice::ReadOnly)) {
            m_error =
                tr("Cannot read %1: %2.")
                    .arg(QDir::toNativeSeparators(manifest.fileName()), manifest.errorString());
            return std::nullopt;
        }
        const QJsonDocument doc = QJsonDocument::fromJson(manifest.readAll());
        if (!doc.isObject()) {
            m_error = tr("%1 is damaged; delete it to export into this folder anew.")
                          .arg(QDir::toNativeSeparators(manifest.fileName()));
            return std::nullopt;
        }
        files = doc.object().value(QStringLiteral("papers")).toObject();
        manifest.close();
    }

    NotesReport report;
    const QStringList keys = citationKeys(papers);
    for (qsizetype i = 0; i < papers.size(); ++i) {
        const QString identity = titleKey(papers.at(i).title);
        const bool known = files.contains(identity);
        // A name from the manifest is one Gleaner wrote; anything else is
        // not trusted as a path.
        QString name = files.value(identity).toString();
        if (!known || name.contains(u'/') || name.contains(u'\\') || name.startsWith(u'.'))
            name = keys.at(i) + QStringLiteral(".md");
        const QString path = QDir(m_dir).filePath(name);
        const bool exists = QFileInfo::exists(path);
        if (known && !exists && !recreate) {
            report.skipped << name;
            continue;
        }
        QString existing;
        if (exists) {
            QFile in(path);
            if (!in.open(QIODevice::ReadOnly)) {
                m_error =
                    tr("Cannot read %1: %2.").arg(QDir::toNativeSeparators(path), in.errorString());
                return std::nullopt;
            }
            existing = QString::fromUtf8(in.readAll());
        }
        const QString text = noteText(papers.at(i), keys.at(i), existing, m_linked, papers, keys);
        files.insert(identity, name);
        if (exists && text == existing) {
            ++report.unchanged;
            continue;
        }
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(text.toUtf8()) < 0 || !out.commit()) {
            m_error =
                tr("Cannot write %1: %2.").arg(QDir::toNativeSeparators(path), out.errorString());
            return std::nullopt;
        }
        ++report.written;
    }

    QSaveFile out(manifestPath(m_dir));
    const QJsonObject doc{{QStringLiteral("format"), 1}, {QStringLiteral("papers"), files}};
    if (!out.open(QIODevice::WriteOnly) ||
        out.write(QJsonDocument(doc).toJson(QJsonDocument::Indented)) < 0 || !out.commit()) {
        m_error = tr("Cannot write %1: %2.")
                      .arg(QDir::toNativeSeparators(out.fileName()), out.errorString());
        return std::nullopt;
    }
    return report;
}

} // namespace gleaner
