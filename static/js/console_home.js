// Organiser's home: sign in with the admin token, create workshops, and the
// archive: past workshops with their day and counts, appendix downloads,
// and delete (with confirmation).
import { api, el, keepSecret, secretFromFragment, showError, t } from "./common.js";

const $ = (id) => document.getElementById(id);
// The admin token, from /console#token=... (the banner's link) or the form,
// becomes this browser's session (POST /signin: an HttpOnly cookie), so the
// organiser's pages open in any tab and after a restart. A #token= link also
// keeps the token for this tab, as before.
const TOKEN = "admin-token";
let token = secretFromFragment("token", TOKEN);
// WORKSHOP_RETENTION_DAYS as the server reports it (null: kept until deleted).
let retentionDays = null;
const signIn = (value) => api("POST", "/signin", null, { token: value });

// Appendix formats: (format, label). Format names read the same in both languages.
const EXPORTS = [["pdf", "PDF"], ["docx", "DOCX"], ["html", "HTML"], ["md", "Markdown"], ["csv", "CSV"], ["json", "JSON"]];

async function load() {
  try {
    const { workshops, retention_days: days, refused_guesses: refused } = await api("GET", "/api/workshops", token);
    retentionDays = days;
    $("retention").textContent = days ? t("retention_on", { days }) : t("retention_off");
    $("refused").textContent = t("refused_guesses", { count: refused ?? 0 });
    $("token-form").hidden = true;
    $("create").hidden = $("archive").hidden = $("signout-form").hidden = false;
    $("templates").hidden = $("series").hidden = false;
    $("workshops").replaceChildren(...workshops.map(row));
    await Promise.all([loadTemplates(), loadSeries()]);
    showError($("error"), null);
  } catch (err) {
    $("token-form").hidden = false;
    if (token) showError($("error"), err);
  }
}

// The full workshop (with its facilitator key), fetched with the admin
// token when first needed and kept for this page view only.
const full = new Map();
async function fullWorkshop(id) {
  if (!full.has(id)) full.set(id, await api("GET", `/api/workshops/${encodeURIComponent(id)}`, token));
  return full.get(id);
}

// Download links take ?key=<facilitator key> (a link cannot send the admin
// token as a header, and the admin token never goes into a URL).
function exportUrl(w, fmt) {
  const params = new URLSearchParams({ key: w.facilitator_key });
  return `/api/workshops/${encodeURIComponent(w.id)}/export.${fmt}?${params}`;
}

function exportLinks(w) {
  const cell = el("td", { class: "exports" });
  for (const [fmt, label] of EXPORTS) {
    const link = cell.appendChild(el("a", { href: "#", "data-format": fmt, download: true,
      "aria-label": t("export_as", { title: w.title, format: label }) }, label));
    cell.append(" ");
    link.addEventListener("click", async (e) => {
      if (link.dataset.ready) return; // the real link: let the browser download it
      e.preventDefault();
      try {
        const f = await fullWorkshop(w.id);
        for (const a of cell.querySelectorAll("a[data-format]")) {
          a.href = exportUrl(f, a.dataset.format);
          a.dataset.ready = "1";
        }
        link.click();
      } catch (err) { showError($("error"), err); }
    });
  }
  return cell;
}

function row(w) {
  const tr = el("tr");
  const td = (text) => tr.appendChild(el("td", {}, text));
  const title = tr.appendChild(el("td"));
  const link = title.appendChild(el("a", { href: "#" }, w.title));
  link.addEventListener("click", async (e) => {
    e.preventDefault();
    try {
      const f = await fullWorkshop(w.id);
      location.href = f.facilitator_url.replace(/^https?:\/\/[^/]+/, "");
    } catch (err) { showError($("error"), err); }
  });
  td(w.date || w.created_at.slice(0, 10)).classList.add("nowrap");
  td(w.code);
  td(String(w.participants));
  // Each method's counts, in the order of the columns its template part declared.
  for (const th of document.querySelectorAll("th[data-count]")) td(String(w[th.dataset.count] ?? 0));
  tr.appendChild(exportLinks(w));
  td(deletion(w));
  const actions = tr.appendChild(el("td", { class: "actions" }));
  const keep = actions.appendChild(el("button", { type: "button", class: "secondary",
    "aria-label": t("save_template_for", { title: w.title }) }, t("save_template")));
  keep.addEventListener("click", async () => {
    try {
      const made = await api("POST", `/api/workshops/${encodeURIComponent(w.id)}/template`, token);
      await loadTemplates();
      $("templates-status").textContent = t("template_saved", { title: made.title });
    } catch (err) { showError($("error"), err); }
  });
  actions.append(" ");
  const del = actions.appendChild(el("button", { type: "button", class: "secondary" }, t("delete")));
  del.addEventListener("click", async () => {
    if (!confirm(t("confirm_delete_workshop", { title: w.title }))) return;
    try {
      await api("DELETE", `/api/workshops/${encodeURIComponent(w.id)}`, token);
      full.delete(w.id);
      await load();
    } catch (err) { showError($("error"), err); }
  });
  return tr;
}

// When retention deletes it: a day once it has ended, else how long after it ends.
function deletion(w) {
  if (w.deleted_on) return w.deleted_on;
  return retentionDays ? t("kept_until_ended", { days: retentionDays }) : t("kept");
}

$("token-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const value = $("token").value.trim();
  try {
    await signIn(value);
    token = null; // the session speaks from now on
  } catch (err) {
    token = value; // a refusal says why (load shows it)
    keepSecret(TOKEN, token);
  }
  load();
});

$("create-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  try {
    const w = await api("POST", "/api/workshops", token, { title: $("title").value, language: $("language").value });
    location.href = w.facilitator_url.replace(/^https?:\/\/[^/]+/, "");
  } catch (err) { showError($("error"), err); }
});

// Templates ("mallar"): listed with a JSON download each; "Ny workshop från
// mall"; import of a template's JSON or of statements (text or CSV).
async function loadTemplates() {
  const { templates } = await api("GET", "/api/templates", token);
  $("templates-none").hidden = templates.length > 0;
  $("from-template-form").hidden = templates.length === 0;
  $("template-list").replaceChildren(...templates.map((tpl) => {
    const li = el("li", {}, `${tpl.title} (${tpl.created_at.slice(0, 10)}) `);
    const get = li.appendChild(el("button", { type: "button", class: "secondary",
      "aria-label": t("template_download", { title: tpl.title }) }, "JSON"));
    get.addEventListener("click", async () => {
      try {
        const doc = await api("GET", `/api/templates/${encodeURIComponent(tpl.id)}`, token);
        const blob = new Blob([JSON.stringify(doc, null, 2)], { type: "application/json" });
        const a = el("a", { href: URL.createObjectURL(blob), download: `mall-${tpl.id}.json` });
        a.click();
        URL.revokeObjectURL(a.href);
      } catch (err) { showError($("error"), err); }
    });
    return li;
  }));
  $("from-template").replaceChildren(...templates.map((tpl) => el("option", { value: tpl.id }, tpl.title)));
}

$("from-template-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  try {
    const w = await api("POST", "/api/workshops", token,
      { title: $("from-template-title").value, template: $("from-template").value });
    location.href = w.facilitator_url.replace(/^https?:\/\/[^/]+/, "");
  } catch (err) { showError($("error"), err); }
});

// A file's text as the import: JSON as itself, .csv and anything else as statements.
async function importFile(file) {
  const text = await file.text();
  if (/\.json$/i.test(file.name)) {
    let doc;
    try { doc = JSON.parse(text); } catch { doc = text; }
    return api("POST", "/api/templates", token, doc);
  }
  const type = /\.csv$/i.test(file.name) ? "text/csv" : "text/plain";
  const params = new URLSearchParams({ title: $("import-title").value || file.name.replace(/\.[^.]*$/, "") });
  return api("POST", `/api/templates?${params}`, token, text, `${type}; charset=utf-8`);
}

$("import-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  try {
    const made = await importFile($("import-file").files[0]);
    await loadTemplates();
    $("templates-status").textContent = t("template_imported", { title: made.title });
    showError($("error"), null);
  } catch (err) { showError($("error"), err); }
});

// Series: workshops compared side by side, each on its own page.
async function loadSeries() {
  const { series } = await api("GET", "/api/series", token);
  $("series-list").replaceChildren(...series.map((s) => {
    const li = el("li");
    li.append(el("a", { href: `/console/series/${encodeURIComponent(s.id)}` }, s.title), ` (${t("series_count", { count: s.workshops })})`);
    return li;
  }));
}

$("series-create-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  try {
    const s = await api("POST", "/api/series", token, { title: $("series-name").value });
    location.href = `/console/series/${encodeURIComponent(s.id)}`;
  } catch (err) { showError($("error"), err); }
});

if (token) signIn(token).catch(() => {}).finally(load);
else load();

// Signing out ends the session and forgets this tab's copy of the token.
$("signout-form").addEventListener("submit", () => {
  try { sessionStorage.removeItem(TOKEN); } catch { /* storage disabled: nothing kept */ }
});
