// Projector, Open Space: the opening circle, the marketplace where proposed
// topics appear live, and the agenda wall (rooms × time slots) with live
// headcounts. Read-only; all text set via textContent (el()).
import { api, el, keyFor, t } from "../common.js";
import { views, socket } from "../projector.js";
import { breakText, headcount, slotName, sortedSlots, topicAt, visibleTopics } from "./common.js";

const $ = (id) => document.getElementById(id);
const workshopId = $("projector").dataset.workshop;
const VIEWS = { 1: "opening", 2: "market", 3: "wall" };
let wall = null;
let active = false;
let chosen = null; // a view picked on the projector's keyboard; null = automatic
const seen = new Set(); // topic ids already shown, so new ones can be highlighted

views.openspace = (state, isActive) => {
  active = isActive;
  $("os-projector").hidden = !isActive;
  if (isActive && !wall) fetchWall();
  render();
  return isActive;
};

socket.on("wall", (data) => { wall = data; render(); });

// The wall normally arrives over the socket on connect; this covers a
// projector that connected before the feature's first push.
function fetchWall() {
  api("GET", `/api/workshops/${workshopId}/wall`, keyFor(workshopId))
    .then((data) => { if (!wall) { wall = data; render(); } })
    .catch(() => {});
}

// The operator at the projector may pin a view: 1 opening, 2 market, 3 wall, 0 auto.
document.addEventListener("keydown", (event) => {
  if (!active || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === "0") chosen = null;
  else if (VIEWS[event.key]) chosen = VIEWS[event.key];
  else return;
  render();
});

// Nothing proposed yet: the opening circle. Proposals but none placed: the
// marketplace. Once anything is on the wall: the wall.
function automaticView(topics) {
  if (topics.some((topic) => topic.space != null && topic.slot != null)) return "wall";
  return topics.length ? "market" : "opening";
}

// Nothing may hide under the join panel, wherever the page's CSS puts it
// (a top corner: keep headings beside it; the bottom: leave room below).
// Its size depends on the join URL, so measure it rather than guess.
function clearJoinPanel() {
  const panel = $("join");
  const box = panel && !panel.hidden ? panel.getBoundingClientRect() : null;
  const atTop = box && box.top < window.innerHeight / 2;
  const style = $("os-projector").style;
  const top = $("os-projector").getBoundingClientRect().top;
  style.setProperty("--os-clear", atTop ? `${Math.ceil(box.width) + 24}px` : "0px");
  style.setProperty("--os-clear-h", atTop ? `${Math.max(0, Math.ceil(box.bottom - top))}px` : "0px");
  style.setProperty("--os-clear-bottom", box && !atTop ? `${Math.ceil(window.innerHeight - box.top) + 8}px` : "0px");
}
window.addEventListener("resize", () => { if (active) clearJoinPanel(); });

function render() {
  if (!active) return;
  clearJoinPanel();
  const topics = wall ? visibleTopics(wall) : [];
  const view = chosen || automaticView(topics);
  for (const name of Object.values(VIEWS)) $(`os-p-${name}`).hidden = name !== view;
  const theme = (wall && wall.settings.theme) || "";
  $("os-p-theme").textContent = theme || t("os_default_theme");
  $("os-p-market-theme").textContent = theme;
  $("os-p-wall-theme").textContent = theme;
  renderBreak();
  if (!wall) return;
  renderMarket(topics);
  renderWall(topics);
}

function renderBreak() {
  const text = wall ? breakText(wall.settings) : null;
  $("os-p-break").hidden = !text;
  $("os-p-break").textContent = text || "";
}
setInterval(renderBreak, 15_000); // the minutes left tick down

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
  table.append(el("caption", { class: "sr" }, t("os_wall_caption")));
  const head = table.appendChild(el("thead")).appendChild(el("tr"));
  head.append(el("th", { scope: "col", class: "os-p-corner" }, t("os_time")));
  for (const space of spaces) head.append(el("th", { scope: "col" }, space.name));
  const body = table.appendChild(el("tbody"));
  for (const slot of sortedSlots(wall)) body.append(slotRow(slot, spaces, topics));
  $("os-p-grid").replaceChildren(table);
}

function slotRow(slot, spaces, topics) {
  const row = el("tr", { "data-slot": slot.id, class: slot.kind === "break" ? "os-break-row" : "" });
  row.append(el("th", { scope: "row", class: "os-p-time" }, slotName(slot)));
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
  td.append(el("p", { class: "os-p-cell-title" }, topic.title));
  if (topic.convener) td.append(el("p", { class: "os-p-convener" }, topic.convener));
  td.append(el("p", { class: "os-p-here", "data-here": topic.here || 0 }, headcount(topic)));
  return td;
}
