// Follows a running import on /admin: polls its status once a second and reloads the page when it ends.
(function () {
  'use strict';
  var box = document.querySelector('[data-import-status][data-running="true"]');
  if (!box) return;
  var progress = box.querySelector('[data-progress]');
  function poll() {
    fetch('/admin/api/import-status', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (status) {
        if (!status.running) { window.location.reload(); return; }
        if (progress && status.filesTotal > 0) {
          progress.textContent = status.filesDone.toLocaleString() + ' of ' + status.filesTotal.toLocaleString() + ' files parsed';
        }
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
})();
