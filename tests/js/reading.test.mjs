// The projector's second language (static/js/reading.js: secondLanguage).
import { test } from "node:test";
import assert from "node:assert/strict";
import { secondLanguage } from "../../static/js/reading.js";

test("the second language's words, when the projector shows two and the item has it", () => {
  const state = { projector_languages: ["sv", "en"] };
  assert.deepEqual(secondLanguage(state, { en: "School is safe" }), ["en", "School is safe"]);
  const question = { en: { text: "How?", labels: ["a", "b", "c", "d"] } };
  assert.deepEqual(secondLanguage(state, question), ["en", question.en]);
});

test("nothing when one language is shown, or the item lacks the second", () => {
  assert.equal(secondLanguage({ projector_languages: ["sv"] }, { en: "x" }), null);
  assert.equal(secondLanguage({}, { en: "x" }), null);
  assert.equal(secondLanguage({ projector_languages: ["sv", "sv-x-lattlast"] }, { en: "x" }), null);
  assert.equal(secondLanguage({ projector_languages: ["sv", "en"] }, undefined), null);
});
