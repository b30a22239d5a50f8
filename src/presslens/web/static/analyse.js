/* Analyse page: paste text or upload a file, post it to /api/analyse, show the analysis. */
"use strict";

(() => {
  const { el, send, definitions, showError, setStatus } = PL;

  document.addEventListener("DOMContentLoaded", () => {
    const form = document.getElementById("analyse-form");
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const file = document.getElementById("a-file").files[0];
      const text = document.getElementById("a-text").value;
      if (file) analyse(`/api/analyse?name=${encodeURIComponent(file.name)}`,
        { method: "POST", headers: { "Content-Type": "application/octet-stream" }, body: file });
      else if (text.trim()) analyse("/api/analyse",
        { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text }) });
      else showError("Paste some text or choose a file first.");
    });
  });

  async function analyse(url, options) {
    const button = document.getElementById("a-submit");
    showError(null);
    setStatus("Analysing… (the first analysis loads the models and takes longer)");
    button.disabled = true;
    try {
      const [data, defs] = await Promise.all([send(url, options), definitions()]);
      const result = document.getElementById("result");
      if (!data.articles.length) throw new Error("nothing to analyse");
      show(result, data.articles, 0, defs);
      setStatus(data.errors.length ? `Analysed; ${data.errors.length} inputs could not be read.` : "Analysed.");
      if (data.errors.length) showError(data.errors.map((e) => e.message).join("\n"));
    } catch (error) {
      setStatus("");
      showError(error);
    } finally {
      button.disabled = false;
    }
  }

  function show(result, articles, index, defs) {
    let header = null;
    if (articles.length > 1) {
      const picker = el("select", { id: "a-pick", "aria-label": "Article" },
        articles.map((a, i) => el("option", { value: i }, a.title || `article ${i + 1}`)));
      picker.value = String(index);
      picker.addEventListener("change", () => show(result, articles, Number(picker.value), defs));
      header = el("p", {}, `${articles.length} articles in the file: `, picker);
    }
    Analysis.render(result, articles[index], defs, header);
  }
})();
