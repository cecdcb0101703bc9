// The phone's outbox (static/js/outbox.js) with a stand-in socket: moves made
// offline wait and go out on reconnect, "Sparat" only after the ack, the last
// position wins, a refusal shows the server's words.
import { afterEach, beforeEach, mock, test } from "node:test";
import assert from "node:assert/strict";
import { FADE_MS, useStrings } from "../../static/js/common.js";
import { clearStatus, outboxFor } from "../../static/js/outbox.js";

useStrings({ saving: "Sparar…", saved: "Sparat", queued: "Inte skickat än", not_saved: "Inte sparat: %(error)s", error: "Fel" });

function fakeSocket(connected) {
  const handlers = {};
  return {
    connected, active: true, sent: [], sendBuffer: [],
    on(name, fn) { (handlers[name] ||= []).push(fn); },
    emit(event, payload, ack) { this.sent.push({ event, payload, ack }); },
    fire(name, ...args) { (handlers[name] || []).forEach((fn) => fn(...args)); },
    up() { this.connected = true; this.fire("connect"); },
    down() { this.connected = false; this.fire("disconnect", "transport close"); },
  };
}
const line = () => ({ textContent: "", bad: false, classList: { toggle(name, on) { if (name === "bad") this.owner.bad = on; } } });
function statusLine() { const node = line(); node.classList.owner = node; return node; }
const tick = () => new Promise((resolve) => setImmediate(resolve));

beforeEach(() => mock.timers.enable({ apis: ["setTimeout"] }));
afterEach(() => mock.timers.reset());

test("online: saving until the ack, then saved, which fades", async () => {
  const socket = fakeSocket(true);
  const reports = [];
  const send = outboxFor(socket, { changed: (r) => reports.push(r) });
  const status = statusLine();
  const done = send("position", { statement: 1, value: 40 }, { status });
  assert.equal(status.textContent, "Sparar…");
  assert.equal(socket.sent.length, 1);
  socket.sent[0].ack({ ok: true, value: 40 });
  assert.deepEqual(await done, { ok: true, value: 40 });
  assert.equal(status.textContent, "Sparat");
  assert.deepEqual(reports.at(-1), { waiting: 0, saved: false });
  mock.timers.tick(FADE_MS);
  assert.equal(status.textContent, "");
});

test("offline: moves wait (the last per key wins), go out on reconnect, and report saved", async () => {
  const socket = fakeSocket(false);
  const reports = [];
  const send = outboxFor(socket, { changed: (r) => reports.push(r) });
  const status = statusLine();
  const first = send("position", { statement: 1, value: 10 }, { status, key: "position:1" });
  const last = send("position", { statement: 1, value: 90 }, { status, key: "position:1" });
  const note = send("note", { topic: 3, text: "Hej" });
  assert.equal(socket.sent.length, 0);
  assert.equal(status.textContent, "Inte skickat än");
  assert.equal(reports.at(-1).waiting, 2);
  socket.up();
  assert.deepEqual(socket.sent.map((s) => s.payload), [{ statement: 1, value: 90 }, { topic: 3, text: "Hej" }]);
  assert.equal(status.textContent, "Sparar…");
  socket.sent[0].ack({ ok: true, value: 90 });
  assert.deepEqual([await first, await last], [{ ok: true, value: 90 }, { ok: true, value: 90 }]);
  assert.deepEqual(reports.at(-1), { waiting: 1, saved: false });
  socket.sent[1].ack({ ok: true, id: 7 });
  assert.deepEqual(await note, { ok: true, id: 7 });
  assert.deepEqual(reports.at(-1), { waiting: 0, saved: true });
  assert.equal(status.textContent, "Sparat");
});

test("a send lost in flight by a disconnect is sent again; the old ack is ignored", async () => {
  const socket = fakeSocket(true);
  const send = outboxFor(socket);
  const status = statusLine();
  const done = send("here", { topic: 4 }, { status, key: "here" });
  socket.sendBuffer.push("socket.io's own copy");
  socket.down();
  assert.deepEqual(socket.sendBuffer, []);
  assert.equal(status.textContent, "Inte skickat än");
  socket.up();
  assert.equal(socket.sent.length, 2);
  socket.sent[0].ack({ ok: false, error: "stale" }); // from the dead connection: ignored
  await tick();
  assert.equal(status.textContent, "Sparar…");
  socket.sent[1].ack({ ok: true, topic: 4 });
  assert.deepEqual(await done, { ok: true, topic: 4 });
});

test("the server's refusal settles waiting sends with its own words", async () => {
  const socket = fakeSocket(false);
  const send = outboxFor(socket);
  const status = statusLine();
  const done = send("corner", { question: 1, corner: 2 }, { status, key: "corner:1" });
  socket.fire("connect_error", new Error("xhr poll error")); // the transport: keeps waiting
  assert.equal(status.textContent, "Inte skickat än");
  socket.active = false;
  socket.fire("connect_error", new Error("Workshoppen är slut. Tack!"));
  assert.deepEqual(await done, { ok: false, error: "Workshoppen är slut. Tack!" });
  assert.equal(status.textContent, "Inte sparat: Workshoppen är slut. Tack!");
  assert.equal(status.bad, true);
});

test("a refused event shows the server's reason; clearStatus detaches the line", async () => {
  const socket = fakeSocket(true);
  const send = outboxFor(socket);
  const status = statusLine();
  const refused = send("vote", { topic: 1, on: true }, { status });
  socket.sent[0].ack({ ok: false, error: "Du har inga prickar kvar." });
  assert.equal((await refused).ok, false);
  assert.equal(status.textContent, "Inte sparat: Du har inga prickar kvar.");
  const later = send("vote", { topic: 2, on: true }, { status });
  clearStatus(status); // another statement or tab: this line is no longer about that send
  assert.equal(status.textContent, "");
  socket.sent[1].ack({ ok: true });
  await later;
  assert.equal(status.textContent, "");
});
