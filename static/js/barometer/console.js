// Åsiktsbarometer in the console, Prepare: write, paste, order, edit and
// delete statements. Running them (Run mode) is in console_run.js.
import { el, liveRender, t } from "../common.js";
import { call, socket, views } from "../console.js";
import { commentDetails } from "../facilitator_comments.js";
import { hyphenate } from "../hyphenate.js";
import * as run from "./console_run.js";
import { onDistribution } from "./deltas.js";
import { alsoIn, readTexts, textsFields } from "../texts_editor.js";

const $ = (id) => document.getElementById(id);
const opened = new Set(); // comment boxes left open
let statements = [];


// The list comes two ways: fetched after each `state`, and pushed as
// `statements` (in order on the socket). A fetch asked before a newer push
// may answer after it with the older list: it is dropped.
let pushed = 0;
async function refresh() {
  const asked = pushed;
  const list = (await call("GET", "/statements")).statements;
  if (asked === pushed) show(list);
}

function show(list) {
  statements = list;
  liveRender($("statements"), () => statements.map(item));
  run.show(statements);
}

function button(label, onClick, attrs = {}) {
  const b = el("button", { type: "button", ...attrs }, label);
  b.addEventListener("click", () => onClick().catch(() => {}));
  return b;
}

function meta(s) {
  const parts = [t(`status_${s.status}`), t("answers", { count: s.answers ?? 0 })];
  if (s.hidden) parts.push(t("dots_hidden"));
  if (s.round > 1) parts.push(t("round_n", { round: s.round }));
  const languages = alsoIn(s.texts);
  if (languages) parts.push(languages);
  return parts.join(" · ");
}

// Few tools, and the ones that matter most first: edit (drafts), order, delete.
function item(s, index) {
  const li = el("li", { class: `statement-item ${s.status}`, "data-id": s.id });
  li.appendChild(el("p", { class: "text" }, hyphenate(s.text)));
  li.appendChild(el("p", { class: "meta" }, meta(s)));
  const tools = li.appendChild(el("div", { class: "tools" }));
  const named = (text) => ({ "aria-label": `${text}: ${s.text}`, "data-key": `${text}-${s.id}` });
  if (s.status === "draft") tools.appendChild(button(t("edit"), async () => edit(li, s), named(t("edit"))));
  if (index > 0) tools.appendChild(button(`↑ ${t("up")}`, () => move(index, -1), named(t("up"))));
  if (index < statements.length - 1) tools.appendChild(button(`↓ ${t("down")}`, () => move(index, 1), named(t("down"))));
  // "Fråga igen": the next round of a closed statement opens, every phone unplaced.
  if (s.status === "closed") tools.appendChild(button(t("ask_again"), () => call("POST", `/statements/${s.id}/rounds`),
    named(t("ask_again"))));
  if (s.status !== "open") tools.appendChild(button(t("delete"), async () => {
    if (confirm(t("confirm_delete"))) await call("DELETE", `/statements/${s.id}`);
  }, { class: "quiet", ...named(t("delete")) }));
  if (s.status !== "draft") {
    li.appendChild(commentDetails({ id: `comment-${s.id}`, summary: t("comment"), label: t("add_comment"),
      path: `/statements/${s.id}/comments`, opened }));
  }
  return li;
}

// The statement's other languages, edited with its text (texts_editor.js, shared with Fyra hörn).
function edit(li, s) {
  const form = el("form", { class: "edit" });
  const id = `edit-${s.id}`;
  form.append(el("label", { for: id }, t("edit")), el("input", { id, value: s.text, maxlength: 500 }),
    ...textsFields(id, s.texts), el("button", { type: "submit" }, t("save")));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    await call("PATCH", `/statements/${s.id}`, { text: $(id).value, texts: readTexts(form) }).catch(() => {});
  });
  li.querySelector(".text").replaceWith(form);
  form.querySelector("input").focus();
}

async function move(index, delta) {
  const ids = statements.map((s) => s.id);
  [ids[index], ids[index + delta]] = [ids[index + delta], ids[index]];
  await call("PUT", "/statements/order", { ids });
}

$("add-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  await call("POST", "/statements", { text: $("new-statement").value }).then(() => { $("new-statement").value = ""; }).catch(() => {});
});

$("bulk-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  await call("POST", "/statements/bulk", { text: $("bulk").value }).then(() => { $("bulk").value = ""; }).catch(() => {});
});

socket.on("statements", (data) => {
  pushed += 1;
  show(data.statements);
});
views.barometer = () => refresh().catch(() => {});
onDistribution(socket, (dist) => {
  run.distribution(dist);
  const s = statements.find((x) => x.id === dist.statement);
  if (s && s.answers !== dist.count + dist.passes) {
    // Update the count in place: re-rendering would close an open comment box.
    s.answers = dist.count + dist.passes;
    const node = document.querySelector(`#statements .statement-item[data-id="${s.id}"] .meta`);
    if (node) node.textContent = meta(s);
  }
});
