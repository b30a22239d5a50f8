/* A stored article: its analysis, where it came from, and its other versions. */
"use strict";

(() => {
  const { el, api, definitions, showError, setStatus } = PL;

  document.addEventListener("DOMContentLoaded", async () => {
    const id = window.location.pathname.split("/").pop();
    setStatus("Loading…");
    try {
      const [stored, defs] = await Promise.all([api(`/api/articles/${encodeURIComponent(id)}`), definitions()]);
      document.title = `${stored.article.title || "Article"} · presslens`;
      Analysis.render(document.getElementById("result"), stored.article, defs, versions(stored));
      setStatus("");
    } catch (error) {
      setStatus("");
      showError(error);
    }
  });

  function versions(stored) {
    const line = el("p", { class: "muted versions" },
      `Stored version ${stored.version} of ${stored.versions.length}, ingested ${stored.ingested_at}.`);
    if (stored.versions.length > 1) {
      line.append(" Versions: ", ...stored.versions.flatMap((v, i) => [
        i ? ", " : "",
        v.id === stored.id ? el("strong", {}, `v${v.version}`) : el("a", { href: `/articles/${Number(v.id)}` }, `v${v.version}`),
      ]));
    }
    if (!stored.is_latest) line.append(el("span", { class: "warning" }, " (an older version)"));
    return line;
  }
})();
