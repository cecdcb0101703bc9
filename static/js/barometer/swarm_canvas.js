// A crowd on the projector (over CROWD dots): the swarm drawn on one
// <canvas> instead of thousands of DOM nodes. 5,000 absolutely placed
// elements cost the browser ~80 ms of style, layout and paint per update
// (7.5 fps, docs/performance.md); the discs written into one canvas's
// pixels cost a few milliseconds (stamp, below). The layout is the DOM
// swarm's (fitSwarm, beeswarm.js), made in a worker (swarm_worker.js) so
// it costs the page's frames nothing, and so is the look of a crowd: discs in --dot without a rim (at the
// 2–3 px a crowd's dots get, a rim would eat them), the speaker's dot with
// a white gap and a black ring (barometer.css, .dot.speaking).
//
// The canvas is an image to assistive technology (role="img"): its label
// says how many placed and passed, changed at most every LABEL_EVERY ms so
// a screen reader is not told ten times a second; the counts under the
// line stay real text, updated with every draw.
import { t } from "../common.js";
import { fitSwarm } from "./swarm_fit.js";

export const LABEL_EVERY = 2000;
const FULLER = 0.2; // device pixels added to a crowd's disc (see stamp)

// Draw dist (the `distribution` shape) on canvas, sharp at the screen's
// devicePixelRatio; speaker: the key of the dot that has the floor, or null.
// The layout is made in a worker (swarm_worker.js) when the browser has
// one, and the canvas painted when it comes back: one layout in flight at a
// time, and only the latest asked for waits behind it.
export function drawSwarmCanvas(canvas, dist, maxRadius, speaker = null) {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || 800;
  const height = canvas.clientHeight || 200;
  // The canvas takes the line's whole band and the line keeps its inset
  // from the sides (barometer.css), so a dot at 0 or 100 is drawn whole, as
  // the DOM dots overflow the swarm's box.
  const line = canvas.parentElement.querySelector(".line");
  const pad = line ? line.offsetLeft : 0;
  const job = { canvas, dist, maxRadius, speaker, ratio, width, height, pad };
  const worker = workerFor(canvas);
  if (!worker) {
    const dots = (dist.dots || []).map(([key, value]) => ({ key, value }));
    const { layout, radius } = fitSwarm(canvas, dots, width - 2 * pad, height / 2, maxRadius);
    paint(job, layout, radius);
    return;
  }
  worker.next = job;
  if (!worker.busy) ask(worker);
}

function ask(worker) {
  const job = worker.next;
  worker.next = null;
  if (!job) return;
  worker.busy = job;
  const pairs = job.dist.dots || [];
  const keys = new Float64Array(pairs.length);
  const values = new Float64Array(pairs.length);
  pairs.forEach(([key, value], i) => { keys[i] = key; values[i] = value; });
  worker.thread.postMessage({
    id: ++worker.asked, keys, values, width: job.width - 2 * job.pad, half: job.height / 2, maxRadius: job.maxRadius,
  }, [keys.buffer, values.buffer]);
}

// The canvas's worker, made once; null where there is none (the layout is
// then made here, as before).
function workerFor(canvas) {
  if (canvas._worker !== undefined) return canvas._worker;
  canvas._worker = null;
  if (typeof Worker !== "function") return null;
  try {
    const worker = { thread: new Worker(new URL("./swarm_worker.js", import.meta.url), { type: "module" }),
      busy: null, next: null, asked: 0 };
    worker.thread.onmessage = ({ data }) => {
      const job = worker.busy;
      worker.busy = null;
      const layout = Array.from(data.keys, (key, i) => ({ key, x: data.x[i], y: data.y[i] }));
      // Painted even when a newer one waits: under load layouts may come
      // slower than updates, and the screen must still move.
      paint(job, layout, data.radius);
      ask(worker);
    };
    worker.thread.onerror = () => { // no worker after all: lay out here from now on
      const job = worker.next || worker.busy;
      canvas._worker = null;
      if (job) drawSwarmCanvas(job.canvas, job.dist, job.maxRadius, job.speaker);
    };
    canvas._worker = worker;
  } catch {
    canvas._worker = null;
  }
  return canvas._worker;
}

function paint({ canvas, dist, speaker, ratio, width, height, pad }, layout, radius) {
  if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
  }
  const ctx = canvas.getContext("2d");
  const style = getComputedStyle(canvas);
  const colour = (name, fallback) => style.getPropertyValue(name).trim() || fallback;
  stamp(ctx, layout, radius, ratio, pad, height / 2, colour("--dot", "#2f72d6"));
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  if (speaker !== null) {
    const p = layout.find((q) => String(q.key) === String(speaker));
    if (p) ring(ctx, { x: pad + p.x, y: height / 2 + p.y }, radius, colour("--ink", "#111"), colour("--paper", "#fff"));
  }
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

// Every disc written straight into the canvas's pixels, then put in one
// call: 5,000 anti-aliased arcs (one path or 5,000 sprites) took Chromium's
// software canvas 35–70 ms a frame; this takes a few. One disc's coverage
// (anti-aliased edge, 4×4 samples a device pixel) is computed once per
// size, and a disc over another adds its coverage as the canvas's
// source-over would (one colour: only the alpha changes, so a pixel is
// looked up by its alpha in a table). The pixels are kept between draws.
function stamp(ctx, layout, radius, ratio, pad, line, css) {
  const { width, height } = ctx.canvas;
  let buffer = ctx.canvas._pixels;
  if (!buffer || buffer.image.width !== width || buffer.image.height !== height || buffer.css !== css) {
    const image = ctx.createImageData(width, height);
    buffer = ctx.canvas._pixels = { image, css, pixels: new Uint32Array(image.data.buffer), byAlpha: table(css) };
  }
  const { image, pixels, byAlpha } = buffer;
  pixels.fill(0);
  // A little fuller than the exact disc: Chromium paints a tiny DOM dot
  // (a 5 px box with border-radius) with ~10 % more ink than its exact
  // coverage, and the crowd should read as before on a washed-out projector
  // (5,000 dots at 1920×1080: within 4 % of the DOM swarm's ink).
  const mask = discMask(radius * ratio + FULLER);
  const size = mask.size;
  for (const p of layout) {
    // The disc's corner in device pixels; the mask is laid at whole pixels.
    const left = Math.round((pad + p.x) * ratio - size / 2);
    const top = Math.round((line + p.y) * ratio - size / 2);
    for (let j = Math.max(0, -top); j < size && top + j < height; j++) {
      const row = (top + j) * width;
      for (let i = Math.max(0, -left); i < size && left + i < width; i++) {
        const cover = mask.cover[j * size + i];
        if (cover === 0) continue;
        const at = row + left + i;
        const a = pixels[at] >>> 24;
        pixels[at] = byAlpha[a + (((255 - a) * cover + 127) / 255 | 0)];
      }
    }
  }
  ctx.putImageData(image, 0, 0);
}

// The colour's pixel (as the canvas's bytes R, G, B, A read as one
// little-endian 32-bit word: every platform Chromium and Firefox run on)
// at each alpha 0..255.
function table(css) {
  const [red, green, blue] = rgb(css);
  const out = new Uint32Array(256);
  for (let a = 1; a < 256; a++) out[a] = ((a << 24) | (blue << 16) | (green << 8) | red) >>> 0;
  return out;
}

const masks = new Map();

// The coverage (0..255) of a disc of radius r device pixels, centred in a
// square of whole pixels.
function discMask(r) {
  const key = r.toFixed(3);
  if (masks.has(key)) return masks.get(key);
  const size = Math.ceil(r * 2) + 2;
  const cover = new Uint8Array(size * size);
  const c = size / 2;
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let inside = 0;
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          const dx = i + (sx + 0.5) / 4 - c, dy = j + (sy + 0.5) / 4 - c;
          if (dx * dx + dy * dy <= r * r) inside++;
        }
      }
      cover[j * size + i] = Math.round((inside / 16) * 255);
    }
  }
  const mask = { size, cover };
  if (masks.size > 50) masks.clear();
  masks.set(key, mask);
  return mask;
}

// "#2f72d6" (or "rgb(47, 114, 214)") as [47, 114, 214].
function rgb(css) {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css);
  if (hex) return hex.slice(1).map((h) => parseInt(h, 16));
  const parts = css.match(/\d+/g);
  return parts && parts.length >= 3 ? parts.slice(0, 3).map(Number) : [0x2f, 0x72, 0xd6];
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
