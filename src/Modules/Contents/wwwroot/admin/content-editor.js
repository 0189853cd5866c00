// The generic content editor: Quill for rich text, autosave (browser copy and server), and
// nothing typed lost. A static file (no inline script: the admin runs under a strict CSP).
(function () {
  'use strict';

  var AUTOSAVE_MS = 20000;
  var form = document.getElementById('content-editor');

  // Confirmations for destructive commands (data-confirm on the form).
  document.querySelectorAll('form[data-confirm]').forEach(function (f) {
    f.addEventListener('submit', function (e) {
      if (!window.confirm(f.getAttribute('data-confirm'))) { e.preventDefault(); }
    });
  });

  if (!form) { return; }

  var status = document.getElementById('autosave-status');
  var storageKey = 'portal-autosave:' + location.host + ':' + form.getAttribute('data-autosave-key');
  var baseVersion = form.getAttribute('data-base-version') || '';
  var savedKey = form.getAttribute('data-saved-key');
  if (savedKey) {
    // The text typed under that key is now a saved version.
    try { localStorage.removeItem('portal-autosave:' + location.host + ':' + savedKey); } catch (e) { /* ignore */ }
  }
  var dirty = false;
  var submitting = false;
  var editors = [];

  // ----- rich text -----
  function cleanHtml(quill) {
    // Semantic HTML (real <ul>/<ol>, no editor-only markup); links without target/rel the sanitiser would drop.
    var html = quill.getSemanticHTML().replace(/&nbsp;/g, ' ');
    var tpl = document.createElement('template');
    tpl.innerHTML = html;
    tpl.content.querySelectorAll('a').forEach(function (a) { a.removeAttribute('target'); a.removeAttribute('rel'); });
    var result = tpl.innerHTML;
    return result === '<p></p>' ? '' : result;
  }

  function insertImage(quill, url) {
    if (!url) { return; }
    var range = quill.getSelection(true);
    quill.insertEmbed(range ? range.index : quill.getLength(), 'image', url, 'user');
  }

  // The image button opens the Media module's picker (media-picker.js, loaded when the user may
  // browse the library); without it, it asks for an image address.
  function imageHandler(quill) {
    return function () {
      if (window.PortalMedia) {
        window.PortalMedia.pick({ imagesOnly: true }).then(function (item) {
          if (item) { insertImage(quill, item.url); markDirty(); }
        });
        return;
      }
      insertImage(quill, window.prompt('Địa chỉ ảnh (bắt đầu bằng https:// hoặc /):', 'https://'));
    };
  }

  document.querySelectorAll('[data-rich-text]').forEach(function (container) {
    var source = container.querySelector('textarea');
    if (!window.Quill || !source) { return; } // without the editor the plain textarea still works
    var host = document.createElement('div');
    container.insertBefore(host, source);
    var quill = new window.Quill(host, {
      theme: 'snow',
      modules: {
        toolbar: {
          container: [[{ header: [2, 3, false] }], ['bold', 'italic', 'underline'], [{ list: 'ordered' }, { list: 'bullet' }],
            ['blockquote', 'link', 'image'], ['clean']],
          handlers: {}
        }
      }
    });
    quill.getModule('toolbar').addHandler('image', imageHandler(quill));
    quill.clipboard.dangerouslyPasteHTML(source.value || '', 'silent');
    quill.root.setAttribute('aria-label', (document.querySelector('label[for="' + source.id + '"]') || {}).textContent || 'Nội dung');
    container.classList.add('is-enhanced');
    var label = document.querySelector('label[for="' + source.id + '"]');
    if (label) { label.addEventListener('click', function () { quill.focus(); }); }
    quill.on('text-change', function (delta, old, origin) {
      source.value = cleanHtml(quill);
      if (origin === 'user') { markDirty(); }
    });
    editors.push({ quill: quill, source: source });
  });

  // ----- media lists: the picker adds a line "path | alt | name | id" -----
  form.querySelectorAll('[data-media-list-add]').forEach(function (button) {
    button.addEventListener('click', function () {
      var target = document.getElementById(button.getAttribute('data-media-list-add'));
      if (!target || !window.PortalMedia) { return; }
      window.PortalMedia.pick({}).then(function (item) {
        if (!item) { return; }
        var clean = function (text) { return String(text || '').replace(/\|/g, '/').trim(); };
        var line = [clean(item.url), clean(item.alt), clean(item.name), clean(item.id)].join(' | ');
        target.value = target.value.replace(/\s+$/, '') + (target.value.trim() ? '\n' : '') + line;
        target.dispatchEvent(new Event('input', { bubbles: true }));
      });
    });
  });

  // ----- values -----
  function values() {
    var result = {};
    editors.forEach(function (e) { e.source.value = cleanHtml(e.quill); });
    Array.prototype.forEach.call(form.elements, function (el) {
      var t = /^terms\[(.+)\]$/.exec(el.name || '');
      if (t) {
        // A term picker: lines "id|name" of the ticked terms, in the list's order (as the server keeps them).
        var line = el.value + '|' + el.parentNode.textContent.trim();
        result[t[1]] = (result[t[1]] || '') + (el.checked ? (result[t[1]] ? '\n' : '') + line : '');
        return;
      }
      var m = /^v\[(.+)\]$/.exec(el.name || '');
      if (!m) { return; }
      if (el.type === 'checkbox') { result[m[1]] = el.checked ? 'true' : ''; } else { result[m[1]] = el.value; }
    });
    return result;
  }

  function apply(saved) {
    Array.prototype.forEach.call(form.elements, function (el) {
      var t = /^terms\[(.+)\]$/.exec(el.name || '');
      if (t && t[1] in saved) {
        el.checked = (saved[t[1]] || '').split('\n').some(function (l) { return l.split('|')[0].trim() === el.value; });
        return;
      }
      var m = /^v\[(.+)\]$/.exec(el.name || '');
      if (!m || !(m[1] in saved)) { return; }
      if (el.type === 'checkbox') { el.checked = saved[m[1]] === 'true'; } else { el.value = saved[m[1]] || ''; }
    });
    editors.forEach(function (e) { e.quill.clipboard.dangerouslyPasteHTML(e.source.value || '', 'silent'); });
  }

  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }

  function now() {
    var d = new Date();
    return ('0' + d.getHours()).slice(-2) + ':' + ('0' + d.getMinutes()).slice(-2) + ':' + ('0' + d.getSeconds()).slice(-2);
  }

  // ----- autosave -----
  function saveLocal() {
    try {
      localStorage.setItem(storageKey, JSON.stringify({ baseVersion: baseVersion, savedAt: Date.now(), values: values() }));
    } catch (e) { /* storage full or disabled: the server copy remains */ }
  }

  function saveServer() {
    var url = form.getAttribute('data-autosave-url');
    if (!url) { return Promise.resolve(); }
    var body = new FormData(form);
    body.delete('command');
    return fetch(url, { method: 'POST', body: body, credentials: 'same-origin', redirect: 'manual', headers: { 'X-Requested-With': 'fetch' } })
      .then(function (r) {
        if (r.ok) {
          return r.json().then(function (d) { status.textContent = 'Đã tự động lưu lúc ' + (d.savedAt || now()) + '.'; });
        } else {
          // Signed out or refused: the browser keeps the copy, restored when the page opens again.
          status.textContent = 'Chưa lưu được lên máy chủ (có thể phiên đăng nhập đã hết); bản sao vẫn được giữ trên trình duyệt lúc ' + now() + '.';
        }
      })
      .catch(function () { status.textContent = 'Mất kết nối; bản sao được giữ trên trình duyệt lúc ' + now() + '.'; });
  }

  function autosave() {
    if (!dirty) { return; }
    dirty = false;
    saveLocal();
    saveServer();
  }

  function markDirty() {
    dirty = true;
    status.textContent = 'Có thay đổi chưa lưu.';
  }

  form.addEventListener('input', markDirty);
  form.addEventListener('change', markDirty);
  window.setInterval(autosave, AUTOSAVE_MS);
  document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') { autosave(); } });
  window.addEventListener('beforeunload', function (e) {
    if (submitting || !dirty) { return; }
    saveLocal();
    e.preventDefault();
    e.returnValue = '';
  });
  form.addEventListener('submit', function () {
    submitting = true;
    // Kept until a page shows the saved version: a refused or lost submit can be restored.
    saveLocal();
  });

  // ----- offering back what was typed -----
  var notice = document.getElementById('autosave-notice');
  var noticeText = document.getElementById('autosave-notice-text');
  var offered = null;

  function offer(saved, text) {
    offered = saved;
    noticeText.textContent = text;
    notice.hidden = false;
  }

  document.getElementById('autosave-restore').addEventListener('click', function () {
    if (offered) { apply(offered); markDirty(); }
    notice.hidden = true;
  });
  document.getElementById('autosave-dismiss').addEventListener('click', function () {
    try { localStorage.removeItem(storageKey); } catch (e) { /* ignore */ }
    notice.hidden = true;
  });

  var current = values();
  var local = null;
  try { local = JSON.parse(localStorage.getItem(storageKey) || 'null'); } catch (e) { local = null; }
  if (local && local.baseVersion !== baseVersion && form.getAttribute('data-conflict') !== 'true') {
    // Made on an older version that has since been saved: no longer the user's latest text.
    try { localStorage.removeItem(storageKey); } catch (e) { /* ignore */ }
    local = null;
  }
  var server = JSON.parse(document.getElementById('autosave-data').textContent || 'null');
  if (local && !same(local.values, current)) {
    // Typed here and never saved (signed out, closed, refused): put it back at once.
    apply(local.values);
    offered = null;
    notice.hidden = false;
    noticeText.textContent = 'Đã khôi phục nội dung bạn nhập lúc ' + new Date(local.savedAt).toLocaleString('vi-VN') + ' nhưng chưa được lưu. Hãy kiểm tra và bấm Lưu.';
    document.getElementById('autosave-restore').hidden = true;
    dirty = true;
  } else if (server && server.values && !same(server.values, current)) {
    offer(server.values, 'Có bản tự động lưu lúc ' + server.savedAt + ' mới hơn nội dung đang hiển thị.');
  }
})();
