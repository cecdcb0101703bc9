// Ordet: a speaking queue tied to the line. One part per page; each page's
// barometer script calls its own (phoneFloor, consoleFloor, projectorFloor).
//   phone      "Jag vill säga något" (hand {on}), "Du har ordet" (+ vibration)
//   console    the queue with pseudonyms and places, "Ge ordet" (the fair
//              suggestion, or anyone in the queue), "Tack"
//   projector  rings the speaker's dot; "Ordet: någon från håller inte med-sidan"
// Speaking time: each `floor` event carries the turn's "since", the limit
// ("limit_seconds", 0: none) and the server's clock ("now"). The pages count
// from "since" themselves with their offset to that clock (no tick over the
// socket): the projector and the speaker's phone count down and, at 0, turn
// colour and say "Tiden är ute" once (polite), the turn going on; the console
// shows the time spoken. Small groups protected: a speaker whose region was
// too small comes without region (and without dot key): "Ordet: någon".
import { el, say, t } from "../common.js";
import { valueText } from "./scale.js";
import { onDistribution } from "./deltas.js";

const $ = (id) => document.getElementById(id);

export function regionName(region) {
  return t(`region_${region}`);
}

// The server's clock minus this device's, from the last `floor` event's "now".
let offset = 0;
function synced(data) {
  const now = data && Date.parse(data.now);
  if (now) offset = now - Date.now();
}

// Whole seconds since an ISO time, by the server's clock.
export function secondsSince(since) {
  return Math.max(0, Math.floor((Date.now() + offset - Date.parse(since)) / 1000));
}

// 125 -> "02:05"
export function mmss(seconds) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${pad(Math.floor(seconds / 60))}:${pad(seconds % 60)}`;
}

// A turn's clock in `node`: counting down to the limit, then "Tiden är ute
// (+00:12)" in the signal colour, announced once in `alarm` (aria-live
// polite); or counting up (`up`: the console's time spoken). set(null) stops.
function turnClock(node, alarm, up = false) {
  let turn = null;
  let timer = null;
  function draw() {
    if (!turn) return;
    const spent = secondsSince(turn.since);
    const limit = turn.limit || 0;
    const over = !up && limit > 0 && spent >= limit;
    node.classList.toggle("over", over);
    node.textContent = up ? t("time_spoken", { time: mmss(spent) })
      : over ? (spent > limit ? t("time_over", { time: mmss(spent - limit) }) : t("time_up"))
        : t("time_left", { time: mmss(limit - spent) });
    if (over && !turn.announced && alarm) {
      turn.announced = true;
      alarm.textContent = t("time_up");
    }
  }
  return function set(since, limit) {
    const same = turn && turn.since === since && turn.limit === limit;
    if (!same) {
      clearInterval(timer);
      timer = null;
      if (alarm) alarm.textContent = "";
      turn = since && (up || limit > 0) ? { since, limit, announced: false } : null;
      if (turn) timer = setInterval(draw, 250);
    }
    node.hidden = !turn;
    if (!turn) node.classList.remove("over");
    draw();
  };
}

// "P12 · 80 av 100, håller med" / "P3 · Pass / Vet inte"
export function place(position) {
  return position === "pass" ? t("pass") : valueText(position);
}

// send: the phone's outbox (phone.js): kept while offline, acked once committed.
export function phoneFloor(socket, send) {
  const hand = $("hand");
  let mine = { hand: false, speaking: false };
  const clock = turnClock($("speaking-clock"), $("speaking-alarm"));

  function show(floor) {
    synced(floor);
    clock(floor.speaking ? floor.since : null, floor.limit_seconds);
    const wasSpeaking = mine.speaking;
    mine = { hand: Boolean(floor.hand), speaking: Boolean(floor.speaking) };
    hand.setAttribute("aria-pressed", String(mine.hand));
    hand.hidden = mine.speaking;
    say($("hand-status"), mine.hand ? t("hand_up") : "");
    $("speaking").hidden = !mine.speaking;
    if (mine.speaking && !wasSpeaking) navigator.vibrate?.([200, 100, 200]);
  }

  hand.addEventListener("click", () => {
    hand.disabled = true;
    // Offline it waits in the outbox (the connection line counts it); the last press wins.
    send("hand", { on: !mine.hand }, { key: "hand" }).then((ack) => {
      hand.disabled = false;
      if (ack && ack.ok) show({ ...mine, hand: ack.hand });
      else say($("hand-status"), t("not_saved", { error: ack ? ack.error : "?" }), { bad: true });
    });
  });
  socket.on("floor", show);
  socket.on("state", (state) => show(state.floor || { hand: false, speaking: false }));
}

// The cockpit fits one laptop screen (1366×768) in two columns: rather than
// make the page scroll, the queue takes the room left under it, gives up
// rows when there is not enough (down to two) and scrolls inside its box;
// "+3 till" under it says how many are below what it shows. In one column (a
// narrow window) the page scrolls anyway: the queue shows everyone.
function fitQueue() {
  const queue = $("floor-queue");
  const wide = window.matchMedia("(min-width: 60rem)").matches;
  const scrolled = queue.scrollTop; // unfolding the box below would lose it
  queue.style.maxHeight = "none";
  if (queue.offsetParent !== null && wide) {
    const over = document.documentElement.scrollHeight - window.innerHeight;
    if (over > 0) queue.style.maxHeight = `${wholeRows(queue, Math.max(56, queue.clientHeight - over))}px`;
  }
  queue.scrollTop = scrolled;
  countBelow();
}

// The height of the rows that fit in `limit` whole: no person half shown.
function wholeRows(queue, limit) {
  const top = queue.getBoundingClientRect().top;
  let fit = 0;
  for (const li of queue.children) {
    const bottom = li.getBoundingClientRect().bottom - top;
    if (bottom > limit + 0.5) break;
    fit = bottom;
  }
  return Math.ceil(fit) || limit;
}

// How many people in the queue lie (even partly) below its visible part.
function countBelow() {
  const queue = $("floor-queue");
  const more = $("floor-more");
  const bottom = queue.getBoundingClientRect().bottom + 0.5;
  const below = [...queue.querySelectorAll(":scope > li:not(.hint)")]
    .filter((li) => li.getBoundingClientRect().bottom > bottom).length;
  more.dataset.count = String(below);
  more.textContent = below ? t("queue_more", { count: below }) : "";
  // Kept in the layout (invisible) while none are below: the fit above counted it.
  more.hidden = queue.offsetParent === null;
  more.style.visibility = below ? "" : "hidden";
}

export function consoleFloor(socket, call) {
  let floor = { statement: null, queue: [], speaker: null, suggestion: null, heard: {} };
  const elapsed = turnClock($("floor-elapsed"), null, true);
  // Under Prepare: the limit per turn (0: none); a refused value is put back.
  const limit = $("turn-seconds");
  const limitSaved = (s) => { limit.value = String(s.turn_seconds); };
  call("GET", "/barometer").then(limitSaved).catch(() => {});
  limit.addEventListener("change", () => {
    call("PATCH", "/barometer", { turn_seconds: Number(limit.value) })
      .then((s) => { limitSaved(s); say($("turn-seconds-status"), t("saved")); })
      .catch((err) => {
        say($("turn-seconds-status"), t("not_saved", { error: err && err.message ? err.message : "?" }), { bad: true });
        call("GET", "/barometer").then(limitSaved).catch(() => {});
      });
  });
  const give = (participant) => call("POST", `/statements/${floor.statement}/floor`, { participant }).catch(() => {});

  $("floor-next").addEventListener("click", () => give(null));
  $("floor-thanks").addEventListener("click", () => {
    call("DELETE", `/statements/${floor.statement}/floor`).catch(() => {});
  });

  function item(entry) {
    const suggested = floor.suggestion && floor.suggestion.participant === entry.participant;
    const li = el("li", { class: suggested ? "suggested" : null });
    const who = el("span", { class: "entry" });
    // Too few stand where they do (small groups protected): no place named.
    const where = entry.position === null ? t("side_someone") : place(entry.position);
    who.append(el("span", { class: "who" }, entry.pseudonym), " · ", el("span", { class: "where" }, where));
    li.append(who);
    if (suggested) li.append(" ", el("strong", { class: "badge" }, t("suggested")));
    const b = el("button", { type: "button", class: "secondary", "data-key": `give-${entry.participant}` },
      t("give_floor_to_short", { who: entry.pseudonym }));
    b.addEventListener("click", () => give(entry.participant));
    li.append(" ", b);
    return li;
  }

  socket.on("floor", (data) => {
    floor = data;
    synced(data);
    const open = data.statement !== null;
    const s = data.speaker;
    // A protected speaker (too few stood there) comes without region: no side named.
    $("floor-speaker").textContent = !s ? t("floor_nobody")
      : s.region ? t("floor_speaker", { who: s.pseudonym, region: regionName(s.region) })
        : t("floor_speaker_someone", { who: s.pseudonym });
    elapsed(s ? s.since : null, 0);
    $("floor-thanks").disabled = !s;
    const next = $("floor-next");
    next.disabled = !open || !data.suggestion;
    const pick = data.suggestion;
    next.textContent = !pick ? t("give_floor")
      : pick.region ? t("give_floor_to", { who: pick.pseudonym, region: regionName(pick.region) })
        : t("give_floor_to_short", { who: pick.pseudonym });
    // Every side of the line, heard or not (a 0 is the point); those who passed only once heard.
    // Each "inte med 0" unbroken: a narrow column wraps between them, never inside one.
    const sides = Object.entries(data.heard || {}).filter(([r, n]) => r !== "pass" || n > 0)
      .flatMap(([r, n], i) => [...(i ? [" · "] : []), el("span", { class: "side" }, `${t(`side_${r}`)} ${n}`)]);
    const [before, after] = t("heard", { counts: "\u0001" }).split("\u0001");
    $("floor-heard").replaceChildren(...(open ? [before, ...sides, after] : []));
    const queue = $("floor-queue");
    const focused = queue.contains(document.activeElement) ? document.activeElement.dataset.key : null;
    queue.replaceChildren(...(data.queue.length ? data.queue.map(item)
      : [el("li", { class: "hint" }, t("queue_empty"))]));
    if (focused) queue.querySelector(`[data-key="${CSS.escape(focused)}"]`)?.focus();
    fitQueue();
  });
  // Again when Run is shown, the window resized, or the part above changed height.
  // (In the next frame: a change of size inside the observer's callback would be a loop.)
  new ResizeObserver(() => requestAnimationFrame(fitQueue)).observe($("mode-run"));
  window.addEventListener("resize", fitQueue);
  $("floor-queue").addEventListener("scroll", countBelow, { passive: true });
}

// changed(): the note came or went (the projector fits its view again);
// speaking(key): the key of the dot that has the floor now, or null (the
// projector's canvas draws the ring itself).
export function projectorFloor(socket, changed = () => {}, speaking = () => {}) {
  let speaker = null;
  const clock = turnClock($("floor-clock"), $("floor-alarm"));

  // The ring follows the dot: swarm_view keeps one node per key, and new
  // nodes appear on a `distribution`, so the ring is set again after each.
  function ring() {
    for (const dot of document.querySelectorAll("#swarm .dot")) {
      dot.classList.toggle("speaking", speaker !== null && dot.dataset.key === String(speaker.key));
    }
  }

  socket.on("floor", (data) => {
    synced(data);
    speaker = data.speaker;
    const note = $("floor-note");
    const label = $("floor-note-text");
    // A protected speaker (too few stood there): no region, no dot key.
    const text = !speaker ? "" : speaker.region ? t("floor_note", { region: regionName(speaker.region) })
      : t("floor_note_someone");
    const hadClock = !$("floor-clock").hidden;
    clock(speaker ? speaker.since : null, speaker ? speaker.limit_seconds : 0);
    const same = note.hidden === !speaker && label.textContent === text && hadClock === !$("floor-clock").hidden;
    note.hidden = !speaker;
    label.textContent = text;
    if (!same) changed();
    speaking(speaker ? speaker.key : null);
    ring();
  });
  onDistribution(socket, () => setTimeout(ring));
}
