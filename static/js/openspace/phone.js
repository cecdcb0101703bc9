// The phone during Open Space: propose topics, mark interest, see what runs
// now and next, say "Jag är här" (one group at a time: pressing another one
// moves you – the law of two feet), claim a free cell, spend dots.
import { el, liveRender, t } from "../common.js";
import { views, socket } from "../phone.js";
import {
  breakText, freeCells, headcount, nowNext, placeOf, sendWithStatus, slotName, topicAt, visibleTopics,
} from "./common.js";
import { initNotes, renderNotes } from "./phone_notes.js";

const $ = (id) => document.getElementById(id);
const CONVENER_KEY = "openspace:convener";
let wall = null;
let me = { here: null, interest: [], votes: [], proposed: [], dots_left: 0 };
let active = false;

views.openspace = (state, isActive) => {
  active = isActive;
  $("os-phone").hidden = !isActive;
  render();
  return isActive;
};
socket.on("wall", (data) => { wall = data; render(); });
socket.on("me", (data) => applyMe(data));
setInterval(() => render(), 30_000); // "now" moves with the clock

// Ids travel as strings in data-topic; find the topic to send its real id.
const byKey = (key) => (wall ? wall.topics.find((topic) => String(topic.id) === key) : null);
const hereTopic = () => (wall && me.here != null ? visibleTopics(wall).find((x) => x.id === me.here) || null : null);
initNotes(socket, hereTopic);

function render() {
  if (!active || !wall) return;
  const topics = visibleTopics(wall);
  $("os-theme").textContent = wall.settings.theme || "";
  $("os-theme").hidden = !wall.settings.theme;
  const pause = breakText(wall.settings);
  $("os-break").hidden = !pause;
  $("os-break").textContent = pause || "";
  renderHere();
  renderNowNext(topics);
  renderTopics(topics);
}

function renderHere() {
  const topic = hereTopic();
  $("os-here-box").hidden = !topic;
  if (!topic) return;
  const place = placeOf(wall, topic);
  $("os-here-title").textContent = place ? `${topic.title} – ${place}` : topic.title;
  renderNotes(topic);
}

function toggle(action, topic, pressed, label, extra = {}) {
  return el("button", {
    type: "button", class: `os-toggle os-${action}`, "data-action": action, "data-topic": topic.id,
    "data-key": `${action}-${topic.id}`, "aria-pressed": String(pressed),
    "aria-describedby": `os-t-${topic.id}`, ...extra,
  }, label);
}

const hereButton = (topic) => toggle("here", topic, me.here === topic.id, t("os_im_here"));

function renderNowNext(topics) {
  const { now, next } = nowNext(wall);
  $("os-now").hidden = !now && !next;
  liveRender($("os-now-list"), () => [[now, t("os_now")], [next, t("os_next")]]
    .filter(([slot]) => slot)
    .map(([slot, when]) => slotBlock(slot, when, topics)));
}

function slotBlock(slot, when, topics) {
  const block = el("div", { class: "os-slot", "data-slot": slot.id });
  block.append(el("h4", {}, `${when}: ${slotName(slot)}`));
  if (slot.kind === "break") return block;
  const list = block.appendChild(el("ul", { class: "os-rooms" }));
  for (const space of wall.spaces) {
    const topic = topicAt(topics, space.id, slot.id);
    if (!topic) continue;
    const item = list.appendChild(el("li", { class: "os-room" }));
    item.append(el("p", { class: "os-room-name" }, space.name),
      el("p", { class: "os-topic-title", id: `os-n-${topic.id}` }, topic.title),
      el("p", { class: "os-muted" }, headcount(topic)));
    item.append(toggle("here", topic, me.here === topic.id, t("os_im_here"), { "aria-describedby": `os-n-${topic.id}` }));
  }
  if (!list.children.length) block.append(el("p", { class: "os-muted" }, t("os_nothing_here")));
  return block;
}

function renderTopics(topics) {
  const dots = wall.settings.dots || 0;
  $("os-dots").hidden = dots <= 0;
  $("os-dots").textContent = t("os_dots_left", { count: me.dots_left ?? 0 });
  $("os-topics-empty").hidden = topics.length > 0;
  liveRender($("os-topics"), () => topics.map((topic) => topicItem(topic, dots)));
}

function topicItem(topic, dots) {
  const item = el("li", { class: "os-topic", id: `os-topic-${topic.id}`, "data-topic": topic.id });
  item.append(el("p", { class: "os-topic-title", id: `os-t-${topic.id}` }, topic.title));
  if (topic.convener) item.append(el("p", { class: "os-convener" }, t("os_convener", { name: topic.convener })));
  if (topic.description) item.append(el("p", { class: "os-description" }, topic.description));
  const place = placeOf(wall, topic);
  if (place) item.append(el("p", { class: "os-place" }, place));
  item.append(el("p", { class: "os-muted" }, meta(topic)));
  const actions = item.appendChild(el("div", { class: "os-actions" }));
  actions.append(toggle("interest", topic, me.interest.includes(topic.id), t("os_interested")));
  if (place) actions.append(hereButton(topic));
  if (dots > 0) {
    const voted = me.votes.includes(topic.id);
    actions.append(toggle("vote", topic, voted, t("os_dot"), { disabled: !voted && (me.dots_left ?? 0) <= 0 }));
  }
  if (!place && wall.settings.allow_claims && me.proposed.includes(topic.id)) item.append(claimMenu(topic));
  return item;
}

function meta(topic) {
  const parts = [t("os_interest", { count: topic.interest || 0 })];
  if (topic.space != null) parts.push(headcount(topic));
  if (wall.settings.dots > 0) parts.push(t("os_votes", { count: topic.votes || 0 }));
  return parts.join(" · ");
}

// Your own unscheduled topic: pick a free room and time yourself.
function claimMenu(topic) {
  const id = `os-claim-${topic.id}`;
  const box = el("div", { class: "os-claim" });
  const select = el("select", { id, "data-action": "claim", "data-topic": topic.id, "data-key": id });
  select.append(el("option", { value: "" }, t("os_choose")));
  for (const cell of freeCells(wall)) select.append(el("option", { value: cell.value }, cell.label));
  box.append(el("label", { for: id }, t("os_claim")), select);
  return box;
}

// One listener for every toggle, however often the lists are redrawn.
$("os-phone").addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-action]");
  const topic = button && byKey(button.dataset.topic);
  if (!topic) return;
  const status = button.closest("section").querySelector(".save");
  const action = button.dataset.action;
  if (action === "here") await setHere(me.here === topic.id ? null : topic.id, status);
  else await toggleList(action, topic.id, status);
});

// Leaving without joining another group: the law of two feet allows it.
$("os-leave").addEventListener("click", () => setHere(null, $("os-topics-status")));

async function setHere(topicId, status) {
  const ack = await sendWithStatus(socket, "here", { topic: topicId }, status);
  if (ack.ok) applyMe(ack.me);
}

// Every ok ack carries the phone's new `me`: the buttons show the server's truth.
function applyMe(data) {
  if (data) me = { ...me, ...data };
  render();
}

async function toggleList(action, topicId, status) {
  const field = action === "vote" ? "votes" : "interest";
  const on = !me[field].includes(topicId);
  const ack = await sendWithStatus(socket, action, { topic: topicId, on }, status);
  if (ack.ok) applyMe(ack.me);
}

$("os-phone").addEventListener("change", async (event) => {
  const select = event.target.closest("select[data-action=claim]");
  const topic = select && byKey(select.dataset.topic);
  const cell = topic && freeCells(wall).find((c) => c.value === select.value);
  if (!cell) return;
  const ack = await sendWithStatus(socket, "claim", { topic: topic.id, space: cell.space, slot: cell.slot },
    $("os-topics-status"));
  if (!ack.ok) select.value = "";
  select.blur(); // lets the list redraw with the topic in its new place
});

$("os-convener").value = localStorage.getItem(CONVENER_KEY) || "";
$("os-propose-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const payload = { title: $("os-title").value.trim() };
  const description = $("os-description").value.trim();
  const convener = $("os-convener").value.trim();
  if (description) payload.description = description;
  if (convener) payload.convener = convener;
  localStorage.setItem(CONVENER_KEY, convener); // the next proposal is likely by the same person
  const ack = await sendWithStatus(socket, "topic", payload, $("os-propose-status"));
  if (!ack.ok) return;
  $("os-title").value = "";
  $("os-description").value = "";
  applyMe(ack.me);
});
