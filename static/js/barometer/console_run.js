// Åsiktsbarometer in the console, Run (../console_run.js does the sequence):
// the statement on show with its swarm and numbers ("Medel 60,5"), one main
// action at a time ("Öppna nästa" → "Stäng och visa resultatet" → "Nästa
// påstående"), hide/reveal, and comments on it. Under them: Ordet while a
// statement is open (floor.js), the replay once none is (replay_console.js),
// and the comments from phones (comments.js).
import { lang, t } from "../common.js";
import { call, socket } from "../console.js";
import { onClick, runner } from "../console_run.js";
import { consoleComments } from "./comments.js";
import { consoleFloor } from "./floor.js";
import { consoleReplay } from "./replay_console.js";
import { renderSwarm } from "./swarm_view.js";

const $ = (id) => document.getElementById(id);
const decimal = new Intl.NumberFormat(lang(), { maximumFractionDigits: 1 });
let dist = null;

// After the close: the verbal summary the projector shows (the facilitator's
// distribution carries it in the workshop's language, hidden or not), and
// whether the projector shows it.
function summary(now, data) {
  const closed = now?.status === "closed";
  const words = closed && data ? data.summary || "" : "";
  $("b-summary").hidden = !words;
  $("b-summary-text").textContent = words;
  $("b-summary-where").hidden = !closed;
  $("b-summary-where").textContent = !closed ? "" : t(now.hidden ? "summary_hidden" : "summary_shown");
}

function render(now, data) {
  summary(now, data);
  dist = data;
  if (!dist) $("swarm").replaceChildren();
  const parts = dist ? [t("positions", { count: dist.count }), t("passes", { count: dist.passes })] : [];
  if (dist && dist.mean != null) parts.push(t("mean", { mean: decimal.format(dist.mean) }));
  $("b-counts").textContent = parts.join(" · ");
  if (dist) renderSwarm($("swarm"), dist, 7);
}

const run = runner({
  prefix: "b", path: "/statements", aggregate: "distribution", key: "statement", text: $("live-statement"), render,
  texts: { of: "statement_of", open: "status_open", closed: "closed_result", none: "no_statement",
    allShown: "all_shown", noneYet: "none_yet", upNext: "up_next" },
  update(now) {
    summary(now, dist);
    $("b-hide").hidden = !now || now.hidden;
    $("b-reveal").hidden = !now || !now.hidden;
  },
});
export const { show, numbers: distribution } = run;

onClick($("b-hide"), () => run.now() && ["PATCH", `/statements/${run.now().id}`, { hidden: true }]);
onClick($("b-reveal"), () => run.now() && ["POST", `/statements/${run.now().id}/reveal`]);

// The swarm is laid out for its width: again when Run is shown or resized.
new ResizeObserver(() => { if (dist) renderSwarm($("swarm"), dist, 7); }).observe($("swarm"));

consoleFloor(socket, call);
consoleComments(socket, call);
consoleReplay(socket, call);
// Ordet lives while a statement is open; a replay needs every statement closed.
socket.on("state", (state) => {
  $("floor-box").hidden = !state.statement;
  $("replay-box").hidden = Boolean(state.statement);
});
