// The media picker, for media fields and the rich-text editor of the content admin.
//
//   <script src="/_content/Portal.Modules.Media/media-picker.js" defer></script>
//   PortalMedia.pick({ imagesOnly: true }).then(function (item) { ... });   // item: null if cancelled
//
// An item is what GET /admin/media/api/list returns: { id, url, name, alt, contentType,
// isImage, size, sizeText, width, height, srcset, thumbnailUrl, variants: [{ url, width, height }] }.
// Without code: a button <button type="button" data-media-pick="ID-OF-INPUT" data-media-images>
// puts the chosen file's URL in that input (and its id in data-media-id on the input).
// The API's address comes from <html data-media-api="..."> or a [data-media-api] element,
// else /admin/media/api (so a tenant under a URL prefix sets it).
(function () {
  'use strict';

  function apiBase() {
    var holder = document.querySelector('[data-media-api]');
    return (holder && holder.getAttribute('data-media-api')) || '/admin/media/api';
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function pick(options) {
    options = options || {};
    return new Promise(function (resolve) {
      var state = { folder: null, q: '', page: 1 };
      var dialog = el('dialog', 'media-picker');
      dialog.setAttribute('aria-label', 'Chọn tệp từ thư viện');
      var header = el('header');
      var title = el('h2', null, options.imagesOnly ? 'Chọn ảnh' : 'Chọn tệp');
      var close = el('button', 'btn', 'Đóng');
      close.type = 'button';
      header.append(title, close);
      var search = el('form', 'toolbar');
      search.setAttribute('role', 'search');
      var box = el('input');
      box.type = 'search';
      box.placeholder = 'Tìm theo tên tệp (không cần dấu)';
      box.setAttribute('aria-label', 'Tìm tệp');
      var go = el('button', 'btn', 'Tìm');
      go.type = 'submit';
      search.append(box, go);
      var path = el('nav', 'media-path');
      var folders = el('ul', 'media-folders');
      var grid = el('ul', 'media-grid');
      var pager = el('nav', 'pager');
      var message = el('p', 'hint');
      dialog.append(header, search, path, folders, grid, pager, message);
      document.body.append(dialog);

      var done = false;
      function finish(item) {
        if (!done) {
          done = true;
          dialog.close();
          dialog.remove();
          resolve(item);
        }
      }

      function button(text, onClick, className) {
        var b = el('button', className || 'btn-link', text);
        b.type = 'button';
        b.addEventListener('click', onClick);
        return b;
      }

      function render(data) {
        path.replaceChildren(button('Thư viện', function () { load({ folder: null, page: 1, q: '' }); }));
        data.path.forEach(function (f) {
          path.append(el('span', null, ' / '), button(f.name, function () { load({ folder: f.id, page: 1, q: '' }); }));
        });
        folders.replaceChildren();
        data.folders.forEach(function (f) {
          var li = el('li');
          li.append(button('📁 ' + f.name, function () { load({ folder: f.id, page: 1, q: '' }); }));
          folders.append(li);
        });
        grid.replaceChildren();
        data.items.forEach(function (item) {
          var li = el('li', 'media-card');
          var choose = el('button', 'media-choose');
          choose.type = 'button';
          if (item.thumbnailUrl) {
            var img = el('img');
            img.src = item.thumbnailUrl;
            img.alt = item.alt || '';
            img.loading = 'lazy';
            choose.append(img);
          } else {
            choose.append(el('span', 'media-doc', item.name.split('.').pop().toUpperCase()));
          }
          choose.append(el('span', 'media-name', item.name), el('span', 'media-meta', item.sizeText));
          choose.addEventListener('click', function () { finish(item); });
          li.append(choose);
          grid.append(li);
        });
        message.textContent = data.totalCount === 0 ? 'Không có tệp nào.' : '';
        pager.replaceChildren();
        if (data.pageCount > 1) {
          if (data.page > 1) {
            pager.append(button('Trang trước', function () { load({ page: data.page - 1 }); }, 'btn'));
          }
          pager.append(el('span', null, 'Trang ' + data.page + ' / ' + data.pageCount));
          if (data.page < data.pageCount) {
            pager.append(button('Trang sau', function () { load({ page: data.page + 1 }); }, 'btn'));
          }
        }
      }

      function load(change) {
        Object.assign(state, change);
        var query = new URLSearchParams();
        if (state.folder !== null) {
          query.set('folder', state.folder);
        }
        if (state.q) {
          query.set('q', state.q);
        }
        query.set('page', state.page);
        if (options.imagesOnly) {
          query.set('images', 'true');
        }
        message.textContent = 'Đang tải…';
        fetch(apiBase() + '/list?' + query.toString(), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
          .then(function (response) {
            if (!response.ok) {
              throw new Error(String(response.status));
            }
            return response.json();
          })
          .then(render)
          .catch(function () {
            message.textContent = 'Không tải được thư viện tệp. Hãy kiểm tra đăng nhập và thử lại.';
          });
      }

      close.addEventListener('click', function () { finish(null); });
      dialog.addEventListener('cancel', function () { finish(null); });
      search.addEventListener('submit', function (e) {
        e.preventDefault();
        load({ q: box.value.trim(), page: 1, folder: box.value.trim() ? null : state.folder });
      });
      dialog.showModal();
      load({});
    });
  }

  window.PortalMedia = { pick: pick };

  document.addEventListener('click', function (e) {
    var trigger = e.target.closest && e.target.closest('[data-media-pick]');
    if (!trigger) {
      return;
    }
    e.preventDefault();
    var target = document.getElementById(trigger.getAttribute('data-media-pick'));
    pick({ imagesOnly: trigger.hasAttribute('data-media-images') }).then(function (item) {
      if (item && target) {
        target.value = item.url;
        target.setAttribute('data-media-id', item.id);
        target.dispatchEvent(new Event('change', { bubbles: true }));
      }
    });
  });
})();
