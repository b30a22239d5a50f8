/* Definitions page: every technique (by group), frame and genre, with a filter box. */
"use strict";

(() => {
  const { el, api, showError } = PL;

  document.addEventListener("DOMContentLoaded", async () => {
    try {
      const data = await api("/api/definitions");
      render(data.definitions);
      const box = document.getElementById("d-filter");
      box.addEventListener("input", () => filter(box.value));
      if (window.location.hash) document.getElementById(window.location.hash.slice(1))?.scrollIntoView();
    } catch (error) {
      showError(error);
    }
  });

  function render(entries) {
    const sections = [
      ["Persuasion techniques", entries.filter((e) => e.kind === "technique")],
      ["Frames", entries.filter((e) => e.kind === "frame")],
      ["Genres", entries.filter((e) => e.kind === "genre")],
    ];
    document.getElementById("definitions").replaceChildren(...sections.map(([title, items]) =>
      el("section", { class: "panel" }, el("h2", {}, title),
        el("dl", { class: "definitions" }, items.flatMap(entry)))));
  }

  function entry(item) {
    const id = `${item.kind}-${item.label}`.replace(/[^A-Za-z0-9_-]/g, "-");
    return [
      el("dt", { id, "data-search": `${item.name} ${item.label} ${item.group || ""} ${item.definition}`.toLowerCase() },
        el("strong", {}, item.name), " ", el("code", {}, item.label),
        item.group ? el("span", { class: "muted" }, ` · ${item.group}`) : null),
      el("dd", {}, el("p", {}, item.definition), item.example ? el("p", { class: "example" }, `“${item.example}”`) : null),
    ];
  }

  function filter(text) {
    const needle = text.trim().toLowerCase();
    for (const section of document.querySelectorAll("#definitions section")) {
      let shown = 0;
      for (const term of section.querySelectorAll("dl.definitions dt")) {
        const hidden = Boolean(needle) && !term.dataset.search.includes(needle);
        term.hidden = hidden;
        term.nextElementSibling.hidden = hidden;
        shown += hidden ? 0 : 1;
      }
      section.hidden = shown === 0;
    }
  }
})();
