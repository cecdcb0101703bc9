"""Deltas of a distribution: what staff screens are sent between snapshots.

A full `distribution` carries every dot (5,000 of them are ~60 kB of JSON
ten times a second). A screen that opts in (docs/protocol.md) gets instead,
once per window, only the dots that changed since the window before, with a
sequence number, and a full snapshot (the `distribution` shape plus "seq")
on connect, every ``SNAPSHOT_EVERY`` windows and when it asks after a gap.

A delta says where each changed dot IS, not how it moved: applying one to a
state that already has some of its changes is harmless. So a snapshot
tagged ``seq`` k (taken any time after window k was cut) followed by the
deltas k+1, k+2, … gives exactly the full distribution of each window.

Pure: the live aggregate (aggregate.py) cuts the windows; ``Follower`` is
what a screen does (static/js/barometer/deltas.js mirrors it), kept here so
the property tests can drive it. What is not the barometer's own (applying
a delta, following a stream) is the core's: workshop/domain/deltas.py.
"""

from __future__ import annotations

from collections.abc import Iterable

from workshop.domain.deltas import SNAPSHOT_EVERY, apply_delta
from workshop.domain.deltas import Follower as CoreFollower

__all__ = [
    "SNAPSHOT_EVERY",
    "Follower",
    "apply_delta",
    "as_distribution",
    "delta_payload",
    "snapshot_payload",
]


def mean_of(total: int, placed: int) -> float | None:
    """The distribution's mean, as ``Distribution.mean`` rounds it."""
    return round(total / placed, 1) if placed else None


def delta_payload(
    statement: int, seq: int, values: dict, changed: Iterable[int], tally: tuple[int, int, int]
) -> dict:
    """The `distribution_delta` event.

    values: {number: value, None for a pass} now; changed: the numbers whose
    entry changed since the last window; tally: (placed, passes, total of the
    placed values), kept exact by the aggregate."""
    placed, passes, total = tally
    dots, gone = [], []
    for number in sorted(changed):
        value = values.get(number)
        if value is None:
            gone.append(number)
        else:
            dots.append([number, value])
    return {
        "statement": statement,
        "seq": seq,
        "count": placed,
        "passes": passes,
        "mean": mean_of(total, placed),
        "dots": dots,
        "gone": gone,
    }


def snapshot_payload(full: dict, seq: int) -> dict:
    """A full `distribution` (or the hidden one) tagged with its window."""
    return {**full, "seq": seq}


def changed_numbers(before: dict, after: dict) -> set[int]:
    """The numbers whose entry differs between two states ({number: value or None})."""
    return {n for n in before.keys() | after.keys() if before.get(n, ...) != after.get(n, ...)}


def as_distribution(statement: int, dots: dict[int, int], delta_or_snapshot: dict) -> dict:
    """What a screen shows: the full `distribution` shape, rebuilt from its
    dots and the exact numbers the server sent."""
    pairs = [[n, dots[n]] for n in sorted(dots)]
    out = {
        "statement": statement,
        "count": delta_or_snapshot["count"],
        "passes": delta_or_snapshot["passes"],
        "values": [v for _, v in pairs],
        "mean": delta_or_snapshot["mean"],
        "dots": pairs,
    }
    if delta_or_snapshot.get("hidden"):
        out["hidden"] = True
    if "round" in delta_or_snapshot:  # "Fråga igen": 1, 2, …
        out["round"] = delta_or_snapshot["round"]
    return out


class Follower(CoreFollower):
    """A screen following the distribution's stream (workshop/domain/deltas.py)."""

    subject = "statement"

    @property
    def statement(self) -> int | None:
        return self.about

    def rebuild(self, about: int, dots: dict[int, int], last: dict) -> dict:
        return as_distribution(about, dots, last)
