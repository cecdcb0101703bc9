// Fyra hörn in the console, Run (../console_run.js does the sequence): the
// question on show with the room's tally, one main action at a time ("Öppna
// nästa" → "Stäng frågan" → "Nästa fråga"), and comments on it.
import { el, t } from "../common.js";
import { runner } from "../console_run.js";

const $ = (id) => document.getElementById(id);
const LETTERS = ["A", "B", "C", "D"];

function render(now, tally) {
  $("fc-c-tally").replaceChildren(...(now ? LETTERS.map((letter, i) => el("li", {},
    t("fc_corner_summary", { corner: letter, label: now.labels[i], count: tally ? tally.counts[i] : 0 }))) : []));
  $("fc-c-counts").textContent = tally ? t("fc_counts", { count: tally.count, passes: tally.passes }) : "";
}

export const { show, numbers: tally } = runner({
  prefix: "fc", path: "/corners", aggregate: "tally", key: "question", text: $("fc-c-live"), render,
  texts: { of: "fc_question_of", open: "fc_run_open", closed: "fc_run_closed", none: "fc_no_question",
    allShown: "fc_all_shown", noneYet: "fc_none_yet", upNext: "fc_up_next" },
});
