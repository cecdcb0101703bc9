// Åsiktsbarometer on the phone: place yourself on the line, or pass.
// Moves are throttled while dragging (always the last value) and acked once
// committed: "Sparat" shows only after the ack. The last send of a gesture
// (finger lifted, key sequence over, a tap on pass) says `settled: true`:
// where the person settled, so finding your place is not read as a change of mind.
import { say, t } from "../common.js";
import { hyphenate } from "../hyphenate.js";
import { current, onReading, setReading } from "../reading.js";
import { valueText } from "./scale.js";
import { clearStatus } from "../outbox.js";
import { send as sendMove, socket, views } from "../phone.js";
import { Slider } from "./slider.js";
import { phoneFloor } from "./floor.js";
import { phoneComments } from "./comments.js";

const $ = (id) => document.getElementById(id);
let statementId = null;
let pending = 0; // sends not yet acked: server state must not undo them
let queued = false; // a throttled send is waiting: not "Sparat" yet either
let sendTimer = null;
let lastSent = 0;
const THROTTLE_MS = 250;
// This phone's own last answer the server confirmed ({statement, value}: a
// number or "pass"), so that after the close it can say where it stood. Only
// its own position: phones never learn anyone else's.
let mine = null;
let after = null; // the statement just closed, while the phone waits for the next

const slider = new Slider($("track"), $("marker"), scheduleSend, () => sendNow(true));

function scheduleSend() {
  $("hint").textContent = "";
  // A throttled send is on its way: say so in the outbox's words (offline: it waits).
  say($("save"), socket.connected ? t("saving") : t("queued"));
  const wait = Math.max(0, THROTTLE_MS - (Date.now() - lastSent));
  clearTimeout(sendTimer);
  queued = true;
  sendTimer = setTimeout(sendNow, wait);
}

function sendNow(settled = false) {
  clearTimeout(sendTimer);
  queued = false;
  if (slider.value === null || statementId === null) return;
  send(slider.value, settled);
}

// Offline, moves wait in the outbox; the last one per statement is sent.
function send(value, settled = false) {
  lastSent = Date.now();
  pending += 1;
  const move = { statement: statementId, value };
  if (settled) move.settled = true;
  sendMove("position", move, { status: $("save"), key: `position:${statementId}` })
    .then((ack) => {
      pending -= 1;
      if (ack && ack.ok) mine = { statement: ack.statement, value: ack.value };
      // The outbox said "Sparat" for this one; a later move still waiting
      // for the throttle is not saved yet.
      if (queued) say($("save"), socket.connected ? t("saving") : t("queued"));
    });
}

$("pass").addEventListener("click", () => {
  const passing = $("pass").getAttribute("aria-pressed") !== "true";
  setPass(passing);
  slider.cancel();
  if (passing) send("pass", true);
  else { slider.set(50); send(50, true); }
});

function setPass(passing) {
  $("pass").setAttribute("aria-pressed", String(passing));
  $("barometer").classList.toggle("passing", passing);
  $("hint").textContent = passing ? t("passed") : t("place_marker");
}

// After the close (no statement open, still the barometer's phase): "Du
// stod: 72 av 100, håller med." and a pointer to the screen, until the next opens.
function showAfter(active) {
  if (!active) after = null;
  else if (statementId !== null) after = statementId;
  $("b-after").hidden = after === null;
  const own = after !== null && mine?.statement === after ? mine.value : null;
  $("b-after-place").textContent = own === null ? ""
    : own === "pass" ? t("you_passed") : t("you_stood", { place: valueText(own) });
  return after !== null;
}

// The language this phone reads statements in (reading.js: chosen at join or
// here, kept on this phone and by the server). The server sends the
// statement's text in it (state.reading; its own text when it lacks it) and
// sends the state again after a switch. Only the words change: the position stays.
let shownStatement = null;
let shownIn = null; // state.reading: the language the server wrote the text in

function showText() {
  const texts = shownStatement?.texts || {};
  // One choice, one place: beside the item only when the phone has no switch at the top
  // (the workshop offered one language when this page loaded; an item's "texts" came later).
  $("b-lang-row").hidden = Object.keys(texts).length === 0 || document.getElementById("reading-switch") !== null;
  $("b-lang").value = current();
  $("statement").textContent = hyphenate(shownStatement?.text || "");
  if (texts[shownIn]) $("statement").setAttribute("lang", shownIn === "en" ? "en" : "sv");
  else $("statement").removeAttribute("lang");
}

$("b-lang").addEventListener("change", () => setReading($("b-lang").value));
onReading(() => { $("b-lang").value = current(); });

views.barometer = (state, active) => {
  const showing = Boolean(active && state.statement);
  $("barometer").hidden = !showing;
  if (!showing) {
    const shown = showAfter(active);
    statementId = null;
    return shown;
  }
  after = null;
  $("b-after").hidden = true;
  const changed = state.statement.id !== statementId;
  if (changed) { clearTimeout(sendTimer); queued = false; slider.cancel(); } // no move of the last statement goes to this one
  statementId = state.statement.id;
  shownStatement = state.statement;
  shownIn = state.reading;
  showText();
  if (changed) clearStatus($("save"));
  if ((pending > 0 || queued) && !changed) return true;
  const pos = state.position;
  if (typeof pos === "number" || pos === "pass") mine = { statement: statementId, value: pos };
  setPass(pos === "pass");
  slider.set(typeof pos === "number" ? pos : null);
  if (typeof pos === "number" || pos === "pass") $("hint").textContent = pos === "pass" ? t("passed") : "";
  return true;
};

phoneFloor(socket, sendMove);
phoneComments(socket, sendMove);
