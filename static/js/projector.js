// The projector: read-only, one screen that never scrolls. The facilitator
// chooses what the room sees (state.projector.view, stored on the server, so
// a projector that reloads or reconnects comes back to it); null means
// automatic: the lobby's QR code, then whatever the phase shows, then the
// thank-you once the workshop has ended.
//
// Each method's script (static/js/<method>/projector.js) registers a view:
//   views[method] = (state, pick) => the name of the view it shows, or null
// where pick is false (not its turn: hide), null (automatic: its own choice)
// or one of the view names it declares (Method.projector_views).
import { keyFor, sessionFromKey, t } from "./common.js";
import { connect } from "./live.js";

const root = document.getElementById("projector");
const workshopId = root.dataset.workshop;
// Every view name -> the method that shows it (null: the lobby and the thank-you).
const owners = JSON.parse(root.dataset.views);
const $ = (id) => document.getElementById(id);
const key = keyFor(workshopId);
sessionFromKey(workshopId, key); // a #key= link becomes this screen's session (it survives a restart)
// "as": a signed-in facilitator's browser shows the room what a projector shows.
export const socket = connect({ workshop: workshopId, key, as: "projector", deltas: true });
// No credential (or a revoked one): the pairing code, never a dead screen.
const toPairing = () => location.replace("/projector");
socket.on("connect_error", () => { if (!socket.active) toPairing(); });
socket.on("revoked", toPairing);
export const views = {};
let state = null;

socket.on("state", (next) => {
  state = next;
  refresh();
});

socket.on("presence", (p) => {
  $("joined").textContent = t("joined", { count: p.joined });
});

// Show what the facilitator chose, or what the phase calls for.
export function refresh() {
  if (!state) return;
  const chosen = state.projector ? state.projector.view : null;
  const pinned = chosen in owners ? chosen : null;
  const owner = pinned ? owners[pinned] : (state.phase in views ? state.phase : null);
  setMode("method");
  let shown = null;
  for (const [name, view] of Object.entries(views)) {
    shown = view(state, name === owner ? pinned : false) || shown;
  }
  // Nothing to show: the QR code, or, once it has ended (joining is over), the thank-you.
  if (!shown) shown = pinned === "thanks" || state.phase === "ended" ? "thanks" : "lobby";
  root.dataset.view = shown;
  if (shown === "lobby" || shown === "thanks") {
    setMode(shown);
    fitView(root);
  }
}

function setMode(mode) {
  root.classList.toggle("lobby", mode === "lobby");
  root.classList.toggle("thanks", mode === "thanks");
  $("lobby").hidden = mode !== "lobby";
  $("thanks").hidden = mode !== "thanks";
  $("join").hidden = mode === "thanks";
  if (mode !== "method") root.style.removeProperty("--fit");
}

let resizing = 0;
window.addEventListener("resize", () => {
  cancelAnimationFrame(resizing);
  resizing = requestAnimationFrame(refresh);
});

// Shrink a view's type (its --fit: 1 = as designed, down to min) until
// nothing runs off the screen or under the join panel. Returns false when
// even the smallest size does not fit.
export function fitView(node, min = 0.4) {
  const set = (scale) => node.style.setProperty("--fit", String(scale));
  set(1);
  if (fits()) return true;
  let lo = min;
  let hi = 1;
  set(lo);
  if (!fits()) return false;
  for (let i = 0; i < 6; i++) {
    const mid = (lo + hi) / 2;
    set(mid);
    if (fits()) lo = mid;
    else hi = mid;
  }
  set(lo);
  return true;
}

const AREAS = ".p-head, .p-main, .p-foot, .join-panel, .lobby-head, .thanks-view";

function fits() {
  const boxes = [root, ...[...root.querySelectorAll(AREAS)].filter((node) => node.offsetParent !== null)];
  return boxes.every((node) => node.scrollHeight <= node.clientHeight + 1 && node.scrollWidth <= node.clientWidth + 1);
}
