// Upload for the media library page: drag and drop or choose several files; each file is
// sent on its own request to the JSON API so that its progress and its result (or the
// server's Vietnamese refusal) are shown beside its name. No inline script: the admin runs
// under a strict Content-Security-Policy.
(function () {
  'use strict';

  var form = document.querySelector('[data-media-upload]');
  if (!form) {
    return;
  }

  var drop = form.querySelector('[data-media-drop]');
  var input = form.querySelector('input[type=file]');
  var list = form.querySelector('[data-media-progress]');
  var token = form.querySelector('input[name=__RequestVerificationToken]');
  var folder = form.querySelector('input[name=folder]');
  var pending = 0;
  var stored = 0;

  function formatSize(bytes) {
    if (bytes >= 1048576) {
      return (bytes / 1048576).toLocaleString('vi-VN', { maximumFractionDigits: 1 }) + ' MB';
    }
    return Math.max(1, Math.round(bytes / 1024)).toLocaleString('vi-VN') + ' KB';
  }

  function row(file) {
    var li = document.createElement('li');
    var name = document.createElement('span');
    name.textContent = file.name + ' (' + formatSize(file.size) + ')';
    var bar = document.createElement('progress');
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute('aria-label', 'Tiến độ tải lên ' + file.name);
    var status = document.createElement('span');
    status.className = 'media-status';
    status.textContent = 'Đang chờ…';
    li.append(name, bar, status);
    list.append(li);
    return { bar: bar, status: status };
  }

  function finish(ui, ok, message) {
    ui.status.textContent = message;
    ui.status.className = 'media-status ' + (ok ? 'is-ok' : 'is-error');
    if (ok) {
      ui.bar.value = 100;
      stored++;
    } else {
      ui.bar.hidden = true;
    }
    pending--;
    if (pending === 0 && stored > 0) {
      var again = document.createElement('li');
      again.className = 'media-done';
      var link = document.createElement('a');
      link.href = window.location.href;
      link.className = 'btn';
      link.textContent = 'Xem các tệp vừa tải lên';
      again.append(link);
      list.append(again);
    }
  }

  function upload(file) {
    var ui = row(file);
    pending++;
    var data = new FormData();
    data.append('files', file, file.name);
    data.append('folder', folder ? folder.value : '0');
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.getAttribute('action'));
    xhr.setRequestHeader('RequestVerificationToken', token ? token.value : '');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        ui.bar.value = Math.round((e.loaded / e.total) * 100);
        ui.status.textContent = 'Đang tải lên… ' + ui.bar.value + '%';
      }
    });
    xhr.addEventListener('load', function () {
      var result = null;
      try {
        var body = JSON.parse(xhr.responseText);
        result = body && body.results && body.results[0];
      } catch (ignored) {
        result = null;
      }
      if (xhr.status === 429) {
        finish(ui, false, 'Bạn đã tải lên quá nhiều tệp trong một phút. Vui lòng thử lại sau.');
      } else if (xhr.status === 401 || xhr.status === 403 || xhr.status === 302) {
        finish(ui, false, 'Phiên đăng nhập đã hết hoặc bạn không có quyền tải tệp lên. Hãy đăng nhập lại.');
      } else if (result && result.ok) {
        finish(ui, true, 'Đã tải lên.');
      } else {
        finish(ui, false, (result && result.error) || 'Tải lên không thành công (mã ' + xhr.status + ').');
      }
    });
    xhr.addEventListener('error', function () {
      finish(ui, false, 'Mất kết nối khi tải lên. Vui lòng thử lại.');
    });
    xhr.send(data);
  }

  function uploadAll(files) {
    Array.prototype.forEach.call(files, upload);
  }

  input.addEventListener('change', function () {
    uploadAll(input.files);
    input.value = '';
  });

  form.addEventListener('submit', function (e) {
    e.preventDefault();
  });

  ['dragenter', 'dragover'].forEach(function (type) {
    drop.addEventListener(type, function (e) {
      e.preventDefault();
      drop.classList.add('is-over');
    });
  });
  ['dragleave', 'drop'].forEach(function (type) {
    drop.addEventListener(type, function () {
      drop.classList.remove('is-over');
    });
  });
  drop.addEventListener('drop', function (e) {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length > 0) {
      uploadAll(e.dataTransfer.files);
    }
  });
})();
