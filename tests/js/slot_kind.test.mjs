// The slot list's name with its kind, said once (static/js/openspace/common.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import { useStrings } from "../../static/js/common.js";
import { slotWithKind } from "../../static/js/openspace/common.js";

useStrings({ os_break: "Fika" });

test("the kind is added only when the name does not say it", () => {
  const slot = (label, kind = "session") => ({ label, kind, starts_at: "13:00", minutes: 45 });
  assert.equal(slotWithKind(slot("Pass 1"), "Pass"), "13:00–13:45 Pass 1");
  assert.equal(slotWithKind(slot("Fika", "break"), "Fika"), "13:00–13:45 Fika");
  assert.equal(slotWithKind(slot("", "break"), "Fika"), "13:00–13:45 Fika");
  assert.equal(slotWithKind(slot("Eftermiddag"), "Pass"), "13:00–13:45 Eftermiddag (Pass)");
  assert.equal(slotWithKind(slot("Lunch", "break"), "Fika"), "13:00–13:45 Lunch (Fika)");
});
