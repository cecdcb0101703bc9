// Facilitator console: the workshop's head (code, projector link, phase,
// presence). Each method's script (static/js/<method>/console.js) adds its
// own panel and may register views[name] = (state, active) => void.
import { api, keyFor, showError, t } from "./common.js";
import { connect } from "./live.js";

const root = document.getElementById("console");
const workshopId = root.dataset.workshop;
const key = keyFor(workshopId);
const base = `/api/workshops/${workshopId}`;
const $ = (id) => document.getElementById(id);
export const socket = connect({ workshop: workshopId, key });
export const views = {};

// The workshop's API as its facilitator; errors show in #error and reject.
export async function call(method, path, body) {
  try {
    const data = await api(method, base + path, key, body);
    showError($("error"), null);
    return data;
  } catch (err) {
    showError($("error"), err);
    throw err;
  }
}

call("GET", "").then((w) => {
  $("projector-link").href = w.projector_url.replace(/^https?:\/\/[^/]+/, "");
}).catch(() => {});

for (const b of document.querySelectorAll("[data-phase]")) {
  b.addEventListener("click", () => call("POST", "/phase", { phase: b.dataset.phase }).catch(() => {}));
}

socket.on("state", (state) => {
  for (const b of document.querySelectorAll("[data-phase]")) b.setAttribute("aria-pressed", String(b.dataset.phase === state.phase));
  for (const [name, view] of Object.entries(views)) view(state, name === state.phase);
});

socket.on("presence", (p) => {
  $("presence").textContent = `${t("joined", { count: p.joined })} · ${t("online_count", { count: p.online })}`;
});
