(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("argmine-data").textContent);
  var panel = document.getElementById("inspector");
  var head = panel.querySelector(".i-head");
  var scores = panel.querySelector(".i-scores");
  var body = panel.querySelector(".i-body");
  var pinned = null;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function section(title, items) {
    if (!items.length) return;
    body.appendChild(el("h4", null, title));
    var list = el("ul");
    items.forEach(function (item) { list.appendChild(item); });
    body.appendChild(list);
  }

  function sentenceRef(sid) {
    var info = data.sentences[sid];
    var link = el("a", "chip l-" + (info ? info.label : "other"), sid + (info ? " · " + data.labels[info.label] : ""));
    link.href = "#" + sid;
    link.setAttribute("data-goto", sid);
    return link;
  }

  function show(sid) {
    var info = data.sentences[sid];
    if (!info) return;
    head.textContent = "";
    head.appendChild(el("span", "sid", sid));
    head.appendChild(el("span", "chip l-" + info.label, data.labels[info.label] || info.label));
    scores.textContent = "";
    Object.keys(info.scores).sort(function (a, b) { return info.scores[b] - info.scores[a]; }).forEach(function (label) {
      var row = el("div", "score" + (label === info.label ? " chosen" : ""));
      row.appendChild(el("span", "name", data.labels[label] || label));
      var track = el("span", "track");
      var fill = el("span", "fill l-" + label);
      fill.style.width = Math.round(info.scores[label] * 100) + "%";
      track.appendChild(fill);
      row.appendChild(track);
      row.appendChild(el("span", "value", info.scores[label].toFixed(2)));
      scores.appendChild(row);
    });
    body.textContent = "";
    section("Sources", info.sources.map(function (name) { return el("li", null, name); }));
    section("Claim units", info.units.map(function (unit) {
      var item = el("li");
      item.appendChild(el("span", "role r-" + unit[0], unit[0]));
      item.appendChild(document.createTextNode(" " + unit[1]));
      return item;
    }));
    var words = {attacks: "attacks", attacks_by: "attacked by", supports: "supports", supports_by: "supported by"};
    var relations = [];
    Object.keys(info.links).forEach(function (kind) {
      info.links[kind].forEach(function (other) {
        var item = el("li", null, (words[kind] || kind) + " ");
        item.appendChild(sentenceRef(other));
        relations.push(item);
      });
    });
    section("Relations", relations);
    if (data.explain) {
      section("Why", (info.explanation || ["no explanation in this analysis"]).map(function (reason) {
        return el("li", null, reason);
      }));
    }
    panel.hidden = false;
  }

  function pin(sid) {
    if (pinned) pinned.classList.remove("pinned");
    pinned = sid ? document.getElementById(sid) : null;
    if (pinned) pinned.classList.add("pinned");
    if (sid) show(sid); else panel.hidden = true;
  }

  function sentenceOf(target) {
    return target && target.closest ? target.closest(".article .s") : null;
  }

  document.addEventListener("mouseover", function (event) {
    var s = sentenceOf(event.target);
    if (s) show(s.id);
    else if (panel.contains(event.target) || event.target.closest(".article")) return;
    else if (pinned) show(pinned.id);
    else panel.hidden = true;
  });
  document.addEventListener("focusin", function (event) {
    var s = sentenceOf(event.target);
    if (s) show(s.id);
  });
  document.addEventListener("click", function (event) {
    var goto = event.target.closest ? event.target.closest("[data-goto]") : null;
    if (goto) { pin(goto.getAttribute("data-goto")); return; }
    var s = sentenceOf(event.target);
    if (s && !event.target.closest("a")) pin(pinned && pinned.id === s.id ? null : s.id);
  });
  document.addEventListener("keydown", function (event) {
    var s = sentenceOf(event.target);
    if (event.key === "Escape") pin(null);
    else if (s && (event.key === "Enter" || event.key === " ")) { event.preventDefault(); pin(s.id); }
  });
  panel.querySelector(".close").addEventListener("click", function () { pin(null); });
  panel.addEventListener("mouseleave", function () { if (!pinned) panel.hidden = true; });
  document.getElementById("show-units").addEventListener("change", function (event) {
    document.body.classList.toggle("show-units", event.target.checked);
  });
  if (location.hash && data.sentences[location.hash.slice(1)]) pin(location.hash.slice(1));
})();
