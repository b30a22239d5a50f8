/* Collection page: filters → search results, charts of shares, outlet comparison. */
"use strict";

(() => {
  const { el, api, definitions, fillSelect, formToParams, paramsToForm, urlParams, showError,
    setStatus, labelName, externalLink, defineOnHover } = PL;
  const PAGE_SIZE = 25;
  const state = { offset: 0, rows: [], sort: "", defs: new Map(), filters: {} };

  document.addEventListener("DOMContentLoaded", async () => {
    const form = document.getElementById("filters");
    state.defs = await definitions();
    try {
      const facets = await api("/api/facets");
      fillFilters(facets);
    } catch (error) {
      showError(error);
    }
    const initial = urlParams();
    paramsToForm(form, initial);
    state.offset = Number(initial.offset) || 0;
    state.sort = initial.sort || "";
    const kind = document.querySelector(`input[name=kind][value="${CSS.escape(initial.kind || "technique")}"]`);
    if (kind) kind.checked = true;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      state.offset = 0;
      refresh();
    });
    document.getElementById("f-clear").addEventListener("click", () => {
      form.reset();
      state.offset = 0;
      state.sort = "";
      refresh();
    });
    for (const select of form.querySelectorAll("select")) {
      select.addEventListener("change", () => { state.offset = 0; refresh(); });
    }
    for (const radio of document.querySelectorAll("input[name=kind]")) {
      radio.addEventListener("change", () => refreshCharts());
    }
    document.getElementById("cmp-a").addEventListener("change", () => refreshCompare());
    document.getElementById("cmp-b").addEventListener("change", () => refreshCompare());
    document.getElementById("prev").addEventListener("click", () => page(-1));
    document.getElementById("next").addEventListener("click", () => page(1));
    for (const th of document.querySelectorAll("#results th[data-sort]")) {
      th.tabIndex = 0;
      th.addEventListener("click", () => sortBy(th.dataset.sort));
      th.addEventListener("keydown", (event) => { if (event.key === "Enter") sortBy(th.dataset.sort); });
    }
    refresh();
  });

  function fillFilters(facets) {
    fillSelect(document.getElementById("f-outlet"), facets.outlets);
    fillSelect(document.getElementById("f-language"), facets.languages);
    fillSelect(document.getElementById("f-genre"), facets.genres, state.defs);
    fillSelect(document.getElementById("f-frame"), facets.frames, state.defs);
    fillSelect(document.getElementById("f-technique"), facets.techniques, state.defs);
    fillSelect(document.getElementById("f-event_type"), facets.event_types);
    const [a, b] = [document.getElementById("cmp-a"), document.getElementById("cmp-b")];
    for (const select of [a, b]) {
      select.replaceChildren(...facets.outlets.map((o) => el("option", { value: o.value }, o.value)));
    }
    if (facets.outlets.length > 1) b.selectedIndex = 1;
    const first = facets.published.first, last = facets.published.last;
    setStatus(facets.articles
      ? `${facets.articles} articles from ${facets.outlets.length} outlets, ${first || "?"} to ${last || "?"}.`
      : "The collection is empty: add articles with `presslens ingest PATH` or the Analyse page's API.");
  }

  function kind() {
    return document.querySelector("input[name=kind]:checked").value;
  }

  function remember() {
    const params = { ...state.filters };
    if (state.offset) params.offset = state.offset;
    if (state.sort) params.sort = state.sort;
    if (kind() !== "technique") params.kind = kind();
    const query = new URLSearchParams(params).toString();
    history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
  }

  async function refresh() {
    state.filters = formToParams(document.getElementById("filters"));
    showError(null);
    remember();
    await Promise.all([refreshResults(), refreshCharts()]);
  }

  async function refreshResults() {
    try {
      const page = await api("/api/search",
        { ...state.filters, limit: PAGE_SIZE, offset: state.offset, sort: state.sort });
      state.rows = page.results;
      state.total = page.total;
      renderRows();
      const shown = page.results.length;
      document.getElementById("count").textContent = page.total
        ? `${page.offset + 1}–${page.offset + shown} of ${page.total}` : "none match";
      document.getElementById("prev").disabled = page.offset === 0;
      document.getElementById("next").disabled = page.offset + shown >= page.total;
      state.effectiveSort = page.sort;
      showSort(page.sort);
    } catch (error) {
      showError(error);
      state.rows = [];
      renderRows();
      document.getElementById("count").textContent = "";
    }
  }

  async function refreshCharts() {
    remember();
    const k = kind();
    try {
      const [byOutlet, byWeek] = await Promise.all([
        api("/api/aggregates", { ...state.filters, kind: k, by: "outlet" }),
        api("/api/aggregates", { ...state.filters, kind: k, by: "week" }),
      ]);
      Charts.heatmap(document.getElementById("chart-outlet"), byOutlet, state.defs);
      Charts.lines(document.getElementById("chart-week"), byWeek, state.defs);
    } catch (error) {
      showError(error);
    }
    await refreshCompare();
  }

  async function refreshCompare() {
    const a = document.getElementById("cmp-a").value, b = document.getElementById("cmp-b").value;
    const container = document.getElementById("compare");
    if (!a || !b) {
      container.replaceChildren(el("p", { class: "muted empty" }, "The collection needs two outlets to compare."));
      return;
    }
    const { outlet, ...others } = state.filters;
    try {
      const [main, frames] = await Promise.all([
        api("/api/aggregates", { ...others, kind: kind(), by: "outlet" }),
        kind() === "technique" ? api("/api/aggregates", { ...others, kind: "frame", by: "outlet" }) : null,
      ]);
      const left = el("div", {}, el("h3", {}, kindTitle(kind())));
      const right = frames ? el("div", {}, el("h3", {}, "Frames")) : null;
      Charts.butterfly(left.appendChild(el("div", { class: "chart" })), main, a, b, state.defs);
      if (right) Charts.butterfly(right.appendChild(el("div", { class: "chart" })), frames, a, b, state.defs);
      container.replaceChildren(left, right || "");
    } catch (error) {
      showError(error);
    }
  }

  function kindTitle(k) {
    return { technique: "Techniques", frame: "Frames", genre: "Genres", event: "Event types" }[k];
  }

  function page(direction) {
    state.offset = Math.max(0, state.offset + direction * PAGE_SIZE);
    remember();
    refreshResults();
  }

  /* Column → [ascending order, descending order] of the API's sort parameter. */
  const ORDERS = {
    title: ["title", "-title"],
    outlet: ["outlet", "-outlet"],
    published: ["oldest", "newest"],
    genre: ["genre", "-genre"],
  };

  /* Sort the whole result set (on the server), not just the page in view. */
  function sortBy(column) {
    const [up, down] = ORDERS[column];
    const current = state.effectiveSort;
    state.sort = current === up ? down : current === down ? up : column === "published" ? down : up;
    state.offset = 0;
    remember();
    refreshResults();
  }

  function showSort(sort) {
    for (const th of document.querySelectorAll("#results th[data-sort]")) {
      const [up, down] = ORDERS[th.dataset.sort];
      th.setAttribute("aria-sort", sort === up ? "ascending" : sort === down ? "descending" : "none");
    }
  }

  function renderRows() {
    const body = document.querySelector("#results tbody");
    if (!state.rows.length) {
      body.replaceChildren(el("tr", {}, el("td", { colspan: 6, class: "muted empty" }, "No articles match.")));
      return;
    }
    body.replaceChildren(...state.rows.map(row));
  }

  function row(result) {
    const snippet = el("div", { class: "snippet" }, result.snippet.map((part) =>
      part.match ? el("mark", {}, part.text) : part.text));
    const title = el("div", { class: "title" },
      el("a", { href: `/articles/${Number(result.id)}` }, result.title || "(no title)"));
    const source = result.url ? el("div", { class: "source" }, externalLink(result.url)) : null;
    return el("tr", { "data-id": result.id },
      el("td", { class: "article" }, title, snippet, source),
      el("td", {}, result.outlet || ""),
      el("td", { class: "nowrap" }, result.published || ""),
      el("td", {}, result.genre ? labelName(result.genre, state.defs) : ""),
      el("td", {}, chips(result.techniques, "technique")),
      el("td", {}, chips(result.frames, "frame")));
  }

  function chips(items, kindName) {
    return el("div", { class: "chips" }, items.map((item) => {
      const chip = el("span", { class: `chip ${kindName}` }, labelName(item.label, state.defs));
      defineOnHover(chip, item.label, state.defs, item.n > 1 ? `${item.n}×` : null);
      return chip;
    }));
  }
})();
