// The projector's dot layout: exact x, no overlaps, stable per participant.
import { test } from "node:test";
import assert from "node:assert/strict";
import { beeswarm } from "../../static/js/barometer/beeswarm.js";

const overlaps = (placed, r) => placed.some((a, i) => placed.slice(i + 1).some(
  (b) => (a.x - b.x) ** 2 + (a.y - b.y) ** 2 < (2 * r) ** 2 * 0.97));

test("every dot sits at its exact value along the line", () => {
  const placed = beeswarm([{ key: 1, value: 0 }, { key: 2, value: 50 }, { key: 3, value: 100 }], 1000, 10);
  assert.deepEqual(placed.map((p) => [p.key, p.x]), [[1, 0], [2, 500], [3, 1000]]);
  assert.ok(placed.every((p) => p.y === 0));
});

test("dots at the same value stack without hiding each other", () => {
  const dots = Array.from({ length: 40 }, (_, i) => ({ key: i, value: 50 + (i % 3) }));
  const placed = beeswarm(dots, 800, 8);
  assert.equal(placed.length, 40);
  assert.equal(overlaps(placed, 8), false);
  assert.ok(placed.every((p) => Math.abs(p.x - (p.value / 100) * 800) < 1e-9));
});

test("the same input gives the same layout (dots do not jump)", () => {
  const dots = [{ key: 5, value: 20 }, { key: 2, value: 20 }, { key: 9, value: 21 }];
  assert.deepEqual(beeswarm(dots, 500, 12), beeswarm([...dots].reverse(), 500, 12));
});

test("500 participants lay out without overlap", () => {
  const dots = Array.from({ length: 500 }, (_, i) => ({ key: i, value: (i * 37) % 101 }));
  const placed = beeswarm(dots, 1200, 6);
  assert.equal(overlaps(placed, 6), false);
});
