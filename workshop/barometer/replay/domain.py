"""Replay: how the room moved on one statement, played back afterwards.

After a statement is closed the facilitator can play it back on the
projector, up to 20 times as fast: every dot moves as it moved. The
projector gets the history once, compactly (per participant a list of
[ms offset, value]), and animates it itself; the server only keeps the
scrubber (where the replay is, whether it plays, how fast), so every screen
that joins late lands on the same frame.

The appendix shows the same replay as three still frames: everyone's first
position, the room at the midpoint in time, and the final positions.

Pure: no Flask, no SQL. Times are ISO 8601 strings as the store keeps them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from workshop.barometer.domain_summary import settled_index
from workshop.barometer.record import PositionChange
from workshop.domain.errors import Conflict, Invalid

MIN_SPEED, MAX_SPEED = 1, 20
DEFAULT_SPEED = 10


def epoch_ms(at: str) -> int:
    return int(datetime.fromisoformat(at).timestamp() * 1000)


def _readable_ms(at: str) -> int | None:
    """None for a time that cannot be read: an appendix must never fail on one odd row."""
    try:
        return epoch_ms(at)
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True)
class Replay:
    """A statement's movement as the projector animates it."""

    duration_ms: int  # first change at 0, last at duration_ms
    # (key, [(ms offset, value or None for a pass)]), keys = pseudonym numbers
    tracks: list[tuple[int, list[tuple[int, int | None]]]]

    @property
    def changes(self) -> int:
        return sum(len(steps) for _, steps in self.tracks)

    def as_dict(self) -> dict:
        return {
            "duration_ms": self.duration_ms,
            "changes": self.changes,
            "tracks": [[key, [list(step) for step in steps]] for key, steps in self.tracks],
        }


def _offsets(history: Sequence[PositionChange]) -> list[int]:
    """Each change's ms offset from the first change, never backwards: a clock
    step on the server must not reorder a person's moves."""
    start = _readable_ms(history[0].at) if history else None
    offsets, last = [], 0
    for change in history:
        ms = _readable_ms(change.at)
        if ms is not None and start is not None:
            last = max(last, ms - start)
        offsets.append(last)
    return offsets


def replay_of(history: Sequence[PositionChange]) -> Replay:
    """History (oldest first) -> tracks with offsets from the first kept change.

    Each person's track starts where they first settled (the movement rule,
    ``domain_summary.settled_index``): the drag that placed them starts
    wherever the finger touched, often the slider's middle, and is not a
    position the room held. So the replay, its first frame and the movement
    chart agree on where everyone first stood."""
    offsets = _offsets(history)
    per_person: dict[int, list[tuple[int, PositionChange]]] = {}
    for ms, change in zip(offsets, history):
        per_person.setdefault(change.participant, []).append((ms, change))
    kept: dict[int, list[tuple[int, int | None]]] = {}
    for key, timed in per_person.items():
        settled = settled_index([change for _, change in timed]) or 0
        kept[key] = [(ms, change.value) for ms, change in timed[settled:]]
    start = min((steps[0][0] for steps in kept.values()), default=0)
    tracks = sorted((key, [(ms - start, v) for ms, v in steps]) for key, steps in kept.items())
    return Replay(max(offsets, default=0) - start, tracks)


@dataclass(frozen=True)
class Frame:
    values: list[int]  # in participant order
    passes: int


@dataclass(frozen=True)
class Frames:
    first: Frame  # everyone's first settled answer (the movement rule)
    middle: Frame  # the room halfway between the first and the last change
    final: Frame


def _frame(latest: dict[int, int | None]) -> Frame:
    values = [v for _, v in sorted(latest.items()) if v is not None]
    return Frame(values, sum(1 for v in latest.values() if v is None))


def frames(history: Sequence[PositionChange]) -> Frames:
    replay = replay_of(history)
    middle_ms = replay.duration_ms / 2
    first, middle, final = {}, {}, {}
    for key, steps in replay.tracks:
        first[key] = steps[0][1]
        final[key] = steps[-1][1]
        before = [v for ms, v in steps if ms <= middle_ms]
        if before:
            middle[key] = before[-1]
    return Frames(_frame(first), _frame(middle), _frame(final))


# -- the scrubber -------------------------------------------------------------
@dataclass(frozen=True)
class Scrubber:
    statement: int
    duration_ms: int
    speed: float
    at_ms: int  # where the replay was at updated_at
    playing: bool
    updated_at: str
    round: int = 1  # "Fråga igen": which round of the statement plays

    def at(self, now: str) -> Scrubber:
        """Where it is at ``now``: a playing replay has moved on, and stops at the end."""
        if not self.playing:
            return replace(self, updated_at=now)
        position = self.at_ms + (epoch_ms(now) - epoch_ms(self.updated_at)) * self.speed
        if position >= self.duration_ms:
            return replace(self, at_ms=self.duration_ms, playing=False, updated_at=now)
        return replace(self, at_ms=int(position), updated_at=now)

    def as_dict(self) -> dict:
        return {
            "statement": self.statement,
            "duration_ms": self.duration_ms,
            "speed": self.speed,
            "at_ms": self.at_ms,
            "playing": self.playing,
            "round": self.round,
        }


def check_replayable(status: str, changes: int, another_open: bool, hidden: bool = False) -> None:
    """Only a closed statement with a history, and not while the room answers
    another one: the projector shows one line at a time. Never one whose dots
    are hidden: the replay would show the projector every position."""
    if status != "closed":
        raise Conflict("Close the statement before replaying it.")
    if hidden:
        raise Conflict("Reveal the dots before replaying this statement.")
    if another_open:
        raise Conflict("Close the open statement before replaying another one.")
    if changes == 0:
        raise Conflict("Nothing to replay: nobody placed themselves on this statement.")


def parse_speed(value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not MIN_SPEED <= value <= MAX_SPEED:
        raise Invalid("speed must be a number from %(lo)d to %(hi)d.", lo=MIN_SPEED, hi=MAX_SPEED)
    return float(value)


def parse_at(value, duration_ms: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= duration_ms:
        raise Invalid("at must be a whole number of milliseconds from 0 to %(max)d.", max=duration_ms)
    return value


def parse_round(value, rounds: int) -> int:
    """Which round to replay: 1 .. the statement's current round ("Fråga igen")."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= rounds:
        raise Invalid("round must be a whole number from 1 to %(max)d.", max=rounds)
    return value


def start(statement: int, duration_ms: int, speed: float, now: str, round_: int = 1) -> Scrubber:
    return Scrubber(statement, duration_ms, speed, 0, duration_ms > 0, now, round_)


def scrub(
    current: Scrubber,
    now: str,
    *,
    playing: bool | None = None,
    at: int | None = None,
    speed: float | None = None,
) -> Scrubber:
    """The facilitator pauses, plays, seeks or changes speed. Play at the end starts over."""
    s = current.at(now)
    if speed is not None:
        s = replace(s, speed=speed)
    if at is not None:
        s = replace(s, at_ms=at)
    if playing is not None:
        restart = playing and s.at_ms >= s.duration_ms
        s = replace(s, playing=playing and s.duration_ms > 0, at_ms=0 if restart else s.at_ms)
    return s
