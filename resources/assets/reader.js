// Typesets the page's math spans with KaTeX, locked down: no \href-style
// trust, small expansion and size limits, and TeX that defines macros is left
// as text rather than run.
(function () {
    'use strict';
    const macroDefinition = /\\(?:def|gdef|edef|xdef|let|futurelet|global|newcommand|renewcommand|providecommand|DeclareMathOperator)(?![A-Za-z])/;

    function typeset() {
        const spans = document.querySelectorAll('.math');
        for (const span of spans) {
            const tex = span.textContent;
            if (typeof katex === 'undefined' || macroDefinition.test(tex)) {
                span.classList.add('math-refused');
                span.textContent = '$' + tex + '$';
                continue;
            }
            try {
                katex.render(tex, span, {
                    displayMode: false,
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
                span.textContent = '$' + tex + '$';
            }
        }
        document.documentElement.dataset.ready = 'true';
    }

    if (document.readyState === 'loading')
        document.addEventListener('DOMContentLoaded', typeset);
    else
        typeset();
})();
