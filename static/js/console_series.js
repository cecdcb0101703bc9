// The organiser's series page: which workshops the series compares (in
// order), the series appendix to download, and the comparison itself (the
// server-rendered fragment, every user text escaped there).
import { api, el, lang, secretFromFragment, showError, t } from "./common.js";

const $ = (id) => document.getElementById(id);
const seriesId = $("series-page").dataset.series;
const token = secretFromFragment("token", "admin-token");
const base = `/api/series/${encodeURIComponent(seriesId)}`;

async function load() {
  try {
    const [series, { workshops }] = await Promise.all([api("GET", base, token), api("GET", "/api/workshops", token)]);
    $("series-title").textContent = t("series_title", { title: series.title });
    document.title = series.title;
    const chosen = series.workshops.map((w) => w.id);
    // The series' workshops first, in its order; then the others, oldest first.
    const rest = workshops.filter((w) => !chosen.includes(w.id)).reverse();
    const ordered = [...series.workshops, ...rest];
    $("series-choices").replaceChildren(...ordered.map((w) => {
      const id = `series-w-${w.id}`;
      const box = el("input", { type: "checkbox", id, value: w.id });
      box.checked = chosen.includes(w.id);
      const li = el("li");
      li.append(box, " ", el("label", { for: id }, `${w.title} (${w.created_at.slice(0, 10)})`));
      return li;
    }));
    await comparison();
    showError($("error"), null);
  } catch (err) { showError($("error"), err); }
}

async function comparison() {
  const response = await fetch(`${base}/summary.html?lang=${encodeURIComponent(lang())}`,
    { headers: { Authorization: `Bearer ${token}` }, cache: "no-store" });
  if (!response.ok) throw new Error(`${response.status}`);
  // Trusted, server-rendered fragment from our own origin: every user text in
  // it was escaped on the server (render/export_series.py); only our own
  // chart SVGs are unescaped. Everything else here is set with textContent.
  $("series-comparison").innerHTML = await response.text();
}

$("series-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const ids = [...document.querySelectorAll("#series-choices input:checked")].map((box) => box.value);
  try {
    await api("PUT", `${base}/workshops`, token, { ids });
    $("series-status").textContent = t("series_saved", { count: ids.length });
    await load();
  } catch (err) { showError($("error"), err); }
});

// Downloads with the admin token as a header (never in a URL), saved from a blob.
for (const button of document.querySelectorAll("button[data-format]")) {
  button.addEventListener("click", async () => {
    try {
      const fmt = button.dataset.format;
      const response = await fetch(`${base}/export.${fmt}?lang=${encodeURIComponent(lang())}`,
        { headers: { Authorization: `Bearer ${token}` } });
      if (!response.ok) throw new Error(`${response.status}`);
      const name = /filename=([^;]+)/.exec(response.headers.get("Content-Disposition") || "")?.[1] || `series.${fmt}`;
      const a = el("a", { href: URL.createObjectURL(await response.blob()), download: name });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    } catch (err) { showError($("error"), err); }
  });
}

load();
