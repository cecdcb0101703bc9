// Replay in the console: pick a closed statement and a speed, play it on the
// projector, pause, seek with the scrubber, end it. The projector animates
// itself (replay.js); this only moves the scrubber and tells the server.
import { el, t } from "../common.js";
import { clock } from "./replay.js";

const $ = (id) => document.getElementById(id);

export function consoleReplay(socket, call) {
  let scrubber = null;
  let base = 0; // performance.now() when the scrubber arrived
  let dragging = false;
  let playing = false; // as shown: the toggle's label says what a press does
  const range = $("replay-at");
  const path = () => `/statements/${scrubber.statement}/replay`;

  const position = () => (scrubber.playing
    ? Math.min(scrubber.duration_ms, scrubber.at_ms + (performance.now() - base) * scrubber.speed)
    : scrubber.at_ms);

  function tick() {
    if (!scrubber) return;
    const at = position();
    if (!dragging) range.value = String(Math.round(at));
    playing = scrubber.playing && at < scrubber.duration_ms;
    $("replay-time").textContent = t("replay_time", { at: clock(dragging ? Number(range.value) : at),
      total: clock(scrubber.duration_ms) });
    $("replay-toggle").textContent = playing ? t("pause") : t("play");
  }
  setInterval(tick, 250);

  function show(data) {
    const started = !scrubber && data && data.statement !== null;
    scrubber = data && data.statement !== null ? data : null;
    base = performance.now();
    $("replay-controls").hidden = !scrubber;
    // Once it plays, the controls are what matters: the choice folds away
    // (opened again, it changes the speed of this one or starts another).
    if (started) $("replay-pick").open = false;
    if (!scrubber) return;
    range.max = String(scrubber.duration_ms);
    $("replay-speed").value = String(Math.round(scrubber.speed));
    tick();
  }

  // "Fråga igen": the round choice lists the chosen statement's rounds, the
  // last one first chosen; a statement asked once hides it.
  let closedRounds = new Map(); // statement id -> its rounds
  function rounds() {
    const n = closedRounds.get($("replay-statement").value) || 1;
    const select = $("replay-round");
    const chosen = select.value;
    const numbers = Array.from({ length: n }, (_, i) => String(i + 1));
    select.replaceChildren(...numbers.map((r) => el("option", { value: r }, t("replay_round", { round: r }))));
    select.value = numbers.includes(chosen) ? chosen : String(n);
    $("replay-round-field").hidden = n < 2;
  }

  async function statements(list) {
    const closed = (list || (await call("GET", "/statements")).statements).filter((s) => s.status === "closed");
    const select = $("replay-statement");
    const chosen = select.value;
    closedRounds = new Map(closed.map((s) => [String(s.id), s.round || 1]));
    select.replaceChildren(...(closed.length ? closed.map((s) => el("option", { value: s.id }, s.text))
      : [el("option", { value: "" }, t("no_closed"))]));
    if (closed.some((s) => String(s.id) === chosen)) select.value = chosen;
    select.closest("form").querySelector("button").disabled = !closed.length;
    rounds();
  }

  $("replay-statement").addEventListener("change", rounds);
  $("replay-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const id = $("replay-statement").value;
    const body = { speed: Number($("replay-speed").value) };
    if (!$("replay-round-field").hidden) body.round = Number($("replay-round").value);
    if (id) call("POST", `/statements/${id}/replay`, body).catch(() => {});
  });
  $("replay-toggle").addEventListener("click", () => {
    if (scrubber) call("PATCH", path(), { playing: !playing }).catch(() => {});
  });
  $("replay-speed").addEventListener("change", () => {
    if (scrubber) call("PATCH", path(), { speed: Number($("replay-speed").value) }).catch(() => {});
  });
  range.addEventListener("input", () => { dragging = true; tick(); });
  range.addEventListener("change", () => {
    dragging = false;
    if (scrubber) call("PATCH", path(), { at: Number(range.value) }).catch(() => {});
  });
  $("replay-stop").addEventListener("click", () => {
    if (scrubber) call("DELETE", path()).catch(() => {});
  });

  socket.on("state", (state) => { show(state.replay); statements().catch(() => {}); });
  socket.on("statements", (data) => statements(data.statements).catch(() => {}));
  socket.on("replay", show);
}
