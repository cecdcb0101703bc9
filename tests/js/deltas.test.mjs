// A staff screen following the distribution's delta stream (barometer/deltas.js):
// snapshot + deltas = the full distribution, after a gap too.
import { test } from "node:test";
import assert from "node:assert/strict";
import { follower, onDistribution } from "../../static/js/barometer/deltas.js";

const full = (statement, byNumber, extra = {}) => {
  const dots = Object.entries(byNumber).filter(([, v]) => v !== null).map(([n, v]) => [Number(n), v])
    .sort((a, b) => a[0] - b[0]);
  const values = dots.map((d) => d[1]);
  return {
    statement, count: values.length, passes: Object.values(byNumber).filter((v) => v === null).length,
    values, mean: values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null,
    dots, ...extra,
  };
};

// What the server sends for a window where `changed` moved (to `now`).
const delta = (statement, seq, now, changed) => {
  const f = full(statement, now);
  return {
    statement, seq, count: f.count, passes: f.passes, mean: f.mean,
    dots: changed.filter((n) => now[n] !== null && now[n] !== undefined).map((n) => [n, now[n]]),
    gone: changed.filter((n) => now[n] === null || now[n] === undefined),
  };
};

test("a snapshot then deltas shows the full distribution, passes and all", () => {
  const f = follower();
  let now = { 1: 10, 2: 50, 3: null };
  f.snapshot({ ...full(7, now), seq: 4 });
  assert.deepEqual(f.shown(), full(7, now));
  now = { ...now, 2: 80, 4: 30 };
  f.delta(delta(7, 5, now, [2, 4]));
  assert.deepEqual(f.shown(), full(7, now));
  now = { ...now, 1: null, 3: 99 }; // one passes, one places after a pass
  f.delta(delta(7, 6, now, [1, 3]));
  assert.deepEqual(f.shown(), full(7, now));
});

test("an old delta is ignored; a gap waits for a snapshot, then the newer deltas apply", () => {
  const f = follower();
  let now = { 1: 10, 2: 20 };
  f.snapshot({ ...full(7, now), seq: 1 });
  f.delta(delta(7, 1, { 1: 0, 2: 0 }, [1, 2])); // already in the snapshot
  assert.deepEqual(f.shown(), full(7, now));
  now = { 1: 11, 2: 20 };
  const lost = delta(7, 2, now, [1]); // never arrives
  now = { 1: 11, 2: 22 };
  f.delta(delta(7, 3, now, [2]));
  assert.equal(f.wantsSnapshot, true);
  assert.equal(f.shown(), null);
  const snap = { ...full(7, { 1: 11, 2: 20 }), seq: 2 }; // cut after window 2
  assert.ok(lost.seq === snap.seq);
  f.snapshot(snap);
  assert.equal(f.wantsSnapshot, false);
  assert.deepEqual(f.shown(), full(7, now)); // delta 3 kept and applied
});

test("the socket glue asks for a snapshot once per gap and passes whole distributions through", () => {
  const handlers = {};
  const sent = [];
  const socket = { on: (e, fn) => { handlers[e] = fn; }, emit: (e, d) => sent.push([e, d]) };
  const seen = [];
  onDistribution(socket, (d) => seen.push(d));
  handlers.distribution(full(3, { 1: 5 })); // a cluster's whole distribution: shown as is
  assert.deepEqual(seen.at(-1), full(3, { 1: 5 }));
  handlers.distribution({ ...full(3, { 1: 5 }), seq: 10 });
  handlers.distribution_delta(delta(3, 12, { 1: 6 }, [1]));
  handlers.distribution_delta(delta(3, 13, { 1: 7 }, [1]));
  assert.deepEqual(sent, [["distribution_snapshot", {}]]);
  assert.equal(seen.length, 2);
  handlers.distribution({ ...full(3, { 1: 6 }), seq: 11 });
  assert.deepEqual(seen.at(-1), full(3, { 1: 7 }));
});

test("a hidden snapshot keeps its mark and no dots", () => {
  const f = follower();
  f.snapshot({ statement: 2, count: 3, passes: 1, values: [], mean: null, dots: [], hidden: true, seq: 1 });
  assert.deepEqual(f.shown(), { statement: 2, count: 3, passes: 1, mean: null, values: [], dots: [], hidden: true });
});
