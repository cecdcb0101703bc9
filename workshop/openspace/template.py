"""Open Space's part of a workshop template: the theme and settings, the
rooms, and the time slots with their breaks. Never topics or notes."""

from __future__ import annotations

from workshop.domain.templates import items, part_fields
from workshop.method import TemplatePart
from workshop.openspace import domain as rules

NAME = "openspace"
SETTINGS = ("theme", "allow_claims", "dots", "break_label")
ROOMS_MAX = SLOTS_MAX = 100


def capture(store, workshop_id: str) -> dict:
    settings = store.openspace_settings(workshop_id)
    return {
        "settings": {k: settings[k] for k in SETTINGS},
        "spaces": [{"name": s["name"], "capacity": s["capacity"]} for s in store.spaces(workshop_id)],
        "slots": [
            {k: s[k] for k in ("label", "starts_at", "minutes", "kind")} for s in store.slots(workshop_id)
        ],
    }


def validate(part) -> dict:
    part = part_fields(part, NAME, ("settings", "spaces", "slots"))
    settings = part_fields(part.get("settings", {}), NAME, SETTINGS)
    spaces = [
        rules.validate_space(part_fields(s, NAME, ("name", "capacity")))
        for s in items(part.get("spaces"), "spaces", most=ROOMS_MAX)
    ]
    slots = [
        rules.validate_slot(part_fields(s, NAME, ("label", "starts_at", "minutes", "kind")))
        for s in items(part.get("slots"), "slots", most=SLOTS_MAX)
    ]
    # Checked whole here, so a template with two slots at once is refused before anything is made.
    for i, slot in enumerate(slots):
        rules.check_no_overlap([{**s, "id": j} for j, s in enumerate(slots[:i])], slot)
    return {
        "settings": {**{k: rules.DEFAULT_SETTINGS[k] for k in SETTINGS}, **rules.validate_settings(settings)},
        "spaces": spaces,
        "slots": slots,
    }


def apply(store, workshop_id: str, part: dict) -> None:
    store.update_openspace_settings(workshop_id, **part["settings"])
    for space in part["spaces"]:
        store.add_space(workshop_id, space["name"], space["capacity"])
    for slot in part["slots"]:
        store.add_slot(workshop_id, slot["label"], slot["starts_at"], slot["minutes"], slot["kind"])


PART = TemplatePart(capture=capture, validate=validate, apply=apply)
