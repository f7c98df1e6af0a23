// gleaner-cli against libraries it must not change: damaged, empty, missing,
// in a folder the user cannot write. Exit codes, messages, and the file's
// bytes unchanged where nothing should change.
#include "catch.h"
#include "damage.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <unistd.h>

using gleaner::test::fileHash;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

// Runs gleaner-cli, as `asUser` when given (through setpriv, as root).
Run cli(const QString &library, QStringList args, const QStringList &asUser = {})
{
    args.prepend(library);
    args.prepend(QStringLiteral("--library"));
    QString program = QStringLiteral(GLEANER_CLI_PATH);
    if (!asUser.isEmpty()) {
        args.prepend(program);
        args = asUser + args;
        program = args.takeFirst();
    }
    QProcess p;
    p.start(program, args);
    REQUIRE(p.waitForStarted());
    p.closeWriteChannel();
    REQUIRE(p.waitForFinished(60000));
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

QString fixture(const QString &name)
{
    return gleaner::test::dataPath(QStringLiteral("library/") + name);
}

const QStringList kReaders[] = {
    {QStringLiteral("stats")},
    {QStringLiteral("search"), QStringLiteral("fish")},
    {QStringLiteral("show"), QStringLiteral("1")},
    {QStringLiteral("digests")},
    {QStringLiteral("tags")},
    {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("json")},
};

} // namespace

TEST_CASE("Read-only commands never create or change a library", "[cli][readonly]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());

    SECTION("a zero-length file stays empty")
    {
        const QString empty = dir.filePath(QStringLiteral("empty.sqlite3"));
        QFile file(empty);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.close();
        for (const QStringList &command : kReaders) {
            const Run r = cli(empty, command);
            INFO(command.join(QLatin1Char(' ')).toStdString());
            CHECK(r.code == 1);
            CHECK(r.err == QStringLiteral("gleaner-cli: %1 is empty, not a library.\n").arg(empty));
            CHECK(QFileInfo(empty).size() == 0);
        }
        // Nor do writers other than import and restore make a library of it.
        const Run star = cli(empty, {QStringLiteral("star"), QStringLiteral("1")});
        CHECK(star.code == 1);
        CHECK(star.err.contains(QStringLiteral("is empty, not a library")));
        const Run backup =
            cli(empty, {QStringLiteral("backup"), dir.filePath(QStringLiteral("b"))});
        CHECK(backup.code == 1);
        CHECK(QFileInfo(empty).size() == 0);
        CHECK(QDir(dir.path()).entryList(QDir::Files) ==
              QStringList{QStringLiteral("empty.sqlite3")});
    }
    SECTION("a missing file is not created")
    {
        const QString missing = dir.filePath(QStringLiteral("missing.sqlite3"));
        for (const QStringList &command : kReaders) {
            const Run r = cli(missing, command);
            CHECK(r.code == 1);
            CHECK(r.err.contains(QStringLiteral("there is no library at %1").arg(missing)));
        }
        CHECK(QDir(dir.path()).isEmpty());
    }
    SECTION("reading a library leaves its bytes as they were")
    {
        const QString library = dir.filePath(QStringLiteral("library.sqlite3"));
        REQUIRE(
            cli(library, {QStringLiteral("import"), fixture(QStringLiteral("day1.txt"))}).code ==
            0);
        const QByteArray before = fileHash(library);
        for (const QStringList &command : kReaders)
            CHECK(cli(library, command).code == 0);
        CHECK(fileHash(library) == before);
    }
}

TEST_CASE("A library in a folder the user cannot write can be read, not changed", "[cli][readonly]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString folder = dir.filePath(QStringLiteral("shared"));
    REQUIRE(QDir().mkpath(folder));
    const QString library = folder + QStringLiteral("/library.sqlite3");
    REQUIRE(cli(library, {QStringLiteral("import"), fixture(QStringLiteral("day1.txt")),
                          fixture(QStringLiteral("day2.txt"))})
                .code == 0);
    REQUIRE_FALSE(QFileInfo::exists(library + QStringLiteral("-wal")));

    // Root may write anywhere: run as nobody then, the way a user without
    // write access would.
    QStringList asUser;
    if (geteuid() == 0) {
        const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
        if (setpriv.isEmpty()) {
            gleaner::test::markSkipped(QStringLiteral("running as root without setpriv"));
            return;
        }
        asUser = {setpriv, QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                  QStringLiteral("--clear-groups")};
        // nobody needs to reach the folder and run the tool.
        REQUIRE(QFile::setPermissions(
            dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                            QFileDevice::ReadOther | QFileDevice::ExeOther));
        const Run probe = cli(library, {QStringLiteral("--version")}, asUser);
        if (probe.code != 0) {
            gleaner::test::markSkipped(
                QStringLiteral("nobody cannot run gleaner-cli here: %1").arg(probe.err));
            return;
        }
    }
    REQUIRE(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner |
                                              QFileDevice::ReadOther | QFileDevice::ExeOther));
    const QByteArray before = fileHash(library);

    const Run stats = cli(library, {QStringLiteral("stats")}, asUser);
    CHECK(stats.code == 0);
    CHECK(stats.err.isEmpty());
    CHECK(stats.out.contains(QStringLiteral("Papers:      5")));
    const Run search =
        cli(library, {QStringLiteral("search"), QStringLiteral("lanternfish")}, asUser);
    CHECK(search.code == 0);
    CHECK(search.out.contains(QStringLiteral("1 paper")));
    const Run exported =
        cli(library, {QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("md")},
            asUser);
    CHECK(exported.code == 0);

    const Run star = cli(library, {QStringLiteral("star"), QStringLiteral("1")}, asUser);
    CHECK(star.code == 1);
    CHECK(star.err == QStringLiteral("gleaner-cli: The library %1 cannot be changed because its "
                                     "folder %2 is not writable; copy it to a folder you can "
                                     "write to.\n")
                          .arg(library, folder));
    const Run import =
        cli(library, {QStringLiteral("import"), fixture(QStringLiteral("day1.txt"))}, asUser);
    CHECK(import.code == 1);
    CHECK(import.err.contains(QStringLiteral("is not writable")));

    REQUIRE(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                              QFileDevice::ExeOwner));
    CHECK(fileHash(library) == before);
    CHECK(QDir(folder).entryList(QDir::Files) == QStringList{QStringLiteral("library.sqlite3")});
}

TEST_CASE("A damaged library is not written to, and repair rebuilds it", "[cli][damaged]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString library = dir.filePath(QStringLiteral("library.sqlite3"));
    REQUIRE(cli(library, {QStringLiteral("import"), fixture(QStringLiteral("day1.txt"))}).code ==
            0);
    REQUIRE(cli(library, {QStringLiteral("star"), QStringLiteral("2")}).code == 0);
    REQUIRE(
        cli(library, {QStringLiteral("tag"), QStringLiteral("2"), QStringLiteral("fish")}).code ==
        0);
    gleaner::test::emptyIndex(library, QStringLiteral("papers_key_hash"));
    const QByteArray damaged = fileHash(library);
    const QString sentence =
        QStringLiteral("gleaner-cli: The library %1 is damaged, so nothing was written to it; "
                       "run \u201cgleaner-cli repair\u201d (or File \u203a Repair Library\u2026 in "
                       "the window) to "
                       "rebuild it into a new file.\n")
            .arg(library);

    // day2 shares a paper with day1: through the damaged index an import
    // would add it a second time.
    const Run import =
        cli(library, {QStringLiteral("import"), fixture(QStringLiteral("day2.txt"))});
    CHECK(import.code == 1);
    CHECK(import.err == sentence);
    const Run star = cli(library, {QStringLiteral("star"), QStringLiteral("1")});
    CHECK(star.code == 1);
    CHECK(star.err == sentence);
    CHECK(fileHash(library) == damaged);

    const QString repaired = dir.filePath(QStringLiteral("repaired.sqlite3"));
    const Run repair =
        cli(library, {QStringLiteral("repair"), QStringLiteral("--output"), repaired});
    CHECK(repair.code == 0);
    CHECK(repair.out.contains(QStringLiteral("Repaired: 1 digest rebuilt")));
    CHECK(repair.out.contains(QStringLiteral("Damaged file kept at: %1\n").arg(library)));
    CHECK(fileHash(library) == damaged);

    const Run again =
        cli(repaired, {QStringLiteral("import"), fixture(QStringLiteral("day2.txt"))});
    CHECK(again.code == 0);
    const Run all = cli(repaired, {QStringLiteral("search")});
    CHECK(all.out.endsWith(QStringLiteral("5 papers\n")));
    const Run starred = cli(repaired, {QStringLiteral("search"), QStringLiteral("is:starred "
                                                                                "tag:fish")});
    CHECK(starred.out.endsWith(QStringLiteral("1 paper\n")));

    // In place: the damaged file moves aside, the repaired one takes its name.
    const Run inPlace = cli(library, {QStringLiteral("repair")});
    CHECK(inPlace.code == 0);
    QStringList aside =
        QDir(dir.path()).entryList({QStringLiteral("library.sqlite3.damaged-*")}, QDir::Files);
    // SQLite's -wal and -shm files move with it.
    aside.removeIf([](const QString &name) {
        return name.endsWith(QLatin1String("-shm")) || name.endsWith(QLatin1String("-wal"));
    });
    REQUIRE(aside.size() == 1);
    CHECK(fileHash(dir.filePath(aside.first())) == damaged);
    CHECK(cli(library, {QStringLiteral("import"), fixture(QStringLiteral("day2.txt"))}).code == 0);
}

TEST_CASE("repair leaves a sound library alone unless forced", "[cli][repair]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString library = dir.filePath(QStringLiteral("library.sqlite3"));
    REQUIRE(cli(library, {QStringLiteral("import"), fixture(QStringLiteral("day1.txt"))}).code ==
            0);
    const QByteArray before = fileHash(library);

    const Run sound = cli(library, {QStringLiteral("repair")});
    CHECK(sound.code == 0);
    CHECK(sound.out == QStringLiteral("The library %1 is sound: there is nothing to repair (use "
                                      "--force to rebuild it anyway).\n")
                           .arg(library));
    CHECK(fileHash(library) == before);
    CHECK(QDir(dir.path())
              .entryList({QStringLiteral("library.sqlite3.damaged-*")}, QDir::Files)
              .isEmpty());

    const QString copy = dir.filePath(QStringLiteral("rebuilt.sqlite3"));
    const Run forced = cli(library, {QStringLiteral("repair"), QStringLiteral("--force"),
                                     QStringLiteral("--output"), copy});
    CHECK(forced.code == 0);
    CHECK(forced.out.contains(QStringLiteral("Repaired: 1 digest rebuilt")));
    CHECK(cli(copy, {QStringLiteral("search")}).out.endsWith(QStringLiteral("3 papers\n")));
}
