// The Theme preference applies at once, both ways: Dark to System gives the
// system's look back without a restart.
#include "catch.h"
#include "theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>

using namespace gleaner;

TEST_CASE("Theme changes apply at once, and System gives the starting look back", "[theme]")
{
    applyTheme(Preferences::Theme::System);
    const QString style = QApplication::style()->name();
    const QColor window = QApplication::palette().color(QPalette::Window);
    const QColor text = QApplication::palette().color(QPalette::Text);

    applyTheme(Preferences::Theme::Dark);
    CHECK(QApplication::style()->name().compare(QStringLiteral("fusion"), Qt::CaseInsensitive) ==
          0);
    CHECK(QApplication::palette().color(QPalette::Window).lightness() < 80);
    CHECK(QApplication::palette().color(QPalette::Window) != window);

    applyTheme(Preferences::Theme::System);
    CHECK(QApplication::style()->name() == style);
    CHECK(QApplication::palette().color(QPalette::Window) == window);
    CHECK(QApplication::palette().color(QPalette::Text) == text);

    applyTheme(Preferences::Theme::Light);
    CHECK(QApplication::palette().color(QPalette::Window).lightness() > 180);
    applyTheme(Preferences::Theme::System);
    CHECK(QApplication::palette().color(QPalette::Window) == window);
}
