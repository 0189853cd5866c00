// Public theme: text size (A-/A/A+) kept across pages, and the print button. Everything here
// also works without script: the size links reload the page with ?co-chu=..., the print link
// opens the print view.
(function () {
  'use strict';
  var root = document.documentElement;
  var sizes = { nho: 'text-small', lon: 'text-large' };
  function apply(size) {
    root.classList.remove('text-small', 'text-large');
    if (sizes[size]) { root.classList.add(sizes[size]); }
  }
  var stored = null;
  try { stored = window.localStorage.getItem('portal-text-size'); } catch (e) { stored = null; }
  if (stored && !/[?&]co-chu=/.test(window.location.search)) { apply(stored); }
  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target : null;
    var sizeLink = target && target.closest('[data-text-size]');
    if (sizeLink) {
      event.preventDefault();
      var size = sizeLink.getAttribute('data-text-size') || '';
      apply(size);
      try { window.localStorage.setItem('portal-text-size', size); } catch (e) { /* private mode */ }
      return;
    }
    var printLink = target && target.closest('[data-print]');
    if (printLink) {
      event.preventDefault();
      window.print();
    }
  });
})();
