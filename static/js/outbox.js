// The phone's outbox: every phone event that changes something goes through
// it, so a move made while the server is away is kept, sent on reconnect, and
// "Sparat" shows only once the server has committed it. No DOM or network on
// import (tested under node --test with a stand-in socket).
import { say, t } from "./common.js";

const outboxes = new Set(); // one per socket (a page has one): sends not yet acked, oldest first

// send(event, payload, {status, key}) -> Promise of the ack ({ok, …}).
// - Offline, a send waits and goes out on reconnect. One in flight when the
//   connection drops is sent again (see docs/protocol.md for what that means
//   for `topic` and `note`).
// - A send with a `key` replaces a waiting one with the same key (the last
//   slider position wins); both promises get the ack of the one sent.
// - Its status line (a node) says where it is: waiting for the connection,
//   saving, saved (fades), or not saved with the server's reason.
// - changed({waiting, saved}) after each change: how many wait, and saved =
//   true once every move made offline is committed.
// - A refusal by the server (the socket stops: wrong code, workshop closed)
//   settles every send with the server's text.
export function outboxFor(socket, { changed = () => {} } = {}) {
  const outbox = [];
  outboxes.add(outbox);
  let offlineMoves = false; // some move waited offline: report "saved" when the last is in
  const report = () => {
    const saved = !outbox.length && offlineMoves && socket.connected;
    if (saved) offlineMoves = false;
    changed({ waiting: outbox.length, saved });
  };
  const paintStatuses = () => {
    for (const node of new Set(outbox.map((e) => e.status).filter(Boolean))) {
      say(node, socket.connected ? t("saving") : t("queued"));
    }
  };
  const settle = (entry, ack) => {
    const index = outbox.indexOf(entry);
    if (index < 0) return;
    outbox.splice(index, 1);
    entry.resolvers.forEach((resolve) => resolve(ack));
    if (entry.status) {
      if (!ack.ok) say(entry.status, t("not_saved", { error: ack.error || t("error") }), { bad: true });
      else if (!outbox.some((e) => e.status === entry.status)) say(entry.status, t("saved"), { fade: true });
    }
    report();
  };
  const emit = (entry) => {
    entry.sent = true;
    const attempt = ++entry.attempts; // an ack for an earlier attempt went with its connection
    socket.emit(entry.event, entry.payload, (ack) => {
      if (attempt === entry.attempts) settle(entry, ack && typeof ack === "object" ? ack : { ok: false });
    });
  };

  socket.on("connect", () => { outbox.filter((e) => !e.sent).forEach(emit); paintStatuses(); });
  socket.on("disconnect", () => {
    socket.sendBuffer = []; // socket.io's own copies: the outbox sends them again itself
    outbox.forEach((e) => { e.sent = false; });
    if (outbox.length) offlineMoves = true;
    paintStatuses();
    report();
  });
  socket.on("connect_error", (err) => {
    if (!socket.active) [...outbox].forEach((e) => settle(e, { ok: false, error: err.message || t("error") }));
  });

  return (event, payload, { status = null, key = null } = {}) => new Promise((resolve) => {
    const waiting = key && outbox.find((e) => e.key === key && !e.sent);
    if (waiting) {
      Object.assign(waiting, { payload, status: status || waiting.status });
      waiting.resolvers.push(resolve);
    } else {
      const entry = { event, payload, key, status, resolvers: [resolve], sent: false, attempts: 0 };
      outbox.push(entry);
      if (socket.connected) emit(entry);
      else offlineMoves = true;
    }
    paintStatuses();
    report();
  });
}

// The section a status line belongs to changed (another statement, another
// tab): clear the line, and let sends still out there stop writing to it.
export function clearStatus(node) {
  for (const outbox of outboxes) outbox.forEach((e) => { if (e.status === node) e.status = null; });
  say(node, "");
}
