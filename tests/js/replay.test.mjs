// The replay's pure parts: the room at any moment from the history, the
// dots' layout on the canvas, the clock.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Timeline, clock, stack } from "../../static/js/barometer/replay.js";

const HISTORY = {
  duration_ms: 10_000,
  tracks: [[1, [[0, 20], [2500, 40], [10_000, 60]]], [2, [[1000, 80], [9000, 70]]], [3, [[5000, null]]]],
};

test("the room at a moment: placed values, passes, and who has not answered yet", () => {
  const t = new Timeline(HISTORY);
  assert.deepEqual([...t.seek(0)], [20, NaN, NaN]);
  assert.deepEqual([...t.seek(5000)], [40, 80, -1]);
  assert.deepEqual(t.counts(), { placed: 2, passes: 1 });
  assert.deepEqual([...t.seek(10_000)], [60, 70, -1]);
});

test("seeking backwards gives the same room as playing forwards", () => {
  const forward = new Timeline(HISTORY);
  const back = new Timeline(HISTORY);
  back.seek(10_000);
  for (const ms of [9999, 9000, 4999, 2500, 999, 0, -1]) {
    const fresh = new Timeline(HISTORY);
    assert.deepEqual([...back.seek(ms)], [...fresh.seek(ms)], `at ${ms}`);
  }
  for (let ms = 0; ms <= 10_000; ms += 250) forward.seek(ms);
  assert.deepEqual([...forward.values], [60, 70, -1]);
});

test("stack: no two dots overlap, unplaced and passes are not drawn, big rooms shrink", () => {
  const values = Float64Array.from({ length: 500 }, (_, i) => (i % 7 === 0 ? NaN : i % 11 === 0 ? -1 : (i * 37) % 101));
  const { x, y, radius } = stack(values, 1200, 14, 130);
  const shown = [...x.keys()].filter((i) => !Number.isNaN(x[i]));
  assert.equal(shown.length, [...values].filter((v) => v >= 0).length);
  for (const i of shown) assert.ok(Math.abs(y[i]) + radius <= 130 + 1e-9);
  for (let a = 0; a < shown.length; a++) {
    for (let b = a + 1; b < shown.length; b++) {
      const [i, j] = [shown[a], shown[b]];
      assert.ok((x[i] - x[j]) ** 2 + (y[i] - y[j]) ** 2 >= (2 * radius) ** 2 - 1e-6, `${i} and ${j} overlap`);
    }
  }
  assert.ok(radius < 14);
  const few = stack(Float64Array.from([0, 50, 100]), 1000, 14, 130);
  assert.deepEqual([few.radius, [...few.y]], [14, [0, 0, 0]]);
  assert.ok(Math.abs(few.x[1] - 500) <= 14 && few.x[2] <= 1000);
});

test("clock", () => {
  assert.equal(clock(0), "0:00");
  assert.equal(clock(83_000), "1:23");
  assert.equal(clock(754_400), "12:34");
  assert.equal(clock(-5), "0:00");
});
