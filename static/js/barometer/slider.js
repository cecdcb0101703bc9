// The position marker: a role="slider" on a track, by pointer or keyboard.
// No tick marks: the line is continuous, as on the floor.
import { valueText } from "./scale.js";
import { t } from "../common.js";

const KEY_STEPS = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageDown: -10, PageUp: 10 };
// A key sequence has ended (the person has settled) after this long without keys.
export const KEYS_SETTLE_MS = 1000;

export class Slider {
  constructor(track, marker, onChange, onCommit) {
    this.track = track;
    this.marker = marker;
    this.onChange = onChange; // every move
    this.onCommit = onCommit; // a gesture ended: pointer released, or no key for KEYS_SETTLE_MS
    this.value = null;
    this.keyTimer = null;
    track.addEventListener("pointerdown", (e) => { this.cancel(); this.#pointer(e, true); });
    track.addEventListener("pointermove", (e) => { if (this.dragging) this.#pointer(e, false); });
    track.addEventListener("pointerup", () => this.#release());
    track.addEventListener("pointercancel", () => this.#release());
    marker.addEventListener("keydown", (e) => this.#key(e));
  }

  // Forget a key sequence still running (a new statement, or a drag took over).
  cancel() {
    clearTimeout(this.keyTimer);
    this.keyTimer = null;
  }

  set(value) {
    this.value = value;
    const placed = value !== null;
    this.marker.classList.toggle("unplaced", !placed);
    const shown = placed ? value : 50;
    this.marker.style.left = `${shown}%`;
    this.marker.setAttribute("aria-valuenow", String(shown));
    this.marker.setAttribute("aria-valuetext", placed ? valueText(value) : t("place_marker"));
  }

  #pointer(event, start) {
    const rect = this.track.getBoundingClientRect();
    const value = Math.round(Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width)) * 100);
    if (start) {
      this.dragging = true;
      this.track.setPointerCapture?.(event.pointerId);
      this.marker.focus({ preventScroll: true });
    }
    event.preventDefault();
    if (value !== this.value) { this.set(value); this.onChange(value); }
  }

  #release() {
    if (!this.dragging) return;
    this.dragging = false;
    this.onCommit(this.value);
  }

  #key(event) {
    let value = this.value ?? 50;
    if (event.key in KEY_STEPS) value += KEY_STEPS[event.key];
    else if (event.key === "Home") value = 0;
    else if (event.key === "End") value = 100;
    else return;
    event.preventDefault();
    value = Math.min(100, Math.max(0, value));
    this.set(value);
    this.onChange(value);
    this.cancel();
    this.keyTimer = setTimeout(() => { this.keyTimer = null; this.onCommit(this.value); }, KEYS_SETTLE_MS);
  }
}
