// The annotation pane's "For you" tag suggestions: shown as links, a click
// adds that tag to the shown paper, and nothing is added by itself.
#include "annotationpane.h"
#include "catch.h"
#include "theme.h"

#include <QApplication>
#include <QImage>
#include <QLabel>
#include <QPalette>
#include <QSignalSpy>

#include <cstdlib>

using namespace gleaner;

TEST_CASE("Tag suggestions are offered, and added only when clicked", "[rank][annotationpane]")
{
    AnnotationPane pane;
    Paper paper;
    paper.id = 12;
    paper.title = QStringLiteral("Kelp forests");
    pane.setPaper(paper);
    QSignalSpy added(&pane, &AnnotationPane::tagAdded);
    auto *label = pane.findChild<QLabel *>(QStringLiteral("tagSuggestions"));
    REQUIRE(label);
    CHECK(label->isHidden());

    pane.setTagSuggestions({QStringLiteral("reef"), QStringLiteral("<b>fish</b>")});
    CHECK_FALSE(label->isHidden());
    CHECK(label->text().contains(QStringLiteral("&lt;b&gt;fish&lt;/b&gt;")));
    CHECK(added.isEmpty());

    Q_EMIT label->linkActivated(QStringLiteral("1"));
    REQUIRE(added.size() == 1);
    CHECK(added.at(0).at(0).toLongLong() == 12);
    CHECK(added.at(0).at(1).toString() == QStringLiteral("<b>fish</b>"));
    // A link that names no suggestion does nothing.
    Q_EMIT label->linkActivated(QStringLiteral("7"));
    Q_EMIT label->linkActivated(QStringLiteral("x"));
    CHECK(added.size() == 1);

    pane.setTagSuggestions({});
    CHECK(label->isHidden());
}

namespace {

// Pixels of `image` close to `colour`.
int pixelsNear(const QImage &image, const QColor &colour)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            n += std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green()) +
                     std::abs(c.blue() - colour.blue()) <
                 40;
        }
    }
    return n;
}

} // namespace

TEST_CASE("Tag suggestions are drawn in the link colour of the theme chosen since",
          "[rank][annotationpane][theme]")
{
    applyTheme(Preferences::Theme::Light);
    AnnotationPane pane;
    Paper paper;
    paper.id = 12;
    paper.title = QStringLiteral("Kelp forests");
    pane.setPaper(paper);
    pane.resize(320, 600);
    pane.show();
    auto *label = pane.findChild<QLabel *>(QStringLiteral("tagSuggestions"));
    REQUIRE(label);
    const QStringList tags{QStringLiteral("wwwwwwwwwwwwwwww")};
    pane.setTagSuggestions(tags);
    const QColor light = QApplication::palette().color(QPalette::Link);
    CHECK(pixelsNear(label->grab().toImage(), light) > 20);

    // The window sets the same suggestions again after a theme change.
    applyTheme(Preferences::Theme::Dark);
    const QColor dark = QApplication::palette().color(QPalette::Link);
    REQUIRE(dark != light);
    pane.setTagSuggestions(tags);
    const QImage shown = label->grab().toImage();
    CHECK(pixelsNear(shown, dark) > 20);
    CHECK(pixelsNear(shown, light) == 0);
    applyTheme(Preferences::Theme::System);
}
