// Åsiktsbarometer on the projector: the open statement and the room's dots.
import { t } from "../common.js";
import { socket, views } from "../projector.js";
import { renderSwarm } from "./swarm_view.js";
import { projectorFloor } from "./floor.js";
import { projectorComments } from "./comments.js";
import { projectorReplay } from "./replay.js";

const $ = (id) => document.getElementById(id);
let current = null;

views.barometer = (state, active) => {
  const onStage = Boolean(active && state.statement);
  $("stage").hidden = !onStage;
  if (!onStage) { current = null; return false; }
  if (current !== state.statement.id) $("swarm").replaceChildren();
  current = state.statement.id;
  $("statement").textContent = state.statement.text;
  return true;
};

socket.on("distribution", (dist) => {
  if (dist.statement !== current) return;
  $("count").textContent = t("positions", { count: dist.count });
  $("passes").textContent = t("passes", { count: dist.passes });
  $("hidden-note").hidden = !dist.hidden;
  renderSwarm($("swarm"), dist, 14);
});

projectorFloor(socket);
projectorComments(socket);
projectorReplay(socket, views);
