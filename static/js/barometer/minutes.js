// The barometer's part of the minute-taker's page (templates/barometer/minutes.html):
// it follows the open statement (else the one closed last) through the staff
// `state`; the Protokollsanteckning (minutes_editor.js), the facilitator's
// comments (with a form to add one), the approved comments from phones and
// Ordet, from the same staff `floor` push the console shows.
import { el, say, t } from "../common.js";
import { call, request, socket, views } from "../minutes.js";
import { minutesEditor } from "../minutes_editor.js";
import { place, regionName } from "./floor.js";

const $ = (id) => document.getElementById(id);
const editor = minutesEditor($("bm-minutes-editor"), "bm-minutes");
let statementId = null;

views.barometer = (state) => {
  const statement = state.phase === "barometer" ? state.statement || state.closed_statement : null;
  $("bm-minutes").hidden = !statement;
  const id = statement ? statement.id : null;
  if (statement) {
    $("bm-minutes-kind").textContent = t(state.statement ? "minutes_open_statement" : "minutes_closed_statement");
    $("bm-minutes-h").textContent = statement.text;
  }
  if (id !== statementId) {
    statementId = id;
    editor.load(id ? `/statements/${id}/minutes` : null).catch(() => {});
    loadSources().catch(() => {});
  }
  return Boolean(statement);
};

const listOr = (node, items, empty) =>
  node.replaceChildren(...(items.length ? items : [el("li", { class: "hint" }, empty)]));

function showComments(comments) {
  listOr($("bm-comments"), comments.map((c) => el("li", {}, c.text)), t("minutes_no_comments"));
}

function showPhoneComments(comments) {
  listOr($("bm-phone-comments"), comments.map((c) => {
    const li = el("li");
    // No region when the server withholds it (the side would point at someone).
    const from = c.region ? t("comment_from", { region: regionName(c.region) }) : t("comment_from_someone");
    li.append(el("span", { class: "minutes-from" }, `${from}: `));
    li.append(c.text);
    return li;
  }), t("minutes_no_phone_comments"));
}

async function loadSources() {
  if (statementId === null) return;
  const at = statementId;
  const data = await request("GET", `/statements/${at}/minutes/sources`);
  if (at !== statementId) return;
  showComments(data.comments);
  showPhoneComments(data.phone_comments);
}

// The open statement's comments from phones, as moderated: only approved ones here.
socket.on("phone_comments", (data) => {
  if (data.statement === statementId) showPhoneComments(data.comments.filter((c) => c.status === "approved"));
});
socket.on("statements", () => { loadSources().catch(() => {}); });

$("bm-comment-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  if (statementId === null) return;
  const text = $("bm-comment-text").value;
  await call("POST", `/statements/${statementId}/comments`, { text }).then(() => {
    $("bm-comment-text").value = "";
    say($("bm-comment-status"), t("comment_saved"), { fade: true });
    return loadSources();
  }).catch(() => {});
});

// Ordet: the staff floor push (the console's), so whatever it withholds stays withheld here.
socket.on("floor", (floor) => {
  const s = floor.speaker;
  $("bm-floor-speaker").textContent = !s ? t("floor_nobody")
    : s.region ? t("floor_speaker", { who: s.pseudonym, region: regionName(s.region) }) : s.pseudonym;
  listOr($("bm-floor-queue"), (floor.queue || []).map((h) =>
    el("li", {}, h.position === undefined ? h.pseudonym : `${h.pseudonym} · ${place(h.position)}`)), t("queue_empty"));
});
