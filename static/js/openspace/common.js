// Open Space: reading the wall (rooms × time slots) the same way on the
// phone, the projector and the console. Pure helpers over the "wall" payload.
import { t } from "../common.js";

export function minutesOf(hhmm) {
  const [h, m] = String(hhmm).split(":").map(Number);
  return h * 60 + m;
}

function hhmm(minutes) {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

// Slots in clock order, whatever order they were added in.
export function sortedSlots(wall) {
  return [...wall.slots].sort((a, b) => minutesOf(a.starts_at) - minutesOf(b.starts_at));
}

export function slotTime(slot) {
  return `${slot.starts_at}–${hhmm(minutesOf(slot.starts_at) + slot.minutes)}`;
}

// "10:00–10:45 Pass 1", or "14:00–14:30 Fika" for a break without a label.
export function slotName(slot) {
  const label = slot.label || (slot.kind === "break" ? t("os_break") : "");
  return `${slotTime(slot)} ${label}`.trim();
}

// The slot's name with its kind, unless the name already says it:
// "Pass 1 (Pass)" and "Fika (Fika)" read as a stutter.
export function slotWithKind(slot, kind) {
  const name = slotName(slot);
  return slot.label && slot.label.toLowerCase().includes(kind.toLowerCase()) ? name
    : name.endsWith(kind) ? name : `${name} (${kind})`;
}

// A time field in 24-hour HH:MM whatever the browser's locale (an
// <input type="time"> shows "--:-- --" in an en-US browser): text, digits
// keyboard, checked by pattern here and by the server.
export const CLOCK_FIELD = {
  type: "text", inputmode: "numeric", pattern: "([01][0-9]|2[0-3]):[0-5][0-9]", maxlength: 5,
  placeholder: "13:00", autocomplete: "off", required: "",
};

// Topics people may see: the facilitator hides duplicates and mistakes.
export function visibleTopics(wall) {
  return wall.topics.filter((topic) => !topic.hidden);
}

export function topicAt(topics, spaceId, slotId) {
  return topics.find((topic) => topic.space === spaceId && topic.slot === slotId) || null;
}

// Session cells with no topic (hidden ones still hold their cell on the server).
export function freeCells(wall) {
  const cells = [];
  for (const slot of sortedSlots(wall)) {
    if (slot.kind === "break") continue;
    for (const space of wall.spaces) {
      if (!topicAt(wall.topics, space.id, slot.id)) {
        cells.push({ space: space.id, slot: slot.id, value: `${space.id}:${slot.id}`,
          label: `${slotName(slot)} · ${space.name}` });
      }
    }
  }
  return cells;
}

// "Rum A · 10:00–10:45" for a scheduled topic, else "".
export function placeOf(wall, topic) {
  const space = wall.spaces.find((s) => s.id === topic.space);
  const slot = wall.slots.find((s) => s.id === topic.slot);
  return space && slot ? `${space.name} · ${slotTime(slot)}` : "";
}

export function headcount(topic) {
  const here = t("os_here", { count: topic.here || 0 });
  return topic.peak > (topic.here || 0) ? `${here} (${t("os_peak", { count: topic.peak })})` : here;
}

// "Fika – vi ses 14:30 (12 min kvar)", or null when no break timer runs.
export function breakText(settings, now = new Date()) {
  if (!settings || !settings.break_until) return null;
  const text = t("os_break_until", { label: settings.break_label || t("os_break"), time: settings.break_until });
  const left = minutesOf(settings.break_until) - (now.getHours() * 60 + now.getMinutes());
  return left > 0 ? `${text} (${t("os_minutes_left", { count: left })})` : text;
}

// The slot running now and the one after it, by this device's clock.
export function nowNext(wall, now = new Date()) {
  const minute = now.getHours() * 60 + now.getMinutes();
  const slots = sortedSlots(wall);
  const current = slots.find((s) => minute >= minutesOf(s.starts_at) && minute < minutesOf(s.starts_at) + s.minutes) || null;
  const next = slots.find((s) => minutesOf(s.starts_at) > minute && s !== current) || null;
  return { now: current, next };
}
