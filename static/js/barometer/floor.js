// Ordet: a speaking queue tied to the line. One part per page; each page's
// barometer script calls its own (phoneFloor, consoleFloor, projectorFloor).
//   phone      "Jag vill säga något" (hand {on}), "Du har ordet" (+ vibration)
//   console    the queue with pseudonyms and places, "Ge ordet" (the fair
//              suggestion, or anyone in the queue), "Tack"
//   projector  rings the speaker's dot; "Ordet: någon från håller inte med-sidan"
import { el, t } from "../common.js";
import { valueText } from "./scale.js";

const $ = (id) => document.getElementById(id);

export function regionName(region) {
  return t(`region_${region}`);
}

// "P12 · 80 av 100, håller med" / "P3 · Pass / Vet inte"
export function place(position) {
  return position === "pass" ? t("pass") : valueText(position);
}

export function phoneFloor(socket) {
  const hand = $("hand");
  let mine = { hand: false, speaking: false };

  function show(floor) {
    const wasSpeaking = mine.speaking;
    mine = { hand: Boolean(floor.hand), speaking: Boolean(floor.speaking) };
    hand.setAttribute("aria-pressed", String(mine.hand));
    hand.hidden = mine.speaking;
    $("hand-status").textContent = mine.hand ? t("hand_up") : "";
    $("speaking").hidden = !mine.speaking;
    if (mine.speaking && !wasSpeaking) navigator.vibrate?.([200, 100, 200]);
  }

  hand.addEventListener("click", () => {
    hand.disabled = true;
    socket.emit("hand", { on: !mine.hand }, (ack) => {
      hand.disabled = false;
      if (ack && ack.ok) show({ ...mine, hand: ack.hand });
      else $("hand-status").textContent = t("not_saved", { error: ack ? ack.error : "?" });
    });
  });
  socket.on("floor", show);
  socket.on("state", (state) => show(state.floor || { hand: false, speaking: false }));
}

export function consoleFloor(socket, call) {
  let floor = { statement: null, queue: [], speaker: null, suggestion: null, heard: {} };
  const give = (participant) => call("POST", `/statements/${floor.statement}/floor`, { participant }).catch(() => {});

  $("floor-next").addEventListener("click", () => give(null));
  $("floor-thanks").addEventListener("click", () => {
    call("DELETE", `/statements/${floor.statement}/floor`).catch(() => {});
  });

  function item(entry) {
    const suggested = floor.suggestion && floor.suggestion.participant === entry.participant;
    const li = el("li", { class: suggested ? "suggested" : null });
    li.append(el("span", { class: "who" }, entry.pseudonym), " · ",
      el("span", { class: "where" }, place(entry.position)));
    if (suggested) li.append(" ", el("strong", { class: "badge" }, t("suggested")));
    const b = el("button", { type: "button", class: "secondary", "data-key": `give-${entry.participant}` },
      t("give_floor_to_short", { who: entry.pseudonym }));
    b.addEventListener("click", () => give(entry.participant));
    li.append(" ", b);
    return li;
  }

  socket.on("floor", (data) => {
    floor = data;
    const open = data.statement !== null;
    const s = data.speaker;
    $("floor-speaker").textContent = s
      ? t("floor_speaker", { who: s.pseudonym, region: regionName(s.region) }) : t("floor_nobody");
    $("floor-thanks").disabled = !s;
    const next = $("floor-next");
    next.disabled = !open || !data.suggestion;
    next.textContent = data.suggestion
      ? t("give_floor_to", { who: data.suggestion.pseudonym, region: regionName(data.suggestion.region) })
      : t("give_floor");
    const heard = Object.entries(data.heard || {}).map(([r, n]) => `${regionName(r)} ${n}`).join(" · ");
    $("floor-heard").textContent = open ? t("heard", { counts: heard }) : "";
    const queue = $("floor-queue");
    const focused = queue.contains(document.activeElement) ? document.activeElement.dataset.key : null;
    queue.replaceChildren(...(data.queue.length ? data.queue.map(item)
      : [el("li", { class: "hint" }, t("queue_empty"))]));
    if (focused) queue.querySelector(`[data-key="${CSS.escape(focused)}"]`)?.focus();
  });
}

export function projectorFloor(socket) {
  let speaker = null;

  // The ring follows the dot: swarm_view keeps one node per key, and new
  // nodes appear on a `distribution`, so the ring is set again after each.
  function ring() {
    for (const dot of document.querySelectorAll("#swarm .dot")) {
      dot.classList.toggle("speaking", speaker !== null && dot.dataset.key === String(speaker.key));
    }
  }

  socket.on("floor", (data) => {
    speaker = data.speaker;
    const note = $("floor-note");
    note.hidden = !speaker;
    note.textContent = speaker ? t("floor_note", { region: regionName(speaker.region) }) : "";
    ring();
  });
  socket.on("distribution", () => setTimeout(ring));
}
