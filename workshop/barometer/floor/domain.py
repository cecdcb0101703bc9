"""Ordet: who has asked to speak, who speaks next, and who has been heard.

While a statement is open a phone may raise its hand ("Jag vill säga
något") and lower it again. The facilitator gives the floor ("Ge ordet") to
one of those who asked; "Tack" ends the turn. The suggestion is fair to the
line, not to the clock alone: it picks someone from the region that has been
heard least on this statement so far, and among those the one who asked
first. The facilitator may pick anyone else in the queue instead.

A region is where a person stands *now* (0–33 håller inte med, 34–66 mitten,
67–100 håller med, as in domain_summary) or "pass". A turn keeps the region
its speaker stood in when given the floor: moving while speaking does not
rewrite who was heard.

Pure: no Flask, no SQL. The store calls these inside the transaction that
writes, so a rule and the write see the same queue.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from workshop.barometer.domain import PASS
from workshop.barometer.domain_summary import AGREE, DISAGREE, MIDDLE, region_of
from workshop.domain.errors import Conflict, Invalid
from workshop.domain.parse import ID_MAX
from workshop.domain.participants import pseudonym

# Left to right on the line, then those who passed: the order every count is shown in.
FLOOR_REGIONS = (DISAGREE, MIDDLE, AGREE, PASS)


def region_of_position(value: int | None) -> str:
    """0..100 -> its region; None (a pass) -> "pass"."""
    return PASS if value is None else region_of(value)


@dataclass(frozen=True)
class Hand:
    """One raised hand in the queue."""

    participant: int  # pseudonym number ("P12")
    order: int  # ask order: a later raise (after lowering) goes to the back
    asked_at: str
    value: int | None  # where the person stands now; None = pass

    @property
    def region(self) -> str:
        return region_of_position(self.value)


@dataclass(frozen=True)
class Turn:
    """One person given the floor on a statement."""

    participant: int
    region: str  # where they stood when given the floor
    at: str
    speaking: bool = False  # the turn has not ended ("Tack")


def heard(turns: Iterable[Turn]) -> dict[str, int]:
    """Turns so far per region, every region present (0 when unheard)."""
    counts = Counter(t.region for t in turns)
    return {r: counts.get(r, 0) for r in FLOOR_REGIONS}


def queue_order(hands: Iterable[Hand]) -> list[Hand]:
    """First asked first."""
    return sorted(hands, key=lambda h: (h.order, h.participant))


def suggest(hands: Sequence[Hand], turns: Sequence[Turn]) -> Hand | None:
    """Whom "Ge ordet" gives the floor to by default: from the region heard
    least so far on this statement, the one who asked first. None when
    nobody asked."""
    counts = heard(turns)
    return min(hands, key=lambda h: (counts[h.region], h.order, h.participant), default=None)


def parse_choice(value) -> int | None:
    """The facilitator's pick: a participant's number, or null for the suggestion."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= ID_MAX:
        raise Invalid("participant must be a participant's number, or null for the suggestion.")
    return value


def choose(hands: Sequence[Hand], turns: Sequence[Turn], participant: int | None) -> Hand:
    """Who gets the floor: ``participant`` if they asked, else the suggestion."""
    if not hands:
        raise Conflict("Nobody has asked for the floor.")
    if participant is None:
        return suggest(hands, turns)
    for hand in hands:
        if hand.participant == participant:
            return hand
    raise Conflict("P%(number)d has not asked for the floor.", number=participant)


def check_hand(on: bool, has_position: bool, speaking: bool) -> None:
    """A phone raising its hand must stand somewhere (or have passed): the
    floor is tied to the line. Lowering is always allowed."""
    if not on:
        return
    if speaking:
        raise Conflict("You have the floor now.")
    if not has_position:
        raise Conflict("Place yourself on the line first, then ask for the floor.")


def check_floor_open(status: str | None) -> None:
    if status != "open":
        raise Conflict("The floor is given only while a statement is open.")


def _position(value: int | None):
    return PASS if value is None else value


@dataclass(frozen=True)
class Floor:
    """The floor on one statement, and what each audience is told of it."""

    statement: int | None
    hands: list[Hand]  # the queue, first asked first
    turns: list[Turn]  # everyone given the floor on this statement, in order
    hidden: bool = False  # the statement's dots are hidden from the projector

    @property
    def speaker(self) -> Turn | None:
        return next((t for t in self.turns if t.speaking), None)

    def staff(self) -> dict:
        """The facilitator's: the queue with pseudonyms and places, the
        speaker, the suggestion and how often each region was heard."""
        suggestion = suggest(self.hands, self.turns)
        speaker = self.speaker
        return {
            "statement": self.statement,
            "queue": [
                {
                    "participant": h.participant,
                    "pseudonym": pseudonym(h.participant),
                    "position": _position(h.value),
                    "region": h.region,
                    "asked_at": h.asked_at,
                }
                for h in self.hands
            ],
            "speaker": None
            if speaker is None
            else {
                "participant": speaker.participant,
                "pseudonym": pseudonym(speaker.participant),
                "region": speaker.region,
                "since": speaker.at,
            },
            "suggestion": None
            if suggestion is None
            else {
                "participant": suggestion.participant,
                "pseudonym": pseudonym(suggestion.participant),
                "region": suggestion.region,
            },
            "heard": heard(self.turns),
        }

    def projector(self) -> dict:
        """The projector's: only the speaker's dot key and region, never a
        queue. While the dots are hidden, not even that: the speaker's side
        (or their dot, once shown) would tell the room where they stand."""
        speaker = self.speaker
        if self.hidden:
            return {"statement": self.statement, "speaker": None, "hidden": True}
        return {
            "statement": self.statement,
            "speaker": None if speaker is None else {"key": speaker.participant, "region": speaker.region},
        }

    def phone(self, number: int | None) -> dict:
        """One phone's own: is its hand up, does it have the floor."""
        speaker = self.speaker
        return {
            "hand": any(h.participant == number for h in self.hands),
            "speaking": speaker is not None and speaker.participant == number,
        }


def spoken(turns: Sequence[Turn]) -> tuple[dict[str, int], list[str]]:
    """For the appendix: how many spoke from each region, and the regions in speaking order."""
    return heard(turns), [t.region for t in turns]
