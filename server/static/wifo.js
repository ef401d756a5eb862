// wifo — the little the pages do in the browser: a „Drucken“ button prints the page. Every page
// works without it; loaded from the server itself, as the Content-Security-Policy allows.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
