// Replay: how the room moved on a closed statement, played back on the
// projector. The history arrives once (replay_history: per participant a
// list of [ms, value | null]); the server then only sends the scrubber
// (where, how fast, playing or not) and this module animates locally with
// requestAnimationFrame on a canvas: 500 dots redrawn 60 times a second
// cost far less as one canvas path than as 500 moving DOM nodes.
//
// Timeline, stack and clock are pure (tested with node --test); Player and
// projectorReplay touch the page.
import { t } from "../common.js";
import { hyphenate } from "../hyphenate.js";

const PASS = -1; // a pass in Timeline.values; NaN = not placed yet

export class Timeline {
  constructor(history) {
    this.duration = history.duration_ms;
    this.keys = history.tracks.map(([key]) => key);
    this.times = history.tracks.map(([, steps]) => Float64Array.from(steps, (s) => s[0]));
    this.steps = history.tracks.map(([, steps]) => Float64Array.from(steps, (s) => (s[1] === null ? PASS : s[1])));
    this.index = new Int32Array(this.keys.length).fill(-1); // last step at or before `at`
    this.values = new Float64Array(this.keys.length).fill(NaN);
    this.at = -Infinity;
  }

  // The room at `ms`: forward from the last call walks on (each step is
  // passed once over a whole replay); backwards searches each track.
  seek(ms) {
    const back = ms < this.at;
    for (let i = 0; i < this.keys.length; i++) {
      const times = this.times[i];
      let j = this.index[i];
      if (back) {
        let lo = 0, hi = times.length; // first step after ms
        while (lo < hi) { const mid = (lo + hi) >> 1; if (times[mid] <= ms) lo = mid + 1; else hi = mid; }
        j = lo - 1;
      } else {
        while (j + 1 < times.length && times[j + 1] <= ms) j++;
      }
      this.index[i] = j;
      this.values[i] = j < 0 ? NaN : this.steps[i][j];
    }
    this.at = ms;
    return this.values;
  }

  counts() {
    let placed = 0, passes = 0;
    for (const v of this.values) { if (v === PASS) passes++; else if (v >= 0) placed++; }
    return { placed, passes };
  }
}

// Dots on the line: x snapped to bins one diameter wide, stacked outwards
// from the line (0, -1, +1, -2, …) in key order, so no two overlap. The
// radius shrinks until the tallest stack fits in `half` above and below.
export function stack(values, width, maxRadius, half) {
  const n = values.length;
  const x = new Float64Array(n), y = new Float64Array(n);
  let radius = maxRadius;
  for (;;) {
    const d = radius * 2;
    const bins = new Int32Array(Math.ceil(width / d) + 2);
    let tallest = 0;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (!(v >= 0)) { x[i] = NaN; continue; }
      const b = Math.round((v / 100) * width / d);
      const k = bins[b]++;
      const level = Math.ceil(k / 2) * (k % 2 ? 1 : -1);
      x[i] = Math.min(width, b * d);
      y[i] = level * d + 0; // + 0: never -0
      tallest = Math.max(tallest, Math.abs(y[i]));
    }
    if (tallest + radius <= half || radius <= 1.5) return { x, y, radius };
    radius *= 0.85;
  }
}

// 83 000 ms -> "1:23"
export function clock(ms) {
  const s = Math.round(Math.max(0, ms) / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

export class Player {
  constructor(canvas, onTick) {
    this.canvas = canvas;
    this.onTick = onTick; // (ms, timeline) a few times a second, and at the end
    this.timeline = null;
    this.scrubber = null;
    this.running = false;
    this.lastTick = 0;
    this.lastFrame = 0;
  }

  load(history) {
    this.timeline = new Timeline(history);
    this.drawnX = new Float64Array(this.timeline.keys.length).fill(NaN);
    this.drawnY = new Float64Array(this.timeline.keys.length);
  }

  // One dot (fill and white rim, as the live swarm's), drawn once per size:
  // each frame then stamps it, so a dot gliding over another covers it whole.
  sprite(radius, ratio) {
    const rim = Math.max(2, window.innerHeight * 0.0025); // as the live dots' border
    const key = `${radius}:${ratio}:${rim}`;
    if (this.spriteKey === key) return this.dot;
    const size = Math.ceil((radius + 1) * 2 * ratio);
    const dot = this.dot || document.createElement("canvas");
    dot.width = dot.height = size;
    const ctx = dot.getContext("2d");
    ctx.clearRect(0, 0, size, size);
    // A white disc, then the fill inside the rim: the live swarm's colours
    // (barometer.css: --dot), and a dot passing over another covers it whole.
    ctx.beginPath();
    ctx.arc(size / 2, size / 2, radius * ratio, 0, Math.PI * 2);
    ctx.fillStyle = "#fff";
    ctx.fill();
    ctx.beginPath();
    ctx.arc(size / 2, size / 2, Math.max(1, radius - rim) * ratio, 0, Math.PI * 2);
    ctx.fillStyle = getComputedStyle(this.canvas).getPropertyValue("--dot").trim() || "#2f72d6";
    ctx.fill();
    this.dot = dot;
    this.spriteKey = key;
    return dot;
  }

  // The scrubber as the server sent it; its clock starts now, on this screen.
  set(scrubber) {
    this.scrubber = scrubber;
    this.base = performance.now();
    this.start();
  }

  position(now = performance.now()) {
    const s = this.scrubber;
    if (!s) return 0;
    if (!s.playing) return s.at_ms;
    return Math.min(s.duration_ms, s.at_ms + (now - this.base) * s.speed);
  }

  ended(now) {
    return this.scrubber && this.position(now) >= this.scrubber.duration_ms;
  }

  start() {
    if (this.running) return;
    this.running = true;
    this.lastFrame = performance.now();
    requestAnimationFrame((now) => this.frame(now));
  }

  stop() {
    this.running = false;
  }

  frame(now) {
    if (!this.running) return;
    if (this.timeline && this.scrubber) this.draw(now);
    requestAnimationFrame((next) => this.frame(next));
  }

  draw(now) {
    const canvas = this.canvas;
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth, height = canvas.clientHeight;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    const ms = this.position(now);
    const values = this.timeline.seek(ms);
    // The canvas fills the line's band; the line keeps its inset from the
    // sides (barometer.css), so a dot at 0 or 100 is drawn whole. Dots as
    // big as the live swarm's (projector.js), shrunk to fit the band.
    const line = canvas.parentElement.querySelector(".line");
    const pad = line ? line.offsetLeft : 14;
    const maxRadius = Math.max(3, Math.min(pad, Math.max(6, window.innerHeight * 0.022)));
    const { x, y, radius } = stack(values, width - 2 * pad, maxRadius, height / 2);
    // Glide towards the new place (about a tenth of a second), as the live swarm does.
    const ease = 1 - Math.exp(-(now - this.lastFrame) / 90);
    this.lastFrame = now;
    const ctx = canvas.getContext("2d");
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const dot = this.sprite(radius, ratio);
    const half = dot.width / 2;
    for (let i = 0; i < x.length; i++) {
      if (Number.isNaN(x[i])) { this.drawnX[i] = NaN; continue; }
      if (Number.isNaN(this.drawnX[i])) { this.drawnX[i] = x[i]; this.drawnY[i] = y[i]; }
      this.drawnX[i] += (x[i] - this.drawnX[i]) * ease;
      this.drawnY[i] += (y[i] - this.drawnY[i]) * ease;
      // Whole device pixels: a sprite blitted unscaled is the cheapest draw there is.
      ctx.drawImage(dot, Math.round((pad + this.drawnX[i]) * ratio - half),
        Math.round((height / 2 + this.drawnY[i]) * ratio - half));
    }
    if (now - this.lastTick > 250 || this.ended(now)) {
      this.lastTick = now;
      this.onTick(ms, this.timeline);
    }
  }
}

// The projector's part (fitView: projector.js's). Returns show(state, allowed): true when the replay
// shows (one is on, and the barometer has the projector: `allowed`), after
// which projector.js hides the live stage and names the view "replay".
export function projectorReplay(socket, fitView) {
  const $ = (id) => document.getElementById(id);
  const stage = $("replay-stage");
  let history = null;
  let scrubber = null;

  const player = new Player($("replay-canvas"), (ms, timeline) => {
    const duration = scrubber.duration_ms;
    $("replay-bar").style.width = `${duration ? (100 * ms) / duration : 100}%`;
    $("replay-time").textContent = t("replay_time", { at: clock(ms), total: clock(duration) });
    const { placed, passes } = timeline.counts();
    $("replay-canvas").setAttribute("aria-label",
      `${t("replay")}: ${t("positions", { count: placed })}, ${t("passes", { count: passes })}`);
    stage.dataset.state = ms >= duration ? "ended" : scrubber.playing ? "playing" : "paused";
  });

  function apply() {
    const ready = scrubber && history && history.statement === scrubber.statement
      && (scrubber.round === undefined || history.round === scrubber.round);
    if (!ready) return;
    if (player.timeline === null || player.history !== history) { player.load(history); player.history = history; }
    $("replay-statement").textContent = hyphenate(history.text);
    // "Fråga igen": a statement asked more than once says which round plays.
    const round = $("replay-round");
    round.hidden = !(history.rounds > 1);
    round.textContent = history.rounds > 1
      ? t("replay_round_of", { round: history.round, rounds: history.rounds }) : "";
    $("replay-speed").textContent = t("replay_speed", { speed: String(scrubber.speed).replace(".", ",") });
    fitView(stage);
    player.set(scrubber);
  }

  socket.on("replay_history", (data) => { history = data; apply(); });
  socket.on("replay", (data) => {
    if (data.statement === null || !scrubber || data.statement !== scrubber.statement
      || data.round !== scrubber.round) return;
    scrubber = data;
    apply();
  });
  // projector.js calls this again on every refresh (a resize, a comment
  // shown) with the same state: its scrubber is then old news (a pause or a
  // seek may have come since), so only a new state's scrubber is taken.
  let taken = null;
  return (state, allowed) => {
    const on = Boolean(allowed && state.replay);
    stage.hidden = !on;
    if (!on) { scrubber = null; taken = null; stage.dataset.state = "idle"; player.stop(); return false; }
    if (state.replay !== taken) {
      taken = state.replay;
      scrubber = state.replay;
      apply();
    } else fitView(stage);
    return true;
  };
}
