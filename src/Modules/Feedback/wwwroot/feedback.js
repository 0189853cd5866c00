// The feedback form after an article: posted with fetch, the thanks shown in place. Without
// this script the form posts normally and the server answers with a thank-you page.
(function () {
    'use strict';
    var form = document.querySelector('form[data-feedback]');
    if (!form || !window.fetch || !window.URLSearchParams) {
        return;
    }

    var status = form.querySelector('.feedback-status');
    form.addEventListener('submit', function (event) {
        var submitter = event.submitter;
        if (!submitter) {
            return; // an old browser: let the form post itself
        }

        event.preventDefault();
        var data = new URLSearchParams(new FormData(form));
        data.set(submitter.name, submitter.value);
        var buttons = form.querySelectorAll('button');
        buttons.forEach(function (b) { b.disabled = true; });
        status.textContent = 'Đang gửi ý kiến...';
        fetch(form.action, {
            method: 'POST',
            body: data,
            credentials: 'same-origin',
            headers: { 'Accept': 'application/json' }
        }).then(function (response) {
            if (response.status === 429) {
                throw new Error('Bạn đã gửi quá nhiều ý kiến trong thời gian ngắn. Vui lòng thử lại sau ít phút.');
            }

            return response.json().then(function (body) {
                if (!response.ok) {
                    throw new Error(body.error || 'Không gửi được ý kiến. Vui lòng thử lại.');
                }

                return body;
            });
        }).then(function (body) {
            var thanks = document.createElement('p');
            thanks.className = 'feedback-thanks';
            thanks.setAttribute('role', 'status');
            thanks.textContent = body.message;
            form.replaceWith(thanks);
        }).catch(function (error) {
            buttons.forEach(function (b) { b.disabled = false; });
            status.textContent = error && error.message && error.message.indexOf('JSON') < 0
                ? error.message
                : 'Không gửi được ý kiến. Vui lòng thử lại.';
        });
    });
}());
