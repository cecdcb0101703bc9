"""Decisions and next steps (a core mixin of Store); rules in domain/decisions.py."""

from __future__ import annotations

from workshop.domain.decisions import Decision, DecisionsRecord
from workshop.domain.errors import NotFound
from workshop.storage.base import utcnow

FIELDS = 'id, text, who, by_when AS "when", created_at, updated_at'
COLUMNS = {"text": "text", "who": "who", "when": "by_when"}


class DecisionQueries:
    def decisions(self, workshop_id: str) -> list[dict]:
        self.workshop(workshop_id)  # NotFound for no workshop
        return self._rows(f"SELECT {FIELDS} FROM decisions WHERE workshop_id = ? ORDER BY id", [workshop_id])

    def decision(self, workshop_id: str, decision_id: int) -> dict:
        row = self._row(
            f"SELECT {FIELDS} FROM decisions WHERE id = ? AND workshop_id = ?", [decision_id, workshop_id]
        )
        if row is None:
            raise NotFound("No such decision.")
        return row

    def add_decision(self, workshop_id: str, text: str, who: str | None, when: str | None) -> dict:
        now = utcnow()
        with self.transaction(workshop_id) as db:
            self.workshop(workshop_id)
            decision_id = db.execute(
                "INSERT INTO decisions (workshop_id, text, who, by_when, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [workshop_id, text, who, when, now, now],
            ).lastrowid
        return self.decision(workshop_id, decision_id)

    def update_decision(self, workshop_id: str, decision_id: int, **changes) -> dict:
        sets = ", ".join(f"{COLUMNS[k]} = ?" for k in changes)
        with self.transaction(workshop_id) as db:
            self.decision(workshop_id, decision_id)
            db.execute(
                f"UPDATE decisions SET {sets}, updated_at = ? WHERE id = ?",
                [*changes.values(), utcnow(), decision_id],
            )
        return self.decision(workshop_id, decision_id)

    def delete_decision(self, workshop_id: str, decision_id: int) -> None:
        with self.transaction(workshop_id) as db:
            self.decision(workshop_id, decision_id)
            db.execute("DELETE FROM decisions WHERE id = ?", [decision_id])

    def decisions_record(self, workshop_id: str) -> DecisionsRecord:
        """For the appendix (read under the store lock with the rest of the snapshot)."""
        return DecisionsRecord(
            [Decision(d["text"], d["who"], d["when"]) for d in self.decisions(workshop_id)]
        )
