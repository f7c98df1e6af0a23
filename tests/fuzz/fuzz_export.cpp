// Every export format over papers made from arbitrary bytes (parsed as a
// digest, with tags and notes cut from the same text): no crash, and the
// output reads back: JSON and CSL-JSON parse with one item per paper, CSV
// has one record per paper with the header's field count, RIS keeps one
// tag per line with one record per paper, and both .bib flavours have one
// @misc entry per paper with balanced braces (the BibTeX one in ASCII).
#include "export/exporter.h"
#include "fuzzsupport.h"
#include "ingest/digestparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimeZone>
#include <QXmlStreamReader>

#include <algorithm>

using namespace gleaner;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::ensureApplication();
    return 0;
}

namespace {

QList<Paper> papersFrom(const QByteArray &bytes)
{
    ParseOptions options;
    options.fallbackDate = QDate(2026, 5, 1);
    DigestParser parser(options);
    const Digest digest = parser.parse(QByteArrayView(bytes)).value_or(Digest());
    QList<Paper> papers;
    const QList<DigestEntry> &entries = digest.entries;
    for (qsizetype i = 0; i < entries.size() && i < 64; ++i) {
        const DigestEntry &e = entries.at(i);
        Paper p;
        p.id = i + 1;
        p.title = e.title;
        p.abstract = e.abstract;
        p.submitter = e.submitter;
        p.published = e.published;
        p.upvotes = e.upvotes;
        p.starred = i % 2 == 0;
        p.read = i % 3 == 0;
        // Reader data straight from the input: any text may be a tag or note.
        const QString &next = entries.at((i + 1) % entries.size()).title;
        p.tags = next.split(QLatin1Char(' '), Qt::SkipEmptyParts).mid(0, 4);
        if (i % 2 == 1) {
            p.note = entries.at((i + 1) % entries.size()).abstract;
            p.noteChanged = QDateTime(QDate(2026, 5, 2), QTime(8, 30), QTimeZone::utc());
        }
        Appearance a;
        a.digestId = 1;
        a.digestDate = digest.date;
        a.source = e.title.left(40) + QStringLiteral(".txt");
        a.position = int(i) + 1;
        a.upvotes = e.upvotes;
        p.appearances.append(a);
        papers.append(p);
    }
    // Text that did not parse as a digest still reaches every escaper.
    if (papers.isEmpty() && !bytes.isEmpty()) {
        Paper p;
        p.id = 1;
        const QString text = QString::fromUtf8(bytes);
        p.title = text.left(200);
        p.abstract = text;
        p.note = text.mid(3);
        p.noteChanged = QDateTime(QDate(2026, 5, 2), QTime(8, 30), QTimeZone::utc());
        p.tags = text.split(QLatin1Char(','), Qt::SkipEmptyParts).mid(0, 4);
        p.submitter.kind = Submitter::Kind::Organisation;
        p.submitter.organisation = text.left(30);
        papers.append(p);
    }
    return papers;
}

QJsonArray jsonArray(const QByteArray &out, const char *format)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(out, &error);
    fuzz::check(error.error == QJsonParseError::NoError, format,
                QStringLiteral("does not parse back: ") + error.errorString());
    fuzz::check(doc.isArray(), format, QStringLiteral("is not an array"));
    return doc.array();
}

// RFC 4180 records: fields, quoted ones with "" for a quote and line breaks
// inside; records end with CRLF.
QList<int> csvFieldCounts(const QString &csv)
{
    QList<int> counts;
    int fields = 1;
    bool quoted = false;
    bool atFieldStart = true;
    for (qsizetype i = 0; i < csv.size(); ++i) {
        const QChar c = csv.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < csv.size() && csv.at(i + 1) == u'"')
                    ++i;
                else
                    quoted = false;
            }
            continue;
        }
        if (c == u'"') {
            fuzz::check(atFieldStart, "CSV: a quote inside an unquoted field", csv);
            quoted = true;
            atFieldStart = false;
        } else if (c == u',') {
            ++fields;
            atFieldStart = true;
        } else if (c == u'\r' && i + 1 < csv.size() && csv.at(i + 1) == u'\n') {
            counts.append(fields);
            fields = 1;
            atFieldStart = true;
            ++i;
        } else {
            fuzz::check(c != u'\r' && c != u'\n', "CSV: a bare line break outside quotes", csv);
            atFieldStart = false;
        }
    }
    fuzz::check(!quoted, "CSV: an unterminated quoted field", csv);
    fuzz::check(fields == 1 && atFieldStart, "CSV: the last record has no CRLF", csv);
    return counts;
}

// The HTML page is well-formed XML with one article a paper, whatever the
// text (math spans and inlined KaTeX included).
void checkHtml(const QByteArray &html, qsizetype papers)
{
    QXmlStreamReader xml(html);
    qsizetype articles = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement &&
            xml.name() == QLatin1String("article"))
            ++articles;
    }
    fuzz::check(!xml.hasError(), "HTML: not well-formed", xml.errorString());
    fuzz::check(articles == papers, "HTML: an article per paper", QString::fromUtf8(html));
}

void checkRis(const QString &ris, qsizetype papers)
{
    static const QRegularExpression tagLine(QStringLiteral("^[A-Z][A-Z0-9]  - "));
    qsizetype records = 0;
    qsizetype ends = 0;
    for (QString line : ris.split(QLatin1Char('\n'))) {
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.isEmpty())
            continue;
        fuzz::check(tagLine.match(line).hasMatch(), "RIS: a line that is not a tag line", line);
        records += line.startsWith(QLatin1String("TY  - "));
        ends += line.startsWith(QLatin1String("ER  - "));
    }
    fuzz::check(records == papers && ends == papers, "RIS: records do not match the papers", ris);
}

// One @misc entry per paper, each with balanced braces (BibTeX counts
// them, escaped or not, so one stray brace swallows the entries after it).
void checkBib(const QString &bib, qsizetype papers)
{
    qsizetype entries = 0;
    int depth = 0;
    for (qsizetype i = 0; i < bib.size(); ++i) {
        const QChar c = bib.at(i);
        if (depth == 0 && c == u'@') {
            fuzz::check(bib.mid(i, 6) == QLatin1String("@misc{"), "BibTeX: not an @misc entry",
                        bib);
            ++entries;
        }
        if (c == u'{')
            ++depth;
        else if (c == u'}')
            fuzz::check(--depth >= 0, "BibTeX: a closing brace too many", bib);
    }
    fuzz::check(depth == 0, "BibTeX: an unclosed brace", bib);
    fuzz::check(entries == papers, "BibTeX: entries do not match the papers", bib);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QList<Paper> papers = papersFrom(bytes);
    for (const bool abstracts : {true, false}) {
        ExportOptions options;
        options.includeAbstracts = abstracts;
        options.title = papers.isEmpty() ? QString() : papers.first().title;
        for (const QString &name : exportFormatNames()) {
            const std::optional<ExportFormat> format = exportFormatFromName(name);
            fuzz::check(format.has_value(), "a format name without a format", name);
            options.format = *format;
            const QByteArray out = Exporter::exportPapers(papers, options);
            switch (*format) {
            case ExportFormat::Json:
                fuzz::check(jsonArray(out, "JSON").size() == papers.size(),
                            "JSON: items do not match the papers");
                break;
            case ExportFormat::CslJson:
                fuzz::check(jsonArray(out, "CSL-JSON").size() == papers.size(),
                            "CSL-JSON: items do not match the papers");
                break;
            case ExportFormat::Csv: {
                const QList<int> counts = csvFieldCounts(QString::fromUtf8(out));
                fuzz::check(counts.size() == papers.size() + 1,
                            "CSV: records do not match the papers", QString::fromUtf8(out));
                for (const int n : counts)
                    fuzz::check(n == counts.first(), "CSV: a record with the wrong field count",
                                QString::fromUtf8(out));
                break;
            }
            case ExportFormat::Ris:
                checkRis(QString::fromUtf8(out), papers.size());
                break;
            case ExportFormat::BibTeX:
                fuzz::check(
                    std::all_of(out.cbegin(), out.cend(), [](char c) { return uchar(c) < 128; }),
                    "BibTeX: a byte outside ASCII", QString::fromUtf8(out));
                checkBib(QString::fromUtf8(out), papers.size());
                break;
            case ExportFormat::BibLaTeX:
                checkBib(QString::fromUtf8(out), papers.size());
                break;
            case ExportFormat::Html:
                checkHtml(out, papers.size());
                break;
            case ExportFormat::Markdown:
                break;
            }
        }
    }
    (void)Exporter::citationKeys(papers);
    return 0;
}
