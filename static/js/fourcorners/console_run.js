// Fyra hörn in the console, Run: the question now (the open one, else the
// one closed last, with its final tally), one main action at a time ("Öppna
// nästa" → "Stäng frågan" → "Nästa fråga"), and comments on it.
import { el, t } from "../common.js";
import { call } from "../console.js";
import { commentBox } from "../console_comments.js";
import { onClick, sequence, showActions } from "../console_run.js";

const $ = (id) => document.getElementById(id);
const LETTERS = ["A", "B", "C", "D"];
const part = $("fc-run");
let questions = [];
let now = null; // the question on show: open, or the last closed
let shown = null; // its tally

const comments = commentBox({ form: $("fc-comment-form"), list: $("fc-comments"), status: $("fc-comment-status") },
  () => (now ? `/corners/${now.id}/comments` : null));

export function show(list) {
  questions = list;
  const before = now;
  const seq = sequence(questions);
  now = seq.now;
  if (now?.id !== before?.id || now?.status !== before?.status) changed();
  showActions(part, seq, () => {
    $("fc-run-where").textContent = now ? t("fc_question_of", { number: questions.indexOf(now) + 1, count: questions.length }) : "";
    $("fc-run-status").textContent = !now ? t("fc_no_question") : t(now.status === "open" ? "fc_run_open" : "fc_run_closed");
    $("fc-c-live").textContent = now ? now.text : "";
    $("fc-run-next").textContent = !seq.next ? t(questions.length ? "fc_all_shown" : "fc_none_yet")
      : now?.status === "open" ? "" : t("fc_up_next", { text: seq.next.text });
    $("fc-comment-form").hidden = !now;
  });
  renderTally();
}

export function tally(data) {
  if (!now || data.question !== now.id) return;
  shown = data;
  renderTally();
}

// Another question on show: empty numbers first, then what is known now.
function changed() {
  shown = null;
  comments.load().catch(() => {});
  if (!now) return;
  const id = now.id;
  call("GET", `/corners/${id}/tally`).then((data) => {
    if (now?.id === id && (!shown || now.status === "closed")) tally(data);
  }).catch(() => {});
}

function renderTally() {
  $("fc-c-tally").replaceChildren(...(now ? LETTERS.map((letter, i) => el("li", {},
    t("fc_corner_summary", { corner: letter, label: now.labels[i], count: shown ? shown.counts[i] : 0 }))) : []));
  $("fc-c-counts").textContent = shown ? t("fc_counts", { count: shown.count, passes: shown.passes }) : "";
}

const openNext = () => {
  const { next } = sequence(questions);
  return next && ["POST", `/corners/${next.id}/open`];
};
onClick($("fc-open-next"), openNext);
onClick($("fc-next"), openNext);
onClick($("fc-close"), () => now && ["POST", `/corners/${now.id}/close`]);
