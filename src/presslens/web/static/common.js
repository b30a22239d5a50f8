/* presslens: helpers every page uses.
 *
 * Safety rule for all scripts: data from the API (article text, titles, URLs, labels) reaches
 * the page only through text nodes and plain attributes set here, never as HTML. Links are made
 * only for http(s) URLs. */
"use strict";

const PL = (() => {
  const SVG_NS = "http://www.w3.org/2000/svg";

  /* el("a", {href: "/x", class: "c"}, "text", child) — children: strings become text nodes. */
  function el(tag, attrs, ...children) {
    return build(document.createElement(tag), attrs, children);
  }

  function svg(tag, attrs, ...children) {
    return build(document.createElementNS(SVG_NS, tag), attrs, children);
  }

  function build(node, attrs, children) {
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name.startsWith("on")) throw new Error("use addEventListener, not " + name);
      if (name === "href" && safeHref(value) === null && !isLocalPath(String(value))) {
        throw new Error("refusing an unsafe link");
      }
      node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /* A path on this server: "/x", but not "//host/x", which leaves it. */
  function isLocalPath(value) {
    return value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\");
  }

  /* The URL itself when it is an absolute http(s) URL, else null (javascript:, data:, ...). */
  function safeHref(url) {
    if (typeof url !== "string") return null;
    try {
      const parsed = new URL(url);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (error) {
      return null;
    }
  }

  /* A link for an external URL, or its text when it is not a safe link. */
  function externalLink(url, text) {
    const href = safeHref(url);
    if (!href) return el("span", { class: "url" }, text || url || "");
    return el("a", { href, rel: "noopener noreferrer nofollow", target: "_blank" }, text || url);
  }

  async function api(path, params) {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params || {})) {
      if (value !== null && value !== undefined && value !== "") query.set(key, value);
    }
    const url = query.toString() ? `${path}?${query}` : path;
    return send(url, { headers: { Accept: "application/json" } });
  }

  async function send(url, options) {
    const response = await fetch(url, options);
    let data;
    try {
      data = await response.json();
    } catch (error) {
      throw new Error(`the server answered ${response.status} without JSON`);
    }
    if (!response.ok || data.ok === false) throw new Error(data.error || `error ${response.status}`);
    return data;
  }

  let definitionsPromise = null;
  /* label → {name, group, definition, example, kind}; fetched once per page. */
  function definitions() {
    if (!definitionsPromise) {
      definitionsPromise = api("/api/definitions")
        .then((data) => new Map(data.definitions.map((d) => [d.label, d])))
        .catch(() => new Map());
    }
    return definitionsPromise;
  }

  function labelName(label, defs) {
    const entry = defs && defs.get(label);
    return entry ? entry.name : String(label).replace(/_/g, " ");
  }

  /* Tooltip: show(nodes, event) near the pointer; hide() when it leaves. */
  const tip = {
    show(content, event) {
      const box = document.getElementById("tip");
      box.replaceChildren(...content);
      box.hidden = false;
      const x = Math.min(event.clientX + 14, window.innerWidth - box.offsetWidth - 8);
      const y = event.clientY + 16 + box.offsetHeight > window.innerHeight
        ? event.clientY - box.offsetHeight - 10 : event.clientY + 16;
      box.style.left = `${Math.max(8, x)}px`;
      box.style.top = `${Math.max(8, y)}px`;
    },
    hide() {
      document.getElementById("tip").hidden = true;
    },
  };

  /* Show a definition on hover of any node: entry is a definitions() value or undefined. */
  function defineOnHover(node, label, defs, extra) {
    node.addEventListener("mousemove", (event) => tip.show(definitionNodes(label, defs, extra), event));
    node.addEventListener("mouseleave", tip.hide);
  }

  function definitionNodes(label, defs, extra) {
    const entry = defs && defs.get(label);
    const nodes = [el("strong", {}, labelName(label, defs))];
    if (entry && entry.group) nodes.push(el("span", { class: "muted" }, ` · ${entry.group}`));
    if (extra) nodes.push(el("div", { class: "tip-extra" }, extra));
    if (entry) {
      nodes.push(el("p", {}, entry.definition));
      if (entry.example) nodes.push(el("p", { class: "example" }, `“${entry.example}”`));
    }
    return nodes;
  }

  function percent(share) {
    return `${Math.round(share * 100)}%`;
  }

  function showError(error) {
    const box = document.getElementById("error");
    if (!box) return;
    box.hidden = !error;
    box.textContent = error ? String(error.message || error) : "";
  }

  function setStatus(text) {
    const box = document.getElementById("status");
    if (box) box.textContent = text || "";
  }

  /* Fill a <select> with facet values, keeping its first ("All ...") option. */
  function fillSelect(select, values, defs) {
    const first = select.options[0];
    select.replaceChildren(first);
    for (const item of values) {
      const text = defs ? labelName(item.value, defs) : item.value;
      select.append(el("option", { value: item.value }, `${text} (${item.count})`));
    }
  }

  /* Filters form <-> URL query, so a filtered view can be bookmarked and shared. */
  function formToParams(form) {
    const params = {};
    for (const [key, value] of new FormData(form).entries()) {
      if (typeof value === "string" && value.trim()) params[key] = value.trim();
    }
    return params;
  }

  function paramsToForm(form, params) {
    for (const field of form.elements) {
      if (field.name && field.name in params) field.value = params[field.name];
    }
  }

  function urlParams() {
    return Object.fromEntries(new URLSearchParams(window.location.search).entries());
  }

  function countText(count) {
    if (!count) return "";
    if (count.exact !== null && count.exact !== undefined) return String(count.exact);
    if (count.high === null || count.high === undefined) return `at least ${count.low}`;
    return count.low === count.high ? String(count.low) : `${count.low}–${count.high}`;
  }

  function countsText(counts) {
    return Object.entries(counts || {})
      .map(([kind, count]) => `${kind} ${countText(count)}`)
      .join(", ");
  }

  function dateText(date) {
    if (!date) return "date unknown";
    return date.start === date.end ? date.start : `${date.start} – ${date.end}`;
  }

  document.addEventListener("DOMContentLoaded", () => {
    const page = document.body.dataset.page;
    for (const link of document.querySelectorAll("[data-nav]")) {
      if (link.dataset.nav === page) link.setAttribute("aria-current", "page");
    }
  });

  return {
    el, svg, safeHref, externalLink, api, send, definitions, labelName, tip, defineOnHover,
    definitionNodes, percent, showError, setStatus, fillSelect, formToParams, paramsToForm,
    urlParams, countText, countsText, dateText,
  };
})();
