// Fyra hörn in the console: prepare questions (text + four corners), open
// and close them, add comments, and watch the room's tally.
import { el, liveRender, t } from "../common.js";
import { call, socket, views } from "../console.js";

const $ = (id) => document.getElementById(id);
const LETTERS = ["A", "B", "C", "D"];
const labelInputs = [...document.querySelectorAll("#fc-c-add .fc-c-label")];
let questions = [];
let open = null; // the open question, from `state`

async function refresh() {
  show((await call("GET", "/corners")).questions);
}

function show(list) {
  questions = list;
  liveRender($("fc-c-questions"), () => questions.map(item));
}

function button(label, onClick, attrs = {}) {
  const b = el("button", { type: "button", ...attrs }, label);
  b.addEventListener("click", () => onClick().catch(() => {}));
  return b;
}

function meta(q) {
  return `${t(`fc_status_${q.status}`)} · ${t("fc_answers", { count: q.answers })}`;
}

function item(q) {
  const li = el("li", { class: `statement-item ${q.status}`, "data-id": q.id });
  li.appendChild(el("p", { class: "text" }, q.text));
  const corners = li.appendChild(el("ol", { class: "fc-c-corners", type: "A" }));
  q.labels.forEach((label) => corners.appendChild(el("li", {}, label)));
  li.appendChild(el("p", { class: "meta" }, meta(q)));
  const tools = li.appendChild(el("div", { class: "tools" }));
  const named = (text) => ({ "aria-label": `${text}: ${q.text}`, "data-key": `${text}-${q.id}` });
  if (q.status === "open") tools.appendChild(button(t("fc_close"), () => call("POST", `/corners/${q.id}/close`), named(t("fc_close"))));
  else tools.appendChild(button(t("fc_open"), () => call("POST", `/corners/${q.id}/open`), { class: "primary", ...named(t("fc_open")) }));
  if (q.status === "draft") tools.appendChild(button(t("edit"), async () => edit(li, q), named(t("edit"))));
  if (q.status !== "open") tools.appendChild(button(t("delete"), async () => {
    if (confirm(t("confirm_delete"))) await call("DELETE", `/corners/${q.id}`);
  }, named(t("delete"))));
  li.appendChild(comments(q));
  return li;
}

function edit(li, q) {
  const form = el("form", { class: "edit" });
  const textId = `fc-edit-${q.id}`;
  form.append(el("label", { for: textId }, t("fc_question")), el("input", { id: textId, value: q.text, maxlength: 300, required: true }));
  q.labels.forEach((label, i) => {
    const id = `fc-edit-${q.id}-${i}`;
    form.append(el("label", { for: id }, t("fc_corner_label", { corner: LETTERS[i] })),
      el("input", { id, value: label, maxlength: 80, required: true, "data-corner": i }));
  });
  form.append(el("button", { type: "submit" }, t("save")));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const labels = [...form.querySelectorAll("[data-corner]")].map((i) => i.value);
    await call("PATCH", `/corners/${q.id}`, { text: form.querySelector(`#${textId}`).value, labels }).catch(() => {});
  });
  li.replaceChildren(form);
  form.querySelector("input").focus();
}

function comments(q) {
  const box = el("details", { class: "comments" });
  box.appendChild(el("summary", {}, t("fc_comment")));
  const list = box.appendChild(el("ul"));
  box.addEventListener("toggle", async () => {
    if (!box.open) return;
    const data = await call("GET", `/corners/${q.id}/comments`);
    list.replaceChildren(...data.comments.map((c) => el("li", {}, c.text)));
  });
  const form = box.appendChild(el("form"));
  const id = `fc-comment-${q.id}`;
  form.append(el("label", { for: id }, t("fc_add_comment")), el("textarea", { id, rows: 2, maxlength: 2000 }),
    el("button", { type: "submit" }, t("fc_add_comment")));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const input = form.querySelector("textarea");
    const c = await call("POST", `/corners/${q.id}/comments`, { text: input.value }).catch(() => null);
    if (c) { list.appendChild(el("li", {}, c.text)); input.value = ""; }
  });
  return box;
}

$("fc-c-add").addEventListener("submit", async (e) => {
  e.preventDefault();
  const body = { text: $("fc-c-text").value, labels: labelInputs.map((i) => i.value) };
  await call("POST", "/corners", body).then(() => {
    $("fc-c-text").value = "";
    for (const input of labelInputs) input.value = "";
    $("fc-c-text").focus();
  }).catch(() => {});
});

function renderTally(tally) {
  const labels = open ? open.labels : [];
  $("fc-c-tally").replaceChildren(...LETTERS.map((letter, i) => el("li", {},
    t("fc_corner_summary", { corner: letter, label: labels[i] ?? "", count: tally ? tally.counts[i] : 0 }))));
  $("fc-c-counts").textContent = tally ? t("fc_counts", { count: tally.count, passes: tally.passes }) : "";
}

socket.on("questions", (data) => show(data.questions));
views.fourcorners = (state) => {
  const q = state.corners ? state.corners.question : null;
  const changed = (q ? q.id : null) !== (open ? open.id : null);
  open = q;
  $("fc-c-live").textContent = q ? q.text : t("fc_no_question");
  if (!q) $("fc-c-tally").replaceChildren();
  else if (changed) renderTally(null);
  $("fc-c-counts").hidden = !q;
  refresh().catch(() => {});
};
socket.on("tally", (tally) => {
  if (!open || tally.question !== open.id) return;
  renderTally(tally);
  const q = questions.find((x) => x.id === tally.question);
  const answers = tally.count + tally.passes;
  if (q && q.answers !== answers) {
    // Update the count in place: re-rendering would close an open comment box.
    q.answers = answers;
    const node = document.querySelector(`#fc-c-questions .statement-item[data-id="${q.id}"] .meta`);
    if (node) node.textContent = meta(q);
  }
});
