// The projector: read-only. Lobby shows the QR big; during a statement the
// join panel moves to a corner and the room's dots fill the line.
import { connect, keyFor, t } from "./common.js";
import { renderSwarm } from "./swarm_view.js";

const root = document.getElementById("projector");
const workshopId = root.dataset.workshop;
const $ = (id) => document.getElementById(id);
export const socket = connect({ workshop: workshopId, key: keyFor(workshopId) });
export const phaseViews = {}; // features add: phase -> function(state, active)
let current = null;

socket.on("state", (state) => {
  const onStage = state.phase === "barometer" && state.statement;
  root.classList.toggle("lobby", !onStage && !phaseViews[state.phase]);
  $("lobby").hidden = Boolean(onStage) || Boolean(phaseViews[state.phase]);
  $("stage").hidden = !onStage;
  for (const [phase, view] of Object.entries(phaseViews)) view(state, phase === state.phase);
  if (!onStage) { current = null; return; }
  if (current !== state.statement.id) $("swarm").replaceChildren();
  current = state.statement.id;
  $("statement").textContent = state.statement.text;
});

socket.on("distribution", (dist) => {
  if (dist.statement !== current) return;
  $("count").textContent = t("positions", { count: dist.count });
  $("passes").textContent = t("passes", { count: dist.passes });
  $("hidden-note").hidden = !dist.hidden;
  renderSwarm($("swarm"), dist, 14);
});

socket.on("presence", (p) => {
  $("joined").textContent = t("joined", { count: p.joined });
});

