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

SCRUBBER_FIELDS = "statement_id, duration_ms, speed, at_ms, playing, updated_at"


class ReplayQueries:
    def position_history(self, statement_id: int) -> list[PositionChange]:
        """Every change on one statement, oldest first, by pseudonym number."""
        return [
            PositionChange(r["number"], r["value"], r["at"])
            for r in self._rows(
                "SELECT p.number, c.value, c.at FROM position_changes c"
                " JOIN participants p ON p.id = c.participant_id"
                " WHERE c.statement_id = ? ORDER BY c.id",
                [statement_id],
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
        )

    def _save_scrubber(self, db, workshop_id: str, s: Scrubber) -> None:
        db.execute(
            f"INSERT INTO barometer_replays (workshop_id, {SCRUBBER_FIELDS}) VALUES (?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (workshop_id) DO UPDATE SET statement_id = excluded.statement_id,"
            " duration_ms = excluded.duration_ms, speed = excluded.speed, at_ms = excluded.at_ms,"
            " playing = excluded.playing, updated_at = excluded.updated_at",
            [workshop_id, s.statement, s.duration_ms, s.speed, s.at_ms, int(s.playing), s.updated_at],
        )

    def replay(self, workshop_id: str) -> Scrubber | None:
        """The scrubber now (a playing replay has moved on since it was saved)."""
        s = self._scrubber(workshop_id)
        return s.at(utcnow()) if s else None

    def start_replay(self, workshop_id: str, statement_id: int, speed: float) -> Scrubber:
        now = utcnow()
        with self.transaction(workshop_id) as db:
            statement = self.statement(workshop_id, statement_id)
            replay = rules.replay_of(self.position_history(statement_id))
            rules.check_replayable(
                statement["status"],
                replay.changes,
                self.open_statement(workshop_id) is not None,
                statement["hidden"],
            )
            scrubber = rules.start(statement_id, replay.duration_ms, speed, now)
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
