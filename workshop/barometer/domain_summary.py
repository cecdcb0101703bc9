"""Words for a distribution of positions, and how people moved.

The facilitator's minutes describe each statement in a short phrase ("Lätt
övervikt åt håller med", "Spridning mellan mitten och håller inte med"). This
module produces the same kind of phrase from the numbers, in Swedish and
English, so the appendix reads like the minutes of the day.

Positions run from 0 ("håller INTE med", disagree) to 100 ("håller med",
agree). The line is read in three equal regions, as people in the room do.

Pure: no Flask, no SQL, no plotting. Deterministic for the same input.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime

from workshop.barometer.record import PositionChange

# --- Regions ---------------------------------------------------------------
# 0..33 is the lower third, 34..66 the middle, 67..100 the upper third: each
# region covers 33-34 points, so a person standing on a boundary mark falls
# in the region a facilitator would name when looking at the room.
DISAGREE_MAX = 33
MIDDLE_MAX = 66

DISAGREE, MIDDLE, AGREE = "disagree", "middle", "agree"
REGIONS = (DISAGREE, MIDDLE, AGREE)  # left to right on the line

# --- Thresholds ------------------------------------------------------------
# Below three positions there is no shape to describe: two people are just
# two people. Two standing in the same region are said to be there together
# ("Båda håller med"), as anyone in the room would put it.
MIN_POSITIONS = 3

# "Alla håller med": nine in ten in one region. The minutes say "alla" even
# when one or two stand a little apart; demanding 100 % would rarely apply.
ALL_SHARE = 0.9

# Two separate groups: an empty stretch of at least a quarter of the line
# between neighbouring positions is visible from across the room as a gap.
GAP_MIN = 25
# ...and each side must hold a fifth of the group and at least two people;
# one person standing apart is an outlier, not "en grupp".
GROUP_MIN_SHARE = 0.2
GROUP_MIN_SIZE = 2

# "Övervikt" (strong lean): seven in ten in one region but not "alla".
STRONG_LEAN_SHARE = 0.7

# "Lätt övervikt" (slight lean): at least half in one region AND at least 20
# percentage points ahead of the next region, so a 50/45 split is not called
# a lean: it reads as a spread.
LEAN_SHARE = 0.5
LEAN_MARGIN = 0.2

# "Spridning över hela skalan": every region holds at least 15 %, i.e. about
# one person in seven stands in each third.
WHOLE_SCALE_REGION_SHARE = 0.15

# "Grupperat" versus "Spridning" over two adjacent regions: if the middle half
# of the people (interquartile range) stands within 20 points, a fifth of the
# line, they stand shoulder to shoulder across the boundary: grouped.
GROUPED_MAX_IQR = 20

# "Många pass": passes are at least a fifth of all answers (positions +
# passes); fewer is normal abstention and not worth a sentence.
MANY_PASSES_SHARE = 0.2

# A participant "moved" when first and final position differ by at least
# this many points: smaller shifts are people settling, not changing mind.
MOVE_THRESHOLD = 5

# Movement means changing your mind while others talk, not finding your place:
# a person's first position is where they settled. The phone marks the end of
# each gesture (finger lifted, key sequence over); for changes without any
# mark (older phones) it is the first value held at least this many seconds.
SETTLE_SECONDS = 2.0


# --- Phrases (domain data, from the minutes' vocabulary) -------------------
_ALL = {
    AGREE: ("Alla håller med", "Everyone agrees"),
    MIDDLE: ("Alla i mitten", "Everyone in the middle"),
    DISAGREE: ("Alla håller inte med", "Everyone disagrees"),
}
_TOWARDS = {  # completes "Lätt övervikt åt …" / "Slight lean towards …"
    AGREE: ("håller med", "agree"),
    MIDDLE: ("mitten", "the middle"),
    DISAGREE: ("håller inte med", "disagree"),
}
_BOTH = {  # two people, in the same region
    AGREE: ("Båda håller med", "Both agree"),
    MIDDLE: ("Båda i mitten", "Both in the middle"),
    DISAGREE: ("Båda håller inte med", "Both disagree"),
}
_GROUP_FIRST = {
    AGREE: ("Gruppering vid håller med", "A group that agrees"),
    MIDDLE: ("Gruppering i mitten", "A group in the middle"),
    DISAGREE: ("Gruppering vid håller inte med", "A group that disagrees"),
}
_GROUP_SECOND = {
    AGREE: ("en grupp som håller med", "a group that agrees"),
    MIDDLE: ("en grupp i mitten", "a group in the middle"),
    DISAGREE: ("en grupp som inte håller med", "a group that disagrees"),
}
# Spread and grouped always involve the middle (the only adjacent pairs).
_SIDE = {AGREE: ("håller med", "agree"), DISAGREE: ("håller inte med", "disagree")}


@dataclass(frozen=True)
class Summary:
    sv: str
    en: str
    shape: str  # all | lean | strong_lean | two_groups | spread | grouped | whole_scale | too_few

    def as_dict(self) -> dict[str, str]:
        return {"sv": self.sv, "en": self.en, "shape": self.shape}

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.sv


def region_of(value: int) -> str:
    if value <= DISAGREE_MAX:
        return DISAGREE
    if value <= MIDDLE_MAX:
        return MIDDLE
    return AGREE


def verbal_summary(values: Sequence[int], passes: int = 0) -> Summary:
    """One phrase, in both languages, for final positions and passes."""
    sv, en, shape = _shape_phrase(sorted(values))
    total = len(values) + passes
    if passes and passes >= MANY_PASSES_SHARE * total:
        sv += f". Många pass ({passes} av {total})."
        en += f". Many passes ({passes} of {total})."
    return Summary(sv=sv, en=en, shape=shape)


def _shape_phrase(ordered: list[int]) -> tuple[str, str, str]:
    n = len(ordered)
    if n == 2 and region_of(ordered[0]) == region_of(ordered[1]):
        return (*_BOTH[region_of(ordered[0])], "all")
    if n < MIN_POSITIONS:
        return "För få svar", "Too few answers", "too_few"

    counts = {r: 0 for r in REGIONS}
    for v in ordered:
        counts[region_of(v)] += 1
    share = {r: counts[r] / n for r in REGIONS}
    # Ties go to the region named first in REGIONS: stable, deterministic.
    ranked = sorted(REGIONS, key=lambda r: -counts[r])
    top, second = ranked[0], ranked[1]

    if share[top] >= ALL_SHARE:
        return (*_ALL[top], "all")

    groups = _two_groups(ordered)
    if groups:
        first, other = groups
        return (
            f"{_GROUP_FIRST[first][0]} och {_GROUP_SECOND[other][0]}",
            f"{_GROUP_FIRST[first][1]} and {_GROUP_SECOND[other][1]}",
            "two_groups",
        )

    if share[top] >= STRONG_LEAN_SHARE:
        return f"Övervikt åt {_TOWARDS[top][0]}", f"Strong lean towards {_TOWARDS[top][1]}", "strong_lean"
    if share[top] >= LEAN_SHARE and share[top] - share[second] >= LEAN_MARGIN:
        return (
            f"Lätt övervikt åt {_TOWARDS[top][0]}",
            f"Slight lean towards {_TOWARDS[top][1]}",
            "lean",
        )

    if min(share.values()) >= WHOLE_SCALE_REGION_SHARE or MIDDLE not in (top, second):
        # Also when the two largest regions are the two ends with the middle
        # bridging them (no gap): that is the whole line.
        return "Spridning över hela skalan", "Spread over the whole scale", "whole_scale"

    side = second if top == MIDDLE else top
    sv_side, en_side = _SIDE[side]
    if _iqr(ordered) <= GROUPED_MAX_IQR:
        return f"Grupperat från mitten till {sv_side}", f"Grouped from the middle to {en_side}", "grouped"
    return f"Spridning mellan mitten och {sv_side}", f"Spread between the middle and {en_side}", "spread"


def _two_groups(ordered: list[int]) -> tuple[str, str] | None:
    """Regions of (larger, smaller) group if the widest gap splits the room."""
    n = len(ordered)
    gap, cut = max((ordered[i + 1] - ordered[i], i + 1) for i in range(n - 1))
    if gap < GAP_MIN:
        return None
    left, right = ordered[:cut], ordered[cut:]
    if min(len(left), len(right)) < max(GROUP_MIN_SIZE, GROUP_MIN_SHARE * n):
        return None
    left_region = region_of(int(statistics.median_low(left)))
    right_region = region_of(int(statistics.median_low(right)))
    if left_region == right_region:
        return None
    # Larger group is named first; on a tie, the right-hand (more agreeing) one.
    if len(left) > len(right):
        return left_region, right_region
    return right_region, left_region


def _iqr(ordered: list[int]) -> float:
    q1, _, q3 = statistics.quantiles(ordered, n=4, method="inclusive")
    return q3 - q1


# --- Movement --------------------------------------------------------------
@dataclass(frozen=True)
class Movement:
    participants: int  # with a numeric first and a numeric final position
    moved: int  # |final - first| >= MOVE_THRESHOLD
    towards_agree: int
    towards_disagree: int
    mean_shift: float  # signed; positive = towards "håller med"
    pairs: list[tuple[int, int]] = field(default_factory=list)  # (first, final)

    def as_dict(self) -> dict:
        d = asdict(self)
        d["pairs"] = [list(p) for p in self.pairs]
        return d


def settled_index(changes: Sequence[PositionChange]) -> int | None:
    """Index of where one participant first settled, in their changes (oldest
    first): the first numeric change the phone marked as a gesture's end;
    failing that, the first numeric value held for SETTLE_SECONDS (the last
    change is held until the statement closed). None: no numeric position."""
    for i, change in enumerate(changes):
        if change.gesture_end and change.value is not None:
            return i
    for i, (change, after) in enumerate(zip(changes, [*changes[1:], None])):
        if change.value is not None and (after is None or _held(change, after) >= SETTLE_SECONDS):
            return i
    return None


def first_settled(changes: Sequence[PositionChange]) -> int | None:
    """Where one participant first settled (``settled_index``); None: no numeric position."""
    i = settled_index(changes)
    return None if i is None else changes[i].value


def settled_changes(changes: Sequence[PositionChange]) -> Sequence[PositionChange]:
    """One participant's changes from where they first settled on: the drag
    that placed them (from wherever the finger first touched) is finding one's
    place, not an answer. All of them when they never settled on a number."""
    i = settled_index(changes)
    return changes if i is None else changes[i:]


def _held(change: PositionChange, after: PositionChange) -> float:
    """Seconds between two changes; a time that cannot be read counts as held."""
    try:
        return (datetime.fromisoformat(after.at) - datetime.fromisoformat(change.at)).total_seconds()
    except (TypeError, ValueError):
        return math.inf


def movement(history: Sequence[PositionChange]) -> Movement:
    """First settled position against final position, per participant.

    "First" is where the participant first settled (``first_settled``: a
    pass before it is ignored), so placing yourself is not counted as
    changing your mind; "final" is their last change, which must be a
    number: someone who ended on a pass has no final position to compare.
    Intermediate passes and positions do not matter. History is taken in the
    order given (oldest first, as the appendix stores it).
    """
    changes: dict[int, list[PositionChange]] = {}
    for change in history:
        changes.setdefault(change.participant, []).append(change)

    pairs = []
    for participant in sorted(changes):
        first, final = first_settled(changes[participant]), changes[participant][-1].value
        if first is not None and final is not None:
            pairs.append((first, final))
    shifts = [b - a for a, b in pairs]
    return Movement(
        participants=len(pairs),
        moved=sum(1 for s in shifts if abs(s) >= MOVE_THRESHOLD),
        towards_agree=sum(1 for s in shifts if s >= MOVE_THRESHOLD),
        towards_disagree=sum(1 for s in shifts if s <= -MOVE_THRESHOLD),
        mean_shift=round(statistics.fmean(shifts), 2) if shifts else 0.0,
        pairs=pairs,
    )
