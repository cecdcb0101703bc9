"""Fyra hörn (four corners): questions, choices, and the room's tally.

The facilitator asks a question with four labelled answers, one per corner
of the room (0 = A, 1 = B, 2 = C, 3 = D). Each participant picks a corner,
or passes, and may change while the question is open, not after it closes.
One question is open at a time. Pure: stdlib and the core's domain only.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop.domain.errors import Conflict, Invalid
from workshop.domain.text import clean_text
from workshop.domain.texts import language_items

PASS = "pass"
CORNERS = 4
QUESTION_MAX = 300
LABEL_MAX = 80
COMMENT_MAX = 2000

DRAFT, OPEN, CLOSED = "draft", "open", "closed"


def validate_question_text(value) -> str:
    return clean_text(value, "text", max_len=QUESTION_MAX, multiline=False)


def validate_labels(value) -> list[str]:
    """Exactly four labels, one per corner, each 1..80 characters on one line."""
    if not isinstance(value, list) or len(value) != CORNERS:
        raise Invalid("labels must be a list of four texts, one per corner.")
    return [clean_text(label, "labels", max_len=LABEL_MAX, multiline=False) for label in value]


def validate_texts(value) -> dict:
    """{"en": {"text", "labels": [four]}, "sv-x-lattlast": {...}}: each optional; null leaves it out."""
    out = {}
    for lang, item in language_items(value).items():
        if not isinstance(item, dict) or set(item) - {"text", "labels"}:
            raise Invalid('texts.%(lang)s must be {"text", "labels"}.', lang=lang)
        out[lang] = {
            "text": validate_question_text(item.get("text")),
            "labels": validate_labels(item.get("labels")),
        }
    return out


def validate_comment(value) -> str:
    return clean_text(value, "text", max_len=COMMENT_MAX)


def parse_corner(value) -> int | None:
    """A phone's corner -> 0..3, or None for a pass."""
    if value == PASS:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < CORNERS:
        raise Invalid('corner must be 0, 1, 2 or 3, or "pass".')
    return value


def check_open_for_choices(status: str) -> None:
    if status != OPEN:
        raise Conflict("This question is not open; choices can no longer change.")


def check_editable(status: str) -> None:
    # Once people have chosen, changing the words would change what they chose.
    if status != DRAFT:
        raise Conflict("This question has been shown; its text and corners can no longer change.")


def check_deletable(status: str) -> None:
    # Deleting the open question would pull the corners from under every phone.
    if status == OPEN:
        raise Conflict("Close the question before deleting it.")


def choice_for_phone(corner: int | None, has_choice: bool) -> int | str | None:
    """What a phone is told it chose: 0..3, "pass", or null (nothing yet)."""
    if not has_choice:
        return None
    return PASS if corner is None else corner


@dataclass(frozen=True)
class Tally:
    question: int
    # (participant number, corner 0..3 or None for a pass), in participant order.
    choices: tuple[tuple[int, int | None], ...] = ()

    @property
    def counts(self) -> tuple[int, ...]:
        out = [0] * CORNERS
        for _, corner in self.choices:
            if corner is not None:
                out[corner] += 1
        return tuple(out)

    @property
    def passes(self) -> int:
        return sum(1 for _, corner in self.choices if corner is None)

    @property
    def dots(self) -> list[list[int]]:
        """[[participant number, corner], …]: a stable key per person, so the
        projector moves the same dot when someone changes corner."""
        return [[number, corner] for number, corner in self.choices if corner is not None]

    def as_dict(self) -> dict:
        counts = self.counts
        return {
            "question": self.question,
            "counts": list(counts),
            "passes": self.passes,
            "count": sum(counts),
            "dots": self.dots,
        }

    def public(self) -> dict:
        """What those who do not run the workshop (the projector) see. Corners
        are never hidden, so today it is the full tally; callers go through
        ``auth.for_role`` so a later "hide" changes only this."""
        return self.as_dict()


# -- the appendix: what a shown question came to ------------------------------
LETTERS = "ABCD"


def corner_letter(corner: int) -> str:
    return LETTERS[corner]


def most_chosen(counts) -> list[int]:
    """The corners most people chose, in corner order: several on a tie,
    none when nobody chose a corner."""
    top = max(counts, default=0)
    return [corner for corner, n in enumerate(counts) if n == top] if top > 0 else []


def changed(first: dict[int, int | None], final: dict[int, int | None]) -> int:
    """How many people ended elsewhere than they first chose (a pass counts
    as a choice). First against final: A -> B -> A is no change."""
    return sum(1 for person, choice in final.items() if person in first and first[person] != choice)
