/*
 * The territory's nomination form (territory/nomination.xhtml): autosave, a warning before leaving unsaved changes,
 * live counters on the fields that have a length limit, and a save of the typed text before each upload.
 *
 * Every listener is bound once, on document, and the form is looked up at each event: a partial update that redraws
 * the form (save, a refused step, an upload, a removed file) leaves autosave working. What is typed counts as saved
 * only once the server says so (the callback parameter "saved" of the request that carried it).
 */
(function () {
  'use strict';
  if (window.palmaresNomination) { return; }
  var timer = null, edits = 0, saved = 0, leaving = false;

  function form() { return document.getElementById('form'); }
  function inForm(el) { var f = form(); return !!(f && el && el.nodeType === 1 && f.contains(el)); }
  function typed(el) { return inForm(el) && el.type !== 'file' && (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT' || el.tagName === 'SELECT'); }
  function dirty() { return edits > saved; }

  /**
   * Sends the form to the autosave command; then(savedOk) runs once the server answered. The command's requests go
   * one after the other (PrimeFaces' queue), so their answers come back in the order of this list.
   */
  var waiting = [];
  function run(then) {
    if (timer) { clearTimeout(timer); }
    timer = null;
    if (typeof window.palmaresAutosave !== 'function' || !form()) { if (then) { then(false); } return; }
    waiting.push({ sent: edits, then: then });
    window.palmaresAutosave();
  }
  /** The autosave command's oncomplete. */
  function autosaved(args) {
    var request = waiting.shift(), ok = !!(args && args.saved);
    if (request && ok) { saved = Math.max(saved, request.sent); }
    state();
    if (request && request.then) { request.then(ok); }
  }
  function later() { if (timer) { clearTimeout(timer); } timer = setTimeout(run, 1500); state(); }
  function now() { if (timer || dirty()) { run(); } }

  /** Says "unsaved changes" while some are waiting (the server's "saved at" replaces it once saved). */
  function state() {
    var f = form(), box = document.getElementById('unsaved');
    if (!f || !box) { return; }
    box.hidden = !dirty();
  }

  // --- counters: "123 / 200", and how many characters too many once past the limit (never cut)
  function counter(input) {
    var max = parseInt(input.getAttribute('data-max'), 10), field = input.closest('.field');
    var out = field && field.querySelector('.char-count');
    if (!max || !out) { return; }
    // A read-only dossier has nothing to count.
    if (input.disabled) { out.textContent = ''; return; }
    var length = input.value.length, over = length - max;
    var text = length + ' / ' + max;
    if (over > 0) {
      text += ' · ' + (over === 1 ? out.getAttribute('data-over-one') : out.getAttribute('data-over-many').replace('{0}', over));
    }
    out.textContent = text;
    out.classList.toggle('char-count--over', over > 0);
    input.setAttribute('aria-invalid', over > 0 ? 'true' : 'false');
  }
  function counters() {
    var f = form();
    if (f) { f.querySelectorAll('[data-max]').forEach(counter); }
  }

  document.addEventListener('input', function (e) {
    if (!typed(e.target)) { return; }
    edits++;
    if (e.target.hasAttribute('data-max')) { counter(e.target); }
    later();
  });
  // A PrimeFaces menu tells its hidden select with jQuery's trigger, which native listeners never hear.
  function chosen(e) {
    if (!typed(e.target) || e.target.tagName !== 'SELECT') { return; }
    edits++;
    later();
  }
  if (window.jQuery) { jQuery(document).on('change', 'select', chosen); } else { document.addEventListener('change', chosen); }
  document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') { now(); } });
  window.addEventListener('pagehide', now);
  window.addEventListener('beforeunload', function (e) {
    if (leaving || !form() || (!dirty() && !timer)) { return; }
    now();
    e.preventDefault();
    e.returnValue = '';
    return '';
  });

  // The buttons' requests (save, review) post the whole form: what they carried is saved when the server says so.
  if (window.jQuery) {
    jQuery(document).on('pfAjaxSend', function (e, xhr) { if (xhr) { xhr.palmaresEdits = edits; } });
    jQuery(document).on('pfAjaxComplete', function (e, xhr, settings, args) {
      if (args && args.saved && xhr && typeof xhr.palmaresEdits === 'number') { saved = Math.max(saved, xhr.palmaresEdits); }
      if (!(args && args.redirect)) { leaving = false; }
      counters();
      state();
    });
  }
  document.addEventListener('DOMContentLoaded', counters);
  if (document.readyState !== 'loading') { counters(); }

  window.palmaresNomination = {
    /** Before a file is added to the upload: the typed text goes to the server first, then the file. */
    beforeUpload: function (file, proceed) {
      if (!dirty() && !timer) { proceed(file); return; }
      run(function () { proceed(file); });
    },
    /** A button that leaves the page once its request went through (it saves what it carries). */
    leaving: function () { leaving = true; },
    dirty: function () { return dirty() || !!timer || waiting.length > 0; },
    autosaved: autosaved,
    counters: counters
  };
})();
