// Accessibility of mdBook 0.5.4's own page chrome, fixed from the theme's side.
//
// The sidebar button is a <label> that carries aria-label and aria-expanded, which a label
// may not have (axe: aria-allowed-attr, aria-prohibited-attr), and no keyboard can reach
// it. It becomes a button for assistive technology and the keyboard; mdBook's own script
// keeps aria-expanded current and does the toggling on click.
//
// Code blocks and Markdown tables scroll sideways when wider than the column, but a
// keyboard cannot scroll what it cannot focus (axe: scrollable-region-focusable): they get
// a place in the tab order. (The report's own tables have it in their markup.)
(function () {
    'use strict';
    var toggle = document.getElementById('mdbook-sidebar-toggle');
    if (toggle) {
        toggle.setAttribute('role', 'button');
        toggle.setAttribute('tabindex', '0');
        toggle.addEventListener('keydown', function (event) {
            if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                toggle.click();
            }
        });
    }
    var scrolling = document.querySelectorAll('.content main pre > code, .content main .table-wrapper');
    for (var i = 0; i < scrolling.length; i += 1) {
        if (!scrolling[i].hasAttribute('tabindex')) {
            scrolling[i].setAttribute('tabindex', '0');
        }
    }
})();
