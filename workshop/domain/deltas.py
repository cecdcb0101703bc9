"""Delta streams to staff screens, whatever the method (issue 24).

A method's aggregate for staff screens is a set of keyed entries (a
participant's number -> where that person is: a value on the barometer's
line, a corner in Fyra hörn) plus numbers derived from them. A screen that
opts in (auth "deltas": true, docs/protocol.md) gets, once per window, only
the entries that changed since the window before ("dots": [[number, where]],
"gone": [number]) with a sequence number "seq", and a full snapshot (the
whole shape plus "seq") on connect, every ``SNAPSHOT_EVERY`` windows and
when it asks after a gap.

A delta says where each changed entry IS, not how it moved: applying it to
a state that already has some of its changes is harmless. So a snapshot
tagged seq k followed by the deltas k+1, k+2, … gives exactly the whole
aggregate of each window.

Pure. ``Follower`` is what a screen does (static/js/deltas.js mirrors it),
kept here so the property tests can drive it; each method says how its
whole shape is rebuilt from the entries (``Follower.shown``).
"""

from __future__ import annotations

SNAPSHOT_EVERY = 50  # windows: a full snapshot every ~5 s even without a gap


def keyed_changes(before: dict, after: dict) -> tuple[list[list], list[int]]:
    """(dots, gone) taking ``before`` to ``after`` ({number: where}; an
    entry absent or None is not shown): dots in number order."""
    dots, gone = [], []
    for number in sorted(before.keys() | after.keys()):
        was, now = before.get(number), after.get(number)
        if was == now:
            continue
        if now is None:
            gone.append(number)
        else:
            dots.append([number, now])
    return dots, gone


def apply_delta(dots: dict[int, int], delta: dict) -> dict[int, int]:
    """A screen's shown entries {number: where} after ``delta``."""
    out = dict(dots)
    for number in delta["gone"]:
        out.pop(number, None)
    for number, where in delta["dots"]:
        out[number] = where
    return out


class Follower:
    """A screen following a stream: a snapshot resets it; a delta with the
    next seq applies; an older one is dropped; a newer one (a gap), or one
    about another subject (``subject``: the payloads' key naming what they
    are about, "statement" or "question"), is kept and a snapshot asked for
    (``wants_snapshot``), after which the kept deltas newer than the
    snapshot apply in order."""

    subject = "statement"

    def __init__(self):
        self.about: int | None = None
        self.seq: int | None = None
        self.dots: dict[int, int] = {}
        self.last: dict | None = None  # the payload the derived numbers come from
        self.waiting: list[dict] = []
        self.wants_snapshot = False

    def snapshot(self, payload: dict) -> None:
        self.about, self.seq = payload[self.subject], payload["seq"]
        self.dots = {n: v for n, v in payload["dots"]}
        self.last = payload
        self.wants_snapshot = False
        waiting, self.waiting = sorted(self.waiting, key=lambda d: d["seq"]), []
        for delta in waiting:
            self.delta(delta)

    def delta(self, payload: dict) -> None:
        if self.seq is None or payload[self.subject] != self.about or payload["seq"] > self.seq + 1:
            self.waiting.append(payload)
            self.wants_snapshot = True
        elif payload["seq"] == self.seq + 1:
            self.dots = apply_delta(self.dots, payload)
            self.seq = payload["seq"]
            self.last = payload

    def shown(self) -> dict | None:
        """The method's whole shape (``rebuild``), or None while waiting for a snapshot."""
        if self.last is None or self.wants_snapshot:
            return None
        return self.rebuild(self.about, self.dots, self.last)

    def rebuild(self, about: int, dots: dict[int, int], last: dict) -> dict:
        raise NotImplementedError
