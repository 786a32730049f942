// Live updates for a workshop board (participant's or facilitator's view).
// The page works without this file: forms and a refresh link. With it, the
// board follows the session's events over Server-Sent Events (EventSource
// resumes with Last-Event-ID by itself), refreshes its notes part at most
// every few seconds, and says what changed in one polite aria-live region
// as a batched summary ("3 new notes"), never one announcement per event.
(function () {
  'use strict';
  var main = document.querySelector('[data-live-events]');
  if (!main || !window.EventSource || !window.fetch) return;
  var region = document.getElementById('live-announcer');
  var parts = main.querySelectorAll('[data-live-part]');
  var pending = {};
  var timer = null;
  var BATCH_MS = 3000;

  function message(kind, count) {
    var one = region.getAttribute('data-' + kind + '-one');
    var other = region.getAttribute('data-' + kind + '-other');
    if (!one || !other) return null;
    return count === 1 ? one : other.replace('{n}', String(count));
  }

  // Someone typing or choosing keeps their field: a part with focus inside
  // waits for the next batch.
  function busy(part) {
    return part.contains(document.activeElement) && document.activeElement !== document.body;
  }

  function refresh() {
    return fetch(window.location.pathname + window.location.search, {
      credentials: 'same-origin',
      headers: { Accept: 'text/html' }
    })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) return;
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        parts.forEach(function (part) {
          var replacement = fresh.querySelector('[data-live-part="' + part.getAttribute('data-live-part') + '"]');
          if (replacement && !busy(part)) part.innerHTML = replacement.innerHTML;
        });
      })
      .catch(function () { /* the next event tries again */ });
  }

  function flush() {
    timer = null;
    var lines = [];
    Object.keys(pending).forEach(function (kind) {
      var text = message(kind, pending[kind]);
      if (text) lines.push(text);
    });
    pending = {};
    refresh().then(function () {
      if (lines.length) region.textContent = lines.join(' ');
    });
  }

  function heard(kind) {
    pending[kind] = (pending[kind] || 0) + 1;
    if (!timer) timer = window.setTimeout(flush, BATCH_MS);
  }

  // The timer: the server gives the end; this only draws what is left, says
  // once when a minute is left and when time is up, and never moves on.
  var spoken = {};
  function tick() {
    var timer = document.getElementById('timer');
    var end = timer && timer.getAttribute('data-ends-at');
    if (!end) return;
    var left = Math.round((Date.parse(end) - Date.now()) / 1000);
    var out = timer.querySelector('.timer-left');
    if (left <= 0) {
      if (out) out.textContent = region.getAttribute('data-timer-up');
      if (!spoken[end + 'up']) { spoken[end + 'up'] = true; region.textContent = region.getAttribute('data-timer-up'); }
      return;
    }
    if (out) {
      var m = Math.floor(left / 60), s = left % 60;
      out.textContent = '(' + m + ':' + (s < 10 ? '0' : '') + s + ' ' + region.getAttribute('data-timer-left') + ')';
    }
    if (left <= 60 && left > 55 && !spoken[end + 'minute']) {
      spoken[end + 'minute'] = true;
      region.textContent = region.getAttribute('data-timer-one-minute');
    }
  }
  window.setInterval(tick, 1000);
  tick();

  var url = main.getAttribute('data-live-events');
  var after = main.getAttribute('data-live-after');
  var source = new EventSource(url + (after ? '?after=' + encodeURIComponent(after) : ''));
  // Every kind the page has sentences for (data-KIND-one on the region),
  // so a new event kind needs no change here.
  Array.prototype.forEach.call(region.attributes, function (attr) {
    var match = /^data-([a-z_]+)-one$/.exec(attr.name);
    if (match) {
      var kind = match[1];
      source.addEventListener(kind, function () { heard(kind); });
    }
  });
})();
