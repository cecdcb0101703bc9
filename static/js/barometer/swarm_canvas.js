// A crowd on the projector (over CROWD dots): the swarm drawn on one
// <canvas> instead of thousands of DOM nodes. 5,000 absolutely placed
// elements cost the browser ~80 ms of style, layout and paint per update
// (7.5 fps, docs/performance.md); one canvas path of 5,000 discs costs a
// few milliseconds. The layout is the DOM swarm's (fitSwarm, beeswarm.js),
// and so is the look of a crowd: discs in --dot without a rim (at the
// 2–3 px a crowd's dots get, a rim would eat them), the speaker's dot with
// a white gap and a black ring (barometer.css, .dot.speaking).
//
// The canvas is an image to assistive technology (role="img"): its label
// says how many placed and passed, changed at most every LABEL_EVERY ms so
// a screen reader is not told ten times a second; the counts under the
// line stay real text, updated with every draw.
import { t } from "../common.js";
import { fitSwarm } from "./swarm_view.js";

export const LABEL_EVERY = 2000;

// Draw dist (the `distribution` shape) on canvas, sharp at the screen's
// devicePixelRatio; speaker: the key of the dot that has the floor, or null.
export function drawSwarmCanvas(canvas, dist, maxRadius, speaker = null) {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || 800;
  const height = canvas.clientHeight || 200;
  if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
  }
  const dots = (dist.dots || []).map(([key, value]) => ({ key, value }));
  const { layout, radius } = fitSwarm(canvas, dots, width, height / 2, maxRadius);
  const ctx = canvas.getContext("2d");
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const style = getComputedStyle(canvas);
  const colour = (name, fallback) => style.getPropertyValue(name).trim() || fallback;
  // One path for every disc: a single fill instead of 5,000.
  ctx.beginPath();
  let said = null;
  for (const p of layout) {
    const y = height / 2 + p.y;
    ctx.moveTo(p.x + radius, y);
    ctx.arc(p.x, y, radius, 0, Math.PI * 2);
    if (speaker !== null && String(p.key) === String(speaker)) said = { x: p.x, y };
  }
  ctx.fillStyle = colour("--dot", "#2f72d6");
  ctx.fill();
  if (said) ring(ctx, said, radius, colour("--ink", "#111"), colour("--paper", "#fff"));
  label(canvas, `${t("positions", { count: dist.count })}, ${t("passes", { count: dist.passes })}`);
}

// The speaker's ring as the DOM dot's box-shadows: a black disc, a white
// one, then the dot (max(3px, 0.4vh) of white, max(7px, 1vh) to the ring's edge).
function ring(ctx, at, radius, ink, paper) {
  const vh = window.innerHeight / 100;
  const disc = (r, fill) => {
    ctx.beginPath();
    ctx.arc(at.x, at.y, r, 0, Math.PI * 2);
    ctx.fillStyle = fill;
    ctx.fill();
  };
  disc(radius + Math.max(7, vh), ink);
  disc(radius + Math.max(3, 0.4 * vh), paper);
  disc(radius, getComputedStyle(ctx.canvas).getPropertyValue("--dot").trim() || "#2f72d6");
}

// The label now if the last change is LABEL_EVERY old, else once it is (the latest text).
function label(canvas, text) {
  canvas._label = text;
  if (canvas._labelTimer || canvas.getAttribute("aria-label") === text) return;
  const since = performance.now() - (canvas._labelAt || -Infinity);
  const put = () => {
    canvas._labelTimer = null;
    canvas._labelAt = performance.now();
    canvas.setAttribute("aria-label", canvas._label);
  };
  if (since >= LABEL_EVERY) put();
  else canvas._labelTimer = setTimeout(put, LABEL_EVERY - since);
}
