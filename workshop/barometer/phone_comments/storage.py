"""Comments from phones and the barometer's settings (a mixin of BarometerQueries).

The rules (allowed at all, only while open, a position first, at most three
a minute, only approved ones on the projector) are checked by
phone_comments/domain.py inside the transaction that writes: the rate limit counts
the phone's recent rows in the same transaction as the insert.
"""

from __future__ import annotations

from workshop.barometer.domain import PASS
from workshop.barometer.floor.domain import region_of_position
from workshop.barometer.phone_comments import domain as rules
from workshop.domain.errors import NotFound
from workshop.storage.base import utcnow

COMMENT_FIELDS = (
    "c.id, c.statement_id, c.text, c.value, c.status, c.edited, c.shown, c.created_at, c.decided_at,"
    " c.protected"
)


def _comment(row: dict) -> dict:
    """A comment as staff see it: a protected one (its region held fewer than
    min_group when written) carries neither its region nor its position."""
    value = row.pop("value")
    protected = bool(row["protected"])
    return {
        **row,
        "position": None if protected else PASS if value is None else value,
        "region": None if protected else region_of_position(value),
        "protected": protected,
        "edited": bool(row["edited"]),
        "shown": bool(row["shown"]),
    }


class PhoneCommentQueries:
    # -- settings ------------------------------------------------------------
    def barometer_settings(self, workshop_id: str) -> dict:
        row = self._row(
            "SELECT phone_comments, turn_seconds FROM barometer_settings WHERE workshop_id = ?", [workshop_id]
        )
        row = row or {"phone_comments": 0, "turn_seconds": 0}
        return {"phone_comments": bool(row["phone_comments"]), "turn_seconds": row["turn_seconds"]}

    def update_barometer_settings(self, workshop_id: str, **changes) -> dict:
        with self.transaction(workshop_id) as db:
            settings = {**self.barometer_settings(workshop_id), **changes}
            db.execute(
                "INSERT INTO barometer_settings (workshop_id, phone_comments, turn_seconds) VALUES (?, ?, ?)"
                " ON CONFLICT (workshop_id) DO UPDATE SET phone_comments = excluded.phone_comments,"
                " turn_seconds = excluded.turn_seconds",
                [workshop_id, int(settings["phone_comments"]), settings["turn_seconds"]],
            )
        return self.barometer_settings(workshop_id)

    # -- comments --------------------------------------------------------------
    def add_phone_comment(self, workshop_id: str, statement_id: int, participant_id: int, text: str) -> dict:
        now = utcnow()
        with self.transaction(workshop_id) as db:
            statement = self.statement(workshop_id, statement_id)
            has_position, value = self.position(statement_id, participant_id)
            rules.check_can_comment(
                self.barometer_settings(workshop_id)["phone_comments"], statement["status"], has_position
            )
            rules.check_rate(
                self._scalar(
                    "SELECT count(*) FROM phone_comments WHERE participant_id = ? AND created_at > ?",
                    [participant_id, rules.rate_window_start(now)],
                )
            )
            # The region's count when written, kept with the comment (small groups protected).
            protected = self.region_protected_now(workshop_id, statement_id, value)
            comment_id = db.execute(
                "INSERT INTO phone_comments (statement_id, participant_id, text, value, created_at, protected)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [statement_id, participant_id, text, value, now, int(protected)],
            ).lastrowid
        return self.phone_comment(workshop_id, statement_id, comment_id)

    def phone_comment(self, workshop_id: str, statement_id: int, comment_id: int) -> dict:
        row = self._row(
            f"SELECT {COMMENT_FIELDS} FROM phone_comments c JOIN statements s ON s.id = c.statement_id"
            " WHERE c.id = ? AND c.statement_id = ? AND s.workshop_id = ?",
            [comment_id, statement_id, workshop_id],
        )
        if row is None:
            raise NotFound("No such comment.")
        return _comment(row)

    def phone_comments(self, workshop_id: str, statement_id: int) -> list[dict]:
        self.statement(workshop_id, statement_id)
        return [
            _comment(r)
            for r in self._rows(
                f"SELECT {COMMENT_FIELDS} FROM phone_comments c WHERE c.statement_id = ? ORDER BY c.id",
                [statement_id],
            )
        ]

    def moderate_phone_comment(self, workshop_id: str, statement_id: int, comment_id: int, **changes) -> dict:
        """Approve, reject and/or edit; a rejected comment leaves the projector."""
        with self.transaction(workshop_id) as db:
            comment = self.phone_comment(workshop_id, statement_id, comment_id)
            if "text" in changes:
                rules.check_editable(changes.get("status", comment["status"]))
                db.execute(
                    "UPDATE phone_comments SET text = ?, edited = 1 WHERE id = ?",
                    [changes["text"], comment_id],
                )
            if "status" in changes:
                db.execute(
                    "UPDATE phone_comments SET status = ?, decided_at = ?, shown = shown AND ? WHERE id = ?",
                    [changes["status"], utcnow(), changes["status"] == rules.APPROVED, comment_id],
                )
        return self.phone_comment(workshop_id, statement_id, comment_id)

    def show_phone_comment(self, workshop_id: str, statement_id: int, comment_id: int | None) -> None:
        """The one comment on the projector (None: none). One at a time per workshop."""
        with self.transaction(workshop_id) as db:
            statement = self.statement(workshop_id, statement_id)
            if comment_id is not None:
                comment = self.phone_comment(workshop_id, statement_id, comment_id)
                rules.check_showable(comment["status"], statement["status"])
            db.execute(
                "UPDATE phone_comments SET shown = 0 WHERE shown = 1 AND statement_id IN"
                " (SELECT id FROM statements WHERE workshop_id = ?)",
                [workshop_id],
            )
            if comment_id is not None:
                db.execute("UPDATE phone_comments SET shown = 1 WHERE id = ?", [comment_id])

    def shown_phone_comment(self, workshop_id: str) -> dict | None:
        """What the projector shows: text and region, never who wrote it
        (and whether the statement's dots are hidden: then not the region,
        phone_comments/domain.py: shown_on_projector)."""
        row = self._row(
            "SELECT c.statement_id, c.text, c.value, c.protected, s.hidden FROM phone_comments c"
            " JOIN statements s ON s.id = c.statement_id"
            " WHERE s.workshop_id = ? AND c.shown = 1 AND s.status = 'open'",
            [workshop_id],
        )
        if row is None:
            return None
        return {
            "statement": row["statement_id"],
            "text": row["text"],
            # Protected (fewer than min_group there when written): no region, to anyone.
            "region": None if row["protected"] else region_of_position(row["value"]),
            "protected": bool(row["protected"]),
            "hidden": bool(row["hidden"]),
        }
