// The console's justering panel (issue 21): the appendix's state from the
// staff `state` push (state.justering), "Slutför bilagan" behind a confirm
// dialog, inviting an adjuster, the adjuster's change request as a banner,
// and the versions with their hashes (GET …/appendix/versions).
import { el, showError, t } from "./common.js";
import { request, socket } from "./console.js";

const $ = (id) => document.getElementById(id);

function stateText(j) {
  if (j.state === "approved") return t("justering_approved", { names: j.approved_by.join(", ") });
  if (j.state === "finalised") return t("justering_finalised", { version: j.version });
  return t("justering_draft");
}

function versionItem(v) {
  const who = v.approved_by.length ? ` · ${t("justering_version_approved", { names: v.approved_by.join(", ") })}` : "";
  const reopened = v.reopened_at ? ` · ${t("justering_version_reopened")}` : "";
  return el("li", {}, `${t("justering_version", { version: v.version })}: ${v.sha256}${who}${reopened}`);
}

async function showVersions() {
  try {
    const versions = await request("GET", "/appendix/versions");
    $("justering-versions").replaceChildren(...versions.map(versionItem));
  } catch (err) { showError($("justering-error"), err); }
}

socket.on("state", (state) => {
  const j = state.justering;
  if (!j) return;
  $("justering-state").textContent = stateText(j);
  $("justering-state").dataset.state = j.state;
  $("finalise").hidden = j.state !== "draft"; // frozen until an adjuster asks for a change
  const banner = $("justering-change");
  banner.hidden = !j.change_request;
  banner.textContent = j.change_request ? t("justering_change", { comment: j.change_request }) : "";
  showVersions();
});

$("finalise").addEventListener("click", () => $("finalise-dialog").showModal());
$("finalise-dialog").addEventListener("close", async () => {
  if ($("finalise-dialog").returnValue !== "finalise") return;
  try {
    await request("POST", "/finalise"); // the state push that follows shows "Slutförd (version N)"
    showError($("justering-error"), null);
  } catch (err) { showError($("justering-error"), err); }
});

$("adjuster-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  try {
    const made = await request("POST", "/adjusters", { name: $("adjuster-name").value });
    $("adjuster-url").value = made.url;
    $("adjuster-made-text").textContent = t("adjuster_invited");
    $("adjuster-made").hidden = false;
    $("adjuster-name").value = "";
    showError($("justering-error"), null);
  } catch (err) { showError($("justering-error"), err); }
});
