// The way in of a staff page (console, minutes) without a credential, or with
// a revoked one: the page hides and #way-in (templates/_way_in.html) says how
// to get in. A pasted facilitator link (…#key=…) or invite (…/invite#secret=…)
// is opened here, on this site only.
import { showError, t } from "./common.js";

const $ = (id) => document.getElementById(id);

export function wayIn(page) {
  function show(reason = "") {
    page.hidden = true;
    $("way-in").hidden = false;
    if (reason) showError($("way-in-error"), new Error(reason));
  }
  $("way-in-form").addEventListener("submit", (e) => {
    e.preventDefault();
    let link;
    try { link = new URL($("way-in-link").value.trim()); } catch { link = null; }
    const fragment = new URLSearchParams(link?.hash.slice(1) ?? "");
    if (!link || !(fragment.has("key") || fragment.has("secret"))) {
      showError($("way-in-error"), new Error(t("way_in_bad_link")));
      return;
    }
    location.assign(link.pathname + link.hash);
    if (link.pathname === location.pathname) location.reload();
  });
  return show;
}
