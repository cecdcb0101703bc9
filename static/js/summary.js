// The live summary page: fetches the server-rendered summary fragment with
// the facilitator key (from the URL fragment, see keyFor) and refreshes it
// every few seconds until the workshop has ended. Sets the export links.
import { el, keyFor, lang, showError, t } from "./common.js";

const REFRESH_MS = 5000;
const $ = (id) => document.getElementById(id);
const workshopId = $("summary-page").dataset.workshop;
const key = keyFor(workshopId);
const target = $("summary");
let last = null;

// Browser links cannot send an Authorization header: downloads take the
// facilitator key as ?key= (see workshop/web/api_export.py).
for (const link of document.querySelectorAll("a[data-format]")) {
  const params = new URLSearchParams(key ? { key, lang: lang() } : { lang: lang() });
  link.href = `/api/workshops/${encodeURIComponent(workshopId)}/export.${link.dataset.format}?${params}`;
}

async function refresh() {
  let phase = null;
  let again = true;
  if (document.hidden && last !== null) { setTimeout(refresh, REFRESH_MS); return; }
  try {
    const response = await fetch(
      `/api/workshops/${encodeURIComponent(workshopId)}/summary.html?lang=${encodeURIComponent(lang())}`,
      { headers: key ? { Authorization: `Bearer ${key}` } : {}, cache: "no-store", credentials: "same-origin" });
    if ([401, 403].includes(response.status)) { showWayIn(); return; }
    if (!response.ok) {
      const data = await response.json().catch(() => ({}));
      again = ![401, 403, 404].includes(response.status); // a wrong key will not get better
      throw new Error(data.error || `${response.status}`);
    }
    const html = await response.text();
    if (html !== last) {
      last = html;
      // Trusted, server-rendered fragment from our own origin: every user
      // text in it was escaped by Jinja's autoescape on the server
      // (templates/_summary_fragment.html), and only our own chart SVGs are
      // unescaped. innerHTML is used for this fragment and nothing else;
      // anything else on our pages is set with textContent.
      target.innerHTML = html;
    }
    phase = target.firstElementChild?.dataset.phase ?? null;
    $("summary-status").textContent = t("summary_updated", { time: new Date().toLocaleTimeString(lang()) });
    showError($("error"), null);
  } catch (err) {
    showError($("error"), new Error(t("summary_failed", { error: err.message })));
  }
  if (again && phase !== "ended") setTimeout(refresh, REFRESH_MS);
}

// No credential here: say how to get one, never a raw status code.
function showWayIn() {
  $("summary-status").textContent = "";
  document.querySelector("nav.exports").hidden = true; // downloads would be refused too
  const signIn = el("a", { href: `/signin?next=${encodeURIComponent(location.pathname)}` }, t("way_in_signin"));
  const box = el("div", { class: "way-in", role: "alert" });
  box.append(el("p", {}, t("summary_way_in")), el("p", {}, "")); box.lastChild.append(signIn);
  target.replaceChildren(box);
}

$("summary-status").textContent = t("summary_loading");
refresh();
