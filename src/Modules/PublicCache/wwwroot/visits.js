// Refreshes the footer's visit counter from /api/visits (the page shows the figures of its
// rendering without JavaScript). Once on load, then every minute while the page is visible.
(function () {
  'use strict';
  var box = document.querySelector('.visit-counter[data-visits-url]');
  if (!box || !window.fetch) { return; }
  var format = new Intl.NumberFormat('vi-VN');
  function refresh() {
    if (document.hidden) { return; }
    fetch(box.getAttribute('data-visits-url'), { headers: { Accept: 'application/json' }, credentials: 'omit' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (figures) {
        if (!figures) { return; }
        ['online', 'today', 'total'].forEach(function (name) {
          var el = box.querySelector('[data-visits="' + name + '"]');
          if (el && typeof figures[name] === 'number') { el.textContent = format.format(figures[name]); }
        });
      })
      .catch(function () { /* keep the rendered figures */ });
  }
  refresh();
  setInterval(refresh, 60000);
})();
