// gleaner-cli import --watch as a user runs it: the real executable watching
// a temporary folder, a digest copied in, another gleaner-cli reading the
// same library while it runs, and Ctrl+C (SIGINT) or SIGTERM to stop it.
// Nothing asserts how fast: each wait gives up after a generous limit.
#include "catch.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 15000;

QString fixture(const QString &name)
{
    return gleaner::test::dataPath(u"library/"_s + name);
}

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

// A watching gleaner-cli, the folder it watches and its library, and the
// one-shot commands run beside it.
class Watch
{
public:
    Watch()
    {
        REQUIRE(m_dir.isValid());
        REQUIRE(QDir(m_dir.path()).mkdir(u"inbox"_s));
    }

    ~Watch()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(10000);
        }
    }

    QString libraryPath() const { return m_dir.filePath(u"library.sqlite3"_s); }
    QString inbox() const { return m_dir.filePath(u"inbox"_s); }

    Run run(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(GLEANER_CLI_PATH),
                QStringList{u"--library"_s, libraryPath()} + args);
        REQUIRE(p.waitForStarted());
        p.closeWriteChannel();
        REQUIRE(p.waitForFinished(60000));
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()),
                QString::fromUtf8(p.readAllStandardError())};
    }

    // Starts watching and waits for the line that says so.
    void start(const QString &folder)
    {
        m_process.start(QStringLiteral(GLEANER_CLI_PATH),
                        {u"--library"_s, libraryPath(), u"import"_s, u"--watch"_s, folder});
        REQUIRE(m_process.waitForStarted());
        m_process.closeWriteChannel();
        REQUIRE(waitForOutput(u"Watching "_s));
    }

    [[nodiscard]] bool waitForOutput(const QString &text)
    {
        return QTest::qWaitFor(
            [&] {
                read();
                return m_out.contains(text);
            },
            kWaitMs);
    }

    [[nodiscard]] bool waitForError(const QString &text)
    {
        return QTest::qWaitFor(
            [&] {
                read();
                return m_err.contains(text);
            },
            kWaitMs);
    }

    // The sources of the digests the library lists, asked of a second
    // gleaner-cli while the watching one keeps the library open.
    QStringList digestSources()
    {
        const Run r = run({u"digests"_s, u"--json"_s});
        if (r.code != 0)
            return {};
        QStringList sources;
        for (const QJsonValue &d : QJsonDocument::fromJson(r.out.toUtf8()).array())
            sources << QFileInfo(d.toObject().value(u"source"_s).toString()).fileName();
        return sources;
    }

    [[nodiscard]] bool waitForDigest(const QString &fileName)
    {
        return QTest::qWaitFor([&] { return digestSources().contains(fileName); }, kWaitMs);
    }

    void copyIn(const QString &fixtureName, const QString &as = {})
    {
        REQUIRE(QFile::copy(fixture(fixtureName),
                            QDir(inbox()).filePath(as.isEmpty() ? fixtureName : as)));
    }

    // Sends the signal and waits for the process to end; its exit code.
    int stop(int signal)
    {
        REQUIRE(::kill(pid_t(m_process.processId()), signal) == 0);
        REQUIRE(m_process.waitForFinished(kWaitMs));
        read();
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

    const QString &out() const { return m_out; }
    const QString &err() const { return m_err; }

private:
    void read()
    {
        m_out += QString::fromUtf8(m_process.readAllStandardOutput());
        m_err += QString::fromUtf8(m_process.readAllStandardError());
    }

    QTemporaryDir m_dir;
    QProcess m_process;
    QString m_out;
    QString m_err;
};

} // namespace

TEST_CASE("gleaner-cli import --watch imports a digest copied in, once, until Ctrl+C",
          "[cli][watch]")
{
    Watch w;
    w.start(w.inbox());
    CHECK(w.out().contains(w.inbox()));
    w.copyIn(u"day1.txt"_s);
    REQUIRE(w.waitForDigest(u"day1.txt"_s));
    REQUIRE(w.waitForOutput(u"Imported: "_s));

    // A file that is no digest is reported once, however often the folder
    // changes after it.
    w.copyIn(u"notes.md"_s, u"notes.txt"_s);
    REQUIRE(w.waitForError(u"notes.txt"_s));
    w.copyIn(u"day2.txt"_s);
    REQUIRE(w.waitForDigest(u"day2.txt"_s));
    REQUIRE(w.waitForOutput(u"1 digest added (2 new papers"_s));
    // A download still under way is not read.
    QFile part(QDir(w.inbox()).filePath(u"day5_plain.txt.part"_s));
    REQUIRE(part.open(QIODevice::WriteOnly));
    part.write(gleaner::test::readData(u"library/day5_plain.txt"_s));
    part.close();

    CHECK(w.stop(SIGINT) == 0);
    INFO(w.out().toStdString() << w.err().toStdString());
    CHECK(w.out().count(u"Imported: "_s) == 3);
    CHECK(w.out().count(u"Imported: 1 digest added"_s) == 2);
    CHECK(w.out().count(u"Imported: 0 digests added, 1 file skipped"_s) == 1);
    CHECK(w.err().count(u"notes.txt"_s) == 1);
    CHECK_FALSE(w.err().contains(u".part"_s));
    CHECK(w.out().trimmed().endsWith(u"Stopped watching %1."_s.arg(w.inbox())));
    CHECK(w.digestSources().size() == 2);
    // The library was closed properly: a writer finds it sound.
    CHECK(w.run({u"import"_s, fixture(u"day5_plain.txt"_s)}).code == 0);
}

TEST_CASE("gleaner-cli import --watch stays quiet about what it imported before, and stops on "
          "SIGTERM",
          "[cli][watch]")
{
    Watch w;
    REQUIRE(w.run({u"import"_s, fixture(u"day1.txt"_s)}).code == 0);
    w.copyIn(u"day1.txt"_s, u"renamed.txt"_s);
    w.start(w.inbox());
    w.copyIn(u"day2.txt"_s);
    REQUIRE(w.waitForDigest(u"day2.txt"_s));
    REQUIRE(w.waitForOutput(u"Imported: "_s));
    CHECK(w.stop(SIGTERM) == 0);
    INFO(w.out().toStdString() << w.err().toStdString());
    // One line for day2 (with day1's repeat when both came in one batch),
    // none for day1 alone.
    CHECK(w.out().count(u"Imported: "_s) == 1);
    CHECK(w.out().contains(u"1 digest added"_s));
    CHECK(w.err().isEmpty());
    CHECK(w.digestSources().size() == 2);
}

TEST_CASE("gleaner-cli import --watch refuses a missing folder and more than one", "[cli][watch]")
{
    Watch w;
    const Run missing = w.run({u"import"_s, u"--watch"_s, w.inbox() + u"/nowhere"_s});
    CHECK(missing.code == 1);
    CHECK(missing.err.contains(u"there is no folder"_s));
    CHECK(missing.out.isEmpty());
    const Run file = w.run({u"import"_s, u"--watch"_s, fixture(u"day1.txt"_s)});
    CHECK(file.code == 1);
    CHECK(file.err.contains(u"is not a folder"_s));
    const Run two = w.run({u"import"_s, u"--watch"_s, w.inbox(), w.inbox()});
    CHECK(two.code == 2);
    CHECK(two.err.contains(u"--watch takes one folder"_s));
    CHECK(w.run({u"help"_s, u"import"_s}).out.contains(u"--watch"_s));
}
