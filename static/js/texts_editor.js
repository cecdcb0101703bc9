// The other languages of an item, edited with it in the console's Prepare
// (docs/protocol.md: "texts"): a statement's text, or a Fyra hörn
// question's text and its four corners. One editor for both methods: each
// language is a group of fields; a language left blank is removed (null).
import { el, t } from "./common.js";

// [code, the string key of its legend]: the languages offered beside the workshop's.
export const OTHER_LANGUAGES = [["en", "text_en"], ["sv-x-lattlast", "text_lattlast"]];

// Fields for every other language. `labels`: how many labelled parts an
// item has besides its text (a question's four corners: 4, with
// `partLabel(i)` naming each); 0 for a statement, whose texts are strings.
export function textsFields(idPrefix, texts, { maxlength = 500, labels = 0, partLabel = null, partMax = 80 } = {}) {
  return OTHER_LANGUAGES.map(([code, legend]) => {
    const item = texts?.[code];
    const id = `${idPrefix}-${code}`;
    const text = labels ? item?.text : item;
    if (!labels) {
      // A statement: one field per language, as before (label + input).
      return [el("label", { for: id }, t(legend)),
        el("input", { id, "data-lang": code, value: text ?? "", maxlength })];
    }
    const group = el("fieldset", { class: "texts-lang", "data-lang": code });
    group.append(el("legend", {}, t(legend)), el("label", { for: id }, partLabel(null)),
      el("input", { id, "data-part": "text", value: text ?? "", maxlength }));
    for (let i = 0; i < labels; i++) {
      const part = `${id}-${i}`;
      group.append(el("label", { for: part }, partLabel(i)),
        el("input", { id: part, "data-part": i, value: item?.labels?.[i] ?? "", maxlength: partMax }));
    }
    return [group];
  }).flat();
}

// The `texts` object the form holds: a blank language is null (removed).
export function readTexts(form) {
  const groups = [...form.querySelectorAll("fieldset.texts-lang")];
  if (!groups.length) {
    return Object.fromEntries([...form.querySelectorAll("input[data-lang]")]
      .map((i) => [i.dataset.lang, i.value.trim() ? i.value : null]));
  }
  return Object.fromEntries(groups.map((g) => {
    const text = g.querySelector('[data-part="text"]').value;
    const labels = [...g.querySelectorAll("input")].filter((i) => i.dataset.part !== "text").map((i) => i.value);
    const blank = !text.trim() && labels.every((l) => !l.trim());
    return [g.dataset.lang, blank ? null : { text, labels }];
  }));
}

// "Other languages: English, Easy-read Swedish" for an item's meta line, or "".
export function alsoIn(texts) {
  const languages = Object.keys(texts || {});
  if (!languages.length) return "";
  return t("also_in", { languages: languages.map((code) => t(code === "en" ? "lang_en" : "lang_lattlast")).join(", ") });
}
