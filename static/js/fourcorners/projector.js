// Fyra hörn on the projector: the open question and the room in four
// labelled corners, one dot per person. Dots are keyed by participant, so a
// person who changes corner moves their own dot instead of the room redrawing.
// After "Stäng frågan" the question closed last stays up with its final tally
// (state.corners_closed), marked closed, until another question opens: as the
// barometer keeps its result.
import { t } from "../common.js";
import { hyphenate } from "../hyphenate.js";
import { secondLanguage, showSecond } from "../reading.js";
import { fitView, refresh, socket, views } from "../projector.js";
import { onTally } from "./tally.js";

const $ = (id) => document.getElementById(id);
const corners = [...document.querySelectorAll("#fc-stage .fc-corner")];
let current = null; // the open question's id: live tallies for it are drawn
let shown = null; // "open:<id>" or "closed:<id>"
let last = null; // the latest tally, to size the dots again after a resize

views.fourcorners = (state, pick) => {
  const open = state.corners ? state.corners.question : null;
  const closed = open ? null : state.corners_closed;
  const q = pick === false ? null : open || closed;
  $("fc-stage").hidden = !q;
  if (!q) { current = shown = null; return null; }
  const key = `${open ? "open" : "closed"}:${q.id}`;
  if (closed) last = closed.tally;
  else if (shown !== key) last = { question: q.id, counts: [0, 0, 0, 0], passes: 0, count: 0, dots: [] };
  shown = key;
  current = open ? q.id : null;
  $("fc-p-closed").hidden = !closed;
  $("fc-p-question").textContent = hyphenate(q.text);
  corners.forEach((c, i) => { c.querySelector(".fc-label").textContent = hyphenate(q.labels[i]); });
  const second = secondLanguage(state, q.texts);
  showSecond($("fc-p-second"), second, second && second[1].text);
  corners.forEach((c, i) => {
    showSecond(c.querySelector(".fc-label-second"), second, second && hyphenate(second[1].labels[i]));
  });
  fitView($("fc-stage"));
  render(last);
  return "corners";
};

function render(tally) {
  const existing = new Map();
  for (const dot of document.querySelectorAll("#fc-stage .fc-dot")) existing.set(dot.dataset.key, dot);
  for (const [key, corner] of tally.dots) {
    let dot = existing.get(String(key));
    if (!dot) {
      dot = document.createElement("span");
      dot.className = "fc-dot";
      dot.dataset.key = String(key);
    }
    existing.delete(String(key));
    const box = corners[corner].querySelector(".fc-dots");
    if (dot.parentNode !== box) box.appendChild(dot);
  }
  for (const dot of existing.values()) dot.remove();
  corners.forEach((c, i) => {
    c.querySelector(".fc-count").textContent = t("fc_people", { count: tally.counts[i] });
  });
  $("fc-p-counts").textContent = t("fc_counts", { count: tally.count, passes: tally.passes });
  sizeDots(Math.max(1, ...tally.counts));
}

// Dots as big as the fullest corner allows (3.5 % of the screen at most).
function sizeDots(most) {
  const box = corners[0].querySelector(".fc-dots");
  const gap = window.innerHeight * 0.004;
  let size = window.innerHeight * 0.035;
  while (size > 4) {
    const perRow = Math.max(1, Math.floor((box.clientWidth + gap) / (size + gap)));
    if (Math.ceil(most / perRow) * (size + gap) <= box.clientHeight + gap) break;
    size *= 0.9;
  }
  $("fc-stage").style.setProperty("--fc-dot", `${size}px`);
}

onTally(socket, (tally) => {
  if (tally.question !== current) return;
  last = tally;
  render(tally);
});

refresh();
