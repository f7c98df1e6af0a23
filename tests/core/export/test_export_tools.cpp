// The citation exports given to the programs that read them: pdflatex with
// classic BibTeX (plain style) and with biber and biblatex must compile a
// document citing every paper without one warning or error, and pandoc
// must read every title back, with a year only where the paper has one.
// The papers come from digests full of what TeX trips over (Greek, accents,
// other scripts, TeX's special characters, broken math, URLs, no dates).
// A machine without the tools reports these tests skipped ([tools], ctest
// core.tools); packaging/install-deps installs them.
#include "catch.h"
#include "export/exporter.h"
#include "libraryfixture.h"
#include "model/titletext.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace gleaner;

namespace {

// The library the digests make, with tags and notes that need escaping too.
class HardLibrary
{
public:
    HardLibrary()
    {
        QStringList paths;
        for (const char *name : {"tex-hard.txt", "tex-undated.txt"}) {
            const QString target = m_fixture.path(QLatin1String(name));
            REQUIRE(QFile::copy(test::dataPath(QStringLiteral("export/") + QLatin1String(name)),
                                target));
            paths << target;
        }
        const ImportReport report = m_fixture.import(paths);
        REQUIRE(report.ok());
        REQUIRE(report.papersAdded == 12);
        Library &library = m_fixture.library;
        const qint64 best = m_fixture.idOf(QStringLiteral("Hashtags_in"));
        REQUIRE(library.addTags({best}, {QStringLiteral("a,b"), QStringLiteral("<tag>"),
                                         QStringLiteral("C++ & C#"), QStringLiteral("100%"),
                                         QStringLiteral("{x}"), QStringLiteral("перевод")}));
        REQUIRE(library.setNote(best,
                                test::kTrickyNote + QStringLiteral("\nC:\\dir\\file_1 {{ } $lonely "
                                                                   "https://example.org/a_b#c")));
        const qint64 pixart = m_fixture.idOf(QStringLiteral("PixArt"));
        REQUIRE(library.setNote(pixart, QStringLiteral("Read with $\\alpha$ = 0.5 and α.")));
        papers = library.papers(library.search(QString()).value().ids, true);
        REQUIRE(papers.size() == 12);
    }

    QList<Paper> papers;

private:
    test::LibraryFixture m_fixture;
};

QString findTool(const char *name)
{
    return QStandardPaths::findExecutable(QLatin1String(name));
}

// Whether every tool is there; otherwise the test is marked skipped.
bool haveTools(std::initializer_list<const char *> tools)
{
    QStringList missing;
    for (const char *t : tools) {
        if (findTool(t).isEmpty())
            missing << QLatin1String(t);
    }
    if (missing.isEmpty())
        return true;
    test::markSkipped(missing.join(QStringLiteral(", ")) +
                      QStringLiteral(" not installed (packaging/install-deps installs them)"));
    return false;
}

struct Run
{
    int exitCode = -1;
    QString output;
};

Run run(const char *tool, const QStringList &args, const QString &dir)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // One message per line in TeX's logs, so a warning is never split.
    env.insert(QStringLiteral("max_print_line"), QStringLiteral("10000"));
    p.setProcessEnvironment(env);
    p.start(findTool(tool), args);
    Run r;
    if (!p.waitForStarted() || !p.waitForFinished(180000)) {
        r.output = QStringLiteral("did not run to the end");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.output = QString::fromUtf8(p.readAll());
    return r;
}

QString readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    REQUIRE(f.write(bytes) == bytes.size());
}

QByteArray exportAs(ExportFormat format, const QList<Paper> &papers)
{
    ExportOptions options;
    options.format = format;
    return Exporter::exportPapers(papers, options);
}

// The lines of a TeX log (or BibTeX's, or biber's) that report a problem.
QStringList problems(const QString &log)
{
    static const QRegularExpression bad(QStringLiteral(
        "^!|Warning|Error|ERROR|WARN|Missing character|Undefined control|There w.* error"));
    QStringList lines;
    for (const QString &line : log.split(u'\n')) {
        if (bad.match(line).hasMatch())
            lines << line;
    }
    return lines;
}

// pdflatex on doc.tex; the log's problems (after the last run) on failure.
void pdflatex(const QString &dir)
{
    const Run r = run("pdflatex",
                      {QStringLiteral("-interaction=nonstopmode"), QStringLiteral("-halt-on-error"),
                       QStringLiteral("doc.tex")},
                      dir);
    INFO(problems(readFile(dir + QStringLiteral("/doc.log"))).join(u'\n').toStdString());
    REQUIRE(r.exitCode == 0);
}

const char *const kPlainDocument = R"(\documentclass{article}
\begin{document}
\nocite{*}
\bibliographystyle{plain}
\bibliography{export}
\end{document}
)";

const char *const kBiblatexDocument = R"(\documentclass{article}
\usepackage[backend=biber]{biblatex}
\addbibresource{export.bib}
\begin{document}
\nocite{*}
\printbibliography
\end{document}
)";

// The two pdflatex runs after the bibliography tool, and what they must
// leave: a log without a warning, and `entries` entries in doc.bbl, each
// starting with `marker`.
void finishDocument(const QTemporaryDir &dir, const QString &marker, qsizetype entries)
{
    pdflatex(dir.path());
    pdflatex(dir.path());
    const QString log = readFile(dir.filePath(QStringLiteral("doc.log")));
    INFO("pdflatex: " << problems(log).join(u'\n').toStdString());
    CHECK(problems(log).isEmpty());
    CHECK(readFile(dir.filePath(QStringLiteral("doc.bbl"))).count(marker) == entries);
}

// Compiles `bib` with biber and biblatex; every entry must reach the
// bibliography and neither biber nor LaTeX may complain.
void compileWithBiber(const QByteArray &bib, int entries)
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    writeFile(dir.filePath(QStringLiteral("export.bib")), bib);
    writeFile(dir.filePath(QStringLiteral("doc.tex")), kBiblatexDocument);
    pdflatex(dir.path());
    const Run biber = run("biber", {QStringLiteral("doc")}, dir.path());
    const QString blg = readFile(dir.filePath(QStringLiteral("doc.blg")));
    INFO("biber: " << problems(blg).join(u'\n').toStdString());
    CHECK(biber.exitCode == 0);
    CHECK(problems(blg).isEmpty());
    finishDocument(dir, QStringLiteral("\\entry{"), entries);
}

// The words of a title in ASCII letters: accents and math markup dropped,
// anything else a space. A reader may spell math, Greek or a transliterated letter
// differently ("\\alpha", "th" for "þ"), but every such word must be there.
QString folded(const QString &text)
{
    QString out;
    for (const QChar c : text.normalized(QString::NormalizationForm_KD)) {
        // Accents, and the markup of a formula a reader may keep ("M^3ViT").
        if (c.category() == QChar::Mark_NonSpacing || QStringLiteral("$^_{}").contains(c))
            continue;
        out += c.unicode() < 128 && c.isLetterOrNumber() ? c : QChar(u' ');
    }
    return out;
}

// The title's words as plainTitle() shows it (a formula written as text is
// rendered so), three letters or more: shorter ones are a formula's
// variables, which a reader may space differently.
QStringList words(const QString &title)
{
    QStringList out;
    for (const QString &w : folded(plainTitle(title)).split(u' ', Qt::SkipEmptyParts)) {
        if (w.size() >= 3)
            out << w;
    }
    return out;
}

// The words of other scripts in a title (Cyrillic, Han, Greek runs).
QStringList nonLatinRuns(const QString &title)
{
    static const QRegularExpression run(
        QStringLiteral("[\\p{Cyrillic}\\p{Han}\\p{Greek}\\p{Arabic}\\p{Hebrew}]{2,}"));
    QStringList runs;
    for (auto it = run.globalMatch(title); it.hasNext();)
        runs << it.next().captured();
    return runs;
}

// pandoc's reading of an export as CSL-JSON, by citation key.
QHash<QString, QJsonObject> pandocItems(const QByteArray &bytes, const char *from, const char *file)
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    writeFile(dir.filePath(QLatin1String(file)), bytes);
    const Run r = run("pandoc",
                      {QStringLiteral("-f"), QLatin1String(from), QStringLiteral("-t"),
                       QStringLiteral("csljson"), QLatin1String(file)},
                      dir.path());
    INFO("pandoc: " << r.output.left(2000).toStdString());
    REQUIRE(r.exitCode == 0);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.output.toUtf8(), &error);
    REQUIRE(error.error == QJsonParseError::NoError);
    QHash<QString, QJsonObject> items;
    for (const QJsonValue &v : doc.array())
        items.insert(v.toObject().value(QStringLiteral("id")).toString(), v.toObject());
    return items;
}

} // namespace

TEST_CASE("BibTeX export compiles with pdflatex and classic BibTeX, no warning",
          "[export][tex][tools]")
{
    if (!haveTools({"pdflatex", "bibtex"}))
        return;
    const HardLibrary hard;
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    writeFile(dir.filePath(QStringLiteral("export.bib")),
              exportAs(ExportFormat::BibTeX, hard.papers));
    writeFile(dir.filePath(QStringLiteral("doc.tex")), kPlainDocument);
    pdflatex(dir.path());
    const Run bibtex = run("bibtex", {QStringLiteral("doc")}, dir.path());
    const QString blg = readFile(dir.filePath(QStringLiteral("doc.blg")));
    INFO("bibtex: " << blg.toStdString());
    CHECK(bibtex.exitCode == 0);
    CHECK(problems(blg).isEmpty());
    finishDocument(dir, QStringLiteral("\\bibitem{"), hard.papers.size());
}

TEST_CASE("BibTeX and BibLaTeX exports compile with biber and biblatex, no warning",
          "[export][tex][tools]")
{
    if (!haveTools({"pdflatex", "biber", "kpsewhich"}))
        return;
    if (run("kpsewhich", {QStringLiteral("biblatex.sty")}, QDir::tempPath()).exitCode != 0) {
        test::markSkipped(QStringLiteral("biblatex.sty is not installed (texlive-bibtex-extra)"));
        return;
    }
    const HardLibrary hard;
    SECTION("BibTeX")
    {
        compileWithBiber(exportAs(ExportFormat::BibTeX, hard.papers), int(hard.papers.size()));
    }
    SECTION("BibLaTeX")
    {
        compileWithBiber(exportAs(ExportFormat::BibLaTeX, hard.papers), int(hard.papers.size()));
    }
}

TEST_CASE("pandoc reads every title back, and a year only where the paper has one",
          "[export][tex][tools]")
{
    if (!haveTools({"pandoc"}))
        return;
    const HardLibrary hard;
    const QStringList keys = Exporter::citationKeys(hard.papers);
    struct Reading
    {
        ExportFormat format;
        const char *from;
        const char *file;
    };
    for (const Reading &reading : {Reading{ExportFormat::BibTeX, "bibtex", "export.bib"},
                                   Reading{ExportFormat::BibLaTeX, "biblatex", "export.bib"},
                                   Reading{ExportFormat::CslJson, "csljson", "export.json"}}) {
        INFO("reading " << reading.from);
        const QHash<QString, QJsonObject> items =
            pandocItems(exportAs(reading.format, hard.papers), reading.from, reading.file);
        REQUIRE(items.size() == hard.papers.size());
        for (qsizetype i = 0; i < hard.papers.size(); ++i) {
            const Paper &p = hard.papers.at(i);
            INFO("paper " << p.title.toStdString());
            REQUIRE(items.contains(keys.at(i)));
            const QJsonObject item = items.value(keys.at(i));
            const QString title = item.value(QStringLiteral("title")).toString();
            const QString readBack = folded(title);
            for (const QString &w : words(p.title))
                CHECK(readBack.contains(w));

            // CSL-JSON keeps the words of other scripts; a .bib names them.
            if (reading.format == ExportFormat::CslJson) {
                for (const QString &run : nonLatinRuns(p.title))
                    CHECK(title.contains(run));
            } else if (!nonLatinRuns(p.title).isEmpty()) {
                CHECK(title.contains(QStringLiteral("[Cyrillic]")));
            }
            const QJsonValue issued = item.value(QStringLiteral("issued"));
            if (p.published.isValid()) {
                CHECK(issued.toObject()
                          .value(QStringLiteral("date-parts"))
                          .toArray()
                          .at(0)
                          .toArray()
                          .at(0)
                          .toInt() == p.published.year());
            } else {
                CHECK(issued.isUndefined());
            }
            if (p.title.startsWith(QStringLiteral("PixArt")))
                CHECK(item.value(QStringLiteral("abstract"))
                          .toString()
                          .contains(QStringLiteral(
                              "https://github.com/pix-art/pixart--alpha_v2?x=1&y=%20#readme~v2")));
        }
    }
}
