"""The replay's queries: a statement's history and the scrubber (a mixin of BarometerQueries).

One replay per workshop. Starting checks (replay/domain.py) that the statement
is closed and has a history, inside the transaction that writes the
scrubber; opening a statement ends the replay (see BarometerQueries).
"""

from __future__ import annotations

from workshop.barometer.record import PositionChange
from workshop.barometer.replay import domain as rules
from workshop.barometer.replay.domain import Scrubber
from workshop.domain.errors import Conflict
from workshop.storage.base import utcnow

SCRUBBER_FIELDS = "statement_id, duration_ms, speed, at_ms, playing, updated_at, round"


class ReplayQueries:
    def position_history(self, statement_id: int, round_: int | None = None) -> list[PositionChange]:
        """One round's changes on a statement, oldest first, by pseudonym number.
        None: the current round (its changes are not numbered yet, see m005_rounds)."""
        current = self._row("SELECT round FROM statements WHERE id = ?", [statement_id])
        if round_ is None or (current is not None and round_ >= current["round"]):
            where, args = "c.round IS NULL", [statement_id]
        else:
            where, args = "c.round = ?", [statement_id, round_]
        return [
            PositionChange(r["number"], r["value"], r["at"])
            for r in self._rows(
                "SELECT p.number, c.value, c.at FROM position_changes c"
                " JOIN participants p ON p.id = c.participant_id"
                f" WHERE c.statement_id = ? AND {where} ORDER BY c.id",
                args,
            )
        ]

    def _scrubber(self, workshop_id: str) -> Scrubber | None:
        row = self._row(
            f"SELECT {SCRUBBER_FIELDS} FROM barometer_replays WHERE workshop_id = ?", [workshop_id]
        )
        if row is None:
            return None
        return Scrubber(
            row["statement_id"],
            row["duration_ms"],
            row["speed"],
            row["at_ms"],
            bool(row["playing"]),
            row["updated_at"],
            row["round"] or self.statement(workshop_id, row["statement_id"])["round"],
        )

    def _save_scrubber(self, db, workshop_id: str, s: Scrubber) -> None:
        db.execute(
            f"INSERT INTO barometer_replays (workshop_id, {SCRUBBER_FIELDS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (workshop_id) DO UPDATE SET statement_id = excluded.statement_id,"
            " duration_ms = excluded.duration_ms, speed = excluded.speed, at_ms = excluded.at_ms,"
            " playing = excluded.playing, updated_at = excluded.updated_at, round = excluded.round",
            [
                workshop_id,
                s.statement,
                s.duration_ms,
                s.speed,
                s.at_ms,
                int(s.playing),
                s.updated_at,
                s.round,
            ],
        )

    def replay(self, workshop_id: str) -> Scrubber | None:
        """The scrubber now (a playing replay has moved on since it was saved)."""
        s = self._scrubber(workshop_id)
        return s.at(utcnow()) if s else None

    def start_replay(
        self, workshop_id: str, statement_id: int, speed: float, round_: int | None = None
    ) -> Scrubber:
        """Replay one round (default: the statement's current, i.e. last, round)."""
        now = utcnow()
        with self.transaction(workshop_id) as db:
            statement = self.statement(workshop_id, statement_id)
            round_ = statement["round"] if round_ is None else rules.parse_round(round_, statement["round"])
            replay = rules.replay_of(self.position_history(statement_id, round_))
            rules.check_replayable(
                statement["status"],
                replay.changes,
                self.open_statement(workshop_id) is not None,
                statement["hidden"],
            )
            scrubber = rules.start(statement_id, replay.duration_ms, speed, now, round_)
            self._save_scrubber(db, workshop_id, scrubber)
        return scrubber

    def scrub_replay(self, workshop_id: str, statement_id: int, **changes) -> Scrubber:
        """Pause, play, seek or change speed; ``at`` is checked against the duration."""
        with self.transaction(workshop_id) as db:
            self.statement(workshop_id, statement_id)
            current = self._scrubber(workshop_id)
            if current is None or current.statement != statement_id:
                raise Conflict("This statement is not being replayed.")
            if "at" in changes:
                changes["at"] = rules.parse_at(changes["at"], current.duration_ms)
            scrubber = rules.scrub(current, utcnow(), **changes)
            self._save_scrubber(db, workshop_id, scrubber)
        return scrubber

    def stop_replay(self, workshop_id: str, statement_id: int) -> None:
        with self.transaction(workshop_id) as db:
            self.statement(workshop_id, statement_id)
            db.execute(
                "DELETE FROM barometer_replays WHERE workshop_id = ? AND statement_id = ?",
                [workshop_id, statement_id],
            )
