// The facilitator's agenda wall: rooms (columns) × time slots (rows). Topics
// are dragged (HTML5 drag and drop) into cells, or back to the "not on the
// wall yet" pool to unschedule. The server judges every move: a taken cell
// or a break answers 409, shown above the wall; a drop on a fika row is
// refused here, with the reason. The keyboard alternative is the "Place in…"
// menu under each topic in the pool (Run) and in the topic list (Prepare).
import { el, showError, t } from "../common.js";
import { call } from "../console.js";
import { hyphenate } from "../hyphenate.js";
import { freeCells, headcount, slotName, slotTime, sortedSlots, topicAt } from "./common.js";

const $ = (id) => document.getElementById(id);
const DRAG_TYPE = "text/plain";
let wall = null;

// call() shows errors at the top of the page; Open Space's own parts (in
// Prepare far below it) show them too, and so does an open in-place form
// (a room or slot being edited), where the person is looking. Resolves to
// null on failure.
function showOpenSpaceError(err) {
  for (const id of ["os-c-error", "os-c-prep-error"]) showError($(id), err);
  for (const node of document.querySelectorAll(".os-c-edit .os-c-error")) showError(node, err);
}

export async function act(method, path, body) {
  try {
    const data = await call(method, path, body);
    showOpenSpaceError(null);
    return data;
  } catch (err) {
    showOpenSpaceError(err);
    return null;
  }
}

// Both ids, or both null to unschedule.
export function place(topicId, spaceId, slotId) {
  return act("PUT", `/topics/${topicId}/placement`, { space: spaceId, slot: slotId });
}

export function renderWall(data) {
  wall = data;
  const table = el("table", { class: "os-c-table", id: "os-c-table" });
  // Each room at least wide enough for a word like "Projektledning": a
  // narrow screen scrolls the wall sideways (in its box) rather than
  // breaking every word.
  table.style.minWidth = `${6 + 7.5 * wall.spaces.length}rem`;
  table.append(el("caption", { class: "sr" }, t("os_wall_caption")));
  const head = table.appendChild(el("thead")).appendChild(el("tr"));
  head.append(el("th", { scope: "col", class: "os-c-corner" }, t("os_time")));
  for (const space of wall.spaces) head.append(roomHead(space));
  const body = table.appendChild(el("tbody"));
  for (const slot of sortedSlots(wall)) body.append(row(slot));
  $("os-c-grid").replaceChildren(wall.spaces.length && wall.slots.length
    ? table : el("p", { class: "os-muted" }, t("os_wall_empty")));
  const pool = wall.topics.filter((topic) => topic.space == null || topic.slot == null);
  $("os-c-pool").replaceChildren(...pool.map((topic) => {
    const li = el("li");
    const menu = placeMenu(wall, topic, "pool-place");
    // Beside its topic, the menu says what it does itself ("Placera i…");
    // its label stays for screen readers, with the topic as description.
    const select = menu.querySelector("select");
    select.options[0].textContent = t("os_place_in");
    select.setAttribute("aria-describedby", `os-c-topic-${topic.id}`);
    li.append(chip(topic, `os-c-topic-${topic.id}`), menu);
    return li;
  }));
  if (!pool.length) $("os-c-pool").append(el("li", { class: "os-muted" }, t(wall.topics.length ? "os_pool_empty" : "os_no_topics")));
}

// A labelled <select> for one topic: {box, select}.
export function selectMenu(kind, topic, label, options) {
  const id = `os-c-${kind}-${topic.id}`;
  const select = el("select", { id, "data-action": kind, "data-key": id });
  select.append(el("option", { value: "" }, t("os_choose")));
  for (const [value, text] of options) select.append(el("option", { value }, text));
  const box = el("div", { class: "os-c-menu" });
  box.append(el("label", { for: id }, label), select);
  return { box, select };
}

// The keyboard alternative to dragging: every free cell, or off the wall.
export function placeMenu(data, topic, kind) {
  const cells = freeCells(data);
  const options = cells.map((cell) => [cell.value, cell.label]);
  if (topic.space != null) options.push(["unschedule", t("os_unschedule")]);
  const { box, select } = selectMenu(kind, topic, t("os_place_in"), options);
  select.addEventListener("change", async () => {
    const cell = cells.find((c) => c.value === select.value);
    if (select.value === "unschedule") await place(topic.id, null, null);
    else if (cell) await place(topic.id, cell.space, cell.slot);
    select.blur(); // lets the list redraw with the new free cells
  });
  return box;
}

// The room's name, and its seats on a line of their own (a narrow column
// then wraps between words, not inside "Biblioteket").
function roomHead(space) {
  const th = el("th", { scope: "col" });
  th.append(el("span", { class: "os-c-room" }, space.name));
  if (space.capacity) th.append(" ", el("span", { class: "os-c-seats" }, `(${t("os_seats", { count: space.capacity })})`));
  return th;
}

function row(slot) {
  const tr = el("tr", { "data-slot": slot.id, class: slot.kind === "break" ? "os-break-row" : "" });
  // "13:00–13:45" unbroken, the slot's name under it.
  const label = slotName(slot).slice(slotTime(slot).length).trim();
  const head = el("th", { scope: "row" });
  head.append(el("span", { class: "os-c-time" }, slotTime(slot)));
  if (label) head.append(" ", el("span", { class: "os-c-slot" }, label));
  tr.append(head);
  if (slot.kind === "break") {
    tr.append(el("td", { colspan: Math.max(1, wall.spaces.length), class: "os-p-fika" }, slot.label || t("os_break")));
    return tr;
  }
  for (const space of wall.spaces) {
    const topic = topicAt(wall.topics, space.id, slot.id);
    const td = el("td", { class: topic ? "os-c-cell" : "os-c-cell os-free", "data-space": space.id, "data-slot": slot.id,
      "aria-label": `${slotName(slot)} · ${space.name}` });
    if (topic) td.append(chip(topic));
    tr.append(td);
  }
  return tr;
}

// A draggable topic card with its live numbers.
function chip(topic, titleId = null) {
  const card = el("div", { class: topic.hidden ? "os-chip os-hidden" : "os-chip", draggable: "true", "data-topic": topic.id });
  card.append(el("strong", { id: titleId }, hyphenate(topic.title)));
  if (topic.convener) card.append(el("span", { class: "os-muted" }, topic.convener));
  const numbers = [t("os_interest", { count: topic.interest || 0 })];
  if (topic.space != null) numbers.push(headcount(topic));
  if (topic.hidden) numbers.push(t("os_hidden"));
  card.append(el("span", { class: "os-chip-meta" }, numbers.join(" · ")));
  return card;
}

// -- drag and drop: listeners on the containers, so redraws keep them ------------
function dropTarget(event) {
  const fika = event.target.closest(".os-break-row");
  if (fika) return { fika: true, node: fika };
  const cell = event.target.closest("td[data-space]");
  if (cell) return { space: Number(cell.dataset.space), slot: Number(cell.dataset.slot), node: cell };
  const pool = event.target.closest("#os-c-pool");
  return pool ? { space: null, slot: null, node: pool } : null;
}

function onDragStart(event) {
  const card = event.target.closest(".os-chip");
  if (!card) return;
  event.dataTransfer.setData(DRAG_TYPE, card.dataset.topic);
  event.dataTransfer.effectAllowed = "move";
}

function onDragOver(event) {
  const target = dropTarget(event);
  if (!target) return;
  event.preventDefault(); // allows the drop
  event.dataTransfer.dropEffect = "move";
  target.node.classList.add(target.fika ? "os-nodrop" : "os-drop");
}

function onDragLeave(event) {
  const target = dropTarget(event);
  if (target && !target.node.contains(event.relatedTarget)) target.node.classList.remove("os-drop", "os-nodrop");
}

async function onDrop(event) {
  const target = dropTarget(event);
  if (!target) return;
  event.preventDefault();
  target.node.classList.remove("os-drop", "os-nodrop");
  const topicId = Number(event.dataTransfer.getData(DRAG_TYPE));
  if (target.fika) showOpenSpaceError(new Error(t("os_fika_drop")));
  else if (topicId) await place(topicId, target.space, target.slot);
}

for (const id of ["os-c-grid", "os-c-pool"]) {
  const node = $(id);
  node.addEventListener("dragstart", onDragStart);
  node.addEventListener("dragover", onDragOver);
  node.addEventListener("dragleave", onDragLeave);
  node.addEventListener("drop", onDrop);
}
