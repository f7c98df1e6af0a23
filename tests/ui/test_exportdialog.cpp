#include "actions/actioncontext.h"
#include "catch.h"
#include "exportdialog.h"
#include "libraryevents.h"
#include "libraryfixture.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QToolButton>

#include <algorithm>

using namespace gleaner;
using gleaner::test::LibraryFixture;

namespace {

// Five papers over two digests: three starred, two tagged "vision", one
// saved search that finds the tidal paper only.
struct ExportLibrary
{
    ExportLibrary()
    {
        REQUIRE(fx.import({fx.copyFixture(QStringLiteral("day1.txt")),
                           fx.copyFixture(QStringLiteral("day2.txt"))})
                    .ok());
        tidal = fx.idOf(QStringLiteral("Tidal Attention"));
        lanternfish = fx.idOf(QStringLiteral("Counting Lanternfish"));
        noise = fx.idOf(QStringLiteral("Gradient Noise"));
        quiet = fx.idOf(QStringLiteral("Quiet Tokens"));
        weather = fx.idOf(QStringLiteral("Weather Models"));
        REQUIRE(fx.library.setStarred({tidal, noise, weather}, true));
        REQUIRE(fx.library.addTags({lanternfish, quiet}, {QStringLiteral("vision")}));
        REQUIRE(fx.library.addTags({tidal}, {QStringLiteral("long context")}));
        REQUIRE(fx.library.setNote(lanternfish, QStringLiteral("Read with the sonar paper.")));
        REQUIRE(fx.library.saveSearch(QStringLiteral("Tides"), QStringLiteral("tidal")));
    }

    LibraryFixture fx;
    qint64 tidal = 0;
    qint64 lanternfish = 0;
    qint64 noise = 0;
    qint64 quiet = 0;
    qint64 weather = 0;
};

QList<qint64> sorted(QList<qint64> ids)
{
    std::sort(ids.begin(), ids.end());
    return ids;
}

void selectCombo(QComboBox *combo, const QString &data)
{
    REQUIRE(combo);
    const int index = combo->findData(data);
    REQUIRE(index >= 0);
    combo->setCurrentIndex(index);
}

} // namespace

TEST_CASE("Each export scope stands for its papers", "[export]")
{
    ExportLibrary lib;
    ExportScopes scopes;
    scopes.currentView = {lib.weather, lib.tidal, lib.quiet};
    scopes.currentViewLabel = QStringLiteral("Search: models");
    scopes.selection = {lib.noise};
    ExportDialog dialog(lib.fx.library, scopes, nullptr);

    SECTION("One selected paper leaves the current view chosen, in its order")
    {
        CHECK(dialog.scope() == ExportDialog::Scope::CurrentView);
        CHECK(dialog.idsForScope() == scopes.currentView);
        const auto *count = dialog.findChild<QLabel *>(QStringLiteral("exportCount"));
        REQUIRE(count);
        CHECK(count->text() == QStringLiteral("3 papers will be exported."));
    }
    SECTION("Selection")
    {
        dialog.setScope(ExportDialog::Scope::Selection);
        CHECK(dialog.idsForScope() == QList<qint64>{lib.noise});
    }
    SECTION("Starred")
    {
        dialog.setScope(ExportDialog::Scope::Starred);
        CHECK(sorted(dialog.idsForScope()) == sorted({lib.tidal, lib.noise, lib.weather}));
    }
    SECTION("Tag, also when picked from its list")
    {
        auto *tags = dialog.findChild<QComboBox *>(QStringLiteral("exportTag"));
        selectCombo(tags, QStringLiteral("vision"));
        if (dialog.scope() != ExportDialog::Scope::Tag) // it was already the current item
            dialog.setScope(ExportDialog::Scope::Tag);
        CHECK(dialog.scope() == ExportDialog::Scope::Tag);
        CHECK(sorted(dialog.idsForScope()) == sorted({lib.lanternfish, lib.quiet}));

        // A tag with a space is still one filter.
        selectCombo(tags, QStringLiteral("long context"));
        CHECK(dialog.idsForScope() == QList<qint64>{lib.tidal});
    }
    SECTION("Saved search")
    {
        dialog.setScope(ExportDialog::Scope::SavedSearch);
        CHECK(dialog.idsForScope() == QList<qint64>{lib.tidal});
    }
}

TEST_CASE("An empty selection cannot be chosen", "[export]")
{
    ExportLibrary lib;
    ExportDialog dialog(lib.fx.library, ExportScopes{{lib.tidal}, {}, {}}, nullptr);
    const auto *selection =
        dialog.findChild<QRadioButton *>(QStringLiteral("exportScopeSelection"));
    REQUIRE(selection);
    CHECK_FALSE(selection->isEnabled());
    CHECK(dialog.scope() == ExportDialog::Scope::CurrentView);
}

TEST_CASE("Several selected papers are the default scope", "[export]")
{
    ExportLibrary lib;
    ExportDialog dialog(lib.fx.library, ExportScopes{{lib.tidal}, {}, {lib.quiet, lib.noise}},
                        nullptr);
    CHECK(dialog.scope() == ExportDialog::Scope::Selection);
    CHECK(dialog.idsForScope() == QList<qint64>{lib.quiet, lib.noise});
}

TEST_CASE("The export preview follows the format and options", "[export]")
{
    ExportLibrary lib;
    ExportDialog dialog(lib.fx.library, ExportScopes{{lib.tidal, lib.lanternfish}, {}, {}},
                        nullptr);
    auto *abstracts = dialog.findChild<QCheckBox *>(QStringLiteral("exportAbstracts"));
    auto *title = dialog.findChild<QLineEdit *>(QStringLiteral("exportTitle"));
    auto *preview = dialog.findChild<QPlainTextEdit *>(QStringLiteral("exportPreview"));
    REQUIRE(abstracts);
    REQUIRE(title);
    REQUIRE(preview);
    CHECK(preview->isReadOnly());

    dialog.setFormat(ExportFormat::Markdown);
    const QString markdown = dialog.previewText();
    CHECK(markdown.contains(QStringLiteral("Tidal Attention")));
    // The note travels: papers are loaded with their reader data.
    CHECK(markdown.contains(QStringLiteral("Read with the sonar paper.")));

    title->setText(QStringLiteral("Week of tides"));
    CHECK(dialog.options().title == QStringLiteral("Week of tides"));
    CHECK(dialog.previewText().contains(QStringLiteral("Week of tides")));

    abstracts->setChecked(true);
    const QString withAbstracts = dialog.previewText();
    CHECK(withAbstracts.contains(QStringLiteral("tidal attention, a routing scheme")));
    abstracts->setChecked(false);
    CHECK_FALSE(dialog.options().includeAbstracts);
    CHECK_FALSE(dialog.previewText().contains(QStringLiteral("tidal attention, a routing scheme")));

    dialog.setFormat(ExportFormat::BibTeX);
    CHECK(dialog.previewText().startsWith(QStringLiteral("@misc{")));
    CHECK_FALSE(title->isEnabled());

    SECTION("JSON always has abstracts, and the reader's choice comes back after")
    {
        dialog.setFormat(ExportFormat::Json);
        CHECK_FALSE(abstracts->isEnabled());
        CHECK(abstracts->isChecked());
        CHECK(dialog.options().includeAbstracts);
        CHECK(dialog.previewText().startsWith(QStringLiteral("[")));

        dialog.setFormat(ExportFormat::Csv);
        CHECK(abstracts->isEnabled());
        CHECK_FALSE(abstracts->isChecked());
    }
    SECTION("Every format is offered with its label")
    {
        const auto *formats = dialog.findChild<QComboBox *>(QStringLiteral("exportFormat"));
        REQUIRE(formats);
        // Every file format, and the notes folder.
        CHECK(formats->count() == exportFormatNames().size() + 1);
        CHECK(formats->findText(exportFormatLabel(ExportFormat::CslJson)) >= 0);
        CHECK(formats->findText(exportFormatLabel(ExportFormat::BibLaTeX)) >= 0);
        CHECK(formats->findData(QStringLiteral("notes")) >= 0);
    }
}

TEST_CASE("The preview is capped, the count is not", "[export]")
{
    LibraryFixture fx;
    QByteArray text = "Daily Papers\n\nMar 3\n\n";
    for (int i = 0; i < ExportDialog::PreviewPapers + 5; ++i) {
        text += "Capped paper number " + QByteArray::number(i) + "\n\n";
        text += "Abstract " + QByteArray::number(i) + ".\n\n";
        text += "  \u2022 3 authors\n\u00b7\nMar 1, 2025 4\n\n";
    }
    Importer importer(fx.library);
    REQUIRE(importer.importData(text, QStringLiteral("many.txt")).ok());
    const QList<qint64> all = fx.library.search(QStringLiteral("capped")).value().ids;
    REQUIRE(all.size() == ExportDialog::PreviewPapers + 5);

    ExportDialog dialog(fx.library, ExportScopes{all, {}, {}}, nullptr);
    dialog.setFormat(ExportFormat::BibTeX);
    CHECK(dialog.previewText().count(QStringLiteral("@misc{")) == ExportDialog::PreviewPapers);
    CHECK(QString::fromUtf8(dialog.exportBytes()).count(QStringLiteral("@misc{")) == all.size());
    const auto *count = dialog.findChild<QLabel *>(QStringLiteral("exportCount"));
    REQUIRE(count);
    CHECK(count->text().startsWith(QStringLiteral("35 papers will be exported")));
    // The preview's own header counts the whole export, not the preview.
    dialog.setFormat(ExportFormat::Markdown);
    CHECK(dialog.previewText().contains(QStringLiteral("35 papers")));
    CHECK_FALSE(dialog.previewText().contains(QStringLiteral("30 papers")));
}

TEST_CASE("Copy as Markdown and BibTeX carry both papers", "[export]")
{
    ExportLibrary lib;
    const QList<qint64> ids{lib.tidal, lib.weather};
    for (const ExportFormat format : {ExportFormat::BibTeX, ExportFormat::Markdown}) {
        const QString text = ExportDialog::exportText(lib.fx.library, ids, format);
        CHECK(text.contains(QStringLiteral("Tidal Attention")));
        CHECK(text.contains(QStringLiteral("Weather Models That Know When They Are Wrong")));
    }
    // A copied reading list stays short; a copied reference keeps its abstract.
    CHECK_FALSE(ExportDialog::exportText(lib.fx.library, ids, ExportFormat::Markdown)
                    .contains(QStringLiteral("calibrated ensemble")));
    CHECK(ExportDialog::exportText(lib.fx.library, ids, ExportFormat::BibTeX)
              .contains(QStringLiteral("calibrated ensemble")));
}

TEST_CASE("Writing an export gives the exporter's bytes", "[export]")
{
    ExportLibrary lib;
    ExportDialog dialog(lib.fx.library, ExportScopes{{lib.quiet, lib.lanternfish}, {}, {}},
                        nullptr);
    dialog.setFormat(ExportFormat::Html);
    const QByteArray expected = Exporter::exportPapers(
        lib.fx.library.papers({lib.quiet, lib.lanternfish}, true), dialog.options());

    const QString path = lib.fx.path(QStringLiteral("out/list.html"));
    SECTION("To a new file")
    {
        REQUIRE(QDir().mkpath(lib.fx.path(QStringLiteral("out"))));
        REQUIRE(dialog.writeTo(path));
        CHECK(dialog.errorString().isEmpty());
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadOnly));
        CHECK(file.readAll() == expected);
        CHECK(dialog.exportBytes() == expected);
    }
    SECTION("A folder that does not exist fails with a sentence naming the file")
    {
        CHECK_FALSE(dialog.writeTo(path));
        CHECK(dialog.errorString().startsWith(QStringLiteral("Could not write ")));
        CHECK(dialog.errorString().contains(QStringLiteral("list.html")));
    }
}

TEST_CASE("The notes folder is a format of the dialog", "[export]")
{
    ExportLibrary lib;
    const QList<qint64> all = lib.fx.library.search(QString()).value().ids;
    ExportDialog dialog(lib.fx.library, ExportScopes{all, {}, {}}, nullptr);
    dialog.chooseNotes();
    REQUIRE(dialog.notesChosen());
    // The preview is the first paper's file; nothing to copy.
    CHECK(dialog.previewText().contains(QStringLiteral(".md\n\n---\ntitle: \"")));
    CHECK(dialog.previewText().contains(NotesFolder::marker()));
    const auto *copy = dialog.findChild<QPushButton *>(QStringLiteral("exportCopyButton"));
    REQUIRE(copy);
    CHECK_FALSE(copy->isEnabled());

    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const auto report = dialog.writeNotesTo(dir.path());
    REQUIRE(report);
    CHECK(report->written == all.size());
    CHECK(QDir(dir.path()).entryList({QStringLiteral("*.md")}, QDir::Files).size() == all.size());
}

TEST_CASE("The dialog opens on the papers and format exported last", "[export]")
{
    const auto forget = [] { QSettings().remove(QStringLiteral("export")); };
    forget();
    ExportLibrary lib;
    {
        ExportDialog first(lib.fx.library, ExportScopes{{lib.quiet}, {}, {}}, nullptr);
        CHECK(first.scope() == ExportDialog::Scope::CurrentView);
        first.setScope(ExportDialog::Scope::Tag);
        selectCombo(first.findChild<QComboBox *>(QStringLiteral("exportTag")),
                    QStringLiteral("vision"));
        first.setFormat(ExportFormat::BibLaTeX);
        first.rememberChoices();
    }
    {
        ExportDialog again(lib.fx.library, ExportScopes{{lib.quiet}, {}, {}}, nullptr);
        CHECK(again.scope() == ExportDialog::Scope::Tag);
        CHECK(again.format() == ExportFormat::BibLaTeX);
        CHECK(sorted(again.idsForScope()) == sorted({lib.lanternfish, lib.quiet}));
    }
    // A tag that is gone, or a selection that is empty, falls back.
    REQUIRE(lib.fx.library.deleteTag(QStringLiteral("vision")));
    {
        ExportDialog gone(lib.fx.library, ExportScopes{{lib.quiet}, {}, {}}, nullptr);
        CHECK(gone.scope() == ExportDialog::Scope::CurrentView);
        gone.setScope(ExportDialog::Scope::Starred);
        gone.rememberChoices();
    }
    {
        ExportDialog starred(lib.fx.library, ExportScopes{{lib.quiet}, {}, {}}, nullptr);
        CHECK(starred.scope() == ExportDialog::Scope::Starred);
    }
    forget();
}

TEST_CASE("An export's file name follows its format", "[export]")
{
    const auto name = [](const char *path, ExportFormat f) {
        return ExportDialog::fileNameFor(QString::fromUtf8(path), f);
    };
    CHECK(name("/d/list", ExportFormat::BibTeX) == QStringLiteral("/d/list.bib"));
    CHECK(name("/d/list.bib", ExportFormat::BibLaTeX) == QStringLiteral("/d/list.bib"));
    CHECK(name("/d/list.BIB", ExportFormat::BibTeX) == QStringLiteral("/d/list.BIB"));
    CHECK(name("/d/list.htm", ExportFormat::Html) == QStringLiteral("/d/list.htm"));
    CHECK(name("/d/list.txt", ExportFormat::Markdown) == QStringLiteral("/d/list.txt"));
    // A dot in a name is not a suffix.
    CHECK(name("/d/Notes 1.5", ExportFormat::Markdown) == QStringLiteral("/d/Notes 1.5.md"));
    // Another format's suffix is a question, not a silent pass.
    CHECK(name("/d/list.md", ExportFormat::BibTeX).isEmpty());
    CHECK(name("/d/list.txt", ExportFormat::BibTeX).isEmpty());
    CHECK(name("/d/list.json", ExportFormat::Csv).isEmpty());
}

TEST_CASE("A saved export is confirmed in the status bar with a way to its folder", "[export]")
{
    QMainWindow window;
    Library library;
    LibraryEvents events;
    const ActionContext context(&window, library, events);
    int shown = 0;
    context.offer(
        QStringLiteral("Exported 3 papers as BibTeX to /tmp/x.bib."),
        QStringLiteral("Show in Folder"), [&shown] { ++shown; }, 15000);
    CHECK(window.statusBar()->currentMessage().startsWith(QStringLiteral("Exported 3 papers")));
    auto *button = window.statusBar()->findChild<QToolButton *>(QStringLiteral("statusOffer"));
    REQUIRE(button);
    CHECK(button->text() == QStringLiteral("Show in Folder"));
    button->click();
    CHECK(shown == 1);
    // The next message takes the button away with it.
    window.statusBar()->showMessage(QStringLiteral("Something else"));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    CHECK_FALSE(window.statusBar()->findChild<QToolButton *>(QStringLiteral("statusOffer")));
}
