// Facilitator console, Open Space, Run: the agenda wall and what is not yet
// placed (console_grid.js), the break timer, and the scheduled topics still
// lacking notes. Preparing (settings, rooms, slots, topics) is console.js.
import { el, t } from "../common.js";
import { act, renderWall } from "./console_grid.js";
import { hyphenate } from "../hyphenate.js";
import { breakText, placeOf } from "./common.js";

const $ = (id) => document.getElementById(id);

export function show(wall) {
  $("os-run-theme").textContent = wall.settings.theme || "";
  renderWall(wall);
  renderBreak(wall.settings);
  renderMissing(wall);
  reachScrolling();
}

// A box that scrolls (a wall bigger than the screen, a long list) must be
// reachable by keyboard to be scrolled; one that does not is no extra stop.
const SCROLLERS = ["os-c-grid", "os-c-pool", "os-c-missing"];
function reachScrolling() {
  for (const id of SCROLLERS) {
    const node = $(id);
    const scrolls = node.scrollHeight > node.clientHeight + 1 || node.scrollWidth > node.clientWidth + 1;
    if (scrolls) node.setAttribute("tabindex", "0");
    else node.removeAttribute("tabindex");
  }
}
new ResizeObserver(() => requestAnimationFrame(reachScrolling)).observe($("os-run"));

// -- the break timer ------------------------------------------------------------------
function renderBreak(settings) {
  $("os-c-break-now").textContent = breakText(settings) || t("os_no_break");
  $("os-c-break-clear").disabled = !settings.break_until;
}

function startBreak(until) {
  // Blank label: the server puts back its default ("Fika").
  return act("PATCH", "/openspace", { break_until: until, break_label: $("os-c-break-label").value.trim() || null });
}
$("os-c-break").addEventListener("submit", (e) => {
  e.preventDefault();
  startBreak($("os-c-break-until").value);
});
$("os-c-break-15").addEventListener("click", () => {
  const at = new Date(Date.now() + 15 * 60_000);
  startBreak(`${String(at.getHours()).padStart(2, "0")}:${String(at.getMinutes()).padStart(2, "0")}`);
});
$("os-c-break-clear").addEventListener("click", () => act("PATCH", "/openspace", { break_until: null }));

// -- topics on the wall without notes ----------------------------------------------------
function renderMissing(wall) {
  const missing = wall.topics.filter((topic) => wall.missing_notes.includes(topic.id));
  const scheduled = wall.topics.some((topic) => topic.space != null && topic.slot != null);
  $("os-c-missing-none").hidden = missing.length > 0;
  $("os-c-missing-none").textContent = scheduled ? t("os_all_noted") : t("os_none_scheduled");
  $("os-c-missing").replaceChildren(...missing.map((topic) =>
    el("li", { "data-topic": topic.id }, hyphenate(`${topic.title} – ${placeOf(wall, topic)}`))));
}
