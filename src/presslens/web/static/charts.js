/* presslens charts: inline SVG drawn here, no chart library, no CDN.
 * Each function takes a container and the API's aggregate dict, and draws into it. */
"use strict";

const Charts = (() => {
  const { svg, el, percent, labelName, tip, definitionNodes } = PL;
  const PALETTE = ["#2563eb", "#dc2626", "#059669", "#d97706", "#7c3aed", "#db2777", "#0891b2", "#65a30d"];

  function empty(container, text) {
    container.replaceChildren(el("p", { class: "muted empty" }, text));
  }

  function hover(node, label, defs, extra) {
    node.addEventListener("mousemove", (event) => tip.show(definitionNodes(label, defs, extra), event));
    node.addEventListener("mouseleave", tip.hide);
  }

  /* Groups × labels as a grid of cells shaded by share. */
  function heatmap(container, agg, defs, maxLabels = 10) {
    const labels = agg.labels.slice(0, maxLabels);
    if (!agg.groups.length || !labels.length) return empty(container, "Nothing to chart for these filters.");
    const cellW = 62, cellH = 30, left = 200, top = 120;
    const width = left + labels.length * cellW + 80; // room for the last slanted label
    const height = top + agg.groups.length * cellH + 10;
    const chart = svg("svg", { width: "100%", viewBox: `0 0 ${width} ${height}`, class: "heatmap",
      role: "img", "aria-label": `Share of articles per ${agg.by} for each ${agg.kind}` });
    labels.forEach((label, col) => {
      const x = left + col * cellW + cellW / 2;
      const text = svg("text", { x, y: top - 8, transform: `rotate(-40 ${x} ${top - 8})`, class: "axis-label" },
        truncate(labelName(label, defs), 22));
      hover(text, label, defs);
      chart.append(text);
    });
    agg.groups.forEach((group, row) => {
      const y = top + row * cellH;
      chart.append(svg("text", { x: left - 10, y: y + cellH / 2 + 4, class: "row-label", "text-anchor": "end" },
        truncate(`${group.key} (${group.articles})`, 24)));
      labels.forEach((label, col) => {
        const share = group.shares[label] || 0;
        const x = left + col * cellW;
        const cell = svg("g", { class: "cell", "data-label": label, "data-group": group.key });
        cell.append(svg("rect", { x: x + 1, y: y + 1, width: cellW - 2, height: cellH - 2, rx: 3,
          fill: shade(share) }));
        cell.append(svg("text", { x: x + cellW / 2, y: y + cellH / 2 + 4, "text-anchor": "middle",
          class: share > 0.45 ? "cell-text dark" : "cell-text" }, percent(share)));
        hover(cell, label, defs,
          `${group.key}: ${percent(share)} of ${group.articles} articles (${group.counts[label] || 0})`);
        chart.append(cell);
      });
    });
    container.replaceChildren(chart);
  }

  /* Share of the top labels over time, one line each. */
  function lines(container, agg, defs, maxLabels = 5) {
    const labels = agg.labels.slice(0, maxLabels);
    const groups = agg.groups;
    if (groups.length < 1 || !labels.length) return empty(container, "Nothing to chart for these filters.");
    const width = 640, height = 260, left = 44, right = 16, top = 14, bottom = 40;
    const maxShare = Math.max(0.1, ...groups.flatMap((g) => labels.map((l) => g.shares[l] || 0)));
    const yMax = Math.min(1, Math.ceil(maxShare * 10) / 10);
    const xOf = (i) => left + (groups.length === 1 ? (width - left - right) / 2
      : (i * (width - left - right)) / (groups.length - 1));
    const yOf = (share) => top + (1 - share / yMax) * (height - top - bottom);
    const chart = svg("svg", { width: "100%", viewBox: `0 0 ${width} ${height}`, class: "lines", role: "img",
      "aria-label": `Share of articles per week for the top ${labels.length} labels` });
    for (let tick = 0; tick <= 4; tick += 1) {
      const share = (yMax * tick) / 4;
      chart.append(svg("line", { x1: left, x2: width - right, y1: yOf(share), y2: yOf(share), class: "grid" }));
      chart.append(svg("text", { x: left - 6, y: yOf(share) + 4, "text-anchor": "end", class: "tick" }, percent(share)));
    }
    const every = Math.max(1, Math.ceil(groups.length / 8));
    groups.forEach((group, i) => {
      if (i % every) return;
      chart.append(svg("text", { x: xOf(i), y: height - bottom + 16, "text-anchor": "middle", class: "tick" },
        shortDate(group.key)));
    });
    labels.forEach((label, n) => {
      const colour = PALETTE[n % PALETTE.length];
      const points = groups.map((g, i) => `${xOf(i)},${yOf(g.shares[label] || 0)}`).join(" ");
      chart.append(svg("polyline", { points, fill: "none", stroke: colour, "stroke-width": 2, class: "series" }));
      groups.forEach((group, i) => {
        const dot = svg("circle", { cx: xOf(i), cy: yOf(group.shares[label] || 0), r: 3.5, fill: colour });
        hover(dot, label, defs, `week of ${group.key}: ${percent(group.shares[label] || 0)} of ${group.articles} articles`);
        chart.append(dot);
      });
    });
    const legend = el("ul", { class: "legend" }, labels.map((label, n) => {
      const item = el("li", {}, el("span", { class: "swatch", "data-colour": n }), labelName(label, defs));
      item.querySelector(".swatch").style.background = PALETTE[n % PALETTE.length];
      hover(item, label, defs);
      return item;
    }));
    container.replaceChildren(chart, legend);
  }

  /* Two outlets side by side: A's shares to the left, B's to the right of each label. */
  function butterfly(container, agg, a, b, defs, maxLabels = 12) {
    const groupA = agg.groups.find((g) => g.key === a);
    const groupB = agg.groups.find((g) => g.key === b);
    if (!groupA || !groupB) return empty(container, "Pick two outlets that have articles for these filters.");
    const labels = agg.labels
      .filter((l) => (groupA.shares[l] || 0) + (groupB.shares[l] || 0) > 0)
      .slice(0, maxLabels);
    if (!labels.length) return empty(container, "Neither outlet has these labels.");
    const width = 720, row = 26, top = 34, mid = width / 2, labelW = 190, barMax = (width - labelW) / 2 - 44;
    const height = top + labels.length * row + 8;
    const maxShare = Math.max(...labels.flatMap((l) => [groupA.shares[l] || 0, groupB.shares[l] || 0]));
    const scale = (share) => (share / maxShare) * barMax;
    const chart = svg("svg", { width: "100%", viewBox: `0 0 ${width} ${height}`, class: "butterfly", role: "img",
      "aria-label": `${a} compared with ${b}` });
    chart.append(svg("text", { x: mid - labelW / 2 - 8, y: 16, "text-anchor": "end", class: "side a" },
      `${truncate(a, 30)} (${groupA.articles})`));
    chart.append(svg("text", { x: mid + labelW / 2 + 8, y: 16, class: "side b" },
      `${truncate(b, 30)} (${groupB.articles})`));
    labels.forEach((label, i) => {
      const y = top + i * row;
      const shareA = groupA.shares[label] || 0, shareB = groupB.shares[label] || 0;
      const name = svg("text", { x: mid, y: y + row / 2 + 3, "text-anchor": "middle", class: "axis-label" },
        truncate(labelName(label, defs), 26));
      hover(name, label, defs, `${a}: ${percent(shareA)} · ${b}: ${percent(shareB)}`);
      const wa = scale(shareA), wb = scale(shareB);
      const barA = svg("rect", { x: mid - labelW / 2 - wa, y: y + 4, width: wa, height: row - 8, class: "bar a", rx: 2 });
      const barB = svg("rect", { x: mid + labelW / 2, y: y + 4, width: wb, height: row - 8, class: "bar b", rx: 2 });
      hover(barA, label, defs, `${a}: ${percent(shareA)} of ${groupA.articles} articles`);
      hover(barB, label, defs, `${b}: ${percent(shareB)} of ${groupB.articles} articles`);
      chart.append(name, barA, barB,
        svg("text", { x: mid - labelW / 2 - wa - 4, y: y + row / 2 + 3, "text-anchor": "end", class: "value" }, percent(shareA)),
        svg("text", { x: mid + labelW / 2 + wb + 4, y: y + row / 2 + 3, class: "value" }, percent(shareB)));
    });
    container.replaceChildren(chart);
  }

  /* Points on an equirectangular latitude/longitude grid fitted around them. */
  function map(container, points) {
    if (!points.length) return empty(container, "No incident in these results has coordinates.");
    const lons = points.map((p) => p.lon), lats = points.map((p) => p.lat);
    let [west, east, south, north] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
    const padLon = Math.max(4, (east - west) * 0.15), padLat = Math.max(3, (north - south) * 0.15);
    west = Math.max(-180, west - padLon); east = Math.min(180, east + padLon);
    south = Math.max(-90, south - padLat); north = Math.min(90, north + padLat);
    const width = 720, height = Math.max(220, Math.min(420, (width * (north - south)) / (east - west)));
    const x = (lon) => ((lon - west) / (east - west)) * width;
    const y = (lat) => ((north - lat) / (north - south)) * height;
    const step = [1, 2, 5, 10, 15, 30].find((s) => (east - west) / s <= 12) || 30;
    const chart = svg("svg", { width: "100%", viewBox: `0 0 ${width} ${height}`, class: "map", role: "img",
      "aria-label": "Incident places by latitude and longitude" });
    chart.append(svg("rect", { x: 0, y: 0, width, height, class: "sea" }));
    for (let lon = Math.ceil(west / step) * step; lon <= east; lon += step) {
      chart.append(svg("line", { x1: x(lon), x2: x(lon), y1: 0, y2: height, class: "grid" }),
        svg("text", { x: x(lon) + 3, y: height - 4, class: "tick" }, `${lon}°`));
    }
    for (let lat = Math.ceil(south / step) * step; lat <= north; lat += step) {
      chart.append(svg("line", { x1: 0, x2: width, y1: y(lat), y2: y(lat), class: "grid" }),
        svg("text", { x: 3, y: y(lat) - 3, class: "tick" }, `${lat}°`));
    }
    for (const point of points) {
      const dot = svg("circle", { cx: x(point.lon), cy: y(point.lat), r: 5 + 2 * Math.sqrt(point.weight), class: "dot" });
      dot.addEventListener("mousemove", (event) => tip.show([el("strong", {}, point.name), el("div", {}, point.detail)], event));
      dot.addEventListener("mouseleave", tip.hide);
      chart.append(dot, svg("text", { x: x(point.lon) + 9, y: y(point.lat) + 4, class: "place" }, point.name));
    }
    container.replaceChildren(chart);
  }

  function shade(share) {
    // White to deep blue; a share of 0 stays a light grey so empty cells read as "none".
    if (!share) return "#f3f4f6";
    const t = Math.min(1, share);
    const mix = (from, to) => Math.round(from + (to - from) * t);
    return `rgb(${mix(219, 29)},${mix(234, 78)},${mix(254, 216)})`;
  }

  function truncate(text, n) {
    const value = String(text);
    return value.length > n ? `${value.slice(0, n - 1)}…` : value;
  }

  function shortDate(iso) {
    const date = new Date(`${iso}T00:00:00Z`);
    if (Number.isNaN(date.getTime())) return iso;
    return date.toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
  }

  return { heatmap, lines, butterfly, map, PALETTE };
})();
