// The spellings of dates and submitters that the library, backups, JSON and
// the exports share: stored text must read back and sort, and each surface
// must keep the wording it has always shown.
#include "catch.h"
#include "model/dates.h"
#include "model/submitter.h"

#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

using namespace gleaner;
using namespace Qt::StringLiterals;

TEST_CASE("isoDate writes YYYY-MM-DD and nothing for an unknown date", "[dates]")
{
    CHECK(isoDate(QDate(2026, 1, 7)) == u"2026-01-07"_s);
    CHECK(isoDate(QDate(987, 12, 31)) == u"0987-12-31"_s);
    CHECK(isoDate(QDate()).isEmpty());
    CHECK(isoDate(QDate(2025, 2, 29)).isEmpty()); // not a real day
}

TEST_CASE("isoDateTime writes UTC with milliseconds and reads back", "[dates]")
{
    const QDateTime local(QDate(2026, 3, 1), QTime(1, 30, 5, 42), QTimeZone(3600));
    const QString text = isoDateTime(local);
    CHECK(text == u"2026-03-01T00:30:05.042Z"_s);
    CHECK(QDateTime::fromString(text, Qt::ISODateWithMs) == local);
    CHECK(isoDateTime(QDateTime()).isEmpty());

    // Text order is time order, within one second too.
    const QDateTime later = local.addMSecs(1);
    CHECK(isoDateTime(local) < isoDateTime(later));
}

TEST_CASE("nowIso is the current time as isoDateTime writes it", "[dates]")
{
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const QDateTime now = QDateTime::fromString(nowIso(), Qt::ISODateWithMs);
    const QDateTime after = QDateTime::currentDateTimeUtc();
    REQUIRE(now.isValid());
    CHECK(now.timeSpec() == Qt::UTC);
    CHECK(before <= now);
    CHECK(now <= after);
}

TEST_CASE("utcMinutes is for people, in UTC", "[dates]")
{
    const QDateTime local(QDate(2026, 1, 1), QTime(0, 15, 59), QTimeZone(-5 * 3600));
    CHECK(utcMinutes(local) == u"2026-01-01 05:15 UTC"_s);
    CHECK(utcMinutes(QDateTime()).isEmpty());
}

TEST_CASE("submitterText words each kind of submitter in both styles", "[submitter]")
{
    Submitter none;
    Submitter one{Submitter::Kind::Authors, 1, {}};
    Submitter many{Submitter::Kind::Authors, 1234, {}};
    Submitter org{Submitter::Kind::Organisation, 0, u"Northwind Labs"_s};

    CHECK(submitterText(none, TextStyle::Plain).isEmpty());
    CHECK(submitterText(none, TextStyle::Localised).isEmpty());
    CHECK(submitterText(one, TextStyle::Plain) == u"1 author"_s);
    CHECK(submitterText(many, TextStyle::Plain) == u"1234 authors"_s);
    CHECK(submitterText(org, TextStyle::Plain) == u"Northwind Labs"_s);
    CHECK(submitterText(org, TextStyle::Localised) == u"Northwind Labs"_s);

    // Plain ignores the user's locale (files must not depend on it);
    // Localised groups digits the way the user reads numbers.
    const QLocale saved;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const QString plain = submitterText(many, TextStyle::Plain);
    const QString localised = submitterText(many, TextStyle::Localised);
    const QString single = submitterText(one, TextStyle::Localised);
    QLocale::setDefault(saved);
    CHECK(plain == u"1234 authors"_s);
    CHECK(localised == u"1.234 authors"_s);
    CHECK(single == u"1 author"_s);
}
