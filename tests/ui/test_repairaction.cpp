// The window's damaged-library check and Repair…, off the GUI thread.
#include "actions/repairaction.h"
#include "catch.h"
#include "damage.h"
#include "importcontroller.h"
#include "libraryfixture.h"
#include "storage/integritycheck.h"

#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QWidget>

using namespace gleaner;
using gleaner::test::LibraryFixture;

namespace {

constexpr int kWaitMs = 60000;

} // namespace

TEST_CASE("The window's check finds a damaged library, and Repair… rebuilds it", "[repair]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    REQUIRE(f.library.setStarred({f.idOf(QStringLiteral("Lanternfish"))}, true));
    f.library.close();

    QWidget window;
    RepairAction action(f.libraryPath(), &window);
    QSignalSpy checked(&action, &RepairAction::checked);

    SECTION("a sound library")
    {
        action.checkInBackground();
        REQUIRE(checked.wait(kWaitMs));
        CHECK(checked.first().first().toBool());
        CHECK_FALSE(action.isDamaged());
    }
    SECTION("a damaged library")
    {
        test::emptyIndex(f.libraryPath(), QStringLiteral("papers_key_hash"));
        const QByteArray damaged = test::fileHash(f.libraryPath());
        QSignalSpy found(&action, &RepairAction::damageFound);
        action.checkInBackground();
        CHECK(action.isChecking());
        REQUIRE(checked.wait(kWaitMs));
        CHECK_FALSE(checked.first().first().toBool());
        REQUIRE(found.size() == 1);
        CHECK(found.first().first().toString().contains(QStringLiteral("is damaged")));

        action.offerRepair();
        auto *box = window.findChild<QMessageBox *>(QStringLiteral("damagedLibraryMessage"));
        REQUIRE(box);
        auto *repairButton = box->findChild<QPushButton *>(QStringLiteral("repairButton"));
        REQUIRE(repairButton);

        QSignalSpy about(&action, &RepairAction::aboutToRepair);
        QSignalSpy repaired(&action, &RepairAction::repaired);
        repairButton->click();
        CHECK(about.size() == 1);
        CHECK(window.findChild<QWidget *>(QStringLiteral("repairProgress")));
        REQUIRE(repaired.wait(kWaitMs));
        CHECK(repaired.first().first().toString().contains(QStringLiteral("damaged file is kept")));
        CHECK_FALSE(action.isDamaged());

        Library library;
        REQUIRE(library.open(f.libraryPath()));
        IntegrityCheck check(library.database());
        CHECK(check.run());
        CHECK(library.paperCount() == 3);
        CHECK(library.search(QStringLiteral("is:starred")).value().ids.size() == 1);
        const QStringList aside =
            QDir(f.path(QString())).entryList({QStringLiteral("library.sqlite3.damaged-*")});
        REQUIRE_FALSE(aside.isEmpty());
        CHECK(test::fileHash(f.path(aside.first())) == damaged);
    }
}

TEST_CASE("The window's importer refuses a damaged library before its first import", "[repair]")
{
    LibraryFixture f;
    REQUIRE(f.import({f.copyFixture(QStringLiteral("day1.txt"))}).ok());
    f.library.close();
    test::emptyIndex(f.libraryPath(), QStringLiteral("papers_key_hash"));
    const QByteArray damaged = test::fileHash(f.libraryPath());

    ImportController importer(f.libraryPath());
    QSignalSpy finished(&importer, &ImportController::finished);
    importer.importPaths({f.copyFixture(QStringLiteral("day2.txt"))});
    REQUIRE(finished.wait(kWaitMs));
    const auto report = finished.first().first().value<ImportReport>();
    REQUIRE(report.failed.size() == 1);
    CHECK(report.failed.first().message.contains(QStringLiteral("is damaged")));
    CHECK(report.digestsAdded == 0);
    CHECK(test::fileHash(f.libraryPath()) == damaged);
}
