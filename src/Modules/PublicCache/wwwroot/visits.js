// Refreshes the footer's visit counter from /api/visits (the page shows the figures of its
// rendering without JavaScript). Once on load, then every minute while the page is visible.
(function () {
  'use strict';
  var box = document.querySelector('.visit-counter[data-visits-url]');
  if (!box || !window.fetch) { return; }
  // Thousands grouped with dots, as vi-VN writes them. Not Intl.NumberFormat: loading its locale
  // data was a long task of its own (60-80 ms on Lighthouse's throttled phone).
  function format(n) { return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.'); }
  function refresh() {
    if (document.hidden) { return; }
    fetch(box.getAttribute('data-visits-url'), { headers: { Accept: 'application/json' }, credentials: 'omit' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (figures) {
        if (!figures) { return; }
        ['online', 'today', 'total'].forEach(function (name) {
          var el = box.querySelector('[data-visits="' + name + '"]');
          if (el && typeof figures[name] === 'number') { el.textContent = format(figures[name]); }
        });
      })
      .catch(function () { /* keep the rendered figures */ });
  }
  // After the page has loaded and the browser is idle: the figures are a footer detail.
  function start() {
    (window.requestIdleCallback || function (f) { return setTimeout(f, 1); })(refresh);
    setInterval(refresh, 60000);
  }
  if (document.readyState === 'complete') { start(); } else { window.addEventListener('load', start); }
})();
