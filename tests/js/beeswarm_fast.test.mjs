// The fast beeswarm (moving window, marked slots, early give-up) lays out
// exactly as the plain one it replaced: every dot against every dot placed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { beeswarm } from "../../static/js/barometer/beeswarm.js";

function plain(dots, width, radius) {
  const diameter = radius * 2;
  const placed = [];
  const sorted = [...dots].sort((a, b) => a.value - b.value || a.key - b.key);
  for (const dot of sorted) {
    const x = (dot.value / 100) * width;
    const near = placed.filter((p) => Math.abs(p.x - x) < diameter);
    let y = 0;
    for (let step = 0; ; step++) {
      const offset = Math.ceil(step / 2) * (step % 2 ? 1 : -1) * diameter * 0.5;
      if (near.every((p) => (p.x - x) ** 2 + (p.y - offset) ** 2 >= diameter ** 2 * 0.98)) { y = offset; break; }
    }
    placed.push({ key: dot.key, value: dot.value, x, y });
  }
  return placed;
}

let seed = 7;
const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;

test("the same layout as every-dot-against-every-dot, on random rooms", () => {
  for (let trial = 0; trial < 150; trial++) {
    const n = 1 + Math.floor(rand() * 300);
    const dots = Array.from({ length: n }, (_, i) => ({ key: i * 7 + 1, value: Math.floor(rand() * 101) }));
    const radius = 2 + rand() * 18;
    const width = 200 + rand() * 1800;
    assert.deepEqual(beeswarm(dots, width, radius), plain(dots, width, radius));
  }
});

test("with a band: null exactly when some dot would stick out, else the same layout", () => {
  for (let trial = 0; trial < 60; trial++) {
    const n = 1 + Math.floor(rand() * 300);
    const dots = Array.from({ length: n }, (_, i) => ({ key: i, value: Math.floor(rand() * 101) }));
    const radius = 2 + rand() * 10;
    const band = 20 + rand() * 100;
    const full = plain(dots, 1000, radius);
    const sticks = full.some((p) => Math.abs(p.y) + radius > band);
    const got = beeswarm(dots, 1000, radius, band);
    if (sticks) assert.equal(got, null);
    else assert.deepEqual(got, full);
  }
});
