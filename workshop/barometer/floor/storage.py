"""Ordet's queries: raised hands and turns (a mixin of BarometerQueries).

Every rule (a hand needs a position, the floor only while open, the pick must
have asked) is checked by floor/domain.py inside the same BEGIN IMMEDIATE
transaction as the write.
"""

from __future__ import annotations

from workshop.barometer.floor import domain as rules
from workshop.barometer.floor.domain import Floor, Hand, Turn
from workshop.storage.base import utcnow


class FloorQueries:
    def _hands(self, statement_id: int) -> list[Hand]:
        rows = self._rows(
            "SELECT h.id, p.number, h.asked_at, pos.value FROM floor_hands h"
            " JOIN participants p ON p.id = h.participant_id"
            " LEFT JOIN positions pos ON pos.statement_id = h.statement_id"
            " AND pos.participant_id = h.participant_id"
            " WHERE h.statement_id = ? ORDER BY h.id",
            [statement_id],
        )
        return rules.queue_order(Hand(r["number"], r["id"], r["asked_at"], r["value"]) for r in rows)

    def _turns(self, statement_id: int) -> list[Turn]:
        rows = self._rows(
            "SELECT p.number, t.value, t.started_at, t.ended_at, t.protected FROM floor_turns t"
            " JOIN participants p ON p.id = t.participant_id"
            " WHERE t.statement_id = ? ORDER BY t.id",
            [statement_id],
        )
        return [
            Turn(
                r["number"],
                rules.region_of_position(r["value"]),
                r["started_at"],
                r["ended_at"] is None,
                until=r["ended_at"],
                protected=bool(r["protected"]),
            )
            for r in rows
        ]

    def _turn_limit(self, statement_id: int) -> int:
        """The barometer's limit per turn (0: none) for this statement's workshop."""
        return (
            self._scalar(
                "SELECT b.turn_seconds FROM statements s"
                " JOIN barometer_settings b ON b.workshop_id = s.workshop_id WHERE s.id = ?",
                [statement_id],
            )
            or 0
        )

    def region_protected_now(self, workshop_id: str, statement_id: int, value: int | None) -> bool:
        """Does the region of ``value`` hold fewer than the workshop's
        min_group on this statement now? (Called inside the writing
        transaction: the count and the row written agree.)"""
        values = [
            r["value"]
            for r in self._rows("SELECT value FROM positions WHERE statement_id = ?", [statement_id])
        ]
        min_group = self._scalar("SELECT min_group FROM workshops WHERE id = ?", [workshop_id])
        return rules.region_protected(values, rules.region_of_position(value), min_group)

    def floor_of(self, statement_id: int | None, hidden: bool | None = None) -> Floor:
        """The floor on a statement; ``hidden`` (its dots hidden) is read when not given."""
        if statement_id is None:
            return Floor(None, [], [])
        with self._lock:
            if hidden is None:
                hidden = bool(self._scalar("SELECT hidden FROM statements WHERE id = ?", [statement_id]))
            return Floor(
                statement_id,
                self._hands(statement_id),
                self._turns(statement_id),
                hidden,
                self._turn_limit(statement_id),
                self._small_regions(statement_id),
            )

    def _small_regions(self, statement_id: int) -> frozenset[str]:
        """The regions too small to name now (at most 102 rows: one per value)."""
        counts = {
            r["value"]: r["n"]
            for r in self._rows(
                "SELECT value, count(*) AS n FROM positions WHERE statement_id = ? GROUP BY value",
                [statement_id],
            )
        }
        min_group = self._scalar(
            "SELECT w.min_group FROM statements s JOIN workshops w ON w.id = s.workshop_id WHERE s.id = ?",
            [statement_id],
        )
        return rules.small_regions(counts, min_group or 1)

    def floor(self, workshop_id: str) -> Floor:
        """The floor on the open statement (an empty one when none is open)."""
        statement = self.open_statement(workshop_id)
        if statement is None:
            return self.floor_of(None)
        return self.floor_of(statement["id"], statement["hidden"])

    def raise_hand(self, workshop_id: str, participant_id: int, on: bool) -> int:
        """Raise or lower this phone's hand on the open statement; returns its id."""
        with self.transaction(workshop_id) as db:
            statement = self.open_statement(workshop_id)
            rules.check_floor_open(statement["status"] if statement else None)
            has_position, _ = self.position(statement["id"], participant_id)
            speaking = (
                self._scalar(
                    "SELECT count(*) FROM floor_turns WHERE statement_id = ? AND participant_id = ?"
                    " AND ended_at IS NULL",
                    [statement["id"], participant_id],
                )
                > 0
            )
            rules.check_hand(on, has_position, speaking)
            if on:
                db.execute(
                    "INSERT OR IGNORE INTO floor_hands (statement_id, participant_id, asked_at)"
                    " VALUES (?, ?, ?)",
                    [statement["id"], participant_id, utcnow()],
                )
            else:
                db.execute(
                    "DELETE FROM floor_hands WHERE statement_id = ? AND participant_id = ?",
                    [statement["id"], participant_id],
                )
        return statement["id"]

    def give_floor(self, workshop_id: str, statement_id: int, number: int | None) -> Floor:
        """ "Ge ordet": to ``number`` if they asked, else the suggestion. The
        turn before ends; the new speaker's hand leaves the queue."""
        now = utcnow()
        with self.transaction(workshop_id) as db:
            rules.check_floor_open(self.statement(workshop_id, statement_id)["status"])
            hand = rules.choose(self._hands(statement_id), self._turns(statement_id), number)
            participant_id = self._scalar(
                "SELECT id FROM participants WHERE workshop_id = ? AND number = ?",
                [workshop_id, hand.participant],
            )
            db.execute(
                "UPDATE floor_turns SET ended_at = ? WHERE statement_id = ? AND ended_at IS NULL",
                [now, statement_id],
            )
            # The region's count now, kept with the turn (small groups protected).
            protected = self.region_protected_now(workshop_id, statement_id, hand.value)
            db.execute(
                "INSERT INTO floor_turns (statement_id, participant_id, value, started_at, protected)"
                " VALUES (?, ?, ?, ?, ?)",
                [statement_id, participant_id, hand.value, now, int(protected)],
            )
            db.execute(
                "DELETE FROM floor_hands WHERE statement_id = ? AND participant_id = ?",
                [statement_id, participant_id],
            )
        return self.floor_of(statement_id)

    def end_turn(self, workshop_id: str, statement_id: int) -> Floor:
        """ "Tack": the speaker's turn ends (harmless when nobody speaks)."""
        with self.transaction(workshop_id) as db:
            self.statement(workshop_id, statement_id)
            db.execute(
                "UPDATE floor_turns SET ended_at = ? WHERE statement_id = ? AND ended_at IS NULL",
                [utcnow(), statement_id],
            )
        return self.floor_of(statement_id)
