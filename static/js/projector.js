// The projector: read-only. The lobby shows the QR code big; while a method
// shows something the join panel moves to a corner. Each method's script
// (static/js/<method>/projector.js) registers a view:
//   views[name] = (state, active) => true when it shows something now.
import { keyFor, t } from "./common.js";
import { connect } from "./live.js";

const root = document.getElementById("projector");
const workshopId = root.dataset.workshop;
const $ = (id) => document.getElementById(id);
export const socket = connect({ workshop: workshopId, key: keyFor(workshopId) });
export const views = {};

socket.on("state", (state) => {
  let showing = false;
  for (const [name, view] of Object.entries(views)) {
    if (view(state, name === state.phase)) showing = true;
  }
  root.classList.toggle("lobby", !showing);
  $("lobby").hidden = showing;
});

socket.on("presence", (p) => {
  $("joined").textContent = t("joined", { count: p.joined });
});
