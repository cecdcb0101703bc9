"""Åsiktsbarometer's queries: statements, positions (current + history), comments.

Every rule that guards a write (text editable only as a draft, close before
delete, a full reorder, moves only while open) is checked by the domain
inside the same BEGIN IMMEDIATE transaction as the write, so a rule and the
write see the same state, and a race (a move against a close) answers the
same error as the rule.
"""

from __future__ import annotations

import json

from workshop.barometer import domain as rules
from workshop.barometer.domain import CLOSED, DRAFT, OPEN, Distribution
from workshop.barometer.floor.domain import SOMEONE, phone_floor, region_of_position
from workshop.barometer.floor.storage import FloorQueries
from workshop.barometer.minutes.storage import StatementMinutesQueries
from workshop.barometer.phone_comments.storage import PhoneCommentQueries
from workshop.barometer.record import (
    BarometerRecord,
    Comment,
    PhoneComment,
    PositionChange,
    RoundRecord,
    SpokenTurn,
    StatementRecord,
)
from workshop.barometer.replay.storage import ReplayQueries
from workshop.domain.errors import DomainError, NotFound
from workshop.domain.texts import text_languages
from workshop.storage.base import utcnow

STATEMENT_FIELDS = (
    "id, workshop_id, text, sort, status, hidden, created_at, opened_at, closed_at, round, texts"
)


def _statement(row: dict | None) -> dict | None:
    if row is not None:
        row["hidden"] = bool(row["hidden"])
        if "texts" in row:
            row["texts"] = json.loads(row["texts"]) if row["texts"] else {}
    return row


class BarometerQueries(FloorQueries, PhoneCommentQueries, ReplayQueries, StatementMinutesQueries):
    # The organiser's archive (see WorkshopQueries.list_workshops).
    ARCHIVE_COUNTS = {"statements": "SELECT count(*) FROM statements s WHERE s.workshop_id = w.id"}
    ARCHIVE_STARTED = "SELECT min(s.opened_at) FROM statements s WHERE s.workshop_id = w.id"

    # -- statements ------------------------------------------------------
    def statement_languages(self, workshop_id: str) -> set[str]:
        """The other languages any of the workshop's statements carries."""
        rows = self._rows(
            "SELECT texts FROM statements WHERE workshop_id = ? AND texts IS NOT NULL", [workshop_id]
        )
        return set().union(*(text_languages(r["texts"]) for r in rows))

    def statements(self, workshop_id: str) -> list[dict]:
        rows = self._rows(
            f"SELECT {STATEMENT_FIELDS},"
            " (SELECT count(*) FROM positions p WHERE p.statement_id = s.id) AS answers"
            " FROM statements s WHERE workshop_id = ? ORDER BY sort, id",
            [workshop_id],
        )
        return [_statement(r) for r in rows]

    def statement(self, workshop_id: str, statement_id) -> dict:
        row = _statement(
            self._row(
                f"SELECT {STATEMENT_FIELDS} FROM statements WHERE id = ? AND workshop_id = ?",
                [statement_id, workshop_id],
            )
        )
        if row is None:
            raise NotFound("No such statement.")
        return row

    def open_statement(self, workshop_id: str) -> dict | None:
        return _statement(
            # The status as a literal, not a parameter: the partial unique index
            # (status = 'open') then serves the query as planned once; with a
            # parameter SQLite plans it again on every call (~2.5x slower).
            self._row(
                f"SELECT {STATEMENT_FIELDS} FROM statements WHERE workshop_id = ? AND status = '{OPEN}'",
                [workshop_id],
            )
        )

    def phone_view(self, workshop_id: str, participant_id: int) -> dict | None:
        """One phone's share of the open statement in a single read, for its
        welcome (5,000 of them in a reconnect storm): the statement, its own
        position, its hand and turn, and whether phones may comment. None
        when no statement is open. A push to every phone reads the same with
        open_statement, positions_by_participant, floor_of and
        barometer_settings (tests/barometer/test_live.py holds the two equal)."""
        row = self._row(
            f"SELECT {', '.join('s.' + f for f in STATEMENT_FIELDS.split(', '))},"
            " pos.participant_id IS NOT NULL AS has_position, pos.value,"
            " EXISTS (SELECT 1 FROM floor_hands h"
            "  WHERE h.statement_id = s.id AND h.participant_id = :p) AS hand,"
            " (SELECT t.started_at FROM floor_turns t"
            "  WHERE t.statement_id = s.id AND t.participant_id = :p AND t.ended_at IS NULL) AS speaking,"
            " (SELECT b.phone_comments FROM barometer_settings b WHERE b.workshop_id = :w) AS phone_comments,"
            " (SELECT b.turn_seconds FROM barometer_settings b WHERE b.workshop_id = :w) AS turn_seconds"
            " FROM statements s"
            " LEFT JOIN positions pos ON pos.statement_id = s.id AND pos.participant_id = :p"
            f" WHERE s.workshop_id = :w AND s.status = '{OPEN}'",
            {"w": workshop_id, "p": participant_id},
        )
        if row is None:
            return None
        extra = ("has_position", "value", "hand", "speaking", "phone_comments", "turn_seconds")
        return {
            "statement": _statement({k: v for k, v in row.items() if k not in extra}),
            "has_position": bool(row["has_position"]),
            "value": row["value"],
            "floor": phone_floor(bool(row["hand"]), row["speaking"], row["turn_seconds"] or 0),
            "phone_comments": bool(row["phone_comments"]),
        }

    def last_closed_statement(self, workshop_id: str) -> dict | None:
        """The statement closed most recently (its result stays on the projector)."""
        return _statement(
            self._row(
                f"SELECT {STATEMENT_FIELDS} FROM statements WHERE workshop_id = ? AND status = ?"
                " ORDER BY closed_at DESC, id DESC LIMIT 1",
                [workshop_id, CLOSED],
            )
        )

    def statement_origins(self, workshop_id: str) -> dict[int, str | None]:
        """Each statement's template key (None: made here), by id."""
        rows = self._rows("SELECT id, origin FROM statements WHERE workshop_id = ?", [workshop_id])
        return {r["id"]: r["origin"] for r in rows}

    def set_statement_origins(self, workshop_id: str, origins: dict[int, str]) -> None:
        """Saved as a template: its statements now come from that template's.
        Not content (no export shows it), so a finalised workshop may be saved too."""
        with self.transaction() as db:
            db.conn.executemany(
                "UPDATE statements SET origin = ? WHERE id = ? AND workshop_id = ? AND origin IS NULL",
                [(origin, statement_id, workshop_id) for statement_id, origin in origins.items()],
            )

    def add_statements(
        self, workshop_id: str, texts: list[str], origins: list[str] | None = None
    ) -> list[dict]:
        now = utcnow()
        origins = origins or [None] * len(texts)
        with self.transaction(workshop_id) as db:
            sort = db.execute(
                "SELECT coalesce(max(sort), 0) FROM statements WHERE workshop_id = ?", [workshop_id]
            ).fetchone()[0]
            ids = []
            for text, origin in zip(texts, origins, strict=True):
                sort += 1
                cur = db.execute(
                    "INSERT INTO statements (workshop_id, text, sort, status, created_at, origin)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    [workshop_id, text, sort, DRAFT, now, origin],
                )
                ids.append(cur.lastrowid)
        return [self.statement(workshop_id, i) for i in ids]

    def update_statement(self, workshop_id: str, statement_id: int, **fields) -> dict:
        """Text and texts (only while a draft) and/or hidden; fields come validated."""
        allowed = {k: v for k, v in fields.items() if k in ("text", "hidden", "texts")}
        if "texts" in allowed:
            allowed["texts"] = json.dumps(allowed["texts"], ensure_ascii=False) if allowed["texts"] else None
        with self.transaction(workshop_id) as db:
            statement = self.statement(workshop_id, statement_id)
            if "text" in allowed or "texts" in allowed:
                rules.check_editable(statement["status"])
            if allowed:
                sets = ", ".join(f"{k} = :{k}" for k in allowed)
                db.execute(f"UPDATE statements SET {sets} WHERE id = :id", {**allowed, "id": statement_id})
            if allowed.get("hidden"):  # its replay would go on showing the positions
                db.execute("DELETE FROM barometer_replays WHERE statement_id = ?", [statement_id])
        return self.statement(workshop_id, statement_id)

    def delete_statement(self, workshop_id: str, statement_id: int) -> None:
        with self.transaction(workshop_id) as db:
            rules.check_deletable(self.statement(workshop_id, statement_id)["status"])
            db.execute("DELETE FROM statements WHERE id = ?", [statement_id])

    def reorder_statements(self, workshop_id: str, ids) -> None:
        with self.transaction(workshop_id) as db:
            current = {
                r["id"] for r in self._rows("SELECT id FROM statements WHERE workshop_id = ?", [workshop_id])
            }
            for sort, sid in enumerate(rules.check_order(ids, current), start=1):
                db.execute("UPDATE statements SET sort = ? WHERE id = ?", [sort, sid])

    def open_for_answers(self, workshop_id: str, statement_id: int) -> None:
        """Open one statement, closing whichever was open; phase -> barometer."""
        with self.transaction(workshop_id) as db:
            self.statement(workshop_id, statement_id)  # NotFound if not this workshop's
            self._open(db, workshop_id, statement_id, utcnow())

    def ask_again(self, workshop_id: str, statement_id: int) -> dict:
        """ "Fråga igen": the statement's next round opens, every phone unplaced.
        The round that ends keeps its final positions (position_rounds) and
        its changes (numbered); raised hands go. One transaction."""
        with self.transaction(workshop_id) as db:
            statement = self.statement(workshop_id, statement_id)
            rules.check_can_ask_again(statement["status"], statement["round"])
            ended = {"s": statement_id, "r": statement["round"]}
            db.execute(
                "INSERT INTO position_rounds (statement_id, round, participant_id, value)"
                " SELECT statement_id, :r, participant_id, value FROM positions WHERE statement_id = :s",
                ended,
            )
            db.execute(
                "UPDATE position_changes SET round = :r WHERE statement_id = :s AND round IS NULL", ended
            )
            db.execute("DELETE FROM positions WHERE statement_id = :s", ended)
            db.execute("DELETE FROM floor_hands WHERE statement_id = :s", ended)
            db.execute("UPDATE statements SET round = round + 1 WHERE id = :s", ended)
            self._open(db, workshop_id, statement_id, utcnow())
        return self.statement(workshop_id, statement_id)

    def _open(self, db, workshop_id: str, statement_id: int, now: str) -> None:
        """Open it, closing whichever was open; phase -> barometer (in the caller's transaction)."""
        db.execute(
            "UPDATE statements SET status = ?, closed_at = ? WHERE workshop_id = ? AND status = ?"
            " AND id != ?",
            [CLOSED, now, workshop_id, OPEN, statement_id],
        )
        db.execute(
            "UPDATE statements SET status = ?, opened_at = coalesce(opened_at, ?), closed_at = NULL"
            " WHERE id = ? AND workshop_id = ?",
            [OPEN, now, statement_id, workshop_id],
        )
        db.execute("UPDATE workshops SET phase = 'barometer' WHERE id = ?", [workshop_id])
        self._after_open_or_close(db, workshop_id, now)
        db.execute("DELETE FROM barometer_replays WHERE workshop_id = ?", [workshop_id])

    def close_for_answers(self, workshop_id: str, statement_id: int) -> None:
        now = utcnow()
        with self.transaction(workshop_id) as db:
            self.statement(workshop_id, statement_id)
            db.execute(
                "UPDATE statements SET status = ?, closed_at = ? WHERE id = ? AND workshop_id = ?"
                " AND status = ?",
                [CLOSED, now, statement_id, workshop_id, OPEN],
            )
            self._after_open_or_close(db, workshop_id, now)

    def _after_open_or_close(self, db, workshop_id: str, now: str) -> None:
        """What lives only while a statement is open ends when it closes:
        raised hands, the speaker's turn, the comment on the projector."""
        closed = "SELECT id FROM statements WHERE workshop_id = ? AND status != 'open'"
        db.execute(f"DELETE FROM floor_hands WHERE statement_id IN ({closed})", [workshop_id])
        db.execute(
            f"UPDATE floor_turns SET ended_at = ? WHERE ended_at IS NULL AND statement_id IN ({closed})",
            [now, workshop_id],
        )
        db.execute(
            f"UPDATE phone_comments SET shown = 0 WHERE shown = 1 AND statement_id IN ({closed})",
            [workshop_id],
        )

    # -- positions -------------------------------------------------------
    def record_position(
        self,
        workshop_id: str,
        statement_id: int,
        participant_id: int,
        value: int | None,
        settled: bool = False,
    ) -> None:
        """Current position upserted and the change appended, in one
        transaction that first checks the statement is this workshop's and
        open: a move racing a close gets the same Conflict as a late move.
        ``settled``: the phone's last send of a gesture, kept with the change;
        a repeat of the current value adds no row, but a settled repeat
        marks the participant's last change as its gesture's end."""
        now = utcnow()
        with self.transaction(workshop_id) as db:
            rules.check_open_for_positions(self.statement(workshop_id, statement_id)["status"])
            self._write_position(db, statement_id, participant_id, value, settled, now)

    def record_positions(self, moves) -> list:
        """Many moves (workshop_id, statement_id, participant_id, value, number[, settled]), in
        order, in ONE transaction (group commit, see live/batch.py). Each is
        checked like ``record_position`` inside it; a refused move gets its
        DomainError in the answer list (None: written) and refuses only itself."""
        now = utcnow()
        status: dict[tuple, str | DomainError] = {}  # read each statement once per batch
        answers: list = []
        with self.transaction() as db:
            for move in moves:
                workshop_id, statement_id, participant_id, value = move[:4]
                settled = len(move) > 5 and bool(move[5])
                key = (workshop_id, statement_id)
                if key not in status:
                    status[key] = self._status_or_error(workshop_id, statement_id)
                try:
                    if isinstance(status[key], DomainError):
                        raise status[key]
                    rules.check_open_for_positions(status[key])
                except DomainError as err:
                    answers.append(err)
                    continue
                self._write_position(db, statement_id, participant_id, value, settled, now)
                answers.append(None)
        return answers

    def _status_or_error(self, workshop_id: str, statement_id: int) -> str | DomainError:
        try:
            self.check_not_finalised(workshop_id)  # the batch spans workshops: each its own guard
            return self.statement(workshop_id, statement_id)["status"]
        except DomainError as err:
            return err

    @staticmethod
    def _write_position(
        db, statement_id: int, participant_id: int, value: int | None, settled: bool, now: str
    ) -> None:
        """Inside the caller's transaction: a repeat of the current value adds
        no history row (a settled repeat marks the last one as its gesture's end)."""
        current = db.execute(
            "SELECT value FROM positions WHERE statement_id = ? AND participant_id = ?",
            [statement_id, participant_id],
        ).fetchone()
        if rules.is_repeat(current is not None, current[0] if current else None, value):
            if settled:
                db.execute(
                    "UPDATE position_changes SET gesture_end = 1 WHERE id = (SELECT max(id)"
                    " FROM position_changes WHERE statement_id = ? AND participant_id = ?)",
                    [statement_id, participant_id],
                )
            return
        db.execute(
            "INSERT INTO positions (statement_id, participant_id, value, updated_at)"
            " VALUES (?, ?, ?, ?) ON CONFLICT (statement_id, participant_id)"
            " DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            [statement_id, participant_id, value, now],
        )
        db.execute(
            "INSERT INTO position_changes (statement_id, participant_id, value, at, gesture_end)"
            " VALUES (?, ?, ?, ?, ?)",
            [statement_id, participant_id, value, now, int(settled)],
        )

    def position(self, statement_id: int, participant_id: int) -> tuple[bool, int | None]:
        """(has a position, value or None for pass)."""
        row = self._row(
            "SELECT value FROM positions WHERE statement_id = ? AND participant_id = ?",
            [statement_id, participant_id],
        )
        return (row is not None, row["value"] if row else None)

    def positions_by_participant(self, statement_id: int) -> dict[int, int | None]:
        rows = self._rows(
            "SELECT participant_id, value FROM positions WHERE statement_id = ?", [statement_id]
        )
        return {r["participant_id"]: r["value"] for r in rows}

    def distribution(self, statement_id: int) -> Distribution:
        return Distribution.of(statement_id, self.values_by_number(statement_id))

    def values_by_number(self, statement_id: int) -> dict[int, int | None]:
        """{participant number: value, None for a pass} of one statement."""
        rows = self._rows(
            "SELECT p.number, pos.value FROM positions pos"
            " JOIN participants p ON p.id = pos.participant_id"
            " WHERE pos.statement_id = ?",
            [statement_id],
        )
        return {r["number"]: r["value"] for r in rows}

    # -- comments ----------------------------------------------------------
    def add_comment(self, workshop_id: str, statement_id: int, text: str) -> dict:
        row = {"statement_id": statement_id, "text": text, "created_at": utcnow()}
        with self.transaction(workshop_id) as db:
            self.statement(workshop_id, statement_id)
            row["id"] = db.execute(
                "INSERT INTO comments (statement_id, text, created_at)"
                " VALUES (:statement_id, :text, :created_at)",
                row,
            ).lastrowid
        return row

    def comments(self, workshop_id: str, statement_id: int) -> list[dict]:
        self.statement(workshop_id, statement_id)
        return self._rows(
            "SELECT id, statement_id, text, created_at FROM comments WHERE statement_id = ? ORDER BY id",
            [statement_id],
        )

    def delete_comment(self, workshop_id: str, statement_id: int, comment_id: int) -> None:
        with self.transaction(workshop_id) as db:
            self.statement(workshop_id, statement_id)
            cur = db.execute(
                "DELETE FROM comments WHERE id = ? AND statement_id = ?", [comment_id, statement_id]
            )
            if cur.rowcount == 0:
                raise NotFound("No such comment.")

    # -- appendix ------------------------------------------------------------
    def _per_statement(self, shown: list[dict], select: str, alias: str, make, and_where: str = "") -> dict:
        """{statement id: [make(row), ...]} for the shown statements, in id order of ``alias``."""
        out: dict[int, list] = {s["id"]: [] for s in shown}
        ids = list(out)
        rows = (
            self._rows(
                f"{select} WHERE {alias}.statement_id IN ({', '.join('?' * len(ids))})"
                f"{and_where} ORDER BY {alias}.id",
                ids,
            )
            if ids
            else []
        )
        for r in rows:
            out[r["statement_id"]].append(make(r))
        return out

    def _earlier_rounds(self, workshop_id: str) -> dict[int, list[RoundRecord]]:
        """{statement id: its earlier rounds, in order} ("Fråga igen")."""
        out: dict[int, dict[int, dict]] = {}
        for r in self._rows(
            "SELECT pr.statement_id, pr.round, p.number, pr.value FROM position_rounds pr"
            " JOIN statements s ON s.id = pr.statement_id JOIN participants p ON p.id = pr.participant_id"
            " WHERE s.workshop_id = ? ORDER BY pr.statement_id, pr.round, p.number",
            [workshop_id],
        ):
            out.setdefault(r["statement_id"], {}).setdefault(r["round"], {})[r["number"]] = r["value"]
        return {
            sid: [RoundRecord(n, final) for n, final in by_round.items()] for sid, by_round in out.items()
        }

    def barometer_record(self, workshop_id: str) -> BarometerRecord:
        """For the appendix: the statements that were shown, in the
        facilitator's order, with final positions, history and comments."""
        with self._lock:  # one consistent read: no write lands in between
            shown = self._rows(
                "SELECT id, text, opened_at, closed_at, round, texts FROM statements"
                " WHERE workshop_id = ? AND status != ? ORDER BY sort, id",
                [workshop_id, DRAFT],
            )
            final: dict[int, dict[int, int | None]] = {s["id"]: {} for s in shown}
            for r in self._rows(
                "SELECT pos.statement_id, p.number, pos.value FROM positions pos"
                " JOIN statements s ON s.id = pos.statement_id"
                " JOIN participants p ON p.id = pos.participant_id"
                " WHERE s.workshop_id = ? AND s.status != ? ORDER BY p.number",
                [workshop_id, DRAFT],
            ):
                final[r["statement_id"]][r["number"]] = r["value"]
            history: dict[int, list[PositionChange]] = {s["id"]: [] for s in shown}
            for r in self._rows(
                "SELECT c.statement_id, p.number, c.value, c.at, c.gesture_end FROM position_changes c"
                " JOIN statements s ON s.id = c.statement_id"
                " JOIN participants p ON p.id = c.participant_id"
                " WHERE s.workshop_id = ? AND s.status != ? AND c.round IS NULL ORDER BY c.id",
                [workshop_id, DRAFT],
            ):
                history[r["statement_id"]].append(
                    PositionChange(r["number"], r["value"], r["at"], bool(r["gesture_end"]))
                )
            comments: dict[int, list[Comment]] = {s["id"]: [] for s in shown}
            for r in self._rows(
                "SELECT c.statement_id, c.text, c.created_at FROM comments c"
                " JOIN statements s ON s.id = c.statement_id"
                " WHERE s.workshop_id = ? AND s.status != ? ORDER BY c.id",
                [workshop_id, DRAFT],
            ):
                comments[r["statement_id"]].append(Comment(r["text"], r["created_at"]))
            turns = self._per_statement(
                shown,
                "SELECT t.statement_id, p.number, t.value, t.started_at AS at, t.ended_at, t.protected"
                " FROM floor_turns t JOIN participants p ON p.id = t.participant_id",
                "t",
                # A protected turn's region never enters the record (small groups protected).
                lambda r: SpokenTurn(
                    r["number"],
                    SOMEONE if r["protected"] else region_of_position(r["value"]),
                    r["at"],
                    r["ended_at"],
                    bool(r["protected"]),
                ),
            )
            rounds = self._earlier_rounds(workshop_id)
            phone = self._per_statement(
                shown,
                "SELECT c.statement_id, c.text, c.value, c.created_at AS at, c.protected FROM phone_comments c",
                "c",
                lambda r: PhoneComment(
                    r["text"], SOMEONE if r["protected"] else region_of_position(r["value"]), r["at"]
                ),
                and_where=" AND c.status = 'approved'",
            )
            minutes = self.statements_minutes([s["id"] for s in shown])
        return BarometerRecord(
            statements=[
                StatementRecord(
                    id=s["id"],
                    number=number,
                    text=s["text"],
                    final=final[s["id"]],
                    history=history[s["id"]],
                    comments=comments[s["id"]],
                    opened_at=s["opened_at"],
                    closed_at=s["closed_at"],
                    turns=turns[s["id"]],
                    phone_comments=phone[s["id"]],
                    round=s["round"],
                    rounds=rounds.get(s["id"], []),
                    texts=json.loads(s["texts"]) if s["texts"] else {},
                    minutes=minutes.get(s["id"]),
                )
                for number, s in enumerate(shown, start=1)
            ]
        )
