/*
 * The ceremony's screens. The presenter shows one slide at a time and follows the state of the edition's ceremony:
 * pushed at once through the WebSocket /ceremony/socket/{edition} by the instance that changed it, and read from the
 * database every 2 seconds in case the change happened on another instance (or the socket dropped). The remote sends
 * next / back / black and shows the announcer's script of the slide on the big screen.
 */
(function () {
  "use strict";
  var root = document.getElementById("ceremony");
  if (!root) return;
  var mode = root.dataset.mode;
  var edition = root.dataset.edition;
  var base = root.dataset.base || "";
  var api = base + "/api/v1/ceremony/" + encodeURIComponent(edition) + "/state";
  var deck = root.dataset.deck;
  var index = parseInt(root.dataset.index, 10) || 0;
  var black = root.classList.contains("is-black");
  var offline = document.getElementById("offline");

  function request(method, body, brief) {
    var options = {
      method: method,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    };
    if (body) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    return fetch(api + (brief ? "?brief=true" : ""), options).then(function (r) {
      var json = r.headers.get("Content-Type") || "";
      if (json.indexOf("json") < 0) throw { detail: r.status };
      return r.json().then(function (data) {
        if (!r.ok) throw data;
        return data;
      });
    });
  }

  function apply(state) {
    if (state.deck && state.deck !== deck) {
      // Slides changed (a decision signed off, the order, the shortlist): take the new deck.
      window.location.reload();
      return;
    }
    index = state.index;
    black = state.black;
    root.dataset.index = String(index);
    root.classList.toggle("is-black", black);
    if (mode === "presenter") {
      document.querySelectorAll(".slide").forEach(function (slide) {
        slide.hidden = parseInt(slide.dataset.index, 10) !== index;
      });
    } else {
      showScript(state);
    }
  }

  function showScript(state) {
    var position = root.dataset.position.replace("{0}", state.index + 1).replace("{1}", state.slides);
    var kind = state.slide ? document.querySelector('[data-kind-label="' + state.slide.kind + '"]') : null;
    document.getElementById("position").firstChild.textContent = position + " · ";
    if (kind) document.getElementById("kind").textContent = kind.textContent;
    document.getElementById("blackNotice").hidden = !state.black;
    document.getElementById("black").setAttribute("aria-pressed", String(state.black));
    if (state.script) {
      document.getElementById("speaker").textContent = state.script.speaker;
      document.getElementById("say").textContent = state.script.say;
      document.getElementById("asWritten").textContent = state.script.asWritten;
      document.getElementById("asWrittenBox").hidden = !state.script.asWritten;
    }
  }

  function failed(problem) {
    var box = document.getElementById("error");
    var text = (problem && (problem.detail || problem.title)) || "";
    if (box) box.textContent = root.dataset.error.replace("{0}", text);
  }

  function act(action) {
    var box = document.getElementById("error");
    if (box) box.textContent = "";
    return request("POST", { action: action }).then(apply, failed);
  }

  /** The remote's full state: the slide and its script (computed from the tally, so only when it changed). */
  function script() {
    return request("GET").then(apply, failed);
  }

  function poll() {
    return request("GET", null, true).then(function (state) {
      if (offline) offline.hidden = true;
      if (state.index === index && state.black === black && state.deck === deck) return;
      if (mode === "presenter") apply(state);
      else script();
    }, function () {
      if (offline) offline.hidden = false;
    });
  }

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var socket;
    try {
      socket = new WebSocket(scheme + window.location.host + base + "/ceremony/socket/" + encodeURIComponent(edition));
    } catch (e) {
      setTimeout(connect, 2000);
      return;
    }
    socket.onopen = function () {
      root.dataset.live = "true";
    };
    socket.onmessage = function (event) {
      var change = JSON.parse(event.data);
      if (mode === "presenter") apply(change);
      else if (change.index !== index || change.black !== black || change.deck !== deck) script();
    };
    socket.onclose = function () {
      root.dataset.live = "false";
      setTimeout(connect, 2000);
    };
  }

  if (mode === "presenter") {
    document.addEventListener("keydown", function (e) {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      var key = e.key;
      if (key === "ArrowRight" || key === "PageDown" || key === " ") act("next");
      else if (key === "ArrowLeft" || key === "PageUp") act("back");
      else if (key === "b" || key === "B" || key === ".") act("black");
      else if (key === "f" || key === "F") {
        if (document.fullscreenElement) document.exitFullscreen();
        else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen();
      } else return;
      e.preventDefault();
    });
  } else {
    document.querySelectorAll("[data-action]").forEach(function (button) {
      button.addEventListener("click", function () {
        act(button.dataset.action);
      });
    });
  }

  connect();
  // Fallback across instances (and for a dropped socket): read the state from the database every 2 seconds.
  setInterval(poll, 2000);
})();
