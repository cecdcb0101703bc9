// Soft hyphens in long words (static/js/hyphenate.js), under node.
import { test } from "node:test";
import assert from "node:assert/strict";
import { hyphenate, hyphenateWord } from "../../static/js/hyphenate.js";

const show = (text) => hyphenate(text).replaceAll("\u00ad", "-");

test("long Swedish compounds get breaks at syllables", () => {
  assert.equal(show("projektledning"), "pro-jekt-led-ning");
  assert.equal(show("arbetsgrupperna"), "ar-bets-grup-per-na");
  assert.equal(show("Kommunikation"), "Kom-mu-ni-ka-tion");
  assert.equal(show("mötesplatser"), "mö-tes-plat-ser");
  assert.equal(show("Överenskommelsearbetet"), "Öve-rens-kom-mel-sear-be-tet");
});

test("short words, numbers and punctuation are left alone", () => {
  assert.equal(hyphenate("Tydlig projektledning – 2026!"), "Tydlig pro\u00adjekt\u00adled\u00adning – 2026!");
  assert.equal(hyphenate("Håller delvis med"), "Håller delvis med");
  assert.equal(hyphenateWord("samverkan"), "samverkan");
  assert.equal(hyphenate(null), "");
});

test("removing the marks gives back the text, and no part is shorter than two letters", () => {
  for (const word of ["projektledning", "internationalisering", "idéburna", "Samverkansöverenskommelsen"]) {
    const marked = hyphenate(word);
    assert.equal(marked.replaceAll("\u00ad", ""), word);
    for (const part of marked.split("\u00ad")) assert.ok(part.length >= 2, `${word}: ${part}`);
  }
});
