#include "catch.h"
#include "mainwindow.h"
#include "readerview.h"

#include <QSettings>
#include <QSplitter>
#include <QTest>

using namespace gleaner;

TEST_CASE("Main window shows the list, reader and annotation panes", "[window]")
{
    QSettings().clear();
    MainWindow window;
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));

    QSplitter *splitter = window.splitter();
    REQUIRE(splitter->count() == 3);
    CHECK(splitter->widget(0)->objectName() == QStringLiteral("listPane"));
    CHECK(splitter->widget(1)->objectName() == QStringLiteral("readerPane"));
    CHECK(splitter->widget(2)->objectName() == QStringLiteral("annotationPane"));
    for (int i = 0; i < 3; ++i) {
        CHECK(splitter->widget(i)->isVisible());
        CHECK(splitter->widget(i)->width() > 100);
    }
}

TEST_CASE("Main window remembers its geometry and pane sizes", "[window]")
{
    QSettings().clear();
    QList<int> sizes;
    {
        MainWindow window;
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        window.resize(1100, 700);
        window.splitter()->setSizes({300, 600, 200});
        sizes = window.splitter()->sizes();
        window.close();
    }
    MainWindow again;
    again.show();
    REQUIRE(QTest::qWaitForWindowExposed(&again));
    CHECK(again.size() == QSize(1100, 700));
    CHECK(again.splitter()->sizes() == sizes);
}
