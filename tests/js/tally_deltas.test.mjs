// Fyra hörn's tally on a staff screen (fourcorners/tally.js, on the core's
// deltas.js): snapshot + deltas = the whole tally, after a gap and for a new question.
import { test } from "node:test";
import assert from "node:assert/strict";
import { follower, onTally } from "../../static/js/fourcorners/tally.js";

const whole = (question, byNumber, seq) => {
  const dots = Object.entries(byNumber).filter(([, c]) => c !== null).map(([n, c]) => [Number(n), c])
    .sort((a, b) => a[0] - b[0]);
  const counts = [0, 0, 0, 0];
  for (const [, c] of dots) counts[c]++;
  const passes = Object.values(byNumber).filter((c) => c === null).length;
  const out = { question, counts, passes, count: dots.length, dots };
  return seq === undefined ? out : { ...out, seq };
};

const delta = (question, seq, now, changed) => ({
  ...whole(question, now), seq,
  dots: changed.filter((n) => now[n] !== null).map((n) => [n, now[n]]),
  gone: changed.filter((n) => now[n] === null),
});

test("a snapshot then deltas shows the whole tally", () => {
  const f = follower();
  let now = { 1: 0, 2: 3, 3: null };
  f.snapshot(whole(9, now, 4));
  now = { ...now, 1: 2, 3: 1, 4: null };
  f.delta(delta(9, 5, now, [1, 3, 4]));
  assert.deepEqual(f.shown(), whole(9, now));
});

test("a gap asks for a snapshot once, and the kept deltas apply after it", () => {
  const asked = [];
  const handlers = {};
  const socket = { on: (e, fn) => { handlers[e] = fn; }, emit: (e) => asked.push(e) };
  const shown = [];
  onTally(socket, (t) => shown.push(t));
  let now = { 1: 0, 2: 1 };
  handlers.tally(whole(3, now, 10));
  now = { ...now, 2: 2 };
  const lost = delta(3, 11, now, [2]); // never arrives
  now = { ...now, 1: null };
  handlers.tally_delta(delta(3, 12, now, [1]));
  handlers.tally_delta(delta(3, 12, now, [1]));
  assert.deepEqual(asked, ["tally_snapshot"]);
  assert.equal(shown.length, 1);
  handlers.tally(whole(3, { 1: 0, 2: 2 }, 11)); // the snapshot: window 11's cut
  assert.deepEqual(shown.at(-1), whole(3, now));
  assert.ok(lost);
});

test("a whole tally without seq (several processes) is shown as it is", () => {
  const handlers = {};
  const shown = [];
  onTally({ on: (e, fn) => { handlers[e] = fn; }, emit: () => {} }, (t) => shown.push(t));
  handlers.tally(whole(1, { 5: 3 }));
  assert.deepEqual(shown, [whole(1, { 5: 3 })]);
});
