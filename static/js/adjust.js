// The adjuster's page (/adjust/<id>): approve the finalised appendix with a
// name, or ask for a change with a comment. The session cookie speaks (the
// invite's page signed this browser in), with the page's CSRF token.
import { api, say, showError, t } from "./common.js";

const $ = (id) => document.getElementById(id);
const workshopId = $("adjust-page").dataset.workshop;
const path = `/api/workshops/${encodeURIComponent(workshopId)}/adjust`;

async function answer(body, done) {
  try {
    const state = await api("POST", path, null, body);
    showError($("error"), null);
    say($("adjust-saved"), done(state));
    $("adjust-state").dataset.state = state.state;
  } catch (err) { showError($("error"), err); }
}

$("approve-form").addEventListener("submit", (e) => {
  e.preventDefault();
  answer({ approve: true, name: $("approve-name").value }, (state) =>
    state.state === "approved" ? t("adjust_approved", { names: state.approved_by.join(", ") }) : t("adjust_thanks"));
});

$("change-form").addEventListener("submit", (e) => {
  e.preventDefault();
  answer({ approve: false, comment: $("change-comment").value }, () => t("adjust_change_sent"));
});
