// Text that would run script, load something or restyle a page if a page
// took it for markup: shared by the tests of every page Gleaner writes (the
// reader pane, the HTML export). Each payload sets window.__pwned (or the
// document title) if it runs.
#pragma once

#include <QString>

namespace gleaner::test {

// HTML: scripts, event handlers, javascript: and data: URLs, CSS url(),
// and what would close our own elements or fill our page template.
inline const QString kMarkup = QStringLiteral(
    "<script>window.__pwned='script'</script>"
    "<img src=x onerror=\"window.__pwned='onerror'\">"
    "<svg onload=\"window.__pwned='svg'\"></svg>"
    "<body onload=\"window.__pwned='body'\">"
    "<a href=\"javascript:window.__pwned='href'\">click</a>"
    "<a href='data:text/html,<script>window.__pwned=1</script>'>data</a>"
    "<iframe src=\"data:text/html,<script>parent.__pwned='iframe'</script>\"></iframe>"
    "<iframe srcdoc=\"<script>parent.__pwned='srcdoc'</script>\"></iframe>"
    "<object data=\"https://example.com/o.swf\"></object><embed src=\"https://example.com/e\">"
    "<link rel=stylesheet href=\"https://example.com/s.css\">"
    "<style>body{background:url(https://example.com/bg.png)}@import 'https://example.com/i.css';"
    "</style>"
    "<div style=\"background-image:url('https://example.com/div.png')\">styled</div>"
    "<meta http-equiv=refresh content=\"0;url=javascript:window.__pwned='meta'\">"
    "<base href=\"https://example.com/\">"
    "<form action=\"javascript:window.__pwned='form'\"><input autofocus "
    "onfocus=\"window.__pwned='focus'\"></form>"
    "\"><script>document.title='pwned'</script>"
    "'onmouseover='window.__pwned=\"quote\"' "
    "{{BODY}}{{TITLE}}</title></style></main><script>window.__pwned='close'</script>");

// TeX that, with trust, would make links, images, classes, styles and data
// attributes; each in its own $...$ span.
inline const QString kTex =
    QStringLiteral("$\\href{javascript:window.__pwned='khref'}{x}$ "
                   "$\\href{data:text/html,<script>window.__pwned=1</script>}{y}$ "
                   "$\\url{javascript:window.__pwned='kurl'}$ "
                   "$\\includegraphics{https://example.com/k.png}$ "
                   "$\\includegraphics[height=1em]{data:image/svg+xml,<svg onload=alert(1)>}$ "
                   "$\\htmlClass{pwned-class}{z}$ "
                   "$\\htmlId{pwned-id}{z}$ "
                   "$\\htmlStyle{background:url(https://example.com/ks.png)}{z}$ "
                   "$\\htmlData{pwned=yes}{z}$ "
                   "$\\color{red;background:url(https://example.com/kc.png)}{z}$ "
                   "$\\textcolor{url(https://example.com/kt.png)}{z}$ "
                   "$\\def\\x{\\href{javascript:alert(1)}{x}}\\x$ "
                   "$\\text{</span><script>window.__pwned='text'</script>}$ "
                   "$\\unicode{<img src=x onerror=alert(1)>}$");

} // namespace gleaner::test
