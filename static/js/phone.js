// The participant's phone: join by code, keep the token, follow the phase.
// Each method's script (static/js/<method>/phone.js) registers a view:
//   views[name] = (state, active) => true when it shows something now.
// When no view shows anything, the phone says what to wait for.
import { t } from "./common.js";
import { connect, showWaiting } from "./live.js";
import { outboxFor } from "./outbox.js";
import { current, onReading, readingSwitch } from "./reading.js";

const root = document.getElementById("phone");
const code = root.dataset.code;
const tokenKey = `participant:${code}`;
const $ = (id) => document.getElementById(id);

export const socket = connect({
  code, participant: localStorage.getItem(tokenKey) || undefined, reading: current(),
});
export const views = {};
readingSwitch();
// The reading language ("Språk"): the server sends this phone's state in it.
// Offline, the next connect carries it (auth.reading).
onReading((tag) => {
  socket.auth.reading = tag;
  if (socket.connected) socket.emit("reading", { language: tag });
});
// Method scripts send their moves with this: kept while offline, acked when committed.
export const send = outboxFor(socket, { changed: showWaiting });

socket.on("welcome", (data) => {
  localStorage.setItem(tokenKey, data.participant);
  // The next reconnect must present the token, or the server would make a new participant.
  socket.auth.participant = data.participant;
});

socket.on("state", (state) => {
  let showing = false;
  for (const [name, view] of Object.entries(views)) {
    if (view(state, name === state.phase)) showing = true;
  }
  $("waiting").hidden = showing;
  const waitingText = { lobby: t("lobby"), ended: t("ended") }[state.phase];
  $("waiting-text").textContent = waitingText || t(`waiting_${state.phase}`);
});

// Refused by the server (a wrong code, closed doors): the connection line
// says why; "Ansluter…" below it would contradict it.
socket.on("connect_error", () => {
  if (!socket.active) $("waiting").hidden = true;
});
