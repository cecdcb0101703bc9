// Projector, Open Space: the opening circle, the marketplace where proposed
// topics appear live, the agenda wall (rooms × time slots) with live
// headcounts, and the break. Read-only; all text set via textContent (el()).
import { api, el, keyFor, t } from "../common.js";
import { hyphenate } from "../hyphenate.js";
import { fitView, refresh, socket, views } from "../projector.js";
import { breakText, headcount, minutesOf, nowNext, slotName, slotTime, sortedSlots, topicAt, visibleTopics } from "./common.js";

const $ = (id) => document.getElementById(id);
const workshopId = $("projector").dataset.workshop;
const KEYS = { 1: "opening", 2: "market", 3: "wall", 4: "break" };
const SECTIONS = { opening: "os-p-opening", market: "os-p-market", wall: "os-p-wall", break: "os-p-break-view" };
let wall = null;
let active = false;
let pick = null; // the facilitator's choice (null: automatic)
let chosen = null; // a view picked on the projector's keyboard; overrides pick until the facilitator picks again
const seen = new Set(); // topic ids already shown, so new ones can be highlighted

views.openspace = (state, next) => {
  active = next !== false;
  if (!active || next !== pick) chosen = null;
  pick = next === false ? null : next;
  $("os-projector").hidden = !active;
  if (!active) return null;
  if (!wall) fetchWall();
  return render();
};

socket.on("wall", (data) => {
  wall = data;
  if (active) refresh();
});

// The wall normally arrives over the socket on connect; this covers a
// projector that connected before the feature's first push.
function fetchWall() {
  api("GET", `/api/workshops/${workshopId}/wall`, keyFor(workshopId))
    .then((data) => { if (!wall) { wall = data; refresh(); } })
    .catch(() => {});
}

// The operator at the projector may pick a view: 1 opening, 2 market, 3 wall,
// 4 break; 0 goes back to the facilitator's choice.
document.addEventListener("keydown", (event) => {
  if (!active || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === "0") chosen = null;
  else if (KEYS[event.key]) chosen = KEYS[event.key];
  else return;
  refresh();
});

// Nothing proposed yet: the opening circle. Proposals but none placed: the
// marketplace. Once anything is on the wall: the wall.
function automaticView(topics) {
  if (topics.some((topic) => topic.space != null && topic.slot != null)) return "wall";
  return topics.length ? "market" : "opening";
}

function render() {
  const topics = wall ? visibleTopics(wall) : [];
  const view = chosen || pick || automaticView(topics);
  for (const [name, id] of Object.entries(SECTIONS)) $(id).hidden = name !== view;
  const theme = (wall && wall.settings.theme) || "";
  $("os-p-theme").textContent = theme || t("os_default_theme");
  $("os-p-market-theme").textContent = theme;
  $("os-p-wall-theme").textContent = theme;
  renderBreak(view);
  if (wall && view === "market") renderMarket(topics);
  if (wall && view === "wall") renderWall(topics);
  const section = $(SECTIONS[view]);
  const kept = $("os-p-grid").scrollTop; // fitting below may clamp it: put back in scrollWall
  section.classList.remove("os-dense", "os-scroll");
  $("os-p-grid").removeAttribute("tabindex");
  // A full wall (six rooms × eight slots) may need its titles cut to two lines.
  // The wall starts large (openspace.css), so it may shrink further, but not
  // below what a room can read: a bigger wall scrolls in its own box.
  const min = view === "wall" ? WALL_FLOOR : 0.45;
  if (!fitView(section, min) && view === "wall") {
    section.classList.add("os-dense");
    if (!fitView(section, min)) scrollWall(section, kept);
  }
  if (view !== "wall" || !section.classList.contains("os-scroll")) scrolledTo = null;
  return view;
}

// The smallest type the wall shrinks to (--fit): titles about 1.6 % of the
// screen's height, which a 6 × 8 wall still fits on a 1024 × 768 screen.
const WALL_FLOOR = 0.375;
let scrolledTo = null; // the slot the scrolling wall was last brought to

// Titles whole again; the box scrolls (openspace.css: .os-scroll), reachable
// by keyboard, and shows the slot on now (or next) under the rooms' row,
// moving there only when that slot changes; otherwise it stays where it was
// (``kept``), through every headcount's redraw.
function scrollWall(section, kept) {
  section.classList.remove("os-dense");
  section.classList.add("os-scroll");
  section.style.setProperty("--fit", String(WALL_FLOOR));
  const grid = $("os-p-grid");
  grid.tabIndex = 0;
  const { now, next } = nowNext(wall);
  const slot = now || next;
  const key = slot ? slot.id : null;
  if (key === scrolledTo) {
    grid.scrollTop = kept;
    return;
  }
  scrolledTo = key;
  const row = slot && grid.querySelector(`tr[data-slot="${slot.id}"]`);
  const head = grid.querySelector("thead");
  grid.scrollTop = row ? row.getBoundingClientRect().top - grid.getBoundingClientRect().top + grid.scrollTop
    - head.getBoundingClientRect().height : 0;
}

// The break timer: a banner over the other views, or the whole screen.
function renderBreak(view) {
  const settings = wall ? wall.settings : {};
  const text = view === "break" ? null : breakText(settings);
  const banner = $("os-p-break");
  banner.hidden = !text;
  banner.textContent = text || "";
  if (text) $(SECTIONS[view]).querySelector(".p-head").prepend(banner);
  if (view !== "break") return;
  $("os-p-break-label").textContent = settings.break_label || t("os_break");
  $("os-p-break-time").textContent = settings.break_until ? backAt(settings.break_until) : "";
}

function backAt(until, now = new Date()) {
  const text = t("os_back_at", { time: until });
  const left = minutesOf(until) - (now.getHours() * 60 + now.getMinutes());
  return left > 0 ? `${text} (${t("os_minutes_left", { count: left })})` : text;
}
setInterval(() => { if (active && wall && wall.settings.break_until) refresh(); }, 15_000); // the minutes left tick down

function renderMarket(topics) {
  $("os-p-market-empty").hidden = topics.length > 0;
  $("os-p-topics").replaceChildren(...topics.map((topic) => {
    const card = el("li", { class: seen.has(topic.id) ? "os-p-topic" : "os-p-topic os-new", "data-topic": topic.id });
    card.append(el("p", { class: "os-p-topic-title" }, topic.title));
    if (topic.convener) card.append(el("p", { class: "os-p-convener" }, topic.convener));
    if (topic.interest) card.append(el("p", { class: "os-p-count" }, t("os_interest", { count: topic.interest })));
    return card;
  }));
  for (const topic of topics) seen.add(topic.id);
}

function renderWall(topics) {
  const spaces = wall.spaces;
  const table = el("table", { class: "os-p-table", id: "os-p-table" });
  table.style.setProperty("--os-rooms", String(spaces.length)); // a scrolling wall's width (openspace.css)
  table.append(el("caption", { class: "sr" }, t("os_wall_caption")));
  const head = table.appendChild(el("thead")).appendChild(el("tr"));
  head.append(el("th", { scope: "col", class: "os-p-corner" }, t("os_time")));
  for (const space of spaces) head.append(el("th", { scope: "col" }, hyphenate(space.name)));
  const body = table.appendChild(el("tbody"));
  for (const slot of sortedSlots(wall)) body.append(slotRow(slot, spaces, topics));
  $("os-p-grid").replaceChildren(table);
}

function slotRow(slot, spaces, topics) {
  const row = el("tr", { "data-slot": slot.id, class: slot.kind === "break" ? "os-break-row" : "" });
  // The time on one line; the slot's name (if any) under it.
  const th = row.appendChild(el("th", { scope: "row", class: "os-p-time" }));
  th.append(el("span", { class: "os-p-clock" }, slotTime(slot)));
  const label = slotName(slot).slice(slotTime(slot).length).trim();
  if (label && slot.kind !== "break") th.append(" ", el("span", { class: "os-p-slot-label" }, label)); // a break's cell says it
  if (slot.kind === "break") {
    row.append(el("td", { colspan: Math.max(1, spaces.length), class: "os-p-fika" }, slot.label || t("os_break")));
    return row;
  }
  for (const space of spaces) row.append(cell(topicAt(topics, space.id, slot.id), space, slot));
  return row;
}

function cell(topic, space, slot) {
  const td = el("td", { class: topic ? "os-p-cell" : "os-p-cell os-free", "data-space": space.id, "data-slot": slot.id });
  if (!topic) return td;
  td.dataset.topic = topic.id;
  td.append(el("p", { class: "os-p-cell-title" }, hyphenate(topic.title)));
  const meta = td.appendChild(el("p", { class: "os-p-meta" }));
  if (topic.convener) meta.append(el("span", { class: "os-p-convener" }, topic.convener), " · ");
  meta.append(el("span", { class: "os-p-here", "data-here": topic.here || 0 }, headcount(topic)));
  return td;
}

refresh();
