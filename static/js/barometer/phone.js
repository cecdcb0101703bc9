// Åsiktsbarometer on the phone: place yourself on the line, or pass.
// Moves are throttled while dragging (always the last value) and acked once
// committed: "Sparat" shows only after the ack.
import { t } from "../common.js";
import { socket, views } from "../phone.js";
import { Slider } from "./slider.js";
import { phoneFloor } from "./floor.js";
import { phoneComments } from "./comments.js";

const $ = (id) => document.getElementById(id);
let statementId = null;
let pending = 0; // sends not yet acked: server state must not undo them
let sendTimer = null;
let lastSent = 0;
const THROTTLE_MS = 250;

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

views.barometer = (state, active) => {
  const showing = Boolean(active && state.statement);
  $("barometer").hidden = !showing;
  if (!showing) { statementId = null; return false; }
  const changed = state.statement.id !== statementId;
  statementId = state.statement.id;
  $("statement").textContent = state.statement.text;
  if (changed) $("save").textContent = "";
  if (pending > 0 && !changed) return true;
  const pos = state.position;
  setPass(pos === "pass");
  slider.set(typeof pos === "number" ? pos : null);
  if (typeof pos === "number" || pos === "pass") $("hint").textContent = pos === "pass" ? t("passed") : "";
  return true;
};

phoneFloor(socket);
phoneComments(socket);
