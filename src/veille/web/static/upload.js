// Upload with a progress bar: sends the form to /api/ingest and shows the result.
// Everything from the server is inserted with textContent, never as HTML.
(function () {
  "use strict";
  var form = document.getElementById("upload");
  if (!form || !window.XMLHttpRequest || !window.FormData) { return; }
  var bar = document.getElementById("progress");
  var status = document.getElementById("status");
  var out = document.getElementById("result");

  function item(cls, label, text, href, note) {
    var li = document.createElement("li");
    li.className = cls;
    li.appendChild(document.createTextNode(label + " : "));
    var target = li;
    if (href) {
      target = document.createElement("a");
      target.href = href;
      li.appendChild(target);
    }
    target.appendChild(document.createTextNode(text));
    if (note) {
      li.appendChild(document.createTextNode(" — " + note));
    }
    return li;
  }

  // The API's refusal: its French (detail_fr) when it gives one, else its text as it came.
  function refusal(text) {
    try {
      var body = JSON.parse(text);
      if (body && typeof (body.detail_fr || body.detail) === "string") { return body.detail_fr || body.detail; }
    } catch (e) { /* not JSON: shown as it is */ }
    return text.slice(0, 200);
  }

  function show(res) {
    out.textContent = "";
    var p = document.createElement("p");
    p.className = "summary";
    p.id = "result-summary";
    p.textContent = res.added.length + " ajouté(s), " + res.skipped.length + " déjà présent(s), " +
      res.failed.length + " en échec.";
    // A WARC's records that are no HTML page: a note per archive, not a failure.
    var notes = res.records_skipped || [];
    var left = notes.reduce(function (n, r) { return n + r.count; }, 0);
    if (left) { p.textContent += " " + left + " enregistrement(s) de WARC laissé(s) : pas des pages HTML."; }
    out.appendChild(p);
    var a = res.alerts;
    if (a) {
      var al = document.createElement("p");
      al.className = "alerts-sent";
      al.id = "result-alerts";
      al.textContent = "Alertes : " + (a.error ? "non envoyées (" + (a.error_fr || a.error) + ")." :
        a.waiting ? a.waiting + " en attente (pas de réglages [smtp] : veille.toml ou --config)." :
        a.email + " courriel(s), " + a.webhook + " webhook(s), " + a.failed + " en échec.");
      out.appendChild(al);
    }
    var ul = document.createElement("ul");
    ul.className = "upload-result";
    res.added.forEach(function (r) {
      ul.appendChild(item("added", "Ajouté", r.title || r.file, "/articles/" + encodeURIComponent(r.id), r.file));
    });
    res.skipped.forEach(function (r) {
      ul.appendChild(item("skipped", "Déjà présent", r.file, "/articles/" + encodeURIComponent(r.id)));
    });
    notes.forEach(function (r) {
      ul.appendChild(item("records-skipped", "Laissés", r.file, null, r.reason_fr || r.reason));
    });
    res.failed.forEach(function (r) {
      ul.appendChild(item("failed", "Échec", r.file, null, r.reason_fr || r.reason));
    });
    out.appendChild(ul);
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var data = new FormData(form);
    var xhr = new XMLHttpRequest();
    var button = form.querySelector("button");
    button.disabled = true;
    bar.hidden = false;
    bar.value = 0;
    status.textContent = "Envoi…";
    xhr.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) { bar.value = Math.round(100 * e.loaded / e.total); }
    });
    xhr.upload.addEventListener("load", function () {
      // Sent: the server now runs the pipeline; an indeterminate bar until it answers.
      bar.removeAttribute("value");
      status.textContent = "Analyse en cours…";
    });
    xhr.addEventListener("load", function () {
      button.disabled = false;
      bar.hidden = true;
      if (xhr.status >= 200 && xhr.status < 300) {
        status.textContent = "Terminé.";
        show(JSON.parse(xhr.responseText));
      } else {
        status.textContent = "Erreur " + xhr.status + " : " + refusal(xhr.responseText);
      }
    });
    xhr.addEventListener("error", function () {
      button.disabled = false;
      bar.hidden = true;
      status.textContent = "Erreur réseau : le serveur ne répond pas.";
    });
    xhr.open("POST", "/api/ingest");
    xhr.send(data);
  });
})();
