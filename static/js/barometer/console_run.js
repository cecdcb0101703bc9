// Åsiktsbarometer in the console, Run: the statement now (the open one, else
// the one closed last, with its final result), its swarm and numbers, and
// one main action at a time: "Öppna nästa" → "Stäng och visa resultatet" →
// "Nästa påstående". Hide/reveal, and comments on the statement now.
import { lang, t } from "../common.js";
import { call } from "../console.js";
import { commentBox } from "../console_comments.js";
import { onClick, sequence, showActions } from "../console_run.js";
import { renderSwarm } from "./swarm_view.js";

const $ = (id) => document.getElementById(id);
const part = $("b-run");
const decimal = new Intl.NumberFormat(lang(), { maximumFractionDigits: 1 });
let statements = [];
let now = null; // the statement on show: open, or the last closed
let dist = null; // its distribution

const comments = commentBox({ form: $("b-comment-form"), list: $("b-comments"), status: $("b-comment-status") },
  () => (now ? `/statements/${now.id}/comments` : null));

export function show(list) {
  statements = list;
  const before = now;
  const seq = sequence(statements);
  now = seq.now;
  if (now?.id !== before?.id || now?.status !== before?.status) changed();
  showActions(part, seq, () => {
    $("b-run-where").textContent = now ? t("statement_of", { number: statements.indexOf(now) + 1, count: statements.length }) : "";
    $("b-run-status").textContent = !now ? t("no_statement") : now.status === "open" ? t("status_open") : t("closed_result");
    $("live-statement").textContent = now ? now.text : "";
    $("b-hide").hidden = !now || now.hidden;
    $("b-reveal").hidden = !now || !now.hidden;
    $("b-run-next").textContent = !seq.next ? t(statements.length ? "all_shown" : "none_yet")
      : now?.status === "open" ? "" : t("up_next", { text: seq.next.text });
    $("b-comment-form").hidden = !now;
  });
}

export function distribution(data) {
  if (!now || data.statement !== now.id) return;
  dist = data;
  renderNumbers();
}

// Another statement on show (or the same one closed): start from empty
// numbers, never the previous statement's, and fetch what is known now.
function changed() {
  dist = null;
  $("swarm").replaceChildren();
  renderNumbers();
  comments.load().catch(() => {});
  if (!now) return;
  const id = now.id;
  call("GET", `/statements/${id}/distribution`).then((data) => {
    if (now?.id === id && (!dist || now.status === "closed")) distribution(data);
  }).catch(() => {});
}

function renderNumbers() {
  const parts = dist ? [t("positions", { count: dist.count }), t("passes", { count: dist.passes })] : [];
  if (dist && dist.mean != null) parts.push(t("mean", { mean: decimal.format(dist.mean) }));
  $("b-counts").textContent = parts.join(" · ");
  if (dist) renderSwarm($("swarm"), dist, 7);
}

const openNext = () => {
  const { next } = sequence(statements);
  return next && ["POST", `/statements/${next.id}/open`];
};
onClick($("b-open-next"), openNext);
onClick($("b-next"), openNext);
onClick($("b-close"), () => now && ["POST", `/statements/${now.id}/close`]);
onClick($("b-hide"), () => now && ["PATCH", `/statements/${now.id}`, { hidden: true }]);
onClick($("b-reveal"), () => now && ["POST", `/statements/${now.id}/reveal`]);

// The swarm is laid out for its width: again when Run is shown or resized.
new ResizeObserver(() => { if (dist) renderSwarm($("swarm"), dist, 7); }).observe($("swarm"));
