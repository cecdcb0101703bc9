// Comments from phones, carrying their place. One part per page:
//   phone      writes at most 280 characters (comment {statement, text}) when allowed
//   console    allows them, approves, edits, rejects, shows one on the projector
//   projector  shows the one approved comment, labelled by region, never by person
// Every text is set with textContent (el()): comments are never markup.
import { el, liveRender, say, t } from "../common.js";
import { hyphenate } from "../hyphenate.js";
import { regionName } from "./floor.js";

const $ = (id) => document.getElementById(id);
const MAX = 280;

// send: the phone's outbox (phone.js): kept while offline, acked once committed.
export function phoneComments(socket, send) {
  const form = $("comment-form");
  const text = $("comment-text");
  let statementId = null;
  const count = () => { $("comment-count").textContent = t("comment_count", { count: text.value.length }); };

  socket.on("state", (state) => {
    const allowed = Boolean(state.may_comment && state.statement);
    if (!allowed || state.statement.id !== statementId) say($("comment-status"), "");
    statementId = allowed ? state.statement.id : null;
    form.hidden = !allowed;
  });
  text.addEventListener("input", count);
  count();
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (statementId === null || !text.value.trim()) return;
    const button = form.querySelector("button");
    button.disabled = true;
    // The outbox says "Sparar…" (or that it waits for the connection) in the status line.
    send("comment", { statement: statementId, text: text.value.slice(0, MAX) }, { status: $("comment-status") })
      .then((ack) => {
        button.disabled = false;
        if (ack && ack.ok) {
          text.value = "";
          count();
          say($("comment-status"), t("comment_sent"));
        } else say($("comment-status"), t("not_saved", { error: ack ? ack.error : "?" }), { bad: true });
      });
  });
}

export function consoleComments(socket, call) {
  // The open statement's comments; after it closes they stay, so pending
  // ones can still be approved for the minutes.
  let statementId = null;
  let open = false;
  let comments = [];
  let shownStatement = null;
  let mayWrite = true; // phones may send comments (set under Prepare)
  const list = $("phone-comments");
  const path = (c) => `/statements/${c.statement_id}/phone-comments/${c.id}`;
  const act = (promise) => promise.then(load).catch(() => {});

  function button(label, key, onClick, cls = "secondary") {
    const b = el("button", { type: "button", class: cls, "data-key": key }, label);
    b.addEventListener("click", onClick);
    return b;
  }

  function edit(li, c) {
    const form = el("form", { class: "edit" });
    const id = `phone-comment-edit-${c.id}`;
    form.append(el("label", { for: id }, t("edit")), el("input", { id, value: c.text, maxlength: MAX }),
      el("button", { type: "submit" }, t("save")));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      act(call("PATCH", path(c), { text: form.querySelector("input").value }));
    });
    li.querySelector(".text").replaceWith(form);
    form.querySelector("input").focus();
  }

  function item(c) {
    const li = el("li", { class: `phone-comment-item ${c.status}` });
    // One line for where it comes from and how far it got, then the text.
    // A protected comment (too few stood there when written) comes without region.
    const head = el("p", { class: "region" },
      c.region ? t("from_region", { region: regionName(c.region) }) : t("from_someone"));
    head.append(" · ", el("span", { class: "status" }, [t(`status_${c.status}`), c.edited ? t("edited") : null]
      .filter(Boolean).join(", ")));
    li.append(head, el("p", { class: "text" }, c.text));
    const tools = li.appendChild(el("div", { class: "tools" }));
    if (c.status !== "approved") {
      tools.append(button(t("approve"), `approve-${c.id}`,
        () => act(call("PATCH", path(c), { status: "approved" })), "primary"));
    }
    if (c.status !== "rejected") {
      tools.append(button(t("edit"), `edit-${c.id}`, () => edit(li, c)),
        button(t("reject"), `reject-${c.id}`, () => act(call("PATCH", path(c), { status: "rejected" }))));
    }
    if (c.status === "approved" && !c.shown && open) {
      tools.append(button(t("show_on_projector"), `show-${c.id}`,
        () => act(call("PUT", `/statements/${c.statement_id}/shown-comment`, { comment: c.id }))));
    }
    return li;
  }

  // One message at a time: with phones not allowed to write, "none yet"
  // would only repeat what #comments-off says.
  function render() {
    liveRender(list, () => (comments.length ? comments.map(item)
      : mayWrite ? [el("li", { class: "hint" }, t("no_phone_comments"))] : []));
  }

  async function load() {
    comments = statementId === null ? []
      : (await call("GET", `/statements/${statementId}/phone-comments`)).comments;
    render();
  }

  // Allowed or not is set under Prepare; Run says so where the comments would be.
  function allowed(on) {
    $("allow-comments").checked = on;
    $("comments-off").hidden = on;
    if (on !== mayWrite) { mayWrite = on; render(); }
  }
  $("allow-comments").addEventListener("change", (e) => {
    call("PATCH", "/barometer", { phone_comments: e.target.checked })
      .then((s) => allowed(s.phone_comments))
      .catch(() => { e.target.checked = !e.target.checked; });
  });
  $("hide-comment").addEventListener("click", () => {
    if (shownStatement !== null) act(call("PUT", `/statements/${shownStatement}/shown-comment`, { comment: null }));
  });

  socket.on("state", (state) => {
    if ("phone_comments_allowed" in state) allowed(state.phone_comments_allowed);
    const id = state.statement ? state.statement.id : null;
    const wasOpen = open;
    open = id !== null;
    if (id !== null && id !== statementId) { statementId = id; load().catch(() => {}); }
    else if (open !== wasOpen) render();
  });
  socket.on("phone_comments", (data) => {
    if (data.statement !== statementId) return;
    comments = data.comments;
    render();
  });
  socket.on("comment_shown", (shown) => {
    shownStatement = shown.statement;
    $("shown-comment").textContent = shown.statement === null ? "" : t("on_projector", { text: shown.text });
    $("hide-comment").hidden = shown.statement === null;
  });
}

// changed(): the comment came, went or changed (the projector fits its view again).
export function projectorComments(socket, changed = () => {}) {
  socket.on("comment_shown", (shown) => {
    const box = $("shown-comment");
    box.hidden = shown.statement === null;
    $("shown-comment-text").textContent = shown.statement === null ? "" : hyphenate(shown.text);
    // No side while the statement's dots are hidden (the server sends region null).
    const side = $("shown-comment-region");
    // A protected comment (too few stood there when written): "Kommentar från en deltagare".
    side.textContent = shown.statement === null ? "" : shown.protected ? t("comment_from_someone")
      : !shown.region ? "" : t("comment_from", { region: regionName(shown.region) });
    side.hidden = !side.textContent;
    changed();
  });
}
