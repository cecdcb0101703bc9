// Fyra hörn on the phone: pick one of four corners, or pass; change freely
// while the question is open. A choice shows as pressed at once and "Sparat"
// only after the server acked it (committed); a refused choice is undone.
import { t } from "../common.js";
import { current, onReading, setReading } from "../reading.js";
import { hyphenate } from "../hyphenate.js";
import { clearStatus } from "../outbox.js";
import { send, views } from "../phone.js";

const $ = (id) => document.getElementById(id);
const LETTERS = ["A", "B", "C", "D"];
const buttons = [...document.querySelectorAll("#fc-choices .fc-choice")];
let questionId = null;
let labels = [];
let confirmed = null; // the last choice the server has: 0..3, "pass" or null
let pending = 0; // sends not yet acked: a state push must not undo them

function show(choice) {
  buttons.forEach((b, i) => b.setAttribute("aria-pressed", String(choice === i)));
  $("fc-pass").setAttribute("aria-pressed", String(choice === "pass"));
  $("fc-hint").textContent = choice === "pass" ? t("fc_passed")
    : typeof choice === "number" ? t("fc_chosen", { corner: LETTERS[choice], label: labels[choice] })
      : t("fc_choose");
}

function choose(choice) {
  if (questionId === null) return;
  show(choice);
  pending += 1;
  const sentFor = questionId;
  send("corner", { question: questionId, corner: choice }, { status: $("fc-save"), key: `corner:${questionId}` })
    .then((ack) => {
      pending -= 1;
      if (sentFor !== questionId) return;
      if (ack.ok) confirmed = ack.corner;
      else if (pending === 0) show(confirmed);
    });
}

buttons.forEach((b, i) => {
  b.addEventListener("click", () => choose(i));
  // Arrow keys move between the corners as they sit in the room (2 × 2).
  b.addEventListener("keydown", (e) => {
    const step = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -2, ArrowDown: 2 }[e.key];
    if (step === undefined) return;
    const next = buttons[i + step];
    if (next) { e.preventDefault(); next.focus(); }
  });
});
$("fc-pass").addEventListener("click", () => choose("pass"));

// The language this phone reads in (reading.js: chosen at join or beside an
// item, kept on this phone and by the server): the server sends the question
// and its corners in it (state.reading; their own words when it lacks it),
// and the state again after a switch.
let shown = null;
let shownIn = null; // state.reading

function showWords() {
  const texts = shown?.texts || {};
  // One choice, one place: beside the item only when the phone has no switch at the top
  // (the workshop offered one language when this page loaded; an item's "texts" came later).
  $("fc-lang-row").hidden = Object.keys(texts).length === 0 || document.getElementById("reading-switch") !== null;
  $("fc-lang").value = current();
  labels = shown.labels;
  $("fc-question").textContent = hyphenate(shown.text);
  for (const node of [$("fc-question"), ...document.querySelectorAll("#fc-choices .fc-label")]) {
    if (texts[shownIn]) node.setAttribute("lang", shownIn === "en" ? "en" : "sv");
    else node.removeAttribute("lang");
  }
  buttons.forEach((b, i) => { b.querySelector(".fc-label").textContent = hyphenate(labels[i]); });
}

$("fc-lang").addEventListener("change", () => setReading($("fc-lang").value));
onReading(() => { $("fc-lang").value = current(); });

views.fourcorners = (state, active) => {
  const corners = active ? state.corners : null;
  $("fc-phone").hidden = !corners;
  if (!corners) { questionId = null; return false; }
  const q = corners.question;
  const changed = q.id !== questionId;
  questionId = q.id;
  shown = q;
  shownIn = state.reading;
  showWords();
  if (changed) clearStatus($("fc-save"));
  if (pending > 0 && !changed) return true;
  confirmed = corners.choice;
  show(confirmed);
  return true;
};
