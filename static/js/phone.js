// The participant's phone: join, follow the phase, place yourself on the line.
import { connect, t } from "./common.js";
import { Slider } from "./slider.js";

const root = document.getElementById("phone");
const code = root.dataset.code;
const tokenKey = `participant:${code}`;
const $ = (id) => document.getElementById(id);

const socket = connect({ code, participant: localStorage.getItem(tokenKey) || undefined });
// Features (Open Space) hook in here: phase -> function(state).
export const phaseViews = {};
export { socket };

let statementId = null;
let pending = 0; // sends not yet acked: server state must not undo them
let sendTimer = null;
let lastSent = 0;
const THROTTLE_MS = 250;

socket.on("welcome", (data) => {
  localStorage.setItem(tokenKey, data.participant);
  // The next reconnect must present the token, or the server would make a new participant.
  socket.auth.participant = data.participant;
});

const slider = new Slider($("track"), $("marker"), scheduleSend, sendNow);

function scheduleSend() {
  $("hint").textContent = "";
  const wait = Math.max(0, THROTTLE_MS - (Date.now() - lastSent));
  clearTimeout(sendTimer);
  sendTimer = setTimeout(sendNow, wait);
}

function sendNow() {
  clearTimeout(sendTimer);
  if (slider.value === null || statementId === null) return;
  send(slider.value);
}

function send(value) {
  lastSent = Date.now();
  pending += 1;
  $("save").textContent = t("saving");
  $("save").classList.remove("bad");
  socket.emit("position", { statement: statementId, value }, (ack) => {
    pending -= 1;
    if (ack && ack.ok) {
      if (pending === 0) $("save").textContent = t("saved");
    } else {
      $("save").textContent = t("not_saved", { error: ack ? ack.error : "?" });
      $("save").classList.add("bad");
    }
  });
}

$("pass").addEventListener("click", () => {
  const passing = $("pass").getAttribute("aria-pressed") !== "true";
  setPass(passing);
  if (passing) send("pass");
  else { slider.set(50); send(50); }
});

function setPass(passing) {
  $("pass").setAttribute("aria-pressed", String(passing));
  $("barometer").classList.toggle("passing", passing);
  $("hint").textContent = passing ? t("passed") : t("place_marker");
}

socket.on("state", (state) => {
  const showing = state.phase === "barometer" && state.statement;
  $("barometer").hidden = !showing;
  $("waiting").hidden = Boolean(showing) || Boolean(phaseViews[state.phase]);
  const waitingText = { lobby: t("lobby"), ended: t("ended"), openspace: t("openspace") };
  $("waiting-text").textContent = waitingText[state.phase] || t("waiting");
  for (const [phase, view] of Object.entries(phaseViews)) view(state, phase === state.phase);
  if (!showing) { statementId = null; return; }
  const changed = state.statement.id !== statementId;
  statementId = state.statement.id;
  $("statement").textContent = state.statement.text;
  if (changed) $("save").textContent = "";
  if (pending > 0 && !changed) return;
  const pos = state.position;
  setPass(pos === "pass");
  slider.set(typeof pos === "number" ? pos : null);
  if (typeof pos === "number" || pos === "pass") $("hint").textContent = pos === "pass" ? t("passed") : "";
});
