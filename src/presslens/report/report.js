/* presslens HTML report: definitions on hover/click, focus on one technique, jump to events.
   Builds every popup with textContent, never innerHTML, so article text cannot become markup. */
(function () {
  "use strict";
  var taxonomy = JSON.parse(document.getElementById("pl-taxonomy").textContent);
  var pop = document.getElementById("pl-pop");
  var pinned = null;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function fill(mark) {
    pop.replaceChildren();
    JSON.parse(mark.dataset.t).forEach(function (entry) {
      var info = taxonomy[entry[0]] || { name: entry[0], group: "", slug: "other", definition: "" };
      var section = el("section");
      var head = el("h3", "pl-g-" + info.slug);
      head.append(el("span", "pl-dot"), el("span", "", info.name), el("span", "pl-num", entry[1].toFixed(2)));
      section.append(head);
      section.append(el("div", "pl-group", (info.group ? info.group + " · " : "") + entry[0]));
      if (info.definition) section.append(el("p", "", info.definition));
      pop.append(section);
    });
  }

  function place(mark) {
    var box = mark.getBoundingClientRect();
    pop.hidden = false;
    var width = pop.offsetWidth;
    var left = Math.min(box.left, document.documentElement.clientWidth - width - 8);
    pop.style.left = Math.max(8, left) + window.scrollX + "px";
    pop.style.top = box.bottom + window.scrollY + 6 + "px";
  }

  function show(mark) { fill(mark); place(mark); }
  function hide() { pop.hidden = true; pinned = null; }

  document.querySelectorAll("mark.pl-m").forEach(function (mark) {
    mark.removeAttribute("title");
    mark.addEventListener("mouseenter", function () { if (!pinned) show(mark); });
    mark.addEventListener("mouseleave", function () { if (!pinned) pop.hidden = true; });
    mark.addEventListener("focus", function () { if (!pinned) show(mark); });
    mark.addEventListener("blur", function () { if (!pinned) pop.hidden = true; });
    mark.addEventListener("click", function (event) {
      event.stopPropagation();
      if (pinned === mark) { hide(); return; }
      pinned = mark; show(mark);
    });
    mark.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); mark.click(); }
    });
  });
  document.addEventListener("click", function (event) { if (!pop.contains(event.target)) hide(); });
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") hide(); });

  document.querySelectorAll("button.pl-chip[data-label]").forEach(function (chip) {
    chip.addEventListener("click", function (event) {
      event.stopPropagation();
      var article = chip.closest(".pl-article");
      var label = chip.dataset.label;
      var on = chip.getAttribute("aria-pressed") !== "true";
      article.querySelectorAll("button.pl-chip[data-label]").forEach(function (other) {
        other.setAttribute("aria-pressed", String(on && other.dataset.label === label));
      });
      article.classList.toggle("pl-focus", on);
      article.querySelectorAll("mark.pl-m, .pl-tag").forEach(function (node) {
        var labels = node.dataset.t ? JSON.parse(node.dataset.t).map(function (e) { return e[0]; })
                                    : [node.dataset.label];
        node.classList.toggle("pl-on", on && labels.indexOf(label) >= 0);
      });
    });
  });

  var tags = document.getElementById("pl-tags");
  if (tags) tags.addEventListener("change", function () {
    document.body.classList.toggle("pl-notags", !tags.checked);
  });

  document.querySelectorAll("tr[data-event]").forEach(function (row) {
    row.addEventListener("click", function (event) {
      event.preventDefault();
      var article = row.closest(".pl-article");
      var anchor = document.getElementById(row.dataset.anchor);
      if (anchor) anchor.scrollIntoView({ behavior: "smooth", block: "center" });
      article.querySelectorAll('[data-e~="' + row.dataset.event + '"]').forEach(function (node) {
        node.classList.remove("pl-flash");
        void node.offsetWidth;
        node.classList.add("pl-flash");
        window.setTimeout(function () { node.classList.remove("pl-flash"); }, 1800);
      });
    });
  });
})();
