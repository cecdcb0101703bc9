"""Open Space: topics on the wall, spaces × slots, the law of two feet, notes.

Pure rules, no Flask or SQL. Storage calls the ``check_*`` functions inside
its transactions, so a rule and the write it guards see the same state and a
refused input changes nothing. Transport calls the ``validate_*`` functions
on whatever the client sent.

Words as in the Värmland minutes: a topic ("område") is proposed by anyone,
placed in a room ("rum") and a time slot ("pass"); a break slot ("fikapaus")
holds nothing; people vote with their feet (here) and write the report
("anteckningar") from their phones.
"""

from __future__ import annotations

from workshop.domain.errors import Conflict, Invalid, NotFound, Stale
from workshop.domain.parse import parse_bool, parse_clock, parse_id
from workshop.domain.text import clean_text, optional_text, require_int
from workshop.openspace.record import NOTE_KINDS

TITLE_MAX = 120
DESCRIPTION_MAX = 1000
CONVENER_MAX = 80
SPACE_NAME_MAX = 80
CAPACITY_MAX = 10000
SLOT_LABEL_MAX = 80
MINUTES_MIN, MINUTES_MAX = 5, 600
SLOT_KINDS = ("session", "break")
SESSION, BREAK = SLOT_KINDS
NOTE_MAX = 20000
WHO_MAX = WHEN_MAX = 120
THEME_MAX = 300
BREAK_LABEL_MAX = 80
DOTS_MAX = 10
DEFAULT_BREAK_LABEL = "Fika"

DEFAULT_SETTINGS = {
    "theme": None,
    "allow_claims": False,
    "dots": 0,
    "break_until": None,
    "break_label": DEFAULT_BREAK_LABEL,
}


def _pick(data: dict, validators: dict, required: tuple[str, ...], partial: bool) -> dict:
    """Validate the fields present; on create, required fields must be there.

    Only known fields are read; HTTP refuses unknown ones before this.
    """
    if not partial:
        for name in required:
            if name not in data:
                raise Invalid("%(field)s is required.", field=name)
    return {name: check(data[name]) for name, check in validators.items() if name in data}


# -- topics, spaces, slots -----------------------------------------------------
_TOPIC = {
    "title": lambda v: clean_text(v, "title", max_len=TITLE_MAX, multiline=False),
    "description": lambda v: optional_text(v, "description", max_len=DESCRIPTION_MAX) or "",
    # None or blank: anonymous, as the minutes allow.
    "convener": lambda v: optional_text(v, "convener", max_len=CONVENER_MAX, multiline=False),
}


def validate_topic(data: dict, *, partial: bool = False) -> dict:
    fields = _pick(data, _TOPIC, ("title",), partial)
    if not partial:
        fields.setdefault("description", "")
        fields.setdefault("convener", None)
    return fields


def _capacity(value) -> int | None:
    return None if value is None else require_int(value, "capacity", lo=1, hi=CAPACITY_MAX)


_SPACE = {
    "name": lambda v: clean_text(v, "name", max_len=SPACE_NAME_MAX, multiline=False),
    "capacity": _capacity,
}


def validate_space(data: dict, *, partial: bool = False) -> dict:
    fields = _pick(data, _SPACE, ("name",), partial)
    if not partial:
        fields.setdefault("capacity", None)
    return fields


def _kind(value) -> str:
    if value not in SLOT_KINDS:
        raise Invalid('kind must be "session" or "break".')
    return value


_SLOT = {
    "label": lambda v: clean_text(v, "label", max_len=SLOT_LABEL_MAX, multiline=False),
    "starts_at": lambda v: parse_clock(v, "starts_at"),
    "minutes": lambda v: require_int(v, "minutes", lo=MINUTES_MIN, hi=MINUTES_MAX),
    "kind": _kind,
}


def validate_slot(data: dict, *, partial: bool = False) -> dict:
    fields = _pick(data, _SLOT, ("label", "starts_at", "minutes"), partial)
    if not partial:
        fields.setdefault("kind", SESSION)
    return fields


# -- shifting the later slots ("we're 15 minutes late") -------------------------
SHIFT_MAX = 600  # minutes, either way
DAY = 24 * 60


def validate_shift(data: dict) -> int:
    minutes = require_int(data.get("minutes"), "minutes", lo=-SHIFT_MAX, hi=SHIFT_MAX)
    if minutes == 0:
        raise Invalid("minutes must not be 0.")
    return minutes


def _clock_minutes(hhmm: str) -> int:
    hours, mins = hhmm.split(":")
    return int(hours) * 60 + int(mins)


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def shift_slots(slots: list[dict], from_id: int, minutes: int) -> dict[int, str]:
    """New start times for the slot ``from_id`` and every slot that starts
    at the same time or later, all moved by ``minutes``: {slot id: "HH:MM"}.
    Refused (nothing moves) when a moved slot would leave the day, or when
    moving earlier would start the first moved slot before an unmoved one ends."""
    first = next((s for s in slots if s["id"] == from_id), None)
    if first is None:
        raise NotFound("No such slot.")
    later = [s for s in slots if s["starts_at"] >= first["starts_at"]]
    earlier = [s for s in slots if s["starts_at"] < first["starts_at"]]
    moved = {}
    for slot in later:
        start = _clock_minutes(slot["starts_at"]) + minutes
        if start < 0 or start + slot["minutes"] > DAY:
            raise Invalid("The shift would move “%(label)s” out of the day.", label=slot["label"])
        moved[slot["id"]] = _clock(start)
    ends = [_clock_minutes(s["starts_at"]) + s["minutes"] for s in earlier]
    if ends and _clock_minutes(moved[from_id]) < max(ends):
        raise Conflict(
            "The shift would start “%(label)s” before the slot before it ends.", label=first["label"]
        )
    return moved


def check_no_overlap(slots: list[dict], slot: dict) -> None:
    """A slot (new, or an existing one as edited: same ``id``) may not share a
    minute with another slot of the day: one room cannot hold two passes at
    once, and a fika during a pass is a mistake. Touching ends are fine
    (13:00–13:45, then 13:45–14:05). Called inside the writing transaction."""
    start = _clock_minutes(slot["starts_at"])
    end = start + slot["minutes"]
    for other in slots:
        if other["id"] == slot.get("id"):
            continue
        other_start = _clock_minutes(other["starts_at"])
        if start < other_start + other["minutes"] and other_start < end:
            raise Conflict(
                "“%(label)s” would overlap “%(other)s” (%(start)s–%(end)s).",
                label=slot["label"],
                other=other["label"],
                start=other["starts_at"],
                end=_clock(other_start + other["minutes"]),
            )


# -- settings ------------------------------------------------------------------
_SETTINGS = {
    "theme": lambda v: optional_text(v, "theme", max_len=THEME_MAX, multiline=False),
    "allow_claims": lambda v: parse_bool(v, "allow_claims"),
    "dots": lambda v: require_int(v, "dots", lo=0, hi=DOTS_MAX),
    "break_until": lambda v: None if v is None else parse_clock(v, "break_until"),
    # null or blank puts back the default, so the projector never shows "– vi ses".
    "break_label": lambda v: (
        optional_text(v, "break_label", max_len=BREAK_LABEL_MAX, multiline=False) or DEFAULT_BREAK_LABEL
    ),
}


def validate_settings(data: dict) -> dict:
    return _pick(data, _SETTINGS, (), partial=True)


# -- placement -------------------------------------------------------------------
def parse_placement(space, slot) -> tuple[int | None, int | None]:
    """Both ids (a cell) or both null (unscheduled); one of each is a mistake."""
    if space is None and slot is None:
        return None, None
    if space is None or slot is None:
        raise Invalid("Give both space and slot, or both as null to unschedule.")
    return parse_id(space, "space"), parse_id(slot, "slot")


def check_placement(slot_kind: str, occupant: int | None, topic_id: int) -> None:
    """A break holds nothing; a cell holds one topic (no double booking)."""
    if slot_kind == BREAK:
        raise Conflict("That slot is a break (fika); nothing can be placed there.")
    if occupant is not None and occupant != topic_id:
        raise Conflict("That room is already taken in that time slot.")


def check_claim(allow_claims: bool, proposed_by: int | None, participant_id: int) -> None:
    if not allow_claims:
        raise Conflict("The facilitator has not opened the wall for claiming a room and time.")
    if proposed_by != participant_id:
        raise Conflict("You can only place a topic you proposed.")


# -- topics that can be acted on --------------------------------------------------
def check_live(topic: dict | None, *, staff: bool) -> dict:
    """A topic someone may act on: merged ones are gone for everybody,
    hidden ones are gone for phones (they never saw them)."""
    if topic is None or topic["merged_into"] is not None or (topic["hidden"] and not staff):
        raise NotFound("No such topic.")
    return topic


def check_merge(source: dict, target: dict) -> None:
    if source["id"] == target["id"]:
        raise Invalid("A topic cannot be merged into itself.")
    if source["merged_into"] is not None:
        raise Conflict("That topic has already been merged into another.")
    if target["merged_into"] is not None:
        raise Conflict("That topic has been merged away; merge into the topic it became.")


# -- dots (convergence) -------------------------------------------------------------
def check_vote(dots: int, used: int) -> None:
    """Called before adding a dot; ``used`` excludes the one being added."""
    if dots <= 0:
        raise Conflict("Dot voting is not open.")
    if used >= dots:
        raise Conflict("You have used all your %(dots)d dots. Take one back to move it.", dots=dots)


def dots_left(dots: int, used: int) -> int:
    # The facilitator may lower the limit after people voted: never negative.
    return max(0, dots - used)


# -- notes -------------------------------------------------------------------------
def validate_note_text(value) -> str:
    return clean_text(value, "text", max_len=NOTE_MAX)


def validate_note(data: dict) -> dict:
    # Absent or null means a plain note; anything else must be a known kind
    # ([] or "" are mistakes, not "text").
    kind = data.get("kind")
    kind = "text" if kind is None else kind
    if not isinstance(kind, str) or kind not in NOTE_KINDS:
        raise Invalid("kind must be one of: text, key_point, proposal, question.")
    who = optional_text(data.get("who"), "who", max_len=WHO_MAX, multiline=False)
    when = optional_text(data.get("when"), "when", max_len=WHEN_MAX, multiline=False)
    if kind != "proposal" and (who or when):
        raise Invalid('who and when belong to a proposal (kind "proposal").')
    return {"kind": kind, "text": validate_note_text(data.get("text")), "who": who, "when": when}


class StaleNote(Stale):
    """The note changed since the writer loaded it; carries the current note
    so the phone can show both texts instead of overwriting someone."""

    def __init__(self, current: dict):
        # Spelled as a Conflict(...) call so `make extract-messages` finds the msgid.
        said = Conflict(
            "Someone changed this note while you were writing. Your text is not saved; compare and try again."
        )
        super().__init__(said.message, current)


def check_note_edit(note: dict, participant_id: int, version) -> None:
    if note["participant_id"] != participant_id:
        raise Conflict("You can only edit your own notes.")
    if isinstance(version, bool) or not isinstance(version, int):
        raise Invalid("version must be the version of the note you edited.")


# -- the wall ----------------------------------------------------------------------
def missing_notes(topics: list[dict]) -> list[int]:
    """Scheduled topics with no report yet: who the facilitator should nudge."""
    return [t["id"] for t in topics if t["space"] is not None and t["slot"] is not None and not t["notes"]]


def public_wall(wall: dict) -> dict:
    """The wall without hidden topics: what phones and the projector get."""
    topics = [t for t in wall["topics"] if not t["hidden"]]
    return {**wall, "topics": topics, "missing_notes": missing_notes(topics)}
