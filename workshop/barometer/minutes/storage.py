"""The minutes of each statement (a mixin of BarometerQueries).

The shared SQL (versions, history, the version check inside the writing
transaction) is workshop/storage/minutes.py; this names the tables and
checks the statement is this workshop's, in the same transaction.
"""

from __future__ import annotations

from workshop.storage import minutes as versioned

TABLE = "statement_minutes"


class StatementMinutesQueries:
    def statement_minutes(self, workshop_id: str, statement_id: int) -> dict | None:
        """The saved minutes, or None (NotFound for another workshop's statement)."""
        self.statement(workshop_id, statement_id)
        return versioned.read_minutes(self, TABLE, statement_id)

    def save_statement_minutes(
        self, workshop_id: str, statement_id: int, text: str, seen: int, role: str | None = None
    ) -> dict:
        return versioned.save_minutes(
            self,
            workshop_id,
            TABLE,
            statement_id,
            text,
            seen,
            role,
            check=lambda: self.statement(workshop_id, statement_id),
        )

    def statement_minutes_history(self, workshop_id: str, statement_id: int) -> list[dict]:
        self.statement(workshop_id, statement_id)
        return versioned.minutes_history(self, TABLE, statement_id)

    def statements_minutes(self, statement_ids: list[int]) -> dict[int, dict]:
        """{statement id: {"text", "version"}}: the appendix's."""
        return versioned.minutes_by_item(self, TABLE, statement_ids)
