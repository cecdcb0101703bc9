"""The windows of a delta stream, for a method whose aggregate is read whole
each window (Fyra hörn's `tally`): what was last cut is kept per workshop,
and each window's delta is the difference to it (workshop/domain/deltas.py).

The barometer keeps its dots in memory and tracks what moved
(barometer/aggregate.py); a method that reads its aggregate from the store
each window uses this instead. One process only (no Redis): in a cluster
the screens get whole aggregates, as before.

A screen's snapshot is what the last window cut (not the store now), tagged
with that window's seq: the next delta is cut against exactly it, so an
entry that changed and changed back between two windows cannot be missed.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from workshop.domain.deltas import SNAPSHOT_EVERY, keyed_changes


@dataclass
class _Held:
    subject: int
    entries: dict = field(default_factory=dict)
    seq: int = 0
    snapshot_seq: int = 0
    fresh: bool = True  # nothing cut yet: the first window is a snapshot


class DeltaWindows:
    """Per workshop: the subject followed (a question), what was last cut and its seq."""

    def __init__(self):
        self._held: dict[str, _Held] = {}
        self._lock = threading.Lock()

    def _for(self, workshop_id: str, subject: int, entries: dict) -> _Held:
        held = self._held.get(workshop_id)
        if held is None or held.subject != subject:
            seq = held.seq if held is not None else 0  # seq keeps rising: a screen sees the switch
            held = self._held[workshop_id] = _Held(subject, dict(entries), seq)
        return held

    def window(self, workshop_id: str, subject: int, entries: dict) -> tuple[int, tuple | None]:
        """Cut the next window: (its seq, (dots, gone)), or (seq, None) when
        it must be a full snapshot (the first, or every SNAPSHOT_EVERY)."""
        with self._lock:
            held = self._for(workshop_id, subject, entries)
            held.seq += 1
            changes = keyed_changes(held.entries, entries)
            held.entries = dict(entries)
            if held.fresh or held.seq - held.snapshot_seq >= SNAPSHOT_EVERY:
                held.fresh, held.snapshot_seq = False, held.seq
                return held.seq, None
            return held.seq, changes

    def snapshot(self, workshop_id: str, subject: int, entries: dict) -> tuple[int, dict]:
        """(seq, entries) for a screen's snapshot: the last window's cut, or
        ``entries`` (the store now) when none was cut for this subject yet."""
        with self._lock:
            held = self._for(workshop_id, subject, entries)
            return held.seq, dict(held.entries)

    def forget(self, workshop_id: str) -> None:
        with self._lock:
            self._held.pop(workshop_id, None)
