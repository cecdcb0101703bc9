"""Åsiktsbarometer: statements, positions on the line, and the distribution.

The line runs from 0 = "håller INTE med" to 100 = "håller med". A participant
may also pass ("Pass / Vet inte"). One statement is open at a time; people
may move while it is open, and not after it is closed.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop.domain.errors import Conflict, Invalid
from workshop.domain.text import clean_text
from workshop.domain.texts import language_items

PASS = "pass"
MIN_VALUE, MAX_VALUE = 0, 100
STATEMENT_MAX = 500
COMMENT_MAX = 2000
BULK_MAX_STATEMENTS = 100

DRAFT, OPEN, CLOSED = "draft", "open", "closed"


def validate_statement_text(value) -> str:
    return clean_text(value, "text", max_len=STATEMENT_MAX, multiline=False)


def validate_texts(value) -> dict[str, str]:
    """{"en": "...", "sv-x-lattlast": "..."}: each optional; a blank or null one is left out."""
    return {
        lang: clean_text(text, f"texts.{lang}", max_len=STATEMENT_MAX, multiline=False)
        for lang, text in language_items(value).items()
        if not (isinstance(text, str) and not text.strip())
    }


def validate_comment(value) -> str:
    return clean_text(value, "text", max_len=COMMENT_MAX)


def split_bulk(value) -> list[str]:
    """Statements pasted one per line -> validated texts; blank lines skipped.

    All or nothing: one bad line refuses the whole paste, so the facilitator
    never ends up with half a list.
    """
    if not isinstance(value, str):
        raise Invalid("%(field)s must be text.", field="text")
    lines = [line.strip().lstrip("-•*").strip() for line in value.splitlines()]
    texts = [validate_statement_text(line) for line in lines if line]
    if not texts:
        raise Invalid("Paste at least one statement, one per line.")
    if len(texts) > BULK_MAX_STATEMENTS:
        raise Invalid("At most %(max)d statements at once.", max=BULK_MAX_STATEMENTS)
    return texts


def parse_position(value) -> int | None:
    """A phone's value -> 0..100, or None for a pass."""
    if value == PASS:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid('value must be a whole number from 0 to 100, or "pass".')
    if not MIN_VALUE <= value <= MAX_VALUE:
        raise Invalid('value must be a whole number from 0 to 100, or "pass".')
    return value


def parse_settled(value) -> bool:
    """The phone's optional `settled`: true on the last send of a gesture
    (the finger lifted, or a key sequence ended). Absent means false, so
    phones that never send it keep working."""
    if value is None:
        return False
    if not isinstance(value, bool):
        raise Invalid("settled must be true or false.")
    return value


def is_repeat(has_position: bool, current: int | None, value: int | None) -> bool:
    """A send that repeats the current position is no change of mind: the
    history gets no row for it (a settled repeat only marks the last row as
    the end of its gesture)."""
    return has_position and current == value


def check_open_for_positions(status: str) -> None:
    if status != OPEN:
        raise Conflict("This statement is closed; positions can no longer change.")


def check_editable(status: str) -> None:
    # Once people have answered a statement, changing its words would change
    # what their answers mean.
    if status != DRAFT:
        raise Conflict("This statement has been shown; its text can no longer change.")


def check_deletable(status: str) -> None:
    # Deleting the open statement would pull the line from under every phone.
    if status == OPEN:
        raise Conflict("Close the statement before deleting it.")


ROUNDS_MAX = 9


def check_can_ask_again(status: str, round_: int = 1) -> None:
    """ "Fråga igen": only a statement that was asked and is closed now (the
    room has seen where it stood), at most ROUNDS_MAX rounds."""
    if status == DRAFT:
        raise Conflict("This statement has not been asked yet: open it first.")
    if status == OPEN:
        raise Conflict("Close the statement before asking it again.")
    if round_ >= ROUNDS_MAX:
        raise Conflict("A statement can be asked at most %(max)d times.", max=ROUNDS_MAX)


def check_order(ids, current: set[int]) -> list[int]:
    """A new order must list every statement of the workshop exactly once."""
    if not isinstance(ids, list) or any(isinstance(i, bool) or not isinstance(i, int) for i in ids):
        raise Invalid("ids must be a list of statement ids.")
    if len(ids) != len(current) or set(ids) != current:
        raise Invalid("ids must list every statement of the workshop exactly once.")
    return ids


def position_for_phone(value: int | None, has_position: bool) -> int | str | None:
    """What `state.position` says: a number, "pass", or null (not placed)."""
    if not has_position:
        return None
    return PASS if value is None else value


@dataclass(frozen=True)
class Distribution:
    statement: int
    values: tuple[int, ...]  # in a stable order (participant order)
    passes: int
    # Opaque per-participant keys, parallel to values, so the projector can
    # move the same dot when a person moves instead of redrawing the swarm.
    keys: tuple[int, ...] = ()

    @classmethod
    def of(cls, statement: int, by_number: dict[int, int | None]) -> Distribution:
        """From {participant number: value, None for a pass}."""
        placed = sorted((k, v) for k, v in by_number.items() if v is not None)
        return cls(
            statement=statement,
            values=tuple(v for _, v in placed),
            keys=tuple(k for k, _ in placed),
            passes=len(by_number) - len(placed),
        )

    @property
    def count(self) -> int:
        return len(self.values)

    @property
    def mean(self) -> float | None:
        if not self.values:
            return None
        return round(sum(self.values) / len(self.values), 1)

    def as_dict(self) -> dict:
        return distribution_payload(
            self.statement, [[k, v] for k, v in zip(self.keys, self.values)], self.passes
        )

    def hidden(self) -> dict:
        """What the projector sees before the facilitator reveals: counts only."""
        return hidden_payload(self.statement, self.count, self.passes)

    def public(self, statement_hidden: bool) -> dict:
        """What those who do not run the workshop see: no positions while hidden."""
        return self.hidden() if statement_hidden else self.as_dict()


def distribution_payload(statement: int, dots: list[list], passes: int) -> dict:
    """The `distribution` event from ``[key, value]`` pairs of the placed dots.

    The live aggregate keeps its pairs between flushes and hands them in as
    they are, so a flush of 5,000 dots allocates two lists, not 5,000 (each
    such burst of short-lived lists woke Python's garbage collector)."""
    values = [v for _, v in dots]
    return {
        "statement": statement,
        "count": len(values),
        "passes": passes,
        "values": values,
        "mean": round(sum(values) / len(values), 1) if values else None,
        "dots": dots,
    }


def hidden_payload(statement: int, count: int, passes: int) -> dict:
    """The `distribution` those who do not run the workshop see while the
    statement is hidden: counts only, no positions."""
    return {
        "statement": statement,
        "count": count,
        "passes": passes,
        "values": [],
        "mean": None,
        "dots": [],
        "hidden": True,
    }
