// Fyra hörn in the console, Prepare: questions (text + four corners), edit
// and delete them. Running them (Run mode) is in console_run.js.
import { el, liveRender, t } from "../common.js";
import { call, socket, views } from "../console.js";
import { commentDetails } from "../facilitator_comments.js";
import { hyphenate } from "../hyphenate.js";
import * as run from "./console_run.js";
import { alsoIn, readTexts, textsFields } from "../texts_editor.js";
import { onTally } from "./tally.js";

const $ = (id) => document.getElementById(id);
const LETTERS = ["A", "B", "C", "D"];
const labelInputs = [...document.querySelectorAll("#fc-c-add .fc-c-label")];
const opened = new Set(); // comment boxes left open
let questions = [];

async function refresh() {
  show((await call("GET", "/corners")).questions);
}

function show(list) {
  questions = list;
  liveRender($("fc-c-questions"), () => questions.map(item));
  run.show(questions);
}

function button(label, onClick, attrs = {}) {
  const b = el("button", { type: "button", ...attrs }, label);
  b.addEventListener("click", () => onClick().catch(() => {}));
  return b;
}

function meta(q) {
  const parts = [t(`fc_status_${q.status}`), t("fc_answers", { count: q.answers })];
  const languages = alsoIn(q.texts);
  if (languages) parts.push(languages);
  return parts.join(" · ");
}

function item(q) {
  const li = el("li", { class: `statement-item ${q.status}`, "data-id": q.id });
  li.appendChild(el("p", { class: "text" }, hyphenate(q.text)));
  const corners = li.appendChild(el("ol", { class: "fc-c-corners", type: "A" }));
  q.labels.forEach((label) => corners.appendChild(el("li", {}, hyphenate(label))));
  li.appendChild(el("p", { class: "meta" }, meta(q)));
  const tools = li.appendChild(el("div", { class: "tools" }));
  const named = (text) => ({ "aria-label": `${text}: ${q.text}`, "data-key": `${text}-${q.id}` });
  if (q.status === "draft") tools.appendChild(button(t("edit"), async () => edit(li, q), named(t("edit"))));
  if (q.status !== "open") tools.appendChild(button(t("delete"), async () => {
    if (confirm(t("confirm_delete"))) await call("DELETE", `/corners/${q.id}`);
  }, { class: "quiet", ...named(t("delete")) }));
  if (q.status !== "draft") {
    li.appendChild(commentDetails({ id: `fc-comment-${q.id}`, summary: t("fc_comment"), label: t("fc_add_comment"),
      path: `/corners/${q.id}/comments`, opened }));
  }
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
  // The question and its corners in other languages: the statements' editor (texts_editor.js).
  const part = (i) => (i === null ? t("fc_question") : t("fc_corner_label", { corner: LETTERS[i] }));
  form.append(...textsFields(textId, q.texts, { maxlength: 300, labels: 4, partLabel: part }),
    el("button", { type: "submit" }, t("save")));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const labels = [...form.querySelectorAll("[data-corner]")].map((i) => i.value);
    const body = { text: form.querySelector(`#${textId}`).value, labels, texts: readTexts(form) };
    await call("PATCH", `/corners/${q.id}`, body).catch(() => {});
  });
  li.replaceChildren(form);
  form.querySelector("input").focus();
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

socket.on("questions", (data) => show(data.questions));
views.fourcorners = () => refresh().catch(() => {});
onTally(socket, (tally) => {
  run.tally(tally);
  const q = questions.find((x) => x.id === tally.question);
  const answers = tally.count + tally.passes;
  if (q && q.answers !== answers) {
    // Update the count in place: re-rendering would close an open comment box.
    q.answers = answers;
    const node = document.querySelector(`#fc-c-questions .statement-item[data-id="${q.id}"] .meta`);
    if (node) node.textContent = meta(q);
  }
});
