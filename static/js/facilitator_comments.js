// The facilitator's comments on a statement or question (the minutes' "Kommentar: …";
// not the phones' comments, which are static/js/barometer/comments.js): a form
// with a textarea, the list of what was said, and "Kommentar sparad" once the
// server kept it. Used inline in Run and folded up in Prepare's lists.
import { el, t } from "./common.js";
import { call } from "./console.js";

const item = (c) => el("li", {}, c.text);

// Wires {form, list, status} to the comments at path() (null: nothing to
// comment on now). load() shows the list of the current path.
export function commentBox({ form, list, status }, path) {
  const input = form.querySelector("textarea");
  let loaded = null;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const at = path();
    const comment = at && await call("POST", at, { text: input.value }).catch(() => null);
    if (!comment) return;
    input.value = "";
    list.append(item(comment));
    status.textContent = t("comment_saved");
  });
  return {
    async load() {
      const at = path();
      if (at !== loaded) { status.textContent = ""; list.replaceChildren(); }
      loaded = at;
      if (!at) return;
      const data = await call("GET", at);
      if (path() === at) list.replaceChildren(...data.comments.map(item));
    },
  };
}

// A folded comment box for a list item. `opened` remembers which are open,
// so a redraw of the list (every save redraws it) keeps them open.
export function commentDetails({ id, summary, label, path, opened }) {
  const box = el("details", { class: "comments" });
  box.append(el("summary", {}, summary));
  const list = box.appendChild(el("ul"));
  const form = box.appendChild(el("form"));
  form.append(el("label", { for: id }, label), el("textarea", { id, rows: 2, maxlength: 2000 }),
    el("button", { type: "submit" }, label));
  const status = box.appendChild(el("p", { class: "saved", role: "status" }));
  const comments = commentBox({ form, list, status }, () => path);
  box.addEventListener("toggle", () => {
    if (box.open) opened.add(path); else opened.delete(path);
    if (box.open) comments.load().catch(() => {});
  });
  box.open = opened.has(path);
  return box;
}
