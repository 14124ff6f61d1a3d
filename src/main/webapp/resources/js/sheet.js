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
 *
 * The Save and Submit buttons re-render parts of the form, the form itself included: the form and its inputs are
 * looked up afresh each time (an element kept from before a re-render is detached and holds old values, which an
 * autosave would send back over newer ones), and the listeners sit on the document. The page knows what the server
 * holds (the sheet as last saved); while the inputs differ from it, leaving the page asks first.
 */
(function () {
  'use strict';
  var first = document.getElementById('sheetForm');
  if (!first) { return; }
  var data = first.dataset, timer = null, busy = false, again = false;
  var key = 'palmares.sheet.' + data.sheet;
  var texts = JSON.parse(data.texts);
  /** The sheet as the server holds it, as far as this page knows (the body of the last save that went through). */
  var stored = null;
  /** What a Faces request (Save, Submit, the fallback save) carried when it left. */
  var facesSent = null;

  function byId(id) { return document.getElementById(id); }
  function form() { return byId('sheetForm'); }
  function show(text) { var s = byId('saveState'); if (s) { s.textContent = text; } }
  function versionInput() { return byId('sheetForm:version'); }
  function inputs() {
    var f = form();
    if (!f) { return []; }
    return Array.prototype.filter.call(f.elements, function (e) {
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
    var scores = {}, f = form();
    if (!f) { return null; }
    f.querySelectorAll('[data-criterion]').forEach(function (c) {
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
  /** Whether the inputs hold something the server does not have yet. */
  function unsaved() { return inputs().length > 0 && body() !== stored; }
  function backup() {
    try { if (inputs().length) { localStorage.setItem(key, JSON.stringify(fields())); } } catch (ignored) { /* private mode: no backup */ }
  }
  function read() { try { return JSON.parse(localStorage.getItem(key) || 'null'); } catch (e) { return null; } }
  /** The server holds what was sent: the backup copy goes, unless the juror typed on meanwhile. */
  function saved(sentBody) {
    stored = sentBody;
    if (!unsaved()) { try { localStorage.removeItem(key); } catch (ignored) { /* nothing kept */ } }
  }
  function restore() {
    var copy = read(); if (!copy) { return; }
    if (!inputs().length) { localStorage.removeItem(key); return; }
    var now = fields(), changed = false;
    Object.keys(copy).forEach(function (name) {
      if (!(name in now) || now[name] === copy[name]) { return; }
      changed = true;
      inputs().filter(function (e) { return e.name === name; }).forEach(function (e) {
        if (e.type === 'radio') {
          if (e.value === copy[name]) { e.checked = true; }
          else if (copy[name] === '') { e.checked = false; }
        } else { e.value = copy[name]; }
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
  /** A Faces request leaves with the form: no autosave needed for what it carries. */
  function hold() {
    if (timer) { clearTimeout(timer); timer = null; }
    facesSent = body();
  }
  function faces() {
    // The page's own save: shows the server's message (stale, deadline, out of scale) and keeps the inputs.
    if (window.palmaresSheetSave) { hold(); palmaresSheetSave(); }
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
    var v = versionInput(), sent = body();
    if (!v || sent === null || !inputs().length) { return; }
    if (sent === stored) { return; }
    busy = true; show(texts.saving);
    fetch(data.api, {
      method: 'PUT', credentials: 'same-origin', cache: 'no-store', keepalive: true,
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest',
                 'Accept-Language': data.lang, 'If-Match': '"' + v.value + '"' },
      body: sent
    }).then(function (response) {
      if (response.ok) {
        return response.json().then(function (view) { applied(view); show(''); saved(sent); });
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
    hold: hold,
    /**
     * After a Faces request (fallback save, Save, Submit, the choice after another tab's save). {@code args.saved}
     * says the server holds what the request carried; {@code args.reloaded} that the form now shows the stored sheet.
     */
    done: function (xhr, status, args) {
      if (status === 'success' && args && args.saved !== undefined) {
        show('');
        saved(args.reloaded ? body() : facesSent);
      } else if (status === 'success' && !(args && args.validationFailed)) { failed(); }
      if (unsaved() && !timer) { later(1500); }
    },
    /** Whether the page holds changes the server does not have (for tests and the leave warning). */
    unsaved: unsaved,
    failed: failed
  };

  // Delegated listeners: they outlive every re-render of the form.
  function edited(e) {
    var t = e.target;
    if (!t || !t.closest || !t.closest('#sheetForm') || !(t.type === 'radio' || t.tagName === 'TEXTAREA')) { return; }
    later(e.type === 'change' || t.type === 'radio' ? 300 : 1500);
  }
  document.addEventListener('input', edited);
  document.addEventListener('change', edited);

  // A score can be taken back: a click on the chosen value, or Delete / Backspace on it, leaves the criterion
  // unscored (native radios cannot be unchecked otherwise).
  function scaleRadio(t) { return t && t.type === 'radio' && t.closest && t.closest('#sheetForm .scale') ? t : null; }
  var pressed = null;
  document.addEventListener('pointerdown', function (e) {
    var t = e.target, label = t && t.closest ? t.closest('#sheetForm .scale label') : null;
    var radio = scaleRadio(label ? byId(label.htmlFor) : t);
    pressed = radio && radio.checked && !radio.disabled ? radio : null;
  }, true);
  function clear(radio) { radio.checked = false; show(''); later(300); }
  document.addEventListener('click', function (e) {
    var radio = scaleRadio(e.target);
    if (radio && radio === pressed) { pressed = null; clear(radio); }
  });
  document.addEventListener('keydown', function (e) {
    var radio = scaleRadio(e.target);
    if (radio && radio.checked && !radio.disabled && (e.key === 'Delete' || e.key === 'Backspace')) { e.preventDefault(); clear(radio); }
  });

  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden' && (timer || unsaved())) { if (timer) { clearTimeout(timer); } run(); }
  });
  window.addEventListener('beforeunload', function (e) {
    if (!unsaved()) { return; }
    if (timer) { clearTimeout(timer); }
    run(); // keepalive: the save may still go through while the browser asks
    e.preventDefault();
    e.returnValue = texts.leave;
    return texts.leave;
  });
  stored = body();
  restore();
})();
