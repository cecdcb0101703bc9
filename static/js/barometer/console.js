// Åsiktsbarometer in the console: prepare statements, run them, watch the room.
import { el, t } from "../common.js";
import { call, socket, views } from "../console.js";
import { renderSwarm } from "./swarm_view.js";
import { consoleFloor } from "./floor.js";
import { consoleComments } from "./comments.js";
import { consoleReplay } from "./replay_console.js";

const $ = (id) => document.getElementById(id);
let statements = [];
let openId = null;

async function refresh() {
  statements = (await call("GET", "/statements")).statements;
  render();
}

function button(label, onClick, attrs = {}) {
  const b = el("button", { type: "button", ...attrs }, label);
  b.addEventListener("click", () => onClick().catch(() => {}));
  return b;
}

function render() {
  $("statements").replaceChildren(...statements.map(item));
}

function item(s, index) {
  const li = el("li", { class: `statement-item ${s.status}`, "data-id": s.id });
  li.appendChild(el("p", { class: "text" }, s.text));
  li.appendChild(el("p", { class: "meta" },
    `${t(`status_${s.status}`)} · ${t("answers", { count: s.answers })}`));
  const tools = li.appendChild(el("div", { class: "tools" }));
  if (s.status === "open") tools.appendChild(button(t("close"), () => call("POST", `/statements/${s.id}/close`)));
  else tools.appendChild(button(t("open"), () => call("POST", `/statements/${s.id}/open`), { class: "primary" }));
  tools.appendChild(s.hidden
    ? button(t("reveal"), () => call("POST", `/statements/${s.id}/reveal`))
    : button(t("hide"), () => call("PATCH", `/statements/${s.id}`, { hidden: true })));
  if (index > 0) tools.appendChild(button(t("up"), () => move(index, -1), { "aria-label": `${t("up")}: ${s.text}` }));
  if (index < statements.length - 1) tools.appendChild(button(t("down"), () => move(index, 1), { "aria-label": `${t("down")}: ${s.text}` }));
  if (s.status === "draft") tools.appendChild(button(t("edit"), async () => edit(li, s)));
  if (s.status !== "open") tools.appendChild(button(t("delete"), async () => {
    if (confirm(t("confirm_delete"))) await call("DELETE", `/statements/${s.id}`);
  }));
  li.appendChild(comments(s));
  return li;
}

function edit(li, s) {
  const form = el("form", { class: "edit" });
  const id = `edit-${s.id}`;
  form.append(el("label", { for: id }, t("edit")), el("input", { id, value: s.text, maxlength: 500 }),
    el("button", { type: "submit" }, t("save")));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    await call("PATCH", `/statements/${s.id}`, { text: form.querySelector("input").value }).catch(() => {});
  });
  li.querySelector(".text").replaceWith(form);
  form.querySelector("input").focus();
}

function comments(s) {
  const box = el("details", { class: "comments" });
  box.appendChild(el("summary", {}, t("comment")));
  const list = box.appendChild(el("ul"));
  box.addEventListener("toggle", async () => {
    if (!box.open) return;
    const data = await call("GET", `/statements/${s.id}/comments`);
    list.replaceChildren(...data.comments.map((c) => el("li", {}, c.text)));
  });
  const form = box.appendChild(el("form"));
  const id = `comment-${s.id}`;
  form.append(el("label", { for: id }, t("add_comment")), el("textarea", { id, rows: 2, maxlength: 2000 }),
    el("button", { type: "submit" }, t("add_comment")));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const input = form.querySelector("textarea");
    const c = await call("POST", `/statements/${s.id}/comments`, { text: input.value }).catch(() => null);
    if (c) { list.appendChild(el("li", {}, c.text)); input.value = ""; }
  });
  return box;
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

socket.on("statements", (data) => { statements = data.statements; render(); });
views.barometer = (state) => {
  openId = state.statement ? state.statement.id : null;
  $("live-statement").textContent = state.statement ? state.statement.text : t("no_statement");
  if (!openId) $("swarm").replaceChildren();
  refresh().catch(() => {});
};
socket.on("distribution", (dist) => {
  if (dist.statement !== openId) return;
  $("count").textContent = t("positions", { count: dist.count });
  $("passes").textContent = t("passes", { count: dist.passes });
  $("mean").textContent = dist.mean == null ? "" : t("mean", { mean: dist.mean });
  renderSwarm($("swarm"), dist, 7);
  const s = statements.find((x) => x.id === dist.statement);
  if (s && s.answers !== dist.count + dist.passes) {
    // Update the count in place: re-rendering would close an open comment box.
    s.answers = dist.count + dist.passes;
    const meta = document.querySelector(`.statement-item[data-id="${s.id}"] .meta`);
    if (meta) meta.textContent = `${t(`status_${s.status}`)} · ${t("answers", { count: s.answers })}`;
  }
});

consoleFloor(socket, call);
consoleComments(socket, call);
consoleReplay(socket, call);
