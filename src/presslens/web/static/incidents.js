/* Incidents page: stored events linked into incidents, as a timeline with sources and a map. */
"use strict";

(() => {
  /* Sources listed before the rest fold behind a "show all" button. */
  const SHOWN_SOURCES = 5;
  const { el, api, fillSelect, formToParams, paramsToForm, urlParams, showError, setStatus,
    countsText, dateText, externalLink } = PL;

  document.addEventListener("DOMContentLoaded", async () => {
    const form = document.getElementById("filters");
    try {
      const facets = await api("/api/facets");
      fillSelect(document.getElementById("f-outlet"), facets.outlets);
      fillSelect(document.getElementById("f-event_type"), facets.event_types);
    } catch (error) {
      showError(error);
    }
    paramsToForm(form, urlParams());
    form.addEventListener("submit", (event) => { event.preventDefault(); refresh(); });
    for (const select of form.querySelectorAll("select")) select.addEventListener("change", refresh);
    document.getElementById("f-clear").addEventListener("click", () => { form.reset(); refresh(); });
    refresh();
  });

  async function refresh() {
    const filters = formToParams(document.getElementById("filters"));
    const query = new URLSearchParams(filters).toString();
    history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
    showError(null);
    setStatus("Linking events…");
    try {
      const data = await api("/api/incidents", filters);
      const multi = data.incidents.filter((i) => i.sources.length > 1).length;
      setStatus(`${data.incidents.length} incidents (${multi} reported by several articles) from `
        + `${data.articles_considered} articles with events${data.truncated ? " (the newest only; narrow the filters)" : ""}.`);
      renderTimeline(data);
      Charts.map(document.getElementById("map"), mapPoints(data.incidents));
    } catch (error) {
      setStatus("");
      showError(error);
    }
  }

  function renderTimeline(data) {
    const list = document.getElementById("timeline");
    if (!data.incidents.length) {
      list.replaceChildren(el("li", { class: "muted empty" }, "No incidents for these filters."));
      return;
    }
    list.replaceChildren(...data.incidents.map((incident) => item(incident, data.articles)));
  }

  function item(incident, articles) {
    const place = incident.place
      ? [incident.place.name || incident.place.text, incident.place.country].filter(Boolean).join(", ") : "place unknown";
    const copies = new Map();
    for (const group of incident.duplicates || []) {
      for (const name of group) copies.set(name, group.filter((other) => other !== name));
    }
    const rows = incident.sources.map((source) => {
      const article = articles[source.source] || {};
      const link = article.id
        ? el("a", { href: `/articles/${Number(article.id)}` }, article.title || `article ${article.id}`)
        : el("span", {}, source.source);
      const copy = copies.get(source.source);
      return el("tr", {},
        el("td", {}, article.outlet || ""),
        el("td", {}, link, article.url ? el("div", { class: "source" }, externalLink(article.url)) : null,
          copy && copy.length ? el("span", { class: "chip secondary" }, "near-copy") : null),
        el("td", { class: "nowrap" }, article.published || ""),
        el("td", {}, countsText(source.counts) || "no figures"));
    });
    const body = el("tbody", {}, rows.slice(0, SHOWN_SOURCES));
    if (rows.length > SHOWN_SOURCES) {
      const more = el("button", { type: "button", class: "link more" }, `Show ${rows.length - SHOWN_SOURCES} more sources`);
      const fold = el("tr", { class: "fold" }, el("td", { colspan: 4 }, more));
      more.addEventListener("click", () => fold.replaceWith(...rows.slice(SHOWN_SOURCES)));
      body.append(fold);
    }
    return el("li", { class: "incident", "data-id": incident.id },
      el("div", { class: "when" }, dateText(incident.date)),
      el("div", { class: "what" },
        el("h3", {}, `${(incident.type || "").replace(/_/g, " ")} · ${place}`),
        el("p", { class: "counts" }, countsText(incident.counts) || "no casualty figures",
          el("span", { class: "muted" }, ` · ${incident.sources.length} source${incident.sources.length === 1 ? "" : "s"}`)),
        el("table", { class: "sources" },
          el("thead", {}, el("tr", {}, ["Outlet", "Article", "Published", "Figures it gives"].map((h) => el("th", { scope: "col" }, h)))),
          body)));
  }

  function mapPoints(incidents) {
    const byPlace = new Map();
    for (const incident of incidents) {
      const place = incident.place;
      if (!place || typeof place.lat !== "number" || typeof place.lon !== "number") continue;
      const name = place.name || place.text;
      const point = byPlace.get(name) || { name, lat: place.lat, lon: place.lon, incidents: 0, weight: 0 };
      point.incidents += 1;
      point.weight += incident.sources.length;
      byPlace.set(name, point);
    }
    return [...byPlace.values()].map((p) => ({ ...p, detail: `${p.incidents} incidents, ${p.weight} sources` }));
  }
})();
