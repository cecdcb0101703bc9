"""The open statement's distribution, kept in memory (one process only).

The hub flushes a `distribution` ten times a second; reading every position
of the statement for each flush is what made a big room slow. Here each
workshop keeps its open statement's dots, loaded once from the store (at
start, or when another statement opens) and then updated from committed
moves only, so a flush reads no rows.

The dots are kept as the ``[number, value]`` pairs the `distribution` event
sends, changed in place when a person moves, so a flush builds no per-dot
objects (``payload``). A pass keeps its pair with the value None; the
payload leaves it out and counts it.

``load`` and the writer's ``commit_then_apply`` run under one lock, so a
load can never miss a batch that committed while it read: either the load
sees the batch's rows, or the batch is applied after the load.

Only valid while this process is the only writer: with Redis (several
processes) the live module reads the store instead. Something else writing
to the same file now and then (a script, a test seeding a room) is noticed:
SQLite's data_version changes with every commit of another connection, and
the held dots are then read again (one PRAGMA per flush, no rows).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from workshop.barometer.domain import Distribution, distribution_payload
from workshop.barometer.domain_deltas import SNAPSHOT_EVERY, delta_payload


@dataclass
class _Held:
    statement_id: int
    pairs: dict[int, list] = field(default_factory=dict)  # number -> [number, value or None]
    in_order: bool = True  # pairs by participant number (the store's order)
    version: int = 0  # the store's data_version when read
    # The delta stream (domain_deltas.py): placed, passes, total of the placed
    # values, kept exact as moves apply; the numbers changed since the last
    # window; the last window's seq (kept across a reload), and whether the
    # next window must be a snapshot (a reload: the screens' dots are stale).
    tally: list = field(default_factory=lambda: [0, 0, 0])
    changed: set = field(default_factory=set)
    seq: int = 0
    snapshot_seq: int = 0
    fresh: bool = True
    hidden: bool | None = None

    def count(self, value, sign: int) -> None:
        if value is None:
            self.tally[1] += sign
        else:
            self.tally[0] += sign
            self.tally[2] += sign * value


class LiveDistributions:
    def __init__(self, store):
        self.store = store
        self._by_workshop: dict[str, _Held] = {}
        self._lock = threading.RLock()

    def _held(self, workshop_id: str, statement_id: int) -> _Held:
        version = self.store.data_version()  # before the read: a commit in between reads again
        held = self._by_workshop.get(workshop_id)
        if held is None or held.statement_id != statement_id or held.version != version:
            by_number = self.store.values_by_number(statement_id)
            seq = held.seq if held is not None else 0
            held = _Held(
                statement_id, {n: [n, by_number[n]] for n in sorted(by_number)}, version=version, seq=seq
            )
            for value in by_number.values():
                held.count(value, 1)
            self._by_workshop[workshop_id] = held
        elif not held.in_order:
            held.pairs = dict(sorted(held.pairs.items()))
            held.in_order = True
        return held

    def distribution(self, workshop_id: str, statement_id: int) -> Distribution:
        with self._lock:
            pairs = self._held(workshop_id, statement_id).pairs
            by_number = {n: pair[1] for n, pair in pairs.items()}
        return Distribution.of(statement_id, by_number)

    def payload(self, workshop_id: str, statement_id: int) -> dict:
        """The `distribution` event, equal to ``distribution(...).as_dict()``."""
        with self._lock:
            pairs = self._held(workshop_id, statement_id).pairs
            dots = [pair for pair in pairs.values() if pair[1] is not None]
            return distribution_payload(statement_id, dots, len(pairs) - len(dots))

    def commit_then_apply(self, write, moves) -> list:
        """``write(moves)`` commits (answers: None = written), then the
        written moves of the statements held here update them.
        moves: (workshop_id, statement_id, participant_id, value, number[, settled])."""
        with self._lock:
            answers = write(moves)
            for move, answer in zip(moves, answers):
                workshop_id, statement_id, _, value, number = move[:5]
                held = self._by_workshop.get(workshop_id)
                if answer is None and held is not None and held.statement_id == statement_id:
                    pair = held.pairs.get(number)
                    held.changed.add(number)
                    held.count(value, 1)
                    if pair is not None:
                        held.count(pair[1], -1)
                        pair[1] = value
                    else:
                        held.in_order = held.in_order and (
                            not held.pairs or number > next(reversed(held.pairs))
                        )
                        held.pairs[number] = [number, value]
        return answers

    def window(self, workshop_id: str, statement_id: int, hidden: bool) -> tuple[int, dict | None]:
        """Cut the next window of the delta stream: (its seq, its
        `distribution_delta`), or (seq, None) when this window must be a full
        snapshot (after a reload, when the statement is hidden or revealed,
        and every SNAPSHOT_EVERY windows)."""
        hidden = bool(hidden)
        with self._lock:
            held = self._held(workshop_id, statement_id)
            held.seq += 1
            changed, held.changed = held.changed, set()
            if held.fresh or held.hidden is not hidden or held.seq - held.snapshot_seq >= SNAPSHOT_EVERY:
                held.fresh, held.hidden, held.snapshot_seq = False, hidden, held.seq
                return held.seq, None
            values = {n: held.pairs[n][1] for n in changed if n in held.pairs}
            return held.seq, delta_payload(statement_id, held.seq, values, changed, tuple(held.tally))

    def snapshot(self, workshop_id: str, statement_id: int) -> tuple[int, dict]:
        """(the last window's seq, the `distribution` now): a screen's snapshot.
        Taken after that window was cut, so the deltas after it complete it."""
        with self._lock:
            return self._held(workshop_id, statement_id).seq, self.payload(workshop_id, statement_id)

    def forget(self, workshop_id: str) -> None:
        with self._lock:
            self._by_workshop.pop(workshop_id, None)
