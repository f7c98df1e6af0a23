// The reader's side of highlights. gleanerSelection() tells the window what
// the reader selected as offsets in the paper's text as stored (TeX as
// written): the title and abstract hold that text, escaped, but for each
// formula, which KaTeX replaced and whose TeX is kept in data-tex. A
// selection that starts or ends inside a formula takes the whole formula.
// gleanerShowHighlight(id) scrolls to a highlight and flashes it.
(function () {
    'use strict';

    function mathOf(node, field) {
        const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
        const math = element ? element.closest('.math') : null;
        return math && field.contains(math) ? math : null;
    }

    function childIndex(node) {
        return Array.prototype.indexOf.call(node.parentNode.childNodes, node);
    }

    // The number of source characters in `field` before the point.
    function sourceOffset(field, container, offset, isEnd) {
        const math = mathOf(container, field);
        if (math) {
            container = math.parentNode;
            offset = childIndex(math) + (isEnd ? 1 : 0);
        }
        const point = document.createRange();
        point.setStart(container, offset);
        point.collapse(true);
        let total = 0;
        function walk(element) {
            for (const child of element.childNodes) {
                if (child.nodeType === Node.TEXT_NODE) {
                    if (point.comparePoint(child, child.length) <= 0) {
                        total += child.length;
                    } else {
                        if (point.comparePoint(child, 0) < 0 && point.startContainer === child)
                            total += point.startOffset;
                        return true;
                    }
                } else if (child.nodeType === Node.ELEMENT_NODE) {
                    if (child.classList.contains('math')) {
                        const after = point.comparePoint(element, childIndex(child) + 1);
                        if (after > 0)
                            return true;
                        total += (child.dataset.tex || child.textContent).length;
                    } else if (walk(child)) {
                        return true;
                    }
                }
            }
            return false;
        }
        walk(field);
        return total;
    }

    function fieldOf(node) {
        const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
        return element ? element.closest('#title, #abstract') : null;
    }

    window.gleanerSelection = function () {
        const selection = window.getSelection();
        if (!selection || selection.rangeCount === 0 || selection.isCollapsed)
            return JSON.stringify({error: 'nothing'});
        const range = selection.getRangeAt(0);
        const field = fieldOf(range.startContainer);
        if (!field || field !== fieldOf(range.endContainer))
            return JSON.stringify({error: 'field'});
        const start = sourceOffset(field, range.startContainer, range.startOffset, false);
        const end = sourceOffset(field, range.endContainer, range.endOffset, true);
        if (end <= start)
            return JSON.stringify({error: 'nothing'});
        return JSON.stringify({field: field.id, start: start, length: end - start});
    };

    window.gleanerShowHighlight = function (id) {
        const mark = document.querySelector('mark.hl[data-h="' + Number(id) + '"]');
        if (!mark)
            return false;
        mark.scrollIntoView({block: 'center'});
        mark.classList.add('flash');
        window.setTimeout(function () { mark.classList.remove('flash'); }, 1200);
        return true;
    };
})();
