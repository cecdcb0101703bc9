// Run mode, shared by the methods that go through a list one item at a time
// (statements, questions): which item is on show, which comes next, the one
// main action that fits now, its live numbers and its comments.
//
// A method's run part (section #<prefix>-run) holds #<prefix>-run-where,
// -run-status, -run-next, the comment box (the run_part macro in
// templates/_console_run.html)
// and three buttons, data-action = "open-next" | "close" | "next", in a
// .run-actions box.
import { t } from "./common.js";
import { call } from "./console.js";
import { commentBox } from "./facilitator_comments.js";

// {now, next}: now is the open item, else the one closed last (its result
// stays on show); next is the first draft in the facilitator's order.
export function sequence(items) {
  const closed = items.filter((item) => item.status === "closed" && item.closed_at)
    .sort((a, b) => a.closed_at.localeCompare(b.closed_at));
  return {
    now: items.find((item) => item.status === "open") || closed.at(-1) || null,
    next: items.find((item) => item.status === "draft") || null,
  };
}

// A button that sends request() = [method, path, body?], when there is one.
export function onClick(button, request) {
  button.addEventListener("click", () => {
    const args = request();
    if (args) call(...args).catch(() => {});
  });
}

// options: prefix ("b"), path ("/statements"), aggregate ("distribution":
// GET <path>/<id>/<aggregate>, its payload names the item in `key`), text
// (the element for the item's text), texts {of, open, closed, none,
// allShown, noneYet, upNext} (string keys), render(now, numbers) for the
// numbers (null: none yet), and update(now) for the method's other controls.
// Returns {show(items), numbers(payload), now()}.
export function runner({ prefix, path, aggregate, key, text, texts, render, update = () => {} }) {
  const $ = (id) => document.getElementById(`${prefix}-${id}`);
  const part = $("run");
  let items = [];
  let now = null;
  let numbers = null;
  const comments = commentBox({ form: $("comment-form"), list: $("comments"), status: $("comment-status") },
    () => (now ? `${path}/${now.id}/comments` : null));

  // Another item on show (or the same one closed): empty numbers first,
  // never the previous item's, then what is known now.
  function changed() {
    numbers = null;
    render(now, null);
    comments.load().catch(() => {});
    if (!now) return;
    const id = now.id;
    call("GET", `${path}/${id}/${aggregate}`).then((data) => {
      if (now?.id === id && (!numbers || now.status === "closed")) take(data);
    }).catch(() => {});
  }

  function take(data) {
    if (!now || data[key] !== now.id) return;
    numbers = data;
    render(now, numbers);
  }

  function show(list) {
    items = list;
    const before = now;
    const seq = sequence(items);
    now = seq.now;
    if (now?.id !== before?.id || now?.status !== before?.status) changed();
    const active = document.activeElement;
    const focused = active && active.closest(".run-actions") && part.contains(active) ? active : null;
    const button = (action) => part.querySelector(`[data-action="${action}"]`);
    button("open-next").hidden = Boolean(now) || !seq.next;
    button("close").hidden = now?.status !== "open";
    button("next").hidden = now?.status !== "closed" || !seq.next;
    $("run-where").textContent = now ? t(texts.of, { number: items.indexOf(now) + 1, count: items.length }) : "";
    $("run-status").textContent = t(!now ? texts.none : now.status === "open" ? texts.open : texts.closed);
    text.textContent = now ? now.text : "";
    $("run-next").textContent = !seq.next ? t(items.length ? texts.allShown : texts.noneYet)
      : now?.status === "open" ? "" : t(texts.upNext, { text: seq.next.text });
    $("comment-form").hidden = !now;
    update(now);
    // The button just used may be gone: keep keyboard focus in the actions.
    if (focused && focused.hidden) part.querySelector(".run-actions button:not([hidden])")?.focus();
  }

  const openNext = () => {
    const { next } = sequence(items);
    return next && ["POST", `${path}/${next.id}/open`];
  };
  onClick(part.querySelector('[data-action="open-next"]'), openNext);
  onClick(part.querySelector('[data-action="next"]'), openNext);
  onClick(part.querySelector('[data-action="close"]'), () => now && ["POST", `${path}/${now.id}/close`]);
  return { show, numbers: take, now: () => now };
}
