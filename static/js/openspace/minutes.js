// Open Space's part of the minute-taker's page: each topic on the wall
// (scheduled first, those still without notes marked "Inga anteckningar än"),
// its notes, and a form to add one (POST /topics/<id>/notes, the staff's
// route). The wall is the staff `wall` push the console gets.
import { el, liveRender, say, t } from "../common.js";
import { call, socket, views } from "../minutes.js";

const $ = (id) => document.getElementById(id);
let wall = null;
let phase = null;
const opened = new Set(); // topics whose notes are unfolded (kept across redraws)

views.openspace = (state) => {
  phase = state.phase;
  const shown = phase === "openspace";
  $("os-minutes").hidden = !shown;
  return shown;
};

function noteForm(topic) {
  const id = `os-minutes-note-${topic.id}`;
  const form = el("form", { class: "minutes-comment-form", "data-key": `form-${topic.id}` });
  const text = el("textarea", { id, rows: 2, required: true });
  const status = el("p", { class: "saved", role: "status" });
  form.append(el("label", { for: id }, t("os_minutes_add_note")), text, el("button", { type: "submit" }, t("os_minutes_save_note")), status);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    await call("POST", `/topics/${topic.id}/notes`, { text: text.value }).then(() => {
      text.value = "";
      say(status, t("saved"), { fade: true });
    }).catch(() => {});
  });
  return form;
}

function topicItem(topic, missing) {
  const box = el("details", { class: "os-minutes-topic", "data-key": `topic-${topic.id}` });
  box.open = opened.has(topic.id);
  box.addEventListener("toggle", () => (box.open ? opened.add(topic.id) : opened.delete(topic.id)));
  const head = el("summary");
  head.append(el("span", { class: "os-minutes-title" }, topic.title), " ");
  head.append(missing ? el("strong", { class: "badge badge-missing" }, t("os_minutes_no_notes"))
    : el("span", { class: "badge" }, t("os_notes", { count: topic.notes.length })));
  box.append(head);
  const notes = el("ul", { class: "minutes-list" });
  notes.append(...topic.notes.map((n) => el("li", { class: "os-note-text" },
    n.kind && n.kind !== "text" ? `${t(`os_kind_${n.kind}`)}: ${n.text}` : n.text)));
  box.append(notes);
  box.append(noteForm(topic));
  const li = el("li");
  li.append(box);
  return li;
}

function render() {
  if (!wall) return;
  const missing = new Set(wall.missing_notes || []);
  const scheduled = wall.topics.filter((tp) => tp.space !== null && tp.slot !== null);
  const order = [...scheduled.filter((tp) => missing.has(tp.id)), ...scheduled.filter((tp) => !missing.has(tp.id))];
  $("os-minutes-summary").textContent = !scheduled.length ? t("os_none_scheduled")
    : missing.size ? t("os_minutes_missing", { count: missing.size }) : t("os_all_noted");
  liveRender($("os-minutes-topics"), () => order.map((tp) => topicItem(tp, missing.has(tp.id))));
}

socket.on("wall", (data) => { wall = data; render(); });
