// Fyra hörn's part of the minute-taker's page: the open question (else the
// one closed last), its Protokollsanteckning and the facilitator's comments.
import { el, say, t } from "../common.js";
import { call, request, views } from "../minutes.js";
import { minutesEditor } from "../minutes_editor.js";

const $ = (id) => document.getElementById(id);
const editor = minutesEditor($("fc-minutes-editor"), "fc-minutes");
let questionId = null;

views.fourcorners = (state) => {
  const question = state.phase === "fourcorners"
    ? (state.corners && state.corners.question) || state.corners_closed : null;
  $("fc-minutes").hidden = !question;
  const id = question ? question.id : null;
  if (question) {
    $("fc-minutes-kind").textContent = t(state.corners ? "fc_minutes_open" : "fc_minutes_closed");
    $("fc-minutes-h").textContent = question.text;
  }
  if (id !== questionId) {
    questionId = id;
    editor.load(id ? `/corners/${id}/minutes` : null).catch(() => {});
    loadComments().catch(() => {});
  }
  return Boolean(question);
};

async function loadComments() {
  if (questionId === null) return;
  const at = questionId;
  const { comments } = await request("GET", `/corners/${at}/comments`);
  if (at !== questionId) return;
  $("fc-minutes-comments").replaceChildren(...(comments.length ? comments.map((c) => el("li", {}, c.text))
    : [el("li", { class: "hint" }, t("minutes_no_comments"))]));
}

$("fc-comment-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  if (questionId === null) return;
  await call("POST", `/corners/${questionId}/comments`, { text: $("fc-comment-text").value }).then(() => {
    $("fc-comment-text").value = "";
    say($("fc-comment-status"), t("comment_saved"), { fade: true });
    return loadComments();
  }).catch(() => {});
});
