// The window's messages that count papers, through the English catalogue
// the test main installs as the app does: "1 paper", "3 papers", never
// "paper(s)".
#include "actions/actioncontext.h"
#include "actions/digestactions.h"
#include "actions/exportactions.h"
#include "catch.h"
#include "libraryevents.h"
#include "libraryfixture.h"

#include <QAbstractButton>
#include <QApplication>
#include <QFileInfo>
#include <QMainWindow>
#include <QMessageBox>
#include <QStatusBar>
#include <QTest>
#include <QTimer>

using namespace gleaner;
using gleaner::test::LibraryFixture;

namespace {

qint64 digestFrom(Library &library, const QString &file)
{
    for (const DigestInfo &d : library.digests())
        if (QFileInfo(d.source).fileName() == file)
            return d.id;
    FAIL("no digest from " << file.toStdString());
    return 0;
}

} // namespace

TEST_CASE("Copying papers says how many were copied", "[i18n]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    const QList<qint64> ids = f.library.search(QString()).value().ids;
    REQUIRE(ids.size() == 3);
    QMainWindow window;
    LibraryEvents events;
    const ActionContext context(&window, f.library, events);

    copyPapersAs(context, {ids.first()}, ExportFormat::BibTeX);
    CHECK(window.statusBar()->currentMessage() == QStringLiteral("Copied 1 paper as BibTeX."));
    copyPapersAs(context, ids, ExportFormat::BibTeX);
    CHECK(window.statusBar()->currentMessage() == QStringLiteral("Copied 3 papers as BibTeX."));
    copyPapersAs(context, ids, ExportFormat::Markdown);
    CHECK(window.statusBar()->currentMessage() == QStringLiteral("Copied 3 papers as Markdown."));
}

TEST_CASE("Removing a digest asks and says how many papers go", "[i18n]")
{
    LibraryFixture f;
    // day5_plain shares one of its two papers with day1.
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt")),
                      f.copyFixture(QStringLiteral("day5_plain.txt"))})
                .ok());
    QMainWindow window;
    LibraryEvents events;
    const ActionContext context(&window, f.library, events);

    // Clicks Remove in the question once it shows, and keeps its text.
    QString asked;
    const auto answerRemove = [&asked] {
        QTimer::singleShot(0, [&asked] {
            QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<QMessageBox *>(QApplication::activeModalWidget()),
                                     10000);
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            asked = box->text();
            for (QAbstractButton *button : box->buttons())
                if (button->text() == QStringLiteral("Remove"))
                    button->click();
        });
    };

    answerRemove();
    removeDigest(context, digestFrom(f.library, QStringLiteral("day5_plain.txt")));
    CHECK(asked.endsWith(QStringLiteral(", 2 papers from \u201cday5_plain.txt\u201d?")));
    CHECK(window.statusBar()->currentMessage() ==
          QStringLiteral("Removed the digest and 1 paper."));

    answerRemove();
    removeDigest(context, digestFrom(f.library, QStringLiteral("day1.txt")));
    CHECK(asked.endsWith(QStringLiteral(", 3 papers from \u201cday1.txt\u201d?")));
    CHECK(window.statusBar()->currentMessage() ==
          QStringLiteral("Removed the digest and 3 papers."));
}
