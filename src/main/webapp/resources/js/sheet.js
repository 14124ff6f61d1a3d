/*
 * The score sheet's autosave (jury/dossier.xhtml). Soon after a score is chosen, a second and a half after the last
 * keystroke, at once when the tab is hidden, the sheet's values go to the REST API (PUT /api/v1/scoresheets/{id}
 * with If-Match: the version this page knows): a small JSON request, no Faces view to restore. When the server
 * refuses (another tab saved first: 412; deadline or freeze: 409; a value out of scale: 400), the page falls back to
 * the Faces save, which shows the message and, for another tab's save, the choice between both versions.
 * A failed save (network, server, expired session) says so and tries again until it goes through; a server that
 * cannot store anything for now (a full disk: 503) shows its reason and tries again after its Retry-After. Until a save goes
 * through, the inputs are also kept in this browser (localStorage, per sheet): after an expired session and a new
 * login, the page puts them back and saves them. The copy goes once saved.
 */
(function () {
  'use strict';
  var form = document.getElementById('sheetForm');
  if (!form) { return; }
  var data = form.dataset, timer = null, sent = null, busy = false, again = false;
  var key = 'palmares.sheet.' + data.sheet;
  var texts = JSON.parse(data.texts);

  function byId(id) { return document.getElementById(id); }
  function show(text) { var s = byId('saveState'); if (s) { s.textContent = text; } }
  function versionInput() { return byId('sheetForm:version'); }
  function inputs() {
    return Array.prototype.filter.call(form.elements, function (e) {
      return e.name && !e.disabled && (e.type === 'radio' || e.tagName === 'TEXTAREA');
    });
  }
  function fields() {
    var out = {};
    inputs().forEach(function (e) {
      if (e.type === 'radio') { if (!(e.name in out)) { out[e.name] = ''; } if (e.checked) { out[e.name] = e.value; } }
      else { out[e.name] = e.value; }
    });
    return out;
  }
  /** The sheet as the REST API takes it: {scores: {criterion id: {value, comment}}, overallComment}. */
  function body() {
    var scores = {};
    form.querySelectorAll('[data-criterion]').forEach(function (c) {
      var checked = c.querySelector('input[type=radio]:checked'), comment = c.querySelector('textarea');
      scores[c.dataset.criterion] = {
        value: checked ? parseInt(checked.value, 10) : null,
        comment: comment ? comment.value : null
      };
    });
    var overall = byId('sheetForm:overall');
    var out = { scores: scores };
    if (overall) { out.overallComment = overall.value; }
    return JSON.stringify(out);
  }
  function backup() {
    try { if (inputs().length) { localStorage.setItem(key, JSON.stringify(fields())); } } catch (ignored) { /* private mode: no backup */ }
  }
  function read() { try { return JSON.parse(localStorage.getItem(key) || 'null'); } catch (e) { return null; } }
  function drop(copy) { try { if (localStorage.getItem(key) === copy) { localStorage.removeItem(key); } } catch (ignored) { /* nothing kept */ } }
  function choose(radio) {
    // Mirrors what a click does on PrimeFaces' selectOneButton: the radio and the button's look.
    var group = radio.closest('.ui-selectonebutton');
    if (group) { group.querySelectorAll('.ui-button').forEach(function (b) { b.classList.remove('ui-state-active'); }); }
    radio.checked = true;
    var button = radio.closest('.ui-button'); if (button) { button.classList.add('ui-state-active'); }
  }
  function restore() {
    var saved = read(); if (!saved) { return; }
    if (!inputs().length) { localStorage.removeItem(key); return; }
    var now = fields(), changed = false;
    Object.keys(saved).forEach(function (name) {
      if (!(name in now) || now[name] === saved[name]) { return; }
      changed = true;
      inputs().filter(function (e) { return e.name === name; }).forEach(function (e) {
        if (e.type === 'radio') {
          if (e.value === saved[name]) { choose(e); }
          else if (saved[name] === '') { e.checked = false; var b = e.closest('.ui-button'); if (b) { b.classList.remove('ui-state-active'); } }
        } else { e.value = saved[name]; }
      });
    });
    if (changed) { show(texts.restored); later(300); } else { localStorage.removeItem(key); }
  }
  function hhmm(instant) {
    try {
      return new Intl.DateTimeFormat(data.lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: data.zone })
        .format(instant ? new Date(instant) : new Date());
    } catch (e) { return new Date().toTimeString().substring(0, 5); }
  }
  /** Shows what the server stored: version, state, result, time of the save. */
  function applied(view) {
    var v = versionInput(); if (v) { v.value = view.version; }
    var badge = byId('sheetStatus');
    if (badge) { badge.className = 'badge badge--' + view.status; badge.textContent = texts.states[view.status] || view.status; }
    var result = byId('result');
    if (result) {
      result.textContent = view.result === null || view.result === undefined ? texts.none
        : Number(view.result).toLocaleString(data.lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) + ' / 100';
    }
    var at = byId('savedAt'); if (at) { at.textContent = texts.savedAt.replace('{0}', hhmm(view.updatedAt)); }
  }
  function faces() {
    // The page's own save: shows the server's message (stale, deadline, out of scale) and keeps the inputs.
    if (window.palmaresSheetSave) { palmaresSheetSave(); }
  }
  function failed() { show(texts.failed); later(5000); }
  /** The server cannot store anything now (a full disk): says why, keeps the copy, tries again when it says. */
  function unavailable(response) {
    var wait = parseInt(response.headers.get('Retry-After'), 10);
    wait = isNaN(wait) ? 30 : Math.min(60, Math.max(5, wait));
    return response.json().then(function (problem) { show(problem.detail || texts.failed); },
      function () { show(texts.failed); }).then(function () { later(wait * 1000); });
  }
  function run() {
    timer = null;
    if (busy) { again = true; return; }
    var v = versionInput();
    if (!v) { return; }
    busy = true; show(texts.saving);
    sent = (function () { try { return localStorage.getItem(key); } catch (e) { return null; } })();
    fetch(data.api, {
      method: 'PUT', credentials: 'same-origin', cache: 'no-store', keepalive: true,
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest',
                 'Accept-Language': data.lang, 'If-Match': '"' + v.value + '"' },
      body: body()
    }).then(function (response) {
      if (response.ok) {
        return response.json().then(function (view) { applied(view); show(''); drop(sent); });
      }
      if (response.status === 400 || response.status === 409 || response.status === 412) { show(''); faces(); return; }
      if (response.status === 503) { return unavailable(response); }
      failed();
    }).catch(failed).then(function () {
      busy = false;
      if (again) { again = false; later(300); }
    });
  }
  function later(ms) { backup(); if (timer) { clearTimeout(timer); } timer = setTimeout(run, ms); }

  window.palmaresSheet = {
    later: later,
    /** After the Faces save (fallback, or the Save / Submit buttons). */
    done: function (xhr, status, args) {
      if (status === 'success' && args && args.saved !== undefined) { show(''); drop(sent); }
      else if (status === 'success' && !(args && args.validationFailed)) { failed(); }
    },
    failed: failed
  };
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden' && timer) { clearTimeout(timer); run(); }
  });
  restore();
})();
