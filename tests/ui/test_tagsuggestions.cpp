// The annotation pane's "For you" tag suggestions: shown as links, a click
// adds that tag to the shown paper, and nothing is added by itself.
#include "annotationpane.h"
#include "catch.h"

#include <QLabel>
#include <QSignalSpy>

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
