// The language this phone reads statements and questions in (their "texts"):
// chosen at join (the phone's language switch, templates/phone.html) or
// beside a statement or question; kept on this phone (localStorage, as its
// token) across reloads and reconnects; the page's language at first. An
// item without that language shows its own text. Only words change: a
// position or a corner stays, and there is one distribution.
import { lang } from "./common.js";

const KEY = "reading-language";
const EVENT = "reading-language";

export function reading() {
  try { return localStorage.getItem(KEY) || lang(); } catch { return lang(); }
}

// Every view showing words in it follows (onReading), the switch too.
export function setReading(tag) {
  try { localStorage.setItem(KEY, tag); } catch { /* storage off: this page view only */ }
  memory = tag;
  document.dispatchEvent(new CustomEvent(EVENT, { detail: tag }));
}
let memory = null;
export const current = () => memory || reading();

export function onReading(fn) {
  document.addEventListener(EVENT, (e) => fn(e.detail));
}

// The phone's switch at the top: a radio group; absent when nothing to choose.
export function readingSwitch(root = document.getElementById("reading-switch")) {
  if (!root) return;
  const radios = [...root.querySelectorAll('input[name="reading"]')];
  const check = (tag) => {
    const chosen = radios.find((r) => r.value === tag) || radios[0];
    for (const r of radios) r.checked = r === chosen;
  };
  check(current());
  for (const r of radios) r.addEventListener("change", () => { if (r.checked) setReading(r.value); });
  onReading(check);
}

// The projector's second language (state.projector_languages[1]) for an
// item's texts: [tag, its text or {text, labels}], or null (none chosen, or
// the item lacks it: then only the workshop's language shows).
export function secondLanguage(state, texts) {
  const tag = (state.projector_languages || [])[1];
  const item = tag && texts ? texts[tag] : null;
  return item ? [tag, item] : null;
}

// Fills a node with the second language's words (hidden when there are none).
export function showSecond(node, second, words) {
  node.hidden = !second;
  node.textContent = second ? words : "";
  if (second) node.setAttribute("lang", second[0] === "en" ? "en" : "sv");
  else node.removeAttribute("lang");
}
