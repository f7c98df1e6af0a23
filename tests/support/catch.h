// Includes Catch2 v3 or v2, whichever the build found, and adds the few
// helpers the suites share.
#pragma once

#if GLEANER_CATCH2_MAJOR >= 3
#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>
using Catch::Approx;
#else
#include <catch2/catch.hpp>
#endif

#include <QByteArray>
#include <QString>

// QTest's checks (QVERIFY, QCOMPARE, QFAIL, and the QTRY_ waits built on
// them) report to QTest's own runner, which does not run here: a failure
// only returns from the test case, which Catch then counts as passed. In a
// suite that can include QTest, they are Catch's instead, so a wait that
// runs out fails the test.
#if __has_include(<QTest>)
#include <QTest>
#undef QVERIFY
#define QVERIFY(statement) REQUIRE(statement)
#undef QVERIFY2
#define QVERIFY2(statement, description)                                                           \
    do {                                                                                           \
        INFO(description);                                                                         \
        REQUIRE(statement);                                                                        \
    } while (false)
#undef QCOMPARE
#define QCOMPARE(actual, expected) REQUIRE((actual) == (expected))
#undef QFAIL
#define QFAIL(message) FAIL(message)
#endif

namespace gleaner::test {

// Folder of the project's own fixtures (tests/data).
QString dataDir();
QString dataPath(const QString &name);
QByteArray readData(const QString &name);

// The real digests in ../shared/seeds, or an empty string when that folder is
// absent (a user's clone). Tests over it use GLEANER_REQUIRE_SEEDS().
QString seedsDir();

// Records that a test could not run; the test binary then exits with
// ctest's skip code (77) instead of reporting a pass.
void markSkipped(const QString &why);

} // namespace gleaner::test

#define GLEANER_REQUIRE_SEEDS()                                                                    \
    do {                                                                                           \
        if (::gleaner::test::seedsDir().isEmpty()) {                                               \
            ::gleaner::test::markSkipped(QStringLiteral("../shared/seeds is absent"));             \
            return;                                                                                \
        }                                                                                          \
    } while (false)

// Lets Catch print QStrings in failed assertions.
namespace Catch {
template <>
struct StringMaker<QString>
{
    static std::string convert(const QString &s) { return '"' + s.toStdString() + '"'; }
};
} // namespace Catch
