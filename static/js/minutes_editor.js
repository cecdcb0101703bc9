// The Protokollsanteckning's editor, one per method part of the minutes page:
// a textarea that saves itself after a pause in typing (DEBOUNCE_MS) and when
// it loses focus, with "Sparar…" / "Sparat" / the conflict in a role=status
// line. Saving sends the version it loaded; when someone else saved since,
// the server answers 409 with their text and version (docs/protocol.md), and
// the editor shows it beside the writer's own, who chooses: keep theirs, or
// overwrite with mine (sent again with their version). Never silently.
// Another writer's save (the `minutes` push) shows at once while this page has
// nothing unsaved; a suggestion (the summary, version 0) is saved only once edited.
import { el, say, t } from "./common.js";
import { request, socket } from "./minutes.js";

export const DEBOUNCE_MS = 1000;

// host: an empty element; prefix: unique ids. load(path) opens the minutes at
// path ("/statements/3/minutes"); a change of path saves the old one first.
export function minutesEditor(host, prefix) {
  const area = el("textarea", { id: `${prefix}-text`, rows: 8, maxlength: 20000, "aria-describedby": `${prefix}-status` });
  const status = el("p", { id: `${prefix}-status`, class: "minutes-status", role: "status" });
  const theirs = el("blockquote", { class: "minutes-theirs" });
  const keepTheirs = el("button", { type: "button", class: "secondary" }, t("minutes_keep_theirs"));
  const overwrite = el("button", { type: "button" }, t("minutes_overwrite"));
  const conflict = el("div", { class: "minutes-conflict", role: "group", "aria-labelledby": `${prefix}-conflict-h` });
  const actions = el("div", { class: "minutes-conflict-actions" });
  actions.append(keepTheirs, " ", overwrite);
  conflict.append(el("p", { id: `${prefix}-conflict-h`, class: "minutes-conflict-h" }, t("minutes_conflict")), theirs, actions);
  conflict.hidden = true;
  host.replaceChildren(el("label", { for: area.id, class: "minutes-label" }, t("minutes_note")), area, status, conflict);

  let path = null;
  let version = 0;
  let saved = "";      // the text as the server has it (version `version`)
  let timer = null;
  let busy = null;     // the save under way
  let current = null;  // the other writer's minutes while a conflict is shown
  let dirty = false;   // typed here since the last save or load

  const changed = () => dirty && area.value.trim() !== saved.trim();

  async function save() {
    clearTimeout(timer);
    if (!path || current) return;
    if (!changed()) { dirty = false; return; }
    if (busy) { await busy; return save(); }
    const at = path;
    const text = area.value;
    say(status, t("saving"));
    busy = request("PUT", at, { text, version }).then((m) => {
      if (at !== path) return;
      version = m.version;
      saved = m.text;
      dirty = area.value !== text;  // typed on while it saved
      say(status, dirty ? t("minutes_unsaved") : t("minutes_saved", { version: m.version }));
    }, (err) => {
      if (at !== path) return;
      if (err.status === 409 && err.data?.current) showConflict(err.data.current);
      else say(status, t("not_saved", { error: err.message }), { bad: true });
    }).finally(() => { busy = null; });
    await busy;
  }

  function showConflict(other) {
    current = other;
    theirs.textContent = other.text;
    conflict.hidden = false;
    say(status, t("minutes_conflict_status"), { bad: true });
  }

  function resolve(mine) {
    const other = current;
    current = null;
    conflict.hidden = true;
    version = other.version;
    saved = other.text;
    if (!mine) {
      dirty = false;
      area.value = other.text;
      say(status, t("minutes_saved", { version }));
    }
    area.focus();
    if (mine) save();
  }
  keepTheirs.addEventListener("click", () => resolve(false));
  // Someone saved: shown here unless this page has its own unsaved text (then its save conflicts).
  function takeNewer(m) {
    if (m.version <= version || dirty || busy || current) return;
    version = m.version;
    saved = m.text;
    area.value = m.text;
    say(status, t("minutes_saved", { version: m.version }));
  }
  socket.on("minutes", (m) => { if (m.path === path) takeNewer(m); });
  // Back after a drop: what was saved meanwhile (the pushes are lost).
  socket.on("connect", () => {
    const at = path;
    if (at) request("GET", at).then((m) => { if (at === path && !m.prefilled) takeNewer(m); }).catch(() => {});
  });
  overwrite.addEventListener("click", () => resolve(true));

  area.addEventListener("input", () => {
    if (current) return;
    dirty = true;
    say(status, t("minutes_unsaved"));
    clearTimeout(timer);
    timer = setTimeout(save, DEBOUNCE_MS);
  });
  area.addEventListener("blur", () => { save(); });

  return {
    async load(next) {
      if (next === path) return;
      await save();
      path = next;
      current = null;
      dirty = false;
      conflict.hidden = true;
      area.value = "";
      say(status, "");
      if (!next) return;
      const m = await request("GET", next);
      if (path !== next) return;
      version = m.version;
      saved = m.text;
      area.value = m.text;
      say(status, m.prefilled && m.text ? t("minutes_prefilled")
        : m.version ? t("minutes_saved", { version: m.version }) : "");
    },
    save,
  };
}
