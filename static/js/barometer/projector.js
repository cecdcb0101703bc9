// Åsiktsbarometer on the projector: the open statement and the room's dots
// (view "statement"); once it is closed, its result (view "result"): the
// final swarm, the counts and the verbal summary, marked closed, until
// another statement opens or the facilitator picks another view. While a
// closed statement is replayed (replay.js), the replay shows instead (view
// "replay"). Ordet's note and an approved comment from a phone sit above the
// line (floor.js, comments.js). A crowd (over CROWD dots) is drawn on a
// canvas (swarm_canvas.js), a smaller room as DOM dots that glide
// (swarm_view.js); either is drawn at most once per animation frame, with
// whatever came last: deltas arriving faster than frames are applied as
// they come (deltas.js) and drawn together.
import { t } from "../common.js";
import { hyphenate } from "../hyphenate.js";
import { fitView, refresh, socket, views } from "../projector.js";
import { secondLanguage, showSecond } from "../reading.js";
import { CROWD, renderSwarm } from "./swarm_view.js";
import { drawSwarmCanvas } from "./swarm_canvas.js";
import { onDistribution } from "./deltas.js";
import { projectorFloor } from "./floor.js";
import { projectorComments } from "./comments.js";
import { projectorReplay } from "./replay.js";

const $ = (id) => document.getElementById(id);
let shown = null; // "statement:<id>" or "result:<id>": what the swarm shows now
let live = null; // the open statement's latest distribution
let speaker = null; // the key of the dot that has the floor (floor.js), or null
let wanted = null; // the distribution the next frame draws
let frame = 0;
const replay = projectorReplay(socket, fitView);

views.barometer = (state, pick) => {
  // A replay, once the facilitator starts one, is what the barometer shows.
  if (replay(state, pick !== false)) {
    $("stage").hidden = true;
    shown = null;
    return "replay";
  }
  const open = state.statement;
  const closed = state.closed_statement;
  // "statement": the barometer as it stands (live, or the result once closed).
  const mode = pick === "result" ? closed && "result" : pick === false ? null : open ? "statement" : closed && "result";
  $("stage").hidden = !mode;
  if (!mode) {
    shown = null;
    return null;
  }
  const statement = mode === "result" ? closed : open;
  const key = `${mode}:${statement.id}`;
  if (shown !== key) {
    $("swarm").replaceChildren();
    $("swarm").hidden = false;
    $("swarm-canvas").hidden = true;
    live = wanted = null;
    shown = key;
  }
  $("statement").textContent = hyphenate(statement.text);
  const second = secondLanguage(state, statement.texts);
  showSecond($("statement-second"), second, second && second[1]);
  $("stage").dataset.mode = mode; // Ordet and a shown comment belong to the open statement only
  $("closed-badge").hidden = mode !== "result";
  $("summary").hidden = !(mode === "result" && closed.summary);
  $("summary").textContent = mode === "result" ? closed.summary || "" : "";
  fitView($("stage"));
  fitNotes();
  const dist = mode === "result" ? closed.distribution : live;
  if (dist) draw(dist);
  else {
    wanted = null;
    showCounts({ count: 0, passes: 0, hidden: statement.hidden });
  }
  return mode;
};

onDistribution(socket, (dist) => {
  if (shown !== `statement:${dist.statement}`) return;
  live = dist;
  draw(dist);
});

// The notes' slot keeps its height (the line must not move); what is in it
// shrinks until it fits, down to half size.
function fitNotes() {
  const slot = $("stage-notes");
  const set = (scale) => slot.style.setProperty("--notes-fit", String(scale));
  const fits = () => slot.scrollHeight <= slot.clientHeight + 1;
  set(1);
  for (let scale = 0.9; !fits() && scale >= 0.5; scale -= 0.1) set(scale.toFixed(1));
}

function showCounts(dist) {
  $("count").textContent = t("positions", { count: dist.count });
  $("passes").textContent = t("passes", { count: dist.passes });
  $("hidden-note").hidden = !dist.hidden;
  fitNotes();
}

// Drawn in the next animation frame (once, however many came before it).
function draw(dist) {
  wanted = dist;
  if (!frame) frame = requestAnimationFrame(drawWanted);
}

function drawWanted() {
  frame = 0;
  const dist = wanted;
  if (!dist) return;
  showCounts(dist);
  // Dots grow with the screen; a big room shrinks them until the swarm fits its band.
  const maxRadius = Math.max(6, window.innerHeight * 0.022);
  const crowd = (dist.dots || []).length > CROWD;
  const swarm = $("swarm");
  const canvas = $("swarm-canvas");
  swarm.hidden = crowd;
  canvas.hidden = !crowd;
  if (crowd) {
    if (swarm.firstChild) swarm.replaceChildren();
    drawSwarmCanvas(canvas, dist, maxRadius, speaker);
  } else {
    renderSwarm(swarm, dist, maxRadius);
    // floor.js rings the speaker's dot when the floor or a distribution
    // comes; a dot made in this frame (after that) gets its ring here.
    if (speaker !== null) swarm.querySelector(`.dot[data-key="${CSS.escape(String(speaker))}"]`)?.classList.add("speaking");
  }
}

// Ordet's note or a comment coming or going changes what the line has left;
// a new speaker gets the ring (on the canvas: drawn again).
projectorFloor(socket, refresh, (key) => {
  speaker = key;
  if (wanted && !$("swarm-canvas").hidden) draw(wanted);
});
projectorComments(socket, refresh);
refresh();
