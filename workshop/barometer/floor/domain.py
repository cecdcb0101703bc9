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

Speaking time: every turn keeps when it started (``since``) and ended
(``until``, None while speaking); its ``seconds`` are the difference. An
optional limit per turn (``turn_seconds``, 0 = none) lets the projector and
the speaker's phone count down; at 0 they signal gently and the turn goes
on (no cut-off).

Small groups protected (workshop/domain/small_groups.py): a turn given to
someone whose region held fewer than ``min_group`` people at that moment is
``protected``. Every audience then hears "Ordet: någon": the region is left
out of the speaker, the turns, the counts heard and the time heard (they
fold into SOMEONE), and the projector does not ring the speaker's dot. The
suggestion still weighs the true regions (fairness is the facilitator's).

Pure: no Flask, no SQL. The store calls these inside the transaction that
writes, so a rule and the write see the same queue.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from workshop.barometer.domain import PASS
from workshop.barometer.domain_summary import AGREE, DISAGREE, MIDDLE, region_of
from workshop.domain.errors import Conflict, Invalid
from workshop.domain.parse import ID_MAX
from workshop.domain.participants import pseudonym
from workshop.domain.small_groups import is_protected

# Left to right on the line, then those who passed: the order every count is shown in.
FLOOR_REGIONS = (DISAGREE, MIDDLE, AGREE, PASS)
# Where a protected turn (or comment) is counted: no region attached.
SOMEONE = "someone"
TURN_SECONDS_MAX = 600  # ten minutes: longer is a talk, not a turn


def parse_turn_seconds(value) -> int:
    """PATCH /barometer {"turn_seconds": 0..600}; 0 = no limit."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= TURN_SECONDS_MAX:
        raise Invalid(
            "turn_seconds must be a whole number of seconds from 0 to %(max)d.", max=TURN_SECONDS_MAX
        )
    return value


def duration_seconds(since: str, until: str | None) -> int | None:
    """Whole seconds between two ISO times (rounded); None while ``until`` is None."""
    if until is None:
        return None
    delta = datetime.fromisoformat(until) - datetime.fromisoformat(since)
    return max(0, round(delta.total_seconds()))


def small_regions(counts: dict[int | None, int], min_group: int) -> frozenset[str]:
    """The regions holding fewer than ``min_group`` (``counts``: people per value, None = pass)."""
    per_region = Counter()
    for value, n in counts.items():
        per_region[region_of_position(value)] += n
    return frozenset(r for r in FLOOR_REGIONS if is_protected(per_region[r], min_group))


def region_protected(values: Iterable[int | None], region: str, min_group: int) -> bool:
    """Does ``region`` hold fewer than ``min_group`` of these positions (None = pass)?"""
    return is_protected(sum(1 for v in values if region_of_position(v) == region), min_group)


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
    at: str  # since: when the floor was given
    speaking: bool = False  # the turn has not ended ("Tack")
    until: str | None = None  # when it ended; None while speaking
    protected: bool = False  # their region held fewer than min_group then

    def as_dict(self) -> dict:
        """A floor turn as the contract names it (docs/protocol.md)."""
        return {
            "participant": self.participant,
            "region": None if self.protected else self.region,
            "since": self.at,
            "until": self.until,
            "seconds": turn_seconds(self),
        }


# A turn here or in the appendix's record (record.SpokenTurn): region, at, until, protected.
def turn_seconds(turn) -> int | None:
    return duration_seconds(turn.at, turn.until)


def shown_region(turn) -> str:
    """The region every audience is told: SOMEONE when protected."""
    return SOMEONE if turn.protected else turn.region


def heard(turns: Iterable[Turn]) -> dict[str, int]:
    """Turns so far per true region, every region present (0 when unheard):
    what the suggestion weighs. Never shown: see heard_shown."""
    counts = Counter(t.region for t in turns)
    return {r: counts.get(r, 0) for r in FLOOR_REGIONS}


def _folded(turns: Iterable, weigh) -> dict[str, int]:
    """Per shown region, every region present; SOMEONE only when there are protected turns."""
    counts: Counter = Counter()
    for t in turns:
        counts[shown_region(t)] += weigh(t)
    out = {r: counts.get(r, 0) for r in FLOOR_REGIONS}
    if SOMEONE in counts:
        out[SOMEONE] = counts[SOMEONE]
    return out


def heard_shown(turns: Iterable) -> dict[str, int]:
    """Turns per region as every audience is told: protected turns fold into SOMEONE."""
    return _folded(turns, lambda t: 1)


def seconds_heard(turns: Iterable) -> dict[str, int]:
    """Seconds heard per region (ended turns), protected ones under SOMEONE."""
    return _folded(turns, lambda t: turn_seconds(t) or 0)


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
    limit_seconds: int = 0  # the limit per turn (0: none)
    # Regions holding fewer than min_group now: the queue and the suggestion name no side there.
    small: frozenset[str] = frozenset()

    def _place(self, hand: Hand) -> dict:
        """Where someone in the queue stands, unless too few stand there."""
        if hand.region in self.small:
            return {"position": None, "region": None, "protected": True}
        return {"position": _position(hand.value), "region": hand.region}

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
                    **self._place(h),
                    "asked_at": h.asked_at,
                }
                for h in self.hands
            ],
            "speaker": None
            if speaker is None
            else {
                "participant": speaker.participant,
                "pseudonym": pseudonym(speaker.participant),
                "region": None if speaker.protected else speaker.region,
                "protected": speaker.protected,
                "since": speaker.at,
            },
            "since": None if speaker is None else speaker.at,
            "limit_seconds": self.limit_seconds,
            "turns": [t.as_dict() for t in self.turns],
            "suggestion": None
            if suggestion is None
            else {
                "participant": suggestion.participant,
                "pseudonym": pseudonym(suggestion.participant),
                "region": self._place(suggestion)["region"],
            },
            "heard": heard_shown(self.turns),
        }

    def projector(self) -> dict:
        """The projector's: only the speaker's dot key and region, never a
        queue. While the dots are hidden, not even that: the speaker's side
        (or their dot, once shown) would tell the room where they stand."""
        speaker = self.speaker
        if self.hidden:
            return {"statement": self.statement, "speaker": None, "hidden": True}
        if speaker is None:
            return {"statement": self.statement, "speaker": None}
        # Protected: neither the region nor the dot (a ring on it shows where they stand).
        return {
            "statement": self.statement,
            "speaker": {
                "key": None if speaker.protected else speaker.participant,
                "region": None if speaker.protected else speaker.region,
                "since": speaker.at,
                "limit_seconds": self.limit_seconds,
            },
        }

    def phone(self, number: int | None) -> dict:
        """One phone's own: is its hand up, does it have the floor (and since when, the limit)."""
        speaker = self.speaker
        speaking = speaker is not None and speaker.participant == number
        return phone_floor(
            any(h.participant == number for h in self.hands),
            speaker.at if speaking else None,
            self.limit_seconds,
        )


def phone_floor(hand: bool, since: str | None, limit_seconds: int) -> dict:
    """A phone's floor: ``since`` is when its own turn began (None: not speaking)."""
    return {
        "hand": hand,
        "speaking": since is not None,
        "since": since,
        "limit_seconds": limit_seconds if since is not None else None,
    }


def spoken(turns: Sequence) -> tuple[dict[str, int], list[str]]:
    """For the appendix: how many spoke from each region (protected turns
    under SOMEONE), and the regions in speaking order (SOMEONE likewise)."""
    return heard_shown(turns), [shown_region(t) for t in turns]
