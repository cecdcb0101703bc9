// The minute-taker's page (/minutes/<id>): the workshop's head, the decisions
// panel, and the socket every method's part listens on (the console's live
// feed: the staff `state`, `floor`, `phone_comments`, `wall`, `decisions`).
// Each method's script (static/js/<method>/minutes.js) registers
//   views[name] = (state) => boolean     shown (true) or hidden, on every `state`
// and the page says "nothing is running" while no part is shown.
import { api, el, keyFor, sessionFromKey, say, showError, t } from "./common.js";
import { connect } from "./live.js";
import { wayIn } from "./way_in.js";

const root = document.getElementById("minutes");
const workshopId = root.dataset.workshop;
const key = keyFor(workshopId);
sessionFromKey(workshopId, key);
const base = `/api/workshops/${workshopId}`;
const $ = (id) => document.getElementById(id);

export const socket = connect({ workshop: workshopId, key }, { autoConnect: false });
document.addEventListener("DOMContentLoaded", () => socket.connect());
export const views = {};

// The workshop's API; errors are the caller's (the editor shows its own).
export const request = (method, path, body) => api(method, base + path, key, body);

// The workshop's API with errors shown in #error.
export async function call(method, path, body) {
  try {
    const data = await request(method, path, body);
    showError($("error"), null);
    return data;
  } catch (err) {
    showError($("error"), err);
    throw err;
  }
}

// The same refusal as the console: without the minute-taker's or the
// facilitator's credential, the way in.
const showWayIn = wayIn(root);
const WRITERS = ["minute_taker", "facilitator", "admin"];
request("GET", "").then((w) => {
  if (!WRITERS.includes(w.role)) showWayIn();
  else document.body.dataset.role = w.role;
}).catch((err) => { if ([401, 403].includes(err.status)) showWayIn(); });
socket.on("connect_error", () => { if (!socket.active) showWayIn(); });
socket.on("revoked", () => showWayIn(t("staff_revoked")));

socket.on("state", (state) => {
  let shown = false;
  for (const view of Object.values(views)) shown = view(state) || shown;
  $("minutes-idle").hidden = shown;
});

// -- decisions and next steps ----------------------------------------------------
let decisions = [];
let editing = null; // the id of the decision whose form is open

function field(id, label, value, attrs = {}) {
  const input = el(attrs.rows ? "textarea" : "input", { id, ...attrs });
  input.value = value ?? "";
  return [el("label", { for: id }, label), input];
}

function editForm(d) {
  const form = el("form", { class: "decision-edit" });
  const prefix = `decision-${d.id}`;
  form.append(
    ...field(`${prefix}-text`, t("minutes_decision"), d.text, { rows: 2, maxlength: 1000, required: true }),
    ...field(`${prefix}-who`, t("minutes_who"), d.who, { maxlength: 120 }),
    ...field(`${prefix}-when`, t("minutes_when"), d.when, { maxlength: 80 }),
  );
  const save = el("button", { type: "submit" }, t("save"));
  const cancel = el("button", { type: "button", class: "secondary" }, t("cancel"));
  cancel.addEventListener("click", () => { editing = null; render(); });
  form.append(save, " ", cancel);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const body = { text: $(`${prefix}-text`).value, who: $(`${prefix}-who`).value, when: $(`${prefix}-when`).value };
    await call("PATCH", `/decisions/${d.id}`, body).then(() => {
      editing = null;
      say($("decision-status"), t("saved"), { fade: true });
      return load();
    }).catch(() => {});
  });
  return form;
}

function item(d) {
  if (editing === d.id) return el("li", { class: "decision editing" }, editForm(d));
  const li = el("li", { class: "decision" });
  li.append(el("span", { class: "decision-text" }, d.text));
  const meta = [d.who, d.when].filter(Boolean).join(" — ");
  if (meta) li.append(" — ", el("span", { class: "decision-meta" }, meta));
  const edit = el("button", { type: "button", class: "secondary small", "aria-label": t("minutes_edit_decision", { text: d.text }) }, t("edit"));
  edit.addEventListener("click", () => { editing = d.id; render(); $(`decision-${d.id}-text`)?.focus(); });
  const remove = el("button", { type: "button", class: "secondary small", "aria-label": t("minutes_delete_decision", { text: d.text }) }, t("delete"));
  remove.addEventListener("click", async () => {
    if (!confirm(t("confirm_delete"))) return;
    await call("DELETE", `/decisions/${d.id}`).then(load).catch(() => {});
  });
  const actions = el("span", { class: "decision-actions" });
  actions.append(edit, " ", remove);
  li.append(" ", actions);
  return li;
}

function render() {
  const list = $("decisions-list");
  list.replaceChildren(...(decisions.length ? decisions.map(item)
    : [el("li", { class: "hint" }, t("minutes_no_decisions"))]));
}

async function load() {
  decisions = (await request("GET", "/decisions")).decisions;
  render();
}

$("decision-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const body = { text: $("decision-text").value, who: $("decision-who").value, when: $("decision-when").value };
  await call("POST", "/decisions", body).then(() => {
    for (const id of ["decision-text", "decision-who", "decision-when"]) $(id).value = "";
    say($("decision-status"), t("minutes_decision_added"), { fade: true });
    return load();
  }).catch(() => {});
});
socket.on("decisions", (data) => {
  decisions = data.decisions;
  if (editing === null) render();
});
// At first and after every reconnect: pushes sent while offline are lost.
socket.on("connect", () => { load().catch(() => {}); });
