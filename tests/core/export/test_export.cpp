// Every export format read back with a real parser: an RFC 4180 CSV reader,
// QJsonDocument for JSON and CSL-JSON, bibtool for BibTeX, an XML reader for
// the (well-formed) HTML page, and line checks for RIS and Markdown. The
// papers hold everything that needs escaping somewhere.
#include "catch.h"
#include "export/escaping.h"
#include "export/exporter.h"
#include "export/notesfolder.h"
#include "export/paperjson.h"
#include "libraryfixture.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <algorithm>

using namespace gleaner;

namespace {

Paper makePaper(qint64 id, const QString &title, const QString &abstract, const QString &note,
                const QStringList &tags, const QDate &published)
{
    Paper p;
    p.id = id;
    p.title = title;
    p.abstract = abstract;
    p.note = note;
    if (!note.isEmpty())
        p.noteChanged = QDateTime::fromString(QStringLiteral("2026-03-04T09:30:00Z"), Qt::ISODate);
    p.tags = tags;
    p.published = published;
    p.upvotes = int(id) * 7;
    p.starred = id % 2 == 1;
    p.read = id % 3 != 0;
    p.submitter.kind = Submitter::Kind::Organisation;
    p.submitter.organisation = QStringLiteral("Lab \"Q&A\", <Org> {x}");
    Appearance a;
    a.digestId = 1;
    a.digestDate = QDate(2026, 3, 5);
    a.source = QStringLiteral("day.txt");
    a.position = int(id);
    a.upvotes = p.upvotes;
    p.appearances << a;
    return p;
}

QList<Paper> trickyPapers()
{
    return {
        makePaper(1, QStringLiteral("The \"Best\" {Braces} & 100% of #Hashtags_in Titles, too"),
                  QStringLiteral("Gains of 50% & more; a {curly} \"quoted\" claim,\nover two "
                                 "lines.\n\nAnd a second paragraph with a tilde ~ and caret ^."),
                  QStringLiteral("Check \"this\", {that} & 20%;\nline two: #3 <b>bold</b>\n- a "
                                 "dash at a line start\n1. not a list"),
                  {QStringLiteral("to read"), QStringLiteral("a,b"), QStringLiteral("<tag>")},
                  QDate(2026, 3, 1)),
        makePaper(2, QStringLiteral("Bounding $O(\\sqrt{n})$ Error with <b>Bold</b> Tags"),
                  QStringLiteral("No <script>alert(1)</script> here: $\\frac{a}{b} < 1$ and it "
                                 "costs $5 per run, 100% & #1 C:\\path_x."),
                  QStringLiteral("Math $x_1^2$ and a lone $ sign."), {QStringLiteral("math")},
                  QDate(2026, 3, 2)),
        makePaper(3, QString::fromUtf8("Нейронные сети для перевода: 日本語 and Ελληνικά"),
                  QString::fromUtf8("Русский, 中文, العربية; café and naïve stay intact."),
                  QString::fromUtf8("Заметка: всё верно. 注意"), {QString::fromUtf8("перевод")},
                  QDate(2026, 3, 3)),
        makePaper(4, QStringLiteral("The Best Braces Revisited"), QStringLiteral("Plain."), {}, {},
                  QDate(2026, 3, 4)),
        makePaper(5, QStringLiteral("Undated Work"), {}, {}, {}, {}),
    };
}

// What an HTML export is made of, read back as XML.
struct HtmlPage
{
    QString error; // the XML parser's, empty when well-formed
    QSet<QString> elements;
    QSet<QString> attributes;
    QString policy;              // the Content-Security-Policy meta
    QStringList scripts, styles; // as a browser reads them
    QStringList math;            // the text of each math span
    QStringList titles, notes;
    QString listTitle;
};

// The text of each math span, in order.
QStringList mathSpans(const QByteArray &html)
{
    QStringList spans;
    QXmlStreamReader xml(html);
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement &&
            xml.name() == QLatin1String("span") &&
            xml.attributes().value(QLatin1String("class")).startsWith(QLatin1String("math")))
            spans << xml.readElementText();
    }
    return spans;
}

HtmlPage readHtml(const QByteArray &html)
{
    HtmlPage page;
    page.math = mathSpans(html);
    QXmlStreamReader xml(html);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QString name = xml.name().toString();
        page.elements << name;
        for (const QXmlStreamAttribute &a : xml.attributes())
            page.attributes << a.name().toString();
        const auto attribute = [&](const char *n) {
            return xml.attributes().value(QLatin1String(n)).toString();
        };
        if (name == QLatin1String("meta") &&
            attribute("http-equiv") == QLatin1String("Content-Security-Policy")) {
            page.policy = attribute("content");
        } else if (name == QLatin1String("style")) {
            page.styles << xml.readElementText();
        } else if (name == QLatin1String("h1")) {
            page.listTitle = xml.readElementText(QXmlStreamReader::IncludeChildElements);
        } else if (name == QLatin1String("h2")) {
            page.titles << xml.readElementText(QXmlStreamReader::IncludeChildElements)
                               .remove(QStringLiteral("\u2605 "));
        } else if (name == QLatin1String("blockquote")) {
            page.notes << xml.readElementText(QXmlStreamReader::IncludeChildElements);
        }
    }
    if (xml.hasError())
        page.error = xml.errorString();
    // A browser reads a script's text raw, up to "</script>" (the CDATA
    // markers included), and that is what its hash covers.
    static const QRegularExpression script(QStringLiteral(R"(<script>([\s\S]*?)</script>)"));
    for (auto it = script.globalMatch(QString::fromUtf8(html)); it.hasNext();)
        page.scripts << it.next().captured(1);
    return page;
}

QByteArray exported(ExportFormat format, bool abstracts = true,
                    const QList<Paper> &papers = trickyPapers())
{
    ExportOptions options;
    options.format = format;
    options.includeAbstracts = abstracts;
    options.title = QStringLiteral("My <list> & \"more\"");
    return Exporter::exportPapers(papers, options);
}

// RFC 4180: fields separated by commas, records by CRLF, a field in double
// quotes may hold commas, quotes (doubled) and line breaks. Strict: a stray
// quote or a bare line feed between records fails the parse.
bool readCsv(const QByteArray &bytes, QList<QStringList> *rows)
{
    const QString text = QString::fromUtf8(bytes);
    QStringList row;
    QString field;
    qsizetype i = 0;
    bool fieldStarted = false;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == u'"' && !fieldStarted && field.isEmpty()) {
            ++i;
            while (true) {
                if (i >= text.size())
                    return false;
                if (text.at(i) == u'"') {
                    if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                        field += u'"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += text.at(i++);
            }
            fieldStarted = true;
            if (i < text.size() && text.at(i) != u',' && text.at(i) != u'\r')
                return false;
            continue;
        }
        if (c == u',') {
            row << field;
            field.clear();
            fieldStarted = false;
            ++i;
        } else if (c == u'\r') {
            if (i + 1 >= text.size() || text.at(i + 1) != u'\n')
                return false;
            row << field;
            *rows << row;
            row.clear();
            field.clear();
            fieldStarted = false;
            i += 2;
        } else if (c == u'"' || c == u'\n') {
            return false;
        } else {
            field += c;
            fieldStarted = true;
            ++i;
        }
    }
    return row.isEmpty() && field.isEmpty();
}

// Undoes CommonMark backslash escapes (any ASCII punctuation).
QString unescapeMarkdown(const QString &text)
{
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'\\' && i + 1 < text.size() && text.at(i + 1).unicode() < 128 &&
            text.at(i + 1).isPunct())
            ++i;
        else if (text.at(i) == u'\\' && i + 1 < text.size() && text.at(i + 1).unicode() < 128 &&
                 text.at(i + 1).isSymbol())
            ++i;
        out += text.at(i);
    }
    return out;
}

} // namespace

TEST_CASE("Export formats have names for the command line", "[export]")
{
    for (const QString &name : exportFormatNames()) {
        const auto format = exportFormatFromName(name);
        REQUIRE(format);
        CHECK(exportFormatName(*format) == name);
        CHECK_FALSE(exportFormatSuffix(*format).isEmpty());
    }
    CHECK(exportFormatNames().join(u'|') ==
          QStringLiteral("md|bibtex|biblatex|ris|csljson|csv|json|html"));
    CHECK_FALSE(exportFormatFromName(QStringLiteral("docx")));
}

TEST_CASE("Citation keys are stable, unique and ASCII", "[export]")
{
    QList<Paper> papers = trickyPapers();
    // Shares "best braces 100" and the year with the first paper.
    papers << makePaper(6, QStringLiteral("Best Braces: 100 Ways"), {}, {}, {}, QDate(2026, 1, 1));
    const QStringList keys = Exporter::citationKeys(papers);
    REQUIRE(keys.size() == papers.size());
    CHECK(QSet<QString>(keys.cbegin(), keys.cend()).size() == keys.size());
    const QRegularExpression ascii(QStringLiteral("^[A-Za-z0-9]+$"));
    for (const QString &key : keys)
        CHECK(ascii.match(key).hasMatch());
    // Three significant words in camel case and the year: "The", "of" and
    // the one-letter variables of the formula say nothing.
    CHECK(keys.at(1) == QStringLiteral("boundingErrorBold2026"));
    CHECK(keys.at(3) == QStringLiteral("bestBracesRevisited2026"));
    // A real clash: the first in title order keeps the key, the next gets "a".
    const QStringList clash = {keys.at(0), keys.at(5)};
    CHECK(clash.contains(QStringLiteral("bestBraces1002026")));
    CHECK(clash.contains(QStringLiteral("bestBraces1002026a")));
    // A title without Latin letters still gets a usable key.
    CHECK(keys.at(2) == QStringLiteral("paper2026"));
    // No publication date, no year: the digest's is not the paper's.
    CHECK(keys.at(4) == QStringLiteral("undatedWork"));

    SECTION("the formula of citationkeys.h")
    {
        auto keyOf = [](const QString &title, const QDate &published = {}) {
            Paper p;
            p.title = title;
            p.published = published;
            return Exporter::citationKeys({p}).constFirst();
        };
        CHECK(keyOf(QStringLiteral("Sparse Spectral Training of Neural Networks"),
                    QDate(2024, 5, 2)) == QStringLiteral("sparseSpectralTraining2024"));
        CHECK(keyOf(QStringLiteral("Towards a Theory of Everything")) ==
              QStringLiteral("theoryEverything"));
        CHECK(keyOf(QString::fromUtf8("Élan über Straße, déjà vu")) ==
              QStringLiteral("elanUberStrasse"));
        CHECK(keyOf(QStringLiteral("M$^3$ViT: Mixture-of-Experts Vision")) ==
              QStringLiteral("m3vitMixtureExperts"));
        CHECK(keyOf(QStringLiteral("PixArt-$\\alpha$: Fast Training"), QDate(2023, 9, 30)) ==
              QStringLiteral("pixartFastTraining2023"));
        CHECK(keyOf(QStringLiteral("Don't Stop GPT Pretraining")) == QStringLiteral("dontStopGPT"));
        CHECK(keyOf(QString::fromUtf8("Нейронные сети")) == QStringLiteral("paper"));
    }
    SECTION("keys that differ only in case clash, as they do for BibTeX")
    {
        Paper a;
        a.id = 1;
        a.title = QStringLiteral("GPT Scaling Laws");
        Paper b = a;
        b.id = 2;
        b.title = QStringLiteral("Gpt scaling laws!");
        const QStringList two = Exporter::citationKeys({a, b});
        CHECK(two.at(0).toLower() != two.at(1).toLower());
    }
    SECTION("the same paper keeps its key in another order")
    {
        QList<Paper> reversed = papers;
        std::reverse(reversed.begin(), reversed.end());
        QStringList again = Exporter::citationKeys(reversed);
        std::reverse(again.begin(), again.end());
        CHECK(again == keys);
    }
}

TEST_CASE("No citation format invents a date for an undated paper", "[export]")
{
    const QList<Paper> papers = trickyPapers();
    const Paper &undated = papers.at(4);
    REQUIRE_FALSE(undated.published.isValid());
    REQUIRE_FALSE(undated.appearances.isEmpty()); // it has a digest date to misuse
    const QString key = Exporter::citationKeys(papers).at(4);

    // The entry of `key` in a .bib.
    auto bibEntry = [&key](ExportFormat format) {
        const QString bib = QString::fromUtf8(exported(format));
        const qsizetype start = bib.indexOf(QStringLiteral("@misc{") + key + u',');
        REQUIRE(start >= 0);
        return bib.mid(start, bib.indexOf(QStringLiteral("\n}\n"), start) - start);
    };
    const QString bibtex = bibEntry(ExportFormat::BibTeX);
    CHECK_FALSE(bibtex.contains(QStringLiteral("year")));
    CHECK_FALSE(bibtex.contains(QStringLiteral("month")));
    CHECK(bibtex.contains(QStringLiteral("howpublished = {Daily Papers digest of 2026-03-05}")));
    const QString biblatex = bibEntry(ExportFormat::BibLaTeX);
    CHECK_FALSE(biblatex.contains(QStringLiteral("date =")));
    CHECK(biblatex.contains(QStringLiteral("howpublished = {Daily Papers digest of 2026-03-05}")));

    const QString ris = QString::fromUtf8(exported(ExportFormat::Ris));
    const qsizetype record = ris.indexOf(QStringLiteral("ID  - ") + key);
    REQUIRE(record >= 0);
    const QString risRecord =
        ris.mid(record, ris.indexOf(QStringLiteral("ER  - "), record) - record);
    CHECK_FALSE(risRecord.contains(QStringLiteral("PY  - ")));
    CHECK_FALSE(risRecord.contains(QStringLiteral("DA  - ")));

    const QJsonArray csl = QJsonDocument::fromJson(exported(ExportFormat::CslJson)).array();
    CHECK_FALSE(csl.at(4).toObject().contains(QStringLiteral("issued")));

    SECTION("a dated paper gives its own date")
    {
        const QString dated = QString::fromUtf8(exported(ExportFormat::BibLaTeX));
        CHECK(dated.contains(QStringLiteral("date = {2026-03-01}")));
        const QString classic = QString::fromUtf8(exported(ExportFormat::BibTeX));
        CHECK(classic.contains(QStringLiteral("year = {2026},\n  month = mar")));
    }
}

TEST_CASE("CSV export reads back with an RFC 4180 reader", "[export]")
{
    const QList<Paper> papers = trickyPapers();
    const QByteArray csv = exported(ExportFormat::Csv);
    CHECK_FALSE(csv.startsWith("\xEF\xBB\xBF"));
    QList<QStringList> rows;
    REQUIRE(readCsv(csv, &rows));
    REQUIRE(rows.size() == papers.size() + 1);
    const QStringList header = rows.first();
    CHECK(header.first() == QStringLiteral("id"));
    const qsizetype title = header.indexOf(QStringLiteral("title"));
    const qsizetype note = header.indexOf(QStringLiteral("note"));
    const qsizetype tags = header.indexOf(QStringLiteral("tags"));
    const qsizetype abstract = header.indexOf(QStringLiteral("abstract"));
    REQUIRE(title >= 0);
    REQUIRE(note >= 0);
    REQUIRE(abstract >= 0);
    for (qsizetype i = 0; i < papers.size(); ++i) {
        const QStringList &row = rows.at(i + 1);
        REQUIRE(row.size() == header.size());
        CHECK(row.at(0) == QString::number(papers.at(i).id));
        CHECK(row.at(title) == papers.at(i).title);
        CHECK(row.at(note) == papers.at(i).note);
        CHECK(row.at(abstract) == papers.at(i).abstract);
        CHECK(row.at(tags) == papers.at(i).tags.join(QStringLiteral("; ")));
    }

    SECTION("without abstracts the column is gone")
    {
        QList<QStringList> lean;
        REQUIRE(readCsv(exported(ExportFormat::Csv, false), &lean));
        CHECK_FALSE(lean.first().contains(QStringLiteral("abstract")));
    }
    SECTION("quotes are doubled, only where needed")
    {
        CHECK(Exporter::csvField(QStringLiteral("plain")) == QStringLiteral("plain"));
        CHECK(Exporter::csvField(QStringLiteral("a \"b\", c")) ==
              QStringLiteral("\"a \"\"b\"\", c\""));
        CHECK(Exporter::csvField(QStringLiteral("x\ny")) == QStringLiteral("\"x\ny\""));
    }
}

TEST_CASE("JSON export is the paper objects of gleaner-cli --json", "[export]")
{
    const QList<Paper> papers = trickyPapers();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(exported(ExportFormat::Json), &error);
    REQUIRE(error.error == QJsonParseError::NoError);
    REQUIRE(doc.isArray());
    const QJsonArray array = doc.array();
    REQUIRE(array.size() == papers.size());
    for (qsizetype i = 0; i < papers.size(); ++i)
        CHECK(array.at(i).toObject() == paperToJson(papers.at(i)));
}

TEST_CASE("CSL-JSON export carries the fields reference managers read", "[export]")
{
    const QList<Paper> papers = trickyPapers();
    const QStringList keys = Exporter::citationKeys(papers);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(exported(ExportFormat::CslJson), &error);
    REQUIRE(error.error == QJsonParseError::NoError);
    const QJsonArray items = doc.array();
    REQUIRE(items.size() == papers.size());
    for (qsizetype i = 0; i < papers.size(); ++i) {
        const QJsonObject item = items.at(i).toObject();
        const Paper &p = papers.at(i);
        CHECK(item.value(QStringLiteral("id")).toString() == keys.at(i));
        CHECK(item.value(QStringLiteral("type")).toString() == QStringLiteral("article"));
        CHECK(item.value(QStringLiteral("title")).toString() == p.title);
        if (p.published.isValid()) {
            const QJsonArray parts = item.value(QStringLiteral("issued"))
                                         .toObject()
                                         .value(QStringLiteral("date-parts"))
                                         .toArray()
                                         .at(0)
                                         .toArray();
            CHECK(parts == QJsonArray{p.published.year(), p.published.month(), p.published.day()});
        }
        if (!p.abstract.isEmpty())
            CHECK(item.value(QStringLiteral("abstract")).toString() == p.abstract.trimmed());
        if (!p.note.isEmpty())
            CHECK(item.value(QStringLiteral("note")).toString() == p.note);
        else
            CHECK_FALSE(item.contains(QStringLiteral("note")));
        if (!p.tags.isEmpty())
            CHECK(item.value(QStringLiteral("keyword")).toString() ==
                  p.tags.join(QStringLiteral(", ")));
    }
    // The undated paper has no date, not its digest's.
    CHECK_FALSE(items.at(4).toObject().contains(QStringLiteral("issued")));

    SECTION("without abstracts")
    {
        const QJsonArray lean =
            QJsonDocument::fromJson(exported(ExportFormat::CslJson, false)).array();
        for (const QJsonValue &v : lean)
            CHECK_FALSE(v.toObject().contains(QStringLiteral("abstract")));
    }
}

TEST_CASE("RIS export has one tagged line per field", "[export]")
{
    const QList<Paper> papers = trickyPapers();
    const QString ris = QString::fromUtf8(exported(ExportFormat::Ris));
    CHECK(ris.contains(QStringLiteral("\r\n")));
    const QRegularExpression tagLine(QStringLiteral("^([A-Z][A-Z0-9])  - (.*)$"));
    QList<QList<std::pair<QString, QString>>> records;
    QList<std::pair<QString, QString>> current;
    for (const QString &line : ris.split(QStringLiteral("\r\n"))) {
        if (line.isEmpty())
            continue;
        const QRegularExpressionMatch m = tagLine.match(line);
        REQUIRE(m.hasMatch());
        current.append({m.captured(1), m.captured(2)});
        if (m.captured(1) == QStringLiteral("ER")) {
            records << current;
            current.clear();
        }
    }
    CHECK(current.isEmpty());
    REQUIRE(records.size() == papers.size());
    for (qsizetype i = 0; i < papers.size(); ++i) {
        const auto &r = records.at(i);
        const Paper &p = papers.at(i);
        CHECK(r.first().first == QStringLiteral("TY"));
        CHECK(r.last().first == QStringLiteral("ER"));
        QStringList keywords;
        QString title;
        QString note;
        QString abstract;
        for (const auto &[tag, value] : r) {
            if (tag == QStringLiteral("KW"))
                keywords << value;
            else if (tag == QStringLiteral("TI"))
                title = value;
            else if (tag == QStringLiteral("N1"))
                note = value;
            else if (tag == QStringLiteral("AB"))
                abstract = value;
        }
        CHECK(title == p.title);
        CHECK(keywords == p.tags);
        CHECK(note == p.note.simplified());
        CHECK(abstract == p.abstract.simplified());
    }
}

TEST_CASE("BibTeX escapes LaTeX's special characters and keeps math", "[export]")
{
    CHECK(Exporter::bibtexText(QStringLiteral("50% & #1 a_b")) ==
          QStringLiteral("50\\% \\& \\#1 a\\_b"));
    CHECK(Exporter::bibtexText(QStringLiteral("{x}")) ==
          QStringLiteral("\\textbraceleft{}x\\textbraceright{}"));
    CHECK(Exporter::bibtexText(QStringLiteral("error $O(\\sqrt{n})$ bound")) ==
          QStringLiteral("error $O(\\sqrt{n})$ bound"));
    CHECK(Exporter::bibtexText(QStringLiteral("costs $5")) == QStringLiteral("costs \\$5"));
    // Unbalanced braces inside a formula would break the entry: text instead.
    CHECK(Exporter::bibtexText(QStringLiteral("$a}$")) ==
          QStringLiteral("\\$a\\textbraceright{}\\$"));
    CHECK(Exporter::bibtexText(QStringLiteral("C:\\dir")) ==
          QStringLiteral("C:\\textbackslash{}dir"));
    // A formula a bare document cannot typeset is text.
    // A formula a bare document cannot typeset is text, as plainTitle()
    // renders it: no math mode, no unescaped $, ^ or _ left.
    CHECK(Exporter::bibtexText(QStringLiteral("$\\mathbb{R}$")) ==
          QStringLiteral("\\ensuremath{\\mathbf{R}}"));
    for (const char *broken : {"$a^b^c$", "$x^$", "$\\left( x$", "$\\unknown{y}_z$"}) {
        const QString text = Exporter::bibtexText(QLatin1String(broken));
        INFO(broken << " is " << text.toStdString());
        QString bare = text;
        bare.remove(QStringLiteral("\\$")).remove(QStringLiteral("\\_"));
        bare.remove(QStringLiteral("\\textasciicircum{}"));
        for (const QChar c : {u'$', u'^', u'_'})
            CHECK_FALSE(bare.contains(c));
    }
    CHECK(Exporter::bibtexText(QStringLiteral("$\\textit{Trans-LoRA}$")) ==
          QStringLiteral("$\\textit{Trans-LoRA}$"));
    CHECK(Exporter::bibtexText(QStringLiteral("$$E = mc^2$$")) == QStringLiteral("$E = mc^2$"));
}

TEST_CASE("BibTeX spells Unicode in LaTeX, BibLaTeX keeps what pdflatex sets", "[export]")
{
    const QString accents = QString::fromUtf8("Café naïve Łódź Straße Erdős ǎ Ąę");
    CHECK(Exporter::bibtexText(accents) ==
          QStringLiteral("Caf{\\'{e}} na{\\\"{i}}ve {\\L}{\\'{o}}d{\\'{z}} Stra{\\ss}e "
                         "Erd{\\H{o}}s a Ae"));
    CHECK(Exporter::biblatexText(accents) ==
          QString::fromUtf8("Café naïve Łódź Straße Erdős a Ae"));
    const QString punctuation = QString::fromUtf8("a – b — “c” ‘d’ e…\u00A0f");
    CHECK(Exporter::bibtexText(punctuation) ==
          QStringLiteral(
              "a \\textendash{} b \\textemdash{} \\textquotedblleft{}c\\textquotedblright{} "
              "\\textquoteleft{}d\\textquoteright{} e\\ldots{}~f"));
    CHECK(Exporter::biblatexText(punctuation) == punctuation);
    // Greek is mathematics in text and in formulas; a Greek word is named.
    for (const QString &text : {Exporter::bibtexText(QString::fromUtf8("PixArt-$α$ and β-VAE")),
                                Exporter::biblatexText(QString::fromUtf8("PixArt-$α$ and β-VAE"))})
        CHECK(text == QStringLiteral("PixArt-$\\alpha$ and \\ensuremath{\\beta}-VAE"));
    CHECK(Exporter::bibtexText(QString::fromUtf8("$αx$")) == QStringLiteral("$\\alpha x$"));
    CHECK(Exporter::bibtexText(QString::fromUtf8("Ελληνικά")) == QStringLiteral("[Greek]"));
    // Other scripts: one placeholder per run, spaces inside it included.
    CHECK(Exporter::biblatexText(QString::fromUtf8("Нейронные сети: 日本語")) ==
          QStringLiteral("[Cyrillic]: [Han]"));
    CHECK(Exporter::bibtexText(QString::fromUtf8("日本語のテキスト")) ==
          QStringLiteral("[Han/Kana]"));
    // Emoji and zero-width characters have nothing to print.
    CHECK(Exporter::bibtexText(QString::fromUtf8("🚀 Go\u200Bal")) == QStringLiteral(" Goal"));
    // A decomposed accent is the same letter.
    CHECK(Exporter::bibtexText(QString::fromUtf8("e\u0301")) == QStringLiteral("{\\'{e}}"));
}

TEST_CASE("BibTeX keeps URLs as written", "[export]")
{
    const QString url = QStringLiteral("https://example.org/a--b_c?x=1&y=%20#top~v2");
    const QString text = Exporter::bibtexText(QStringLiteral("See ") + url + QStringLiteral("."));
    // Escaped so LaTeX prints each character, and no -- joined into a dash.
    CHECK(text == QStringLiteral("See https://example.org/a-{}-b\\_c?x=1\\&y=\\%20\\#top"
                                 "\\textasciitilde{}v2."));
    // Outside a URL, -- stays TeX's en dash.
    CHECK(Exporter::bibtexText(QStringLiteral("pages 1--2")) == QStringLiteral("pages 1--2"));
}

TEST_CASE("BibTeX export is read by bibtool", "[export]")
{
    const QList<Paper> papers = trickyPapers();
    const QStringList keys = Exporter::citationKeys(papers);
    const QByteArray bib = exported(ExportFormat::BibTeX);
    const QString text = QString::fromUtf8(bib);

    // Every entry's braces balance, whatever the data held.
    for (const QString &entry : text.split(QStringLiteral("\n@"))) {
        int depth = 0;
        for (const QChar c : entry) {
            if (c == u'{')
                ++depth;
            else if (c == u'}')
                --depth;
            REQUIRE(depth >= 0);
        }
        CHECK(depth == 0);
    }
    CHECK(text.contains(
        QStringLiteral("keywords = {to read, {a,b}, \\textless{}tag\\textgreater{}}")));
    CHECK(text.contains(QStringLiteral("annote = {Check")));
    CHECK(text.contains(QStringLiteral("$O(\\sqrt{n})$")));
    // ASCII only: other scripts are named, Greek is math.
    CHECK(std::all_of(bib.cbegin(), bib.cend(), [](char c) { return uchar(c) < 128; }));
    CHECK(text.contains(QStringLiteral("{[Cyrillic]: [Han] and [Greek]}")));

    const QString bibtool = QStandardPaths::findExecutable(QStringLiteral("bibtool"));
    if (bibtool.isEmpty()) {
        gleaner::test::markSkipped(
            QStringLiteral("bibtool is not installed (packaging/install-deps installs it)"));
        return;
    }
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString in = dir.filePath(QStringLiteral("export.bib"));
    QFile file(in);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(bib);
    file.close();
    // Re-emits every entry it parsed, fields included; a syntax problem is
    // an ERROR or a WARNING on stderr (its exit code stays 0) and an
    // unbalanced brace silently swallows the entries after it, hence the
    // checks of every key and field below.
    QProcess p;
    p.start(bibtool, {QStringLiteral("--"), QStringLiteral("print.line.length=10000"), in});
    REQUIRE(p.waitForStarted());
    REQUIRE(p.waitForFinished(30000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    const QString err = QString::fromUtf8(p.readAllStandardError());
    INFO("bibtool stderr: " << err.toStdString());
    CHECK(p.exitCode() == 0);
    CHECK_FALSE(err.contains(QStringLiteral("ERROR"), Qt::CaseInsensitive));
    CHECK_FALSE(err.contains(QStringLiteral("WARNING"), Qt::CaseInsensitive));
    CHECK(out.count(QStringLiteral("@misc{"), Qt::CaseInsensitive) +
              out.count(QStringLiteral("@Misc{"), Qt::CaseSensitive) >=
          papers.size());
    // bibtool writes keys in lower case; BibTeX ignores their case too.
    for (const QString &key : keys)
        CHECK(out.contains(key + u',', Qt::CaseInsensitive));
    // Fields survive the round trip, notes and tags included.
    CHECK(out.contains(QStringLiteral("annote"), Qt::CaseInsensitive));
    CHECK(out.contains(QStringLiteral("keywords"), Qt::CaseInsensitive));
    CHECK(out.contains(QStringLiteral("$\\frac{a}{b} < 1$")));
    CHECK(out.contains(QStringLiteral("[Greek]")));
}

TEST_CASE("Markdown export escapes what Markdown would interpret", "[export]")
{
    const QList<Paper> papers = trickyPapers();
    const QString md = QString::fromUtf8(exported(ExportFormat::Markdown));
    CHECK(md.startsWith(QStringLiteral("# My \\<list\\> \\& \"more\"\n")));
    QStringList headings;
    for (const QString &line : md.split(u'\n')) {
        if (line.startsWith(QStringLiteral("## ")))
            headings << line.mid(3);
    }
    REQUIRE(headings.size() == papers.size());
    for (qsizetype i = 0; i < papers.size(); ++i)
        CHECK(unescapeMarkdown(headings.at(i)) == papers.at(i).title);
    // No raw tags from the data (a note's < is escaped), math kept as written.
    const QRegularExpression rawTag(QStringLiteral("(?<!\\\\)<(b|script)>"));
    CHECK_FALSE(md.contains(rawTag));
    CHECK(md.contains(QStringLiteral("line two: #3 \\<b>bold\\</b>")));
    CHECK(md.contains(QStringLiteral("$O(\\sqrt{n})$")));
    CHECK(md.contains(QStringLiteral("$x_1^2$")));
    // A note is Markdown: its list stays a list, in the quoted block.
    CHECK(md.contains(QStringLiteral("> - a dash at a line start\n> 1. not a list\n")));
    CHECK(md.contains(QString::fromUtf8("Заметка: всё верно. 注意")));
    CHECK(md.contains(QStringLiteral("- Tags: to read, a,b, \\<tag\\>")));
    CHECK(md.contains(QStringLiteral("Gains of 50% \\& more")));

    SECTION("abstracts are optional")
    {
        const QString lean = QString::fromUtf8(exported(ExportFormat::Markdown, false));
        CHECK_FALSE(lean.contains(QStringLiteral("Gains of 50%")));
        CHECK(lean.contains(QStringLiteral("Check \"this\"")));
    }
}

TEST_CASE("A note goes into Markdown as the Markdown it is, without raw HTML", "[export]")
{
    CHECK(escape::markdownNote(QStringLiteral("**bold**, _it_, $x_1$ and\n- a list\n> quoted")) ==
          QStringLiteral("**bold**, _it_, $x_1$ and\n- a list\n> quoted"));
    CHECK(escape::markdownNote(QStringLiteral("a <b>tag</b> & <!-- c -->")) ==
          QStringLiteral("a \\<b>tag\\</b> & \\<!-- c -->"));
    // An escape the note wrote stays one; fenced code keeps its characters.
    CHECK(escape::markdownNote(QStringLiteral("\\<not a tag> and \\\\<b>")) ==
          QStringLiteral("\\<not a tag> and \\\\\\<b>"));
    CHECK(escape::markdownNote(QStringLiteral("```\nif (a < b) {}\n```\n<i>")) ==
          QStringLiteral("```\nif (a < b) {}\n```\n\\<i>"));
    // A fence never closed runs to the end, as Markdown reads it.
    CHECK(escape::markdownNote(QStringLiteral("~~~\n<x>")) == QStringLiteral("~~~\n<x>"));
}

TEST_CASE("Markdown export quotes highlights, escaped, the comment after each",
          "[export][highlights]")
{
    QList<Paper> papers = trickyPapers().mid(1, 1);
    Paper &p = papers.first();
    Highlight tag = *makeHighlight(p.abstract, HighlightField::Abstract, 3, 25);
    REQUIRE(tag.quote == QStringLiteral("<script>alert(1)</script>"));
    tag.comment = QStringLiteral("# not a heading\nsecond line");
    Highlight gone = *makeHighlight(p.title, HighlightField::Title, 0, 8);
    gone.quote = QStringLiteral("- once a\nlist");
    gone.detached = true;
    p.highlights = {tag, gone};
    const QString md = QString::fromUtf8(exported(ExportFormat::Markdown, true, papers));
    CHECK(md.contains(QStringLiteral("**Highlights**:\n\n> \\<script\\>alert(1)\\</script\\>\n\n"
                                     "\\# not a heading\nsecond line\n\n> \\- once a list "
                                     "*(no longer in the text)*\n")));
    CHECK_FALSE(md.contains(QStringLiteral("<script>")));

    // Without highlights there is no such part.
    p.highlights.clear();
    CHECK_FALSE(QString::fromUtf8(exported(ExportFormat::Markdown, true, papers))
                    .contains(QStringLiteral("Highlights")));
}

TEST_CASE("HTML export is a standalone, escaped page", "[export]")
{
    const QList<Paper> papers = trickyPapers();
    const QByteArray html = exported(ExportFormat::Html);
    CHECK(html.startsWith("<!DOCTYPE html>"));
    CHECK(html.contains("&lt;b&gt;Bold&lt;/b&gt;"));
    CHECK(html.contains("@media print"));

    // Well-formed XML: read it back and compare the text.
    const HtmlPage page = readHtml(html);
    INFO(page.error.toStdString());
    REQUIRE(page.error.isEmpty());
    CHECK(page.listTitle == QStringLiteral("My <list> & \"more\""));
    REQUIRE(page.titles.size() == papers.size());
    for (qsizetype i = 0; i < papers.size(); ++i)
        CHECK(page.titles.at(i) == papers.at(i).title);
    REQUIRE(page.notes.size() == 3);
    CHECK(page.notes.at(0).endsWith(papers.at(0).note));

    // Only our own elements: markup in the text stayed text.
    QSet<QString> theirs = page.elements;
    for (const char *ours : {"html", "head", "meta", "title", "style", "script", "body", "header",
                             "h1", "p", "main", "article", "h2", "span", "ul", "li", "blockquote"})
        theirs.remove(QLatin1String(ours));
    CHECK(theirs.isEmpty());
    // Nothing is loaded from elsewhere: no attribute names a resource, the
    // stylesheets import nothing and their only URLs are inlined fonts, and
    // the policy allows nothing else.
    CHECK_FALSE(page.attributes.contains(QStringLiteral("src")));
    CHECK_FALSE(page.attributes.contains(QStringLiteral("href")));
    static const QRegularExpression nonDataUrl(QStringLiteral(R"(url\((?!data:))"));
    for (const QString &style : page.styles) {
        CHECK_FALSE(style.contains(QLatin1String("@import")));
        CHECK_FALSE(style.contains(nonDataUrl));
    }
    CHECK(page.policy.startsWith(QLatin1String("default-src 'none'; ")));
}

TEST_CASE("HTML export typesets math with the system's KaTeX, inlined", "[export]")
{
    const QList<Paper> papers = trickyPapers();
    const HtmlPage page = readHtml(exported(ExportFormat::Html));
    REQUIRE(page.error.isEmpty());
    // Each formula a span holding it as written; the dollar that starts a
    // price and the lone one stay text.
    CHECK(page.math == QStringList{QStringLiteral("$O(\\sqrt{n})$"),
                                   QStringLiteral("$\\frac{a}{b} < 1$"),
                                   QStringLiteral("$x_1^2$")});
    // KaTeX and our typesetting script, each allowed by its hash and by
    // nothing else; KaTeX's fonts inlined as woff2.
    REQUIRE(page.scripts.size() == 2);
    CHECK(page.scripts.at(0).contains(QLatin1String("katex")));
    CHECK(page.scripts.at(1).contains(QLatin1String("math-typeset")));
    for (const QString &script : page.scripts) {
        const QByteArray hash =
            QCryptographicHash::hash(script.toUtf8(), QCryptographicHash::Sha256).toBase64();
        CHECK(page.policy.contains(QLatin1String("'sha256-") + QLatin1String(hash) +
                                   QLatin1Char('\'')));
    }
    CHECK_FALSE(page.policy.contains(QLatin1String("unsafe-eval")));
    CHECK(page.policy.contains(QLatin1String("script-src 'sha256-")));
    CHECK(page.policy.contains(QLatin1String("font-src data:")));
    const QString styles = page.styles.join(QString());
    CHECK(styles.count(QLatin1String("url(data:font/woff2;base64,")) >= 10);
    CHECK_FALSE(styles.contains(QLatin1String(".woff)")));
    CHECK_FALSE(styles.contains(QLatin1String(".ttf)")));

    // A display formula is a block of its own.
    Paper display = papers.at(3);
    display.abstract = QStringLiteral("We show $$\\int_0^1 f = 1$$ always.");
    CHECK(readHtml(exported(ExportFormat::Html, true, {display})).math ==
          QStringList{QStringLiteral("$$\\int_0^1 f = 1$$")});
    CHECK(
        exported(ExportFormat::Html, true, {display}).contains("<span class=\"math display\">$$"));

    // A page without math carries no script at all, and stays small.
    const QByteArray plain = exported(ExportFormat::Html, true, {papers.at(2), papers.at(3)});
    const HtmlPage plainPage = readHtml(plain);
    CHECK(plainPage.error.isEmpty());
    CHECK(plainPage.scripts.isEmpty());
    CHECK(plainPage.math.isEmpty());
    CHECK(plainPage.policy == QStringLiteral("default-src 'none'; style-src 'unsafe-inline'"));
    CHECK(plain.size() < 10000);
    // The same papers give the same page, byte for byte.
    CHECK(exported(ExportFormat::Html) == exported(ExportFormat::Html));
}

TEST_CASE("Exports of a real library carry its reader data", "[export]")
{
    gleaner::test::LibraryFixture f;
    QTemporaryDir dir;
    const QString digest = dir.filePath(QStringLiteral("tricky.txt"));
    REQUIRE(QFile::copy(gleaner::test::dataPath(QStringLiteral("export/tricky.txt")), digest));
    const ImportReport report = f.import({digest});
    REQUIRE(report.ok());
    REQUIRE(report.papersAdded == 4);
    const qint64 id = f.idOf(QStringLiteral("Bounding"));
    REQUIRE(f.library.addTags({id}, {QStringLiteral("<b>bold</b>")}));
    REQUIRE(f.library.setNote(id, QStringLiteral("A note with a \"quote\", a comma\nand $x$.")));
    const QList<Paper> papers = f.library.papers(f.library.search(QString()).value().ids, true);
    REQUIRE(papers.size() == 4);

    ExportOptions options;
    options.format = ExportFormat::Csv;
    QList<QStringList> rows;
    REQUIRE(readCsv(Exporter::exportPapers(papers, options), &rows));
    CHECK(rows.size() == 5);
    options.format = ExportFormat::Html;
    const HtmlPage page = readHtml(Exporter::exportPapers(papers, options));
    CHECK(page.error.isEmpty());
    CHECK_FALSE(page.elements.contains(QStringLiteral("b")));
    CHECK(page.math.contains(QStringLiteral("$x$")));
    const QStringList keys = Exporter::citationKeys(papers);
    CHECK(QSet<QString>(keys.cbegin(), keys.cend()).size() == 4);
}

TEST_CASE("Links between notes become citation keys in Markdown, BibTeX and notes folders",
          "[export]")
{
    test::LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    const qint64 tidal = f.idOf(QStringLiteral("Tidal Attention"));
    const qint64 lanternfish = f.idOf(QStringLiteral("Counting Lanternfish"));
    REQUIRE(f.library.setNote(
        lanternfish, QStringLiteral("Compare [[Tidal Attention Routing Tokens by Phase]] with "
                                    "[[No Paper Has This Title]].")));

    // Exported together: the linked paper's key in this export.
    const QList<Paper> both = f.library.papers({lanternfish, tidal}, true);
    ExportOptions options;
    options.linkedPapers = f.library.linkedPapers(both);
    REQUIRE(options.linkedPapers.size() == 1);
    CHECK(
        options.linkedPapers.value(QStringLiteral("Tidal Attention Routing Tokens by Phase")).id ==
        tidal);
    const QString key = Exporter::citationKeys(both).at(1);

    options.format = ExportFormat::Markdown;
    const QString md = QString::fromUtf8(Exporter::exportPapers(both, options));
    CHECK(md.contains(QStringLiteral("> Compare [[@%1]] with ").arg(key)));
    // An unresolved link stays the note's text, escaped as text is.
    CHECK(md.contains(QStringLiteral("No Paper Has This Title")));
    CHECK(md.count(QStringLiteral("[[@")) == 1);

    options.format = ExportFormat::BibTeX;
    const QString bib = QString::fromUtf8(Exporter::exportPapers(both, options));
    CHECK(bib.contains(QStringLiteral("annote = {Compare \\cite{%1} with ").arg(key)));
    options.format = ExportFormat::BibLaTeX;
    const QString biblatex = QString::fromUtf8(Exporter::exportPapers(both, options));
    CHECK(biblatex.contains(QStringLiteral("annotation = {Compare \\cite{%1} with ").arg(key)));

    // Exported alone, the link still names the other paper by its own key.
    const QList<Paper> alone = f.library.papers({lanternfish}, true);
    ExportOptions aloneOptions;
    aloneOptions.linkedPapers = f.library.linkedPapers(alone);
    aloneOptions.format = ExportFormat::BibTeX;
    const QString ownKey = Exporter::citationKeys(f.library.papers({tidal})).first();
    CHECK(QString::fromUtf8(Exporter::exportPapers(alone, aloneOptions))
              .contains(QStringLiteral("\\cite{%1}").arg(ownKey)));

    // Without the links resolved, the note is exported as written.
    options.linkedPapers.clear();
    CHECK_FALSE(QString::fromUtf8(Exporter::exportPapers(both, options)).contains(u"\\cite"));

    // A notes folder writes [[@key]].
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    NotesFolder folder(dir.path());
    folder.setLinkedPapers(f.library.linkedPapers(both));
    REQUIRE(folder.write(both));
    const QString lanternKey = Exporter::citationKeys(both).at(0);
    QFile file(QDir(dir.path()).filePath(lanternKey + QStringLiteral(".md")));
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(QString::fromUtf8(file.readAll())
              .contains(QStringLiteral("Compare [[@%1]] with").arg(key)));
}
