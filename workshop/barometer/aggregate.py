"""The open statement's distribution, kept in memory (one process only).

The hub flushes a `distribution` ten times a second; reading every position
of the statement for each flush is what made a big room slow. Here each
workshop keeps {participant number: value or None (pass)} for its open
statement, loaded once from the store (at start, or when another statement
opens) and then updated from committed moves only, so a flush reads no rows.

``load`` and the writer's ``commit_then_apply`` run under one lock, so a
load can never miss a batch that committed while it read: either the load
sees the batch's rows, or the batch is applied after the load.

Only valid while this process is the only writer: with Redis (several
processes) the live module reads the store instead. Something else writing
to the same file now and then (a script, a test seeding a room) is noticed:
SQLite's data_version changes with every commit of another connection, and
the held distribution is then read again (one PRAGMA per flush, no rows).
"""

from __future__ import annotations

import threading

from .domain import Distribution


class LiveDistributions:
    def __init__(self, store):
        self.store = store
        # workshop -> (statement id, {number: value}, the data_version it was read at)
        self._by_workshop: dict[str, tuple[int, dict[int, int | None], int]] = {}
        self._lock = threading.RLock()

    def distribution(self, workshop_id: str, statement_id: int) -> Distribution:
        with self._lock:
            version = self.store.data_version()  # before the read: a commit in between reads again
            held = self._by_workshop.get(workshop_id)
            if held is None or held[0] != statement_id or held[2] != version:
                held = (statement_id, self.store.values_by_number(statement_id), version)
                self._by_workshop[workshop_id] = held
            by_number = dict(held[1])
        return Distribution.of(statement_id, by_number)

    def commit_then_apply(self, write, moves) -> list:
        """``write(moves)`` commits (answers: None = written), then the
        written moves of the statements held here update them.
        moves: (workshop_id, statement_id, participant_id, value, number[, settled])."""
        with self._lock:
            answers = write(moves)
            for move, answer in zip(moves, answers):
                workshop_id, statement_id, _, value, number = move[:5]
                held = self._by_workshop.get(workshop_id)
                if answer is None and held is not None and held[0] == statement_id:
                    held[1][number] = value
        return answers

    def forget(self, workshop_id: str) -> None:
        with self._lock:
            self._by_workshop.pop(workshop_id, None)
