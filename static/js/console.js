// Facilitator console: the workshop's head (code, projector link, phase,
// presence) and its two modes, Prepare and Run (tabs). Each method's script
// (static/js/<method>/console.js) fills its own parts and may register
//   views[name] = (state, active) => void        called on every `state`
// The projector views come from the server (state.projector.owners: each
// method's Method.projector_views and the core's lobby and thanks).
// Run shows the running method's part (the last one when no method runs),
// the projector's controls and the keyboard shortcuts of that part's
// buttons (aria-keyshortcuts).
import { api, el, keyFor, liveRender, sessionFromKey, showError, t } from "./common.js";
import { connect } from "./live.js";
import { wayIn } from "./way_in.js";

const root = document.getElementById("console");
const workshopId = root.dataset.workshop;
const key = keyFor(workshopId);
// A #key= link becomes this browser's session (a cookie): a new tab, a
// bookmark or a restarted browser then opens this console without the link.
sessionFromKey(workshopId, key);
const base = `/api/workshops/${workshopId}`;
const $ = (id) => document.getElementById(id);
// Connected only once every method's script has run (module scripts all run
// before DOMContentLoaded), so none misses the first `state`.
export const socket = connect({ workshop: workshopId, key, deltas: true }, { autoConnect: false });
document.addEventListener("DOMContentLoaded", () => socket.connect());
export const views = {};

// The workshop's API, errors left to the caller (the staff panel's own lines).
export const request = (method, path, body) => api(method, base + path, key, body);

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

// The caller's role (facilitator, minute_taker, admin) marks the page: a
// minute-taker's console shows what they may do (styles: [data-role]).
call("GET", "").then((w) => {
  document.body.dataset.role = w.role;
  $("projector-link").href = w.projector_url
    ? w.projector_url.replace(/^https?:\/\/[^/]+/, "") : `/projector/${encodeURIComponent(workshopId)}`;
  if (w.role === "minute_taker") selectMode("run");
}).catch((err) => { if ([401, 403].includes(err.status)) showWayIn(); });

// -- no credential, or a revoked one: the way in instead of failing buttons
const showWayIn = wayIn(root);
socket.on("connect_error", () => { if (!socket.active) showWayIn(); });
socket.on("revoked", () => showWayIn(t("staff_revoked")));

const setPhase = (phase) => call("POST", "/phase", { phase }).catch(() => {});
for (const b of document.querySelectorAll("button[data-phase]")) {
  b.addEventListener("click", () => (b.dataset.phase === "ended" ? askToEnd(b) : setPhase(b.dataset.phase)));
}

// "Avslutad" thanks the room and refuses phones: one mis-click must not do
// that, so it asks in a modal dialog first (Escape or Avbryt: nothing happens).
function askToEnd(button) {
  if (button.getAttribute("aria-pressed") === "true") return;
  const dialog = $("end-dialog");
  dialog.returnValue = "";
  dialog.showModal();
  dialog.addEventListener("close", () => {
    if (dialog.returnValue === "end") setPhase("ended");
    button.focus();
  }, { once: true });
}

// -- modes: Prepare and Run, as tabs (arrow keys, Home, End), remembered per workshop
const tabs = [...document.querySelectorAll("[role=tab][data-mode]")];
const modeKey = `mode:${workshopId}`;

function selectMode(mode, focus = false) {
  for (const tab of tabs) {
    const selected = tab.dataset.mode === mode;
    tab.setAttribute("aria-selected", String(selected));
    tab.tabIndex = selected ? 0 : -1;
    $(tab.getAttribute("aria-controls")).hidden = !selected;
    if (selected && focus) tab.focus();
  }
  sessionStorage.setItem(modeKey, mode);
}

for (const [index, tab] of tabs.entries()) {
  tab.addEventListener("click", () => selectMode(tab.dataset.mode));
  tab.addEventListener("keydown", (event) => {
    const to = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    selectMode(tabs[(to + tabs.length) % tabs.length].dataset.mode, true);
  });
}
// A new workshop starts in Prepare; one that is under way in Run.
selectMode(sessionStorage.getItem(modeKey) || (["lobby", "ended"].includes(root.dataset.initialPhase) ? "prepare" : "run"));

// A panel's focus ring only when the keyboard brought focus there: a click
// on empty space focuses the panel (a tabpanel is focusable), and a shortcut
// key pressed next would make Chromium ring the whole panel (styles: data-tabbed).
let lastInput = "pointer";
document.addEventListener("pointerdown", () => { lastInput = "pointer"; }, true);
document.addEventListener("keydown", () => { lastInput = "keyboard"; }, true);
for (const panel of document.querySelectorAll(".mode")) {
  panel.addEventListener("focus", () => panel.toggleAttribute("data-tabbed", lastInput === "keyboard"));
  panel.addEventListener("blur", () => panel.removeAttribute("data-tabbed"));
}

// -- Run: the running method's part ------------------------------------------------
const runParts = [...document.querySelectorAll("#mode-run [data-method]")];
let shown = null; // the method whose part Run shows

function showRunPart(phase) {
  const part = runParts.find((p) => p.dataset.method === phase) || runParts.find((p) => p.dataset.method === shown) || runParts[0];
  if (!part) return;
  shown = part.dataset.method;
  for (const p of runParts) p.hidden = p !== part;
  listShortcuts(part);
  renderProjector();
  // The projector's languages concern statements and questions: not beside Open Space's wall.
  $("projector-languages").hidden = !$("projector-languages").dataset.methods.split(" ").includes(shown);
}

// Every button with aria-keyshortcuts in the shown part, by key.
function listShortcuts(part) {
  const byKey = new Map();
  for (const b of part.querySelectorAll("button[aria-keyshortcuts]")) {
    const labels = byKey.get(b.getAttribute("aria-keyshortcuts")) || new Set();
    labels.add(b.textContent.trim());
    byKey.set(b.getAttribute("aria-keyshortcuts"), labels);
  }
  $("keys-box").hidden = byKey.size === 0;
  $("keys").replaceChildren(...[...byKey].flatMap(([k, labels]) => {
    const dt = el("dt");
    dt.append(el("kbd", {}, k));
    return [dt, el("dd", {}, [...labels].join(" / "))];
  }));
}

// One letter runs the visible, enabled button that carries it; never while
// typing in a field, never with a modifier, only in Run.
document.addEventListener("keydown", (event) => {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || $("mode-run").hidden) return;
  if (event.target.closest?.("input, textarea, select, [contenteditable]") || event.key.length !== 1) return;
  const letter = event.key.toUpperCase();
  const part = runParts.find((p) => !p.hidden);
  const button = part && [...part.querySelectorAll("button[aria-keyshortcuts]")].find(
    (b) => b.getAttribute("aria-keyshortcuts") === letter && !b.disabled && b.checkVisibility());
  if (!button) return;
  event.preventDefault();
  button.click();
});

// -- the projector: what it shows, and buttons that switch it ----------------------
let projectorView = null; // null = automatic

let projectorOwners = {}; // view -> method (null: the core's), from state.projector

function renderProjector() {
  const names = Object.entries(projectorOwners)
    .filter(([, owner]) => owner === null || owner === shown).map(([name]) => name);
  const choices = [[null, t("view_auto")], ...names.map((name) => [name, t(`view_${name}`)])];
  const current = choices.find(([name]) => name === projectorView) || [projectorView, projectorView];
  $("projector-now").textContent = t("projector_shows", { view: current[1] });
  liveRender($("projector-views"), () => choices.map(([name, label]) => {
    const b = el("button", { type: "button", class: "secondary", "aria-pressed": String(name === projectorView),
      "data-view": name ?? "auto", "data-key": `view-${name ?? "auto"}` }, label);
    b.addEventListener("click", () => call("PUT", "/projector", { view: name })
      .then(() => { projectorView = name; renderProjector(); }).catch(() => {}));
    return b;
  }));
}

socket.on("state", (state) => {
  for (const b of document.querySelectorAll("button[data-phase]")) b.setAttribute("aria-pressed", String(b.dataset.phase === state.phase));
  if (state.projector) {
    projectorView = state.projector.view ?? null;
    projectorOwners = state.projector.owners || {};
  }
  for (const [name, view] of Object.entries(views)) view(state, name === state.phase);
  showRunPart(state.phase);
});
showRunPart(root.dataset.initialPhase);

// The projector in two languages ("projector_languages"): the workshop's own, and one more.
let projectorLanguages = [];
$("projector-second").addEventListener("change", () => {
  const second = $("projector-second").value;
  call("PATCH", "", { projector_languages: second ? [projectorLanguages[0], second] : null }).catch(() => {});
});
socket.on("state", (state) => {
  projectorLanguages = state.projector_languages || [];
  for (const option of $("projector-second").options) option.hidden = option.value === projectorLanguages[0];
  $("projector-second").value = projectorLanguages[1] || "";
});

// "Stäng för nya deltagare": new phones are refused, known ones rejoin.
let locked = false;
$("lock").addEventListener("click", () => call("PATCH", "", { locked: !locked }).catch(() => {}));
socket.on("state", (state) => {
  locked = Boolean(state.locked);
  $("lock").setAttribute("aria-pressed", String(locked));
  $("lock").textContent = locked ? t("locked") : t("lock");
});

socket.on("presence", (p) => {
  $("presence").textContent = `${t("joined", { count: p.joined })} · ${t("online_count", { count: p.online })}`;
});

// -- offline: nothing the facilitator presses could reach the server, so the
// buttons wait (disabled) until it is back; the tabs only switch the page.
// The counts keep their last values, marked as not current (styles: .offline).
function holdButtons(offline) {
  if (offline) {
    for (const b of root.querySelectorAll("button:not([role=tab]):not(:disabled)")) {
      b.disabled = true;
      b.dataset.offlineHeld = "";
    }
  } else {
    for (const b of root.querySelectorAll("button[data-offline-held]")) {
      b.disabled = false;
      delete b.dataset.offlineHeld;
    }
  }
  $("presence").toggleAttribute("data-stale", offline);
  $("conn-note").hidden = !offline;
}
socket.on("disconnect", () => holdButtons(true));
socket.on("connect", () => holdButtons(false));
