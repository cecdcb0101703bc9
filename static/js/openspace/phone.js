// The phone during Open Space, in three tabs: "Min grupp" (where you are and
// the group's notes), "Nu och nästa" (what runs in each room now and next)
// and "Alla ämnen" (propose, interest, dots, claim a free cell). "Jag är
// här" shows once per topic: under "Nu och nästa" while its slot is now or
// next, else at the topic. Pressing it for another group moves you (the law
// of two feet); once the server has it, "Min grupp" opens with the note form
// in view and focused.
import { el, liveRender, t } from "../common.js";
import { hyphenate } from "../hyphenate.js";
import { clearStatus } from "../outbox.js";
import { send, socket, views } from "../phone.js";
import { breakText, freeCells, headcount, nowNext, placeOf, slotName, topicAt, visibleTopics } from "./common.js";
import { initNotes, renderNotes } from "./phone_notes.js";

const $ = (id) => document.getElementById(id);
const CONVENER_KEY = "openspace:convener";
const TABS = ["mine", "now", "topics"];
let wall = null;
let me = { here: null, interest: [], votes: [], proposed: [], dots_left: 0 };
let meKnown = false; // the server's `me` has come (it does on connect)
let active = false;
let tab = "mine";
let tabChosen = false; // the first full render picks a tab; after that only the person (or "Jag är här") does
let shownHere = null; // the group "Min grupp" shows, to clear its status lines when it changes

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
initNotes(hereTopic);

function render() {
  if (!active || !wall) return;
  const topics = visibleTopics(wall);
  $("os-theme").textContent = wall.settings.theme || "";
  $("os-theme").hidden = !wall.settings.theme;
  const pause = breakText(wall.settings);
  $("os-break").hidden = !pause;
  $("os-break").textContent = pause || "";
  const { now, next } = nowNext(wall);
  if (!tabChosen && meKnown) {
    tabChosen = true;
    selectTab(hereTopic() ? "mine" : now || next ? "now" : "topics");
    $("os-propose-box").open = topics.length === 0;
  }
  renderMine();
  renderNowNext(topics, now, next);
  renderTopics(topics, new Set([now, next].filter(Boolean).map((slot) => slot.id)));
}

// Tabs (WAI-ARIA tabs pattern): arrows, Home and End move and select.
function selectTab(name) {
  if (name !== tab) $(`os-panel-${tab}`).querySelectorAll(".save").forEach(clearStatus);
  tab = name;
  for (const other of TABS) {
    const button = $(`os-tab-${other}`);
    button.setAttribute("aria-selected", String(other === name));
    button.tabIndex = other === name ? 0 : -1;
    $(`os-panel-${other}`).hidden = other !== name;
  }
}

for (const name of TABS) $(`os-tab-${name}`).addEventListener("click", () => { tabChosen = true; selectTab(name); });
document.querySelector("#os-phone [role=tablist]").addEventListener("keydown", (event) => {
  const at = TABS.indexOf(tab);
  const to = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: TABS.length - 1 }[event.key];
  if (to === undefined) return;
  event.preventDefault();
  const name = TABS[(to + TABS.length) % TABS.length];
  tabChosen = true;
  selectTab(name);
  $(`os-tab-${name}`).focus();
});

function renderMine() {
  const topic = hereTopic();
  if ((topic && topic.id) !== shownHere) {
    shownHere = topic && topic.id;
    clearStatus($("os-note-status"));
  }
  $("os-here-box").hidden = !topic;
  $("os-away").hidden = Boolean(topic);
  if (!topic) return;
  const place = placeOf(wall, topic);
  $("os-here-title").textContent = hyphenate(place ? `${topic.title} – ${place}` : topic.title);
  renderNotes(topic);
}

function toggle(action, topic, pressed, label, describedBy) {
  return el("button", {
    type: "button", class: `os-toggle os-${action}`, "data-action": action, "data-topic": topic.id,
    "data-key": `${action}-${topic.id}`, "aria-pressed": String(pressed), "aria-describedby": describedBy,
  }, label);
}

const hereButton = (topic, describedBy) => toggle("here", topic, me.here === topic.id, t("os_im_here"), describedBy);

function renderNowNext(topics, now, next) {
  $("os-now-empty").hidden = Boolean(now || next);
  liveRender($("os-now-list"), () => [[now, t("os_now")], [next, t("os_next")]]
    .filter(([slot]) => slot)
    .map(([slot, when]) => slotBlock(slot, when, topics)));
}

function slotBlock(slot, when, topics) {
  const block = el("div", { class: "os-slot", "data-slot": slot.id });
  block.append(el("h3", {}, `${when}: ${slotName(slot)}`));
  if (slot.kind === "break") return block;
  const list = block.appendChild(el("ul", { class: "os-rooms" }));
  for (const space of wall.spaces) {
    const topic = topicAt(topics, space.id, slot.id);
    if (!topic) continue;
    const item = list.appendChild(el("li", { class: "os-room" }));
    item.append(el("p", { class: "os-room-name" }, space.name),
      el("p", { class: "os-topic-title", id: `os-n-${topic.id}` }, hyphenate(topic.title)),
      el("p", { class: "os-muted" }, headcount(topic)),
      hereButton(topic, `os-n-${topic.id}`));
  }
  if (!list.children.length) block.append(el("p", { class: "os-muted" }, t("os_nothing_here")));
  return block;
}

function renderTopics(topics, nowNextSlots) {
  const dots = wall.settings.dots || 0;
  $("os-dots").hidden = dots <= 0;
  $("os-dots").textContent = t("os_dots_left", { count: me.dots_left ?? 0 });
  $("os-topics-empty").hidden = topics.length > 0;
  liveRender($("os-topics"), () => topics.map((topic) => topicItem(topic, dots, nowNextSlots.has(topic.slot))));
}

function topicItem(topic, dots, nowOrNext) {
  const item = el("li", { class: "os-topic", id: `os-topic-${topic.id}`, "data-topic": topic.id });
  item.append(el("p", { class: "os-topic-title", id: `os-t-${topic.id}` }, hyphenate(topic.title)));
  if (topic.convener) item.append(el("p", { class: "os-convener" }, t("os_convener", { name: topic.convener })));
  if (topic.description) item.append(el("p", { class: "os-description" }, topic.description));
  const place = placeOf(wall, topic);
  // Now or next: "Jag är här" is under "Nu och nästa", so it shows once.
  if (place) item.append(el("p", { class: "os-place" }, nowOrNext ? t("os_see_now", { place }) : place));
  item.append(el("p", { class: "os-muted" }, meta(topic)));
  const actions = item.appendChild(el("div", { class: "os-actions" }));
  const describedBy = `os-t-${topic.id}`;
  actions.append(toggle("interest", topic, me.interest.includes(topic.id), t("os_interested"), describedBy));
  if (place && !nowOrNext) actions.append(hereButton(topic, describedBy));
  if (dots > 0) {
    const voted = me.votes.includes(topic.id);
    const vote = actions.appendChild(toggle("vote", topic, voted, t("os_dot"), describedBy));
    vote.disabled = !voted && (me.dots_left ?? 0) <= 0;
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
  const status = button.closest("[role=tabpanel]").querySelector(":scope > .save");
  const action = button.dataset.action;
  if (action === "here") await setHere(me.here === topic.id ? null : topic.id, status);
  else await toggleList(action, topic.id, status);
});

// Leaving without joining another group: the law of two feet allows it.
$("os-leave").addEventListener("click", async () => {
  if ((await setHere(null, $("os-mine-status"))).ok) $("os-away-h").focus();
});

async function setHere(topicId, status) {
  const ack = await send("here", { topic: topicId }, { status, key: "here" });
  if (!ack.ok) return ack;
  applyMe(ack.me);
  if (topicId !== null && hereTopic()) {
    // What changed is your group: show it, with the note form in view and focused.
    // From the top of the group if it all fits, else as much as the form needs.
    tabChosen = true;
    selectTab("mine");
    $("os-here-box").scrollIntoView({ block: "start" });
    $("os-note-form").scrollIntoView({ block: "nearest" });
    $("os-note-form").focus({ preventScroll: true });
  }
  return ack;
}

// Every ok ack carries the phone's new `me`: the buttons show the server's truth.
function applyMe(data) {
  if (data) { me = { ...me, ...data }; meKnown = true; }
  render();
}

async function toggleList(action, topicId, status) {
  const field = action === "vote" ? "votes" : "interest";
  const on = !me[field].includes(topicId);
  const ack = await send(action, { topic: topicId, on }, { status, key: `${action}:${topicId}` });
  if (ack.ok) applyMe(ack.me);
}

$("os-phone").addEventListener("change", async (event) => {
  const select = event.target.closest("select[data-action=claim]");
  const topic = select && byKey(select.dataset.topic);
  const cell = topic && freeCells(wall).find((c) => c.value === select.value);
  if (!cell) return;
  const ack = await send("claim", { topic: topic.id, space: cell.space, slot: cell.slot }, { status: $("os-topics-status") });
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
  const ack = await send("topic", payload, { status: $("os-propose-status") });
  if (!ack.ok) return;
  $("os-title").value = "";
  $("os-description").value = "";
  applyMe(ack.me);
});
