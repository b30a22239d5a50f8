/* One article's analysis as a page: frames and genre above, the text with every piece of
 * technique evidence highlighted (hover: technique, definition, score; click: pin the details),
 * events below. Used by the analyse page and by stored articles. */
"use strict";

const Analysis = (() => {
  const { el, labelName, tip, definitionNodes, externalLink, countsText, dateText } = PL;

  function render(root, analysis, defs, header) {
    const groups = groupIndex(defs);
    const detail = el("aside", { class: "detail", id: "detail", "aria-live": "polite" },
      el("p", { class: "muted" }, "Hover over highlighted words to see the technique; click to pin it here."));
    const text = el("div", { class: "article-text", id: "article-text" });
    const layers = evidenceLayers(analysis);
    for (const paragraph of analysis.paragraphs) {
      text.append(renderParagraph(analysis, paragraph, layers, defs, groups, detail));
    }
    root.replaceChildren(
      el("section", { class: "panel" }, heading(analysis, header), summary(analysis, defs)),
      el("section", { class: "panel" },
        el("div", { class: "panel-head" }, el("h2", {}, "Techniques in the text"), legend(analysis, defs, groups)),
        el("div", { class: "reader" }, text, detail)),
      el("section", { class: "panel" }, el("h2", {}, "Events"), eventsTable(analysis)),
    );
  }

  function heading(analysis, header) {
    const meta = [analysis.outlet, analysis.published, analysis.language && `language: ${analysis.language}`]
      .filter(Boolean).join(" · ");
    return el("div", { class: "article-head" },
      el("h2", { id: "article-title" }, analysis.title || "(no title)"),
      meta ? el("p", { class: "muted" }, meta) : null,
      analysis.url ? el("p", { class: "source" }, externalLink(analysis.url)) : null,
      header || null,
      (analysis.warnings || []).map((w) => el("p", { class: "warning" }, w)));
  }

  function summary(analysis, defs) {
    const genre = analysis.genre;
    const genreBox = el("div", { class: "summary-box", id: "genre" }, el("h3", {}, "Genre"),
      genre ? scoreRow(genre.label, genre.scores[genre.label] || 0, defs, true) : el("p", { class: "muted" }, "not analysed"));
    const chosen = new Set(analysis.frames.map((f) => f.label));
    const scores = Object.entries(analysis.frame_scores || {}).sort((a, b) => b[1] - a[1]).slice(0, 6);
    const frameRows = scores.length ? scores.map(([label, score]) => scoreRow(label, score, defs, chosen.has(label)))
      : analysis.frames.map((f) => scoreRow(f.label, f.score, defs, true));
    const framesBox = el("div", { class: "summary-box", id: "frames" }, el("h3", {}, "Frames"),
      frameRows.length ? frameRows : el("p", { class: "muted" }, "none found"));
    return el("div", { class: "summary" }, genreBox, framesBox);
  }

  function scoreRow(label, score, defs, chosen) {
    const fill = el("span", { class: "fill" });
    fill.style.width = `${Math.round(Math.max(0, Math.min(1, score)) * 100)}%`;
    const row = el("div", { class: chosen ? "score-row chosen" : "score-row" },
      el("span", { class: "score-label" }, labelName(label, defs)),
      el("span", { class: "bar" }, fill),
      el("span", { class: "score-value" }, score.toFixed(2)));
    row.addEventListener("mousemove", (event) => tip.show(definitionNodes(label, defs, `score ${score.toFixed(2)}`), event));
    row.addEventListener("mouseleave", tip.hide);
    return row;
  }

  function groupIndex(defs) {
    const groups = [];
    for (const entry of defs.values()) {
      if (entry.kind === "technique" && entry.group && !groups.includes(entry.group)) groups.push(entry.group);
    }
    return (label) => {
      const entry = defs.get(label);
      const index = entry ? groups.indexOf(entry.group) : -1;
      return index >= 0 ? index : 6;
    };
  }

  function evidenceLayers(analysis) {
    const layers = [];
    for (const paragraph of analysis.paragraphs) {
      for (const technique of paragraph.techniques) {
        for (const evidence of technique.evidence) {
          layers.push({ start: evidence.start, end: evidence.end, label: technique.label,
            score: technique.score, evidenceScore: evidence.score });
        }
      }
    }
    (analysis.events || []).forEach((event, index) => {
      for (const span of event.evidence || []) layers.push({ start: span.start, end: span.end, event: index });
    });
    return layers;
  }

  function renderParagraph(analysis, paragraph, layers, defs, groups, detail) {
    const inside = layers.filter((l) => l.end > paragraph.start && l.start < paragraph.end);
    const bounds = new Set([paragraph.start, paragraph.end]);
    for (const layer of inside) {
      bounds.add(Math.max(layer.start, paragraph.start));
      bounds.add(Math.min(layer.end, paragraph.end));
    }
    const cuts = [...bounds].sort((a, b) => a - b);
    const node = el(paragraph.is_title ? "h3" : "p", { class: "para", "data-index": paragraph.index });
    for (let i = 0; i + 1 < cuts.length; i += 1) {
      const [a, b] = [cuts[i], cuts[i + 1]];
      const words = analysis.text.slice(a, b);
      const covering = inside.filter((l) => l.start <= a && l.end >= b);
      node.append(covering.length ? mark(words, covering, defs, groups, detail) : words);
    }
    const unanchored = paragraph.techniques.filter((t) => !t.evidence.length);
    if (unanchored.length) {
      node.append(" ", el("span", { class: "para-labels" }, unanchored.map((t) => {
        const chip = el("span", { class: `chip technique g${groups(t.label)}` }, labelName(t.label, defs));
        PL.defineOnHover(chip, t.label, defs, `whole paragraph · score ${t.score.toFixed(2)}`);
        return chip;
      })));
    }
    return node;
  }

  function mark(words, covering, defs, groups, detail) {
    const techniques = covering.filter((l) => l.label);
    const events = covering.filter((l) => l.event !== undefined);
    const classes = ["ev"];
    if (techniques.length) classes.push(`g${groups(techniques[0].label)}`);
    if (techniques.length > 1) classes.push("multi");
    if (events.length) classes.push("evt");
    const node = el(techniques.length ? "mark" : "span", {
      class: classes.join(" "),
      tabindex: techniques.length ? 0 : null,
      "data-labels": [...new Set(techniques.map((t) => t.label))].join(" ") || null,
      "data-events": events.map((e) => e.event).join(" ") || null,
    }, words);
    if (techniques.length) {
      node.addEventListener("mousemove", (event) => tip.show(describe(techniques, defs), event));
      node.addEventListener("mouseleave", tip.hide);
      const pin = () => {
        detail.replaceChildren(el("h3", {}, `“${words.trim()}”`), ...describe(techniques, defs, true));
        focus(techniques[0].label);
      };
      node.addEventListener("click", pin);
      node.addEventListener("keydown", (event) => { if (event.key === "Enter") pin(); });
    }
    return node;
  }

  function describe(techniques, defs, full) {
    const seen = new Set();
    const out = [];
    for (const t of techniques) {
      if (seen.has(t.label)) continue;
      seen.add(t.label);
      const extra = `score ${t.score.toFixed(2)} · evidence ${t.evidenceScore.toFixed(2)}`;
      out.push(el("div", { class: full ? "technique-detail" : "tip-item" }, definitionNodes(t.label, defs, extra)));
    }
    return out;
  }

  function focus(label) {
    for (const node of document.querySelectorAll("mark.ev")) {
      node.classList.toggle("focus", (node.dataset.labels || "").split(" ").includes(label));
      node.classList.toggle("dim", !(node.dataset.labels || "").split(" ").includes(label));
    }
  }

  function legend(analysis, defs, groups) {
    const counts = new Map();
    for (const paragraph of analysis.paragraphs) {
      for (const t of paragraph.techniques) counts.set(t.label, (counts.get(t.label) || 0) + 1);
    }
    if (!counts.size) return el("p", { class: "muted" }, "No persuasion technique found.");
    const items = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([label, n]) => {
      const button = el("button", { type: "button", class: `chip technique g${groups(label)}`, "data-label": label },
        `${labelName(label, defs)} ×${n}`);
      button.addEventListener("click", () => focus(label));
      PL.defineOnHover(button, label, defs);
      return button;
    });
    const all = el("button", { type: "button", class: "chip secondary" }, "show all");
    all.addEventListener("click", () => {
      for (const node of document.querySelectorAll("mark.ev")) node.classList.remove("focus", "dim");
    });
    return el("div", { class: "legend-chips", id: "legend" }, items, all);
  }

  function eventsTable(analysis) {
    const events = analysis.events || [];
    if (!events.length) return el("p", { class: "muted", id: "events-empty" }, "No events found.");
    const mention = (m) => (m ? `${m.text}${m.kind ? ` (${m.kind.replace(/_/g, " ")})` : ""}` : "");
    const head = el("tr", {}, ["Type", "Actor", "Target", "Victims", "Place", "Date", "Counts", "Said by", ""]
      .map((h) => el("th", { scope: "col" }, h)));
    const rows = events.map((event, index) => {
      const show = el("button", { type: "button", class: "link" }, "show");
      show.addEventListener("click", () => flashEvent(index));
      const place = event.place ? [event.place.name || event.place.text, event.place.country].filter(Boolean).join(", ") : "";
      const attribution = event.attribution || {};
      return el("tr", { "data-event": index },
        el("td", {}, (event.type || "").replace(/_/g, " ")),
        el("td", {}, mention(event.actor)),
        el("td", {}, mention(event.target)),
        el("td", {}, (event.victims_group || []).map(mention).join("; ")),
        el("td", {}, place),
        el("td", { class: "nowrap" }, event.date ? dateText(event.date) : ""),
        el("td", {}, countsText(event.counts)),
        el("td", {}, attribution.source || attribution.kind || ""),
        el("td", {}, show));
    });
    return el("table", { class: "events", id: "events" }, el("thead", {}, head), el("tbody", {}, rows));
  }

  function flashEvent(index) {
    const marks = [...document.querySelectorAll(".ev[data-events]")]
      .filter((node) => node.dataset.events.split(" ").includes(String(index)));
    if (!marks.length) return;
    marks[0].scrollIntoView({ behavior: "smooth", block: "center" });
    for (const node of marks) {
      node.classList.add("flash");
      setTimeout(() => node.classList.remove("flash"), 1600);
    }
  }

  return { render };
})();
