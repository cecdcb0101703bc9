// Notes for the group you are at: write one (note, key point, proposal with
// who/when, open question) and edit the group's notes. Several phones may
// edit the same note; the server refuses a stale version, and we then show
// the current text next to yours so nothing typed is lost.
import { el, say, t } from "../common.js";
import { send } from "../phone.js";

const $ = (id) => document.getElementById(id);
const KINDS = { text: "os_kind_text", key_point: "os_kind_key_point", proposal: "os_kind_proposal", question: "os_kind_question" };
let currentTopic = () => null;
let waiting = null; // a topic whose notes changed while an edit was open
// The server lets you edit only your own notes; the wall does not say whose a
// note is, so this phone remembers the ids of the notes it wrote.
const MINE_KEY = `openspace:notes:${$("phone").dataset.code}`;
const mine = new Set(JSON.parse(localStorage.getItem(MINE_KEY) || "[]"));

export function initNotes(hereTopic) {
  currentTopic = hereTopic;
  $("os-note-kind").addEventListener("change", () => {
    $("os-proposal-fields").hidden = $("os-note-kind").value !== "proposal";
  });
  $("os-note-form").addEventListener("submit", submitNote);
}

async function submitNote(event) {
  event.preventDefault();
  const topic = currentTopic();
  if (!topic) return;
  const kind = $("os-note-kind").value;
  const payload = { topic: topic.id, text: $("os-note-text").value, kind };
  if (kind === "proposal") {
    if ($("os-note-who").value.trim()) payload.who = $("os-note-who").value.trim();
    if ($("os-note-when").value.trim()) payload.when = $("os-note-when").value.trim();
  }
  const ack = await send("note", payload, { status: $("os-note-status") });
  if (!ack.ok) return; // keep the text so it can be sent again
  mine.add(ack.id);
  localStorage.setItem(MINE_KEY, JSON.stringify([...mine]));
  $("os-note-text").value = "";
  $("os-note-who").value = "";
  $("os-note-when").value = "";
}

export function renderNotes(topic) {
  const list = $("os-notes");
  // Redrawing now would throw away an edit in progress; do it when it closes.
  if (list.querySelector(".os-note-editor")) { waiting = topic; return; }
  waiting = null;
  const notes = topic.notes || [];
  $("os-notes-empty").hidden = notes.length > 0;
  list.replaceChildren(...notes.map(noteItem));
}

function noteItem(note) {
  const item = el("li", { class: `os-note os-kind-${note.kind}`, "data-note": note.id });
  item.append(el("p", { class: "os-note-kind" }, t(KINDS[note.kind] || "os_kind_text")));
  item.append(el("p", { class: "os-note-text" }, note.text));
  if (note.who || note.when) {
    item.append(el("p", { class: "os-muted" }, [note.who && t("os_who", { who: note.who }),
      note.when && t("os_when", { when: note.when })].filter(Boolean).join(" · ")));
  }
  if (!mine.has(note.id)) return item;
  const edit = el("button", { type: "button", class: "secondary", "aria-label": `${t("edit")}: ${note.text.slice(0, 40)}` }, t("edit"));
  edit.addEventListener("click", () => openEditor(item, note));
  item.append(edit);
  return item;
}

function openEditor(item, note) {
  let version = note.version;
  const id = `os-edit-${note.id}`;
  const form = el("form", { class: "os-note-editor os-form" });
  const theirs = el("p", { class: "os-conflict", hidden: true });
  const status = el("p", { class: "save", role: "status", "aria-live": "polite" });
  const area = el("textarea", { id, rows: 5, maxlength: 20000 });
  area.value = note.text;
  const cancel = el("button", { type: "button", class: "secondary" }, t("cancel"));
  form.append(el("label", { for: id }, t("edit")), theirs, area,
    el("button", { type: "submit" }, t("save")), cancel, status);
  cancel.addEventListener("click", () => closeEditor(form));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const ack = await send("note_edit", { id: note.id, text: area.value, version }, { status });
    if (ack.ok) { closeEditor(form); say($("os-note-status"), t("saved"), { fade: true }); return; }
    if (ack.conflict && ack.current) {
      // Someone saved first: show their text, keep ours, and let the next save win.
      version = ack.current.version ?? version;
      theirs.hidden = false;
      theirs.textContent = t("os_conflict", { text: ack.current.text ?? "" });
    }
  });
  item.replaceChildren(form);
  area.focus();
}

function closeEditor(form) {
  form.remove();
  const topic = waiting || currentTopic();
  waiting = null;
  if (topic) renderNotes(topic);
}
