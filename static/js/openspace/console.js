// Facilitator console, Open Space, Prepare: theme, claims and dots; rooms
// and time slots; the topic list (add, edit, hide, merge, "Place in…" as the
// keyboard alternative to dragging). Running it is in console_run.js.
import { el, liveRender, t } from "../common.js";
import { socket } from "../console.js";
import { hyphenate } from "../hyphenate.js";
import { act, placeMenu, selectMenu } from "./console_grid.js";
import { CLOCK_FIELD, headcount, placeOf, slotName, slotWithKind, sortedSlots } from "./common.js";
import * as run from "./console_run.js";

const $ = (id) => document.getElementById(id);
let wall = null;


async function load() {
  const data = await act("GET", "/wall");
  if (data) show(data);
}
load(); // the server also sends the wall on every (re)connect
socket.on("wall", show);

function show(data) {
  wall = data;
  renderSettings();
  liveRender($("os-c-spaces"), () => wall.spaces.map(spaceItem));
  liveRender($("os-c-slots"), () => sortedSlots(wall).map(slotItem));
  liveRender($("os-c-topics"), () => (wall.topics.length ? wall.topics.map(topicItem)
    : [el("li", { class: "os-muted" }, t("os_no_topics"))]));
  run.show(wall);
}

// -- settings ---------------------------------------------------------------------
function setUnlessEditing(input, apply) {
  if (document.activeElement !== input) apply(input);
}

function renderSettings() {
  const s = wall.settings;
  setUnlessEditing($("os-c-theme"), (i) => { i.value = s.theme || ""; });
  setUnlessEditing($("os-c-claims"), (i) => { i.checked = Boolean(s.allow_claims); });
  setUnlessEditing($("os-c-dots"), (i) => { i.value = String(s.dots || 0); });
}

const settings = (changes) => act("PATCH", "/openspace", changes);

$("os-c-settings").addEventListener("submit", (e) => {
  e.preventDefault();
  settings({ theme: $("os-c-theme").value });
});
$("os-c-claims").addEventListener("change", () => settings({ allow_claims: $("os-c-claims").checked }));
$("os-c-dots").addEventListener("change", () => settings({ dots: Number($("os-c-dots").value) || 0 }));

// -- rooms and time slots -----------------------------------------------------------
function removeButton(label, path) {
  const b = el("button", { type: "button", class: "secondary", "aria-label": `${t("delete")}: ${label}` }, t("delete"));
  b.addEventListener("click", () => { if (confirm(t("confirm_delete"))) act("DELETE", path); });
  return b;
}

// Each room and slot is edited in place (its topics stay where they are);
// "Flytta" moves a slot and every later one by some minutes in one go.
function toolButton(label, name, key, onClick, shown = label) {
  const b = el("button", { type: "button", class: "secondary", "aria-label": `${label}: ${name}`, "data-key": key }, shown);
  b.addEventListener("click", onClick);
  return b;
}

function spaceItem(space) {
  const label = space.capacity ? `${space.name} (${t("os_seats", { count: space.capacity })})` : space.name;
  const li = el("li", { "data-space": space.id });
  const tools = el("span", { class: "tools" });
  tools.append(toolButton(t("edit"), space.name, `edit-space-${space.id}`, () => editSpace(li, space)),
    removeButton(space.name, `/spaces/${space.id}`));
  li.append(el("span", {}, label), tools);
  return li;
}

function slotItem(slot) {
  const li = el("li", { "data-slot": slot.id });
  const name = slotName(slot);
  const tools = el("span", { class: "tools" });
  tools.append(toolButton(t("edit"), name, `edit-slot-${slot.id}`, () => editSlot(li, slot)),
    toolButton(t("os_shift"), name, `shift-slot-${slot.id}`, () => shiftForm(li, slot), `${t("os_shift_go")}…`),
    removeButton(name, `/slots/${slot.id}`));
  li.append(el("span", {}, slotWithKind(slot, slot.kind === "break" ? t("os_break") : t("os_session"))), tools);
  return li;
}

// A labelled field for the in-place forms (ids unique per row).
function field(form, id, label, attrs) {
  const input = el("input", { id, ...attrs });
  form.append(el("label", { for: id }, label), input);
  return input;
}

function inlineForm(li, fields, onSave, submit = t("save")) {
  const form = el("form", { class: "os-c-edit" });
  const inputs = fields(form);
  const cancel = el("button", { type: "button", class: "secondary" }, t("cancel"));
  cancel.addEventListener("click", () => show(wall));
  const error = el("p", { class: "error os-c-error", hidden: "" });
  form.append(el("button", { type: "submit" }, submit), cancel, error);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (await onSave(inputs)) show(wall);
  });
  li.replaceChildren(form);
  Object.values(inputs)[0].focus();
}

function editSpace(li, space) {
  inlineForm(li, (form) => ({
    name: field(form, `os-c-space-name-${space.id}`, t("os_room_name"), { value: space.name, maxlength: 80, required: "" }),
    capacity: field(form, `os-c-space-capacity-${space.id}`, t("os_room_seats"),
      { type: "number", min: 1, max: 10000, inputmode: "numeric", value: space.capacity ?? "" }),
  }), ({ name, capacity }) => act("PATCH", `/spaces/${space.id}`,
    { name: name.value, capacity: capacity.value ? Number(capacity.value) : null }));
}

function editSlot(li, slot) {
  inlineForm(li, (form) => ({
    label: field(form, `os-c-slot-label-${slot.id}`, t("os_slot_name"), { value: slot.label, maxlength: 80, required: "" }),
    starts_at: field(form, `os-c-slot-start-${slot.id}`, t("os_slot_start"), { ...CLOCK_FIELD, value: slot.starts_at }),
    minutes: field(form, `os-c-slot-minutes-${slot.id}`, t("os_slot_minutes"),
      { type: "number", min: 5, max: 600, inputmode: "numeric", value: slot.minutes, required: "" }),
  }), ({ label, starts_at: start, minutes }) => act("PATCH", `/slots/${slot.id}`,
    { label: label.value, starts_at: start.value.trim(), minutes: Number(minutes.value) }));
}

function shiftForm(li, slot) {
  inlineForm(li, (form) => ({
    minutes: field(form, `os-c-shift-${slot.id}`, `${t("os_shift_minutes")} – ${slotName(slot)}`,
      { type: "number", min: -600, max: 600, step: 5, inputmode: "numeric", value: 15, required: "" }),
  }), async ({ minutes }) => {
    const result = await act("POST", `/slots/${slot.id}/shift`, { minutes: Number(minutes.value) });
    if (result) {
      const moved = result.slots.filter((s) => s.starts_at >= slot.starts_at).length;
      $("os-c-slots-status").textContent = t("os_shifted", { count: moved, minutes: Number(minutes.value) });
    }
    return result;
  }, t("os_shift_go"));
}

// Submit a form's fields; clear them only once the server took them.
function onSubmit(form, path, fields) {
  $(form).addEventListener("submit", async (e) => {
    e.preventDefault();
    if (await act("POST", path, fields())) $(form).reset();
  });
}
onSubmit("os-c-space-form", "/spaces", () => {
  const capacity = $("os-c-space-capacity").value;
  return { name: $("os-c-space-name").value, ...(capacity ? { capacity: Number(capacity) } : {}) };
});
onSubmit("os-c-slot-form", "/slots", () => ({
  label: $("os-c-slot-label").value, starts_at: $("os-c-slot-start").value,
  minutes: Number($("os-c-slot-minutes").value), kind: $("os-c-slot-kind").value,
}));
onSubmit("os-c-topic-form", "/topics", () => {
  const body = { title: $("os-c-topic-title").value };
  const description = $("os-c-topic-description").value.trim();
  const convener = $("os-c-topic-convener").value.trim();
  if (description) body.description = description;
  if (convener) body.convener = convener;
  return body;
});

// -- topics ------------------------------------------------------------------------
function topicItem(topic) {
  const li = el("li", { id: `os-c-topic-${topic.id}`, class: topic.hidden ? "os-c-topic os-hidden" : "os-c-topic", "data-topic": topic.id });
  const title = el("p", { class: "os-c-title" }, hyphenate(topic.title));
  if (topic.hidden) title.append(el("span", { class: "os-badge" }, t("os_hidden")));
  li.append(title, el("p", { class: "os-muted" }, topicMeta(topic)));
  const tools = li.appendChild(el("div", { class: "tools" }));
  const edit = el("button", { type: "button", "data-key": `edit-${topic.id}` }, t("edit"));
  edit.addEventListener("click", () => editTitle(li, topic));
  const hide = el("button", { type: "button", "data-key": `hide-${topic.id}` }, topic.hidden ? t("os_unhide") : t("os_hide"));
  hide.addEventListener("click", () => act("PATCH", `/topics/${topic.id}`, { hidden: !topic.hidden }));
  tools.append(edit, hide);
  const menus = li.appendChild(el("div", { class: "os-c-menus" }));
  menus.append(placeMenu(wall, topic, "place"), mergeMenu(topic));
  return li;
}

function topicMeta(topic) {
  const parts = [topic.convener || t("os_anonymous"), placeOf(wall, topic) || t("os_unscheduled"),
    t("os_interest", { count: topic.interest || 0 }), headcount(topic)];
  if (wall.settings.dots > 0) parts.push(t("os_votes", { count: topic.votes || 0 }));
  parts.push(t("os_notes", { count: (topic.notes || []).length }));
  return parts.join(" · ");
}

function mergeMenu(topic) {
  const others = wall.topics.filter((x) => x.id !== topic.id).map((x) => [String(x.id), x.title]);
  const { box, select } = selectMenu("merge", topic, t("os_merge_into"), others);
  select.addEventListener("change", async () => {
    const into = wall.topics.find((x) => String(x.id) === select.value);
    if (into && confirm(t("os_confirm_merge", { from: topic.title, into: into.title }))) {
      await act("POST", `/topics/${topic.id}/merge`, { into: into.id });
    }
    select.value = "";
    select.blur();
  });
  return box;
}

function editTitle(li, topic) {
  const id = `os-c-edit-${topic.id}`;
  const form = el("form", { class: "edit" });
  const input = el("input", { id, value: topic.title, maxlength: 120 });
  const cancel = el("button", { type: "button", class: "secondary" }, t("cancel"));
  cancel.addEventListener("click", () => show(wall));
  form.append(el("label", { for: id }, t("edit")), input, el("button", { type: "submit" }, t("save")), cancel);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (await act("PATCH", `/topics/${topic.id}`, { title: input.value })) input.blur();
  });
  li.querySelector(".os-c-title").replaceWith(form);
  input.focus();
}
