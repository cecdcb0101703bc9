// Run mode, shared by the methods that go through a list one item at a time
// (statements, questions): which item is on show, which comes next, and the
// one main action that fits now. A method's run part holds three buttons,
// data-action = "open-next" | "close" | "next", in a .run-actions box.
import { call } from "./console.js";

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

// Shows one main action, runs update() for the rest of the part, and keeps
// keyboard focus in the actions when the button just used disappears.
export function showActions(part, { now, next }, update = () => {}) {
  const active = document.activeElement;
  const focused = active && active.closest(".run-actions") && part.contains(active) ? active : null;
  const button = (action) => part.querySelector(`[data-action="${action}"]`);
  button("open-next").hidden = Boolean(now) || !next;
  button("close").hidden = now?.status !== "open";
  button("next").hidden = now?.status !== "closed" || !next;
  update();
  if (focused && focused.hidden) part.querySelector(".run-actions button:not([hidden])")?.focus();
}

// A button that sends request() = [method, path, body?], when there is one.
export function onClick(button, request) {
  button.addEventListener("click", () => {
    const args = request();
    if (args) call(...args).catch(() => {});
  });
}
