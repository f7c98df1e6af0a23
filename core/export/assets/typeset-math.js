// Typesets a page's math spans with KaTeX. Each holds a formula as written,
// `$...$` (class "math") or `$$...$$` (class "math display", set on a line
// of its own), so a page that is never typeset still reads as its TeX.
// KaTeX runs locked down: no \href-style trust, small expansion and size
// limits, and TeX that defines macros is left as text rather than run. Used by the reader pane and inlined in HTML exports.
(function () {
    'use strict';
    const macroDefinition = /\\(?:def|gdef|edef|xdef|let|futurelet|global|newcommand|renewcommand|providecommand|DeclareMathOperator)(?![A-Za-z])/;

    const delimited = /^(\$\$?)([\s\S]+)\1$/;

    function typeset() {
        const spans = document.querySelectorAll('.math');
        for (const span of spans) {
            const written = span.textContent;
            // The formula as written, for the reader's highlights: their
            // offsets count TeX, not what KaTeX draws.
            span.dataset.tex = written;
            const parts = delimited.exec(written);
            const tex = parts ? parts[2] : written;
            if (typeof katex === 'undefined' || macroDefinition.test(tex)) {
                span.classList.add('math-refused');
                continue;
            }
            try {
                katex.render(tex, span, {
                    displayMode: span.classList.contains('display'),
                    throwOnError: false,
                    trust: false,
                    strict: 'ignore',
                    maxExpand: 200,
                    maxSize: 20,
                    globalGroup: false,
                });
                span.classList.add('math-typeset');
            } catch (e) {
                span.classList.add('math-error');
                span.textContent = written;
            }
        }
        document.documentElement.dataset.ready = 'true';
    }

    if (document.readyState === 'loading')
        document.addEventListener('DOMContentLoaded', typeset);
    else
        typeset();
})();
