// The Open Space client logic (static/js/openspace/common.js), under node:
// common.js touches no DOM on import, so these run without a browser.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useStrings } from "../../static/js/common.js";
import {
  breakText, freeCells, headcount, nowNext, sortedSlots, topicAt, visibleTopics,
} from "../../static/js/openspace/common.js";

useStrings({
  os_here: "%(count)s här", os_peak: "som mest %(count)s", os_break: "Fika",
  os_break_until: "%(label)s – vi ses %(time)s", os_minutes_left: "%(count)s min kvar",
});

const wall = {
  spaces: [{ id: 1, name: "Rum A" }, { id: 2, name: "Rum B" }],
  slots: [
    { id: 12, label: "Pass 2", starts_at: "14:30", minutes: 45, kind: "session" },
    { id: 11, label: "Fika", starts_at: "14:00", minutes: 30, kind: "break" },
    { id: 10, label: "Pass 1", starts_at: "13:00", minutes: 45, kind: "session" },
  ],
  topics: [
    { id: 5, title: "Dialog", space: 1, slot: 10, here: 3, peak: 7, hidden: false },
    { id: 6, title: "Dold", space: 2, slot: 10, here: 0, peak: 0, hidden: true },
    { id: 7, title: "Ej på väggen", space: null, slot: null, hidden: false },
  ],
};

test("slots sort by time, whatever order they were added in", () => {
  assert.deepEqual(sortedSlots(wall).map((s) => s.id), [10, 11, 12]);
});

test("hidden topics are not shown, and a cell finds its topic", () => {
  assert.deepEqual(visibleTopics(wall).map((t) => t.id), [5, 7]);
  assert.equal(topicAt(wall.topics, 1, 10).title, "Dialog");
  assert.equal(topicAt(wall.topics, 2, 12), null);
});

test("free cells skip breaks and cells held (even by a hidden topic)", () => {
  const free = freeCells(wall).map((c) => c.value);
  assert.deepEqual(free, ["1:12", "2:12"]);
});

test("headcount says the peak only when it was higher", () => {
  assert.equal(headcount({ here: 3, peak: 7 }), "3 här (som mest 7)");
  assert.equal(headcount({ here: 2, peak: 2 }), "2 här");
  assert.equal(headcount({ peak: 0 }), "0 här");
});

test("the break text counts down, and is null without a timer", () => {
  const at = (hh, mm) => new Date(2026, 10, 23, hh, mm);
  assert.equal(breakText({ break_until: "14:30", break_label: "Fika" }, at(14, 18)), "Fika – vi ses 14:30 (12 min kvar)");
  assert.equal(breakText({ break_until: "14:30", break_label: "" }, at(14, 40)), "Fika – vi ses 14:30");
  assert.equal(breakText({ break_until: null }, at(14, 0)), null);
});

test("now and next follow the device's clock", () => {
  const at = (hh, mm) => new Date(2026, 10, 23, hh, mm);
  const ids = (nn) => [nn.now && nn.now.id, nn.next && nn.next.id];
  assert.deepEqual(ids(nowNext(wall, at(13, 10))), [10, 11]);
  assert.deepEqual(ids(nowNext(wall, at(14, 10))), [11, 12]);
  assert.deepEqual(ids(nowNext(wall, at(16, 0))), [null, null]);
  assert.deepEqual(ids(nowNext(wall, at(12, 0))), [null, 10]);
});
