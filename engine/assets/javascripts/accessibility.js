/* global document$ -- Material for MkDocs' observable of shown pages */
/* Accessibility additions to Material's markup, applied after each page is shown
   (Material's documented `document$` hook):
   - its search dialog gets a name for screen readers;
   - a table too wide for the screen becomes a named, keyboard-focusable region, so it can be
     scrolled with the arrow keys (Material wraps tables in a scroll box at runtime). */
document$.subscribe(function () {
  var dialog = document.querySelector(".md-search[role=dialog]")
  if (dialog && !dialog.hasAttribute("aria-label")) {
    dialog.setAttribute("aria-label", "Suche")
  }
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
    if (box.scrollWidth > box.clientWidth) {
      box.setAttribute("tabindex", "0")
      box.setAttribute("role", "region")
      box.setAttribute("aria-label", "Tabelle, seitlich verschiebbar")
    }
  })
})
