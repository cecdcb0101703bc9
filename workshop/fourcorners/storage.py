"""Fyra hörn's queries: questions, choices (current + history), comments.

Every rule that guards a write (text and corners editable only as a draft,
close before delete, choices only while open) is checked by the domain
inside the same BEGIN IMMEDIATE transaction as the write, so a choice racing
a close gets the same Conflict as a late choice.

Every name here starts with ``fc_``: all methods' mixins share one Store.
"""

from __future__ import annotations

import json

from workshop.domain.errors import NotFound
from workshop.domain.texts import text_languages
from workshop.fourcorners import domain as rules
from workshop.fourcorners.domain import CLOSED, DRAFT, OPEN, Tally
from workshop.fourcorners.record import ChoiceChange, Comment, FourCornersRecord, QuestionRecord
from workshop.storage import minutes as versioned
from workshop.storage.base import utcnow

MINUTES_TABLE = "fc_minutes"

QUESTION_FIELDS = "id, workshop_id, text, label_0, label_1, label_2, label_3, status, created_at, opened_at, closed_at, texts"
LABELS = ("label_0", "label_1", "label_2", "label_3")


def _question(row: dict | None) -> dict | None:
    if row is not None:
        row["labels"] = [row.pop(column) for column in LABELS]
        row["texts"] = json.loads(row["texts"]) if row.get("texts") else {}
    return row


class FourCornersQueries:
    # The organiser's archive (see WorkshopQueries.list_workshops).
    ARCHIVE_COUNTS = {"questions": "SELECT count(*) FROM fc_questions q WHERE q.workshop_id = w.id"}
    ARCHIVE_STARTED = "SELECT min(q.opened_at) FROM fc_questions q WHERE q.workshop_id = w.id"

    # -- questions ---------------------------------------------------------
    def fc_languages(self, workshop_id: str) -> set[str]:
        """The other languages any of the workshop's questions carries."""
        rows = self._rows(
            "SELECT texts FROM fc_questions WHERE workshop_id = ? AND texts IS NOT NULL", [workshop_id]
        )
        return set().union(*(text_languages(r["texts"]) for r in rows))

    def fc_questions(self, workshop_id: str) -> list[dict]:
        rows = self._rows(
            f"SELECT {QUESTION_FIELDS},"
            " (SELECT count(*) FROM fc_choices c WHERE c.question_id = q.id) AS answers"
            " FROM fc_questions q WHERE workshop_id = ? ORDER BY id",
            [workshop_id],
        )
        return [_question(r) for r in rows]

    def fc_question(self, workshop_id: str, question_id) -> dict:
        row = _question(
            self._row(
                f"SELECT {QUESTION_FIELDS} FROM fc_questions WHERE id = ? AND workshop_id = ?",
                [question_id, workshop_id],
            )
        )
        if row is None:
            raise NotFound("No such question.")
        return row

    def fc_open_question(self, workshop_id: str) -> dict | None:
        return _question(
            # The status as a literal, not a parameter: the partial unique index
            # (status = 'open') then serves the query as planned once; with a
            # parameter SQLite plans it again on every call (~2.5x slower).
            self._row(
                f"SELECT {QUESTION_FIELDS} FROM fc_questions WHERE workshop_id = ? AND status = '{OPEN}'",
                [workshop_id],
            )
        )

    def fc_last_closed_question(self, workshop_id: str) -> dict | None:
        """The question closed most recently (its result stays on the projector)."""
        return _question(
            self._row(
                f"SELECT {QUESTION_FIELDS} FROM fc_questions WHERE workshop_id = ? AND status = '{CLOSED}'"
                " ORDER BY closed_at DESC, id DESC LIMIT 1",
                [workshop_id],
            )
        )

    def fc_add_question(self, workshop_id: str, text: str, labels: list[str]) -> dict:
        with self.transaction(workshop_id) as db:
            question_id = db.execute(
                "INSERT INTO fc_questions (workshop_id, text, label_0, label_1, label_2, label_3,"
                " status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [workshop_id, text, *labels, DRAFT, utcnow()],
            ).lastrowid
        return self.fc_question(workshop_id, question_id)

    def fc_update_question(
        self,
        workshop_id: str,
        question_id: int,
        text: str | None = None,
        labels: list[str] | None = None,
        texts: dict | None = None,
    ) -> dict:
        """Text, labels and/or texts (validated), only while the question is a draft."""
        changes = {}
        if texts is not None:
            changes["texts"] = json.dumps(texts, ensure_ascii=False) if texts else None
        if text is not None:
            changes["text"] = text
        if labels is not None:
            changes.update(zip(LABELS, labels))
        with self.transaction(workshop_id) as db:
            rules.check_editable(self.fc_question(workshop_id, question_id)["status"])
            if changes:
                sets = ", ".join(f"{k} = :{k}" for k in changes)
                db.execute(f"UPDATE fc_questions SET {sets} WHERE id = :id", {**changes, "id": question_id})
        return self.fc_question(workshop_id, question_id)

    def fc_delete_question(self, workshop_id: str, question_id: int) -> None:
        with self.transaction(workshop_id) as db:
            rules.check_deletable(self.fc_question(workshop_id, question_id)["status"])
            db.execute("DELETE FROM fc_questions WHERE id = ?", [question_id])

    def fc_open(self, workshop_id: str, question_id: int) -> dict:
        """Open one question, closing whichever was open; phase -> fourcorners."""
        now = utcnow()
        with self.transaction(workshop_id) as db:
            self.fc_question(workshop_id, question_id)  # NotFound if not this workshop's
            db.execute(
                "UPDATE fc_questions SET status = ?, closed_at = ? WHERE workshop_id = ? AND status = ?"
                " AND id != ?",
                [CLOSED, now, workshop_id, OPEN, question_id],
            )
            db.execute(
                "UPDATE fc_questions SET status = ?, opened_at = coalesce(opened_at, ?), closed_at = NULL"
                " WHERE id = ?",
                [OPEN, now, question_id],
            )
            db.execute("UPDATE workshops SET phase = 'fourcorners' WHERE id = ?", [workshop_id])
        return self.fc_question(workshop_id, question_id)

    def fc_close(self, workshop_id: str, question_id: int) -> dict:
        with self.transaction(workshop_id) as db:
            self.fc_question(workshop_id, question_id)
            db.execute(
                "UPDATE fc_questions SET status = ?, closed_at = ? WHERE id = ? AND status = ?",
                [CLOSED, utcnow(), question_id, OPEN],
            )
        return self.fc_question(workshop_id, question_id)

    # -- choices -----------------------------------------------------------
    def fc_record_choice(
        self, workshop_id: str, question_id: int, participant_id: int, corner: int | None
    ) -> None:
        """Current choice upserted and the change appended, in one transaction
        that first checks the question is this workshop's and open."""
        now = utcnow()
        with self.transaction(workshop_id) as db:
            rules.check_open_for_choices(self.fc_question(workshop_id, question_id)["status"])
            db.execute(
                "INSERT INTO fc_choices (question_id, participant_id, corner, updated_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (question_id, participant_id)"
                " DO UPDATE SET corner = excluded.corner, updated_at = excluded.updated_at",
                [question_id, participant_id, corner, now],
            )
            db.execute(
                "INSERT INTO fc_changes (question_id, participant_id, corner, at) VALUES (?, ?, ?, ?)",
                [question_id, participant_id, corner, now],
            )

    def fc_choices_by_participant(self, question_id: int, only: int | None = None) -> dict[int, int | None]:
        """Every phone's choice, or ``only`` that participant's (a welcome)."""
        sql = "SELECT participant_id, corner FROM fc_choices WHERE question_id = ?"
        params: list = [question_id]
        if only is not None:
            sql += " AND participant_id = ?"
            params.append(only)
        return {r["participant_id"]: r["corner"] for r in self._rows(sql, params)}

    def fc_tally(self, question_id: int) -> Tally:
        rows = self._rows(
            "SELECT p.number, c.corner FROM fc_choices c"
            " JOIN participants p ON p.id = c.participant_id"
            " WHERE c.question_id = ? ORDER BY p.number",
            [question_id],
        )
        return Tally(question=question_id, choices=tuple((r["number"], r["corner"]) for r in rows))

    def fc_changes(self, question_id: int) -> list[dict]:
        """The history of every choice, oldest first (participant numbers)."""
        return self._rows(
            "SELECT p.number AS participant, ch.corner, ch.at FROM fc_changes ch"
            " JOIN participants p ON p.id = ch.participant_id"
            " WHERE ch.question_id = ? ORDER BY ch.id",
            [question_id],
        )

    # -- comments ----------------------------------------------------------
    def fc_add_comment(self, workshop_id: str, question_id: int, text: str) -> dict:
        row = {"question_id": question_id, "text": text, "created_at": utcnow()}
        with self.transaction(workshop_id) as db:
            self.fc_question(workshop_id, question_id)
            row["id"] = db.execute(
                "INSERT INTO fc_comments (question_id, text, created_at)"
                " VALUES (:question_id, :text, :created_at)",
                row,
            ).lastrowid
        return row

    def fc_comments(self, workshop_id: str, question_id: int) -> list[dict]:
        self.fc_question(workshop_id, question_id)
        return self._rows(
            "SELECT id, question_id, text, created_at FROM fc_comments WHERE question_id = ? ORDER BY id",
            [question_id],
        )

    def fc_delete_comment(self, workshop_id: str, question_id: int, comment_id: int) -> None:
        with self.transaction(workshop_id) as db:
            self.fc_question(workshop_id, question_id)
            cur = db.execute(
                "DELETE FROM fc_comments WHERE id = ? AND question_id = ?", [comment_id, question_id]
            )
            if cur.rowcount == 0:
                raise NotFound("No such comment.")

    # -- the appendix ------------------------------------------------------
    def fourcorners_record(self, workshop_id: str) -> FourCornersRecord:
        """For the appendix: the questions that were shown (not drafts), in
        the facilitator's order, with final choices, history and comments."""
        with self._lock:  # one consistent read: no write lands in between
            shown = [
                _question(r)
                for r in self._rows(
                    f"SELECT {QUESTION_FIELDS} FROM fc_questions"
                    " WHERE workshop_id = ? AND status != ? ORDER BY id",
                    [workshop_id, DRAFT],
                )
            ]
            final: dict[int, dict[int, int | None]] = {q["id"]: {} for q in shown}
            for r in self._rows(
                "SELECT c.question_id, p.number, c.corner FROM fc_choices c"
                " JOIN fc_questions q ON q.id = c.question_id"
                " JOIN participants p ON p.id = c.participant_id"
                " WHERE q.workshop_id = ? AND q.status != ? ORDER BY p.number",
                [workshop_id, DRAFT],
            ):
                final[r["question_id"]][r["number"]] = r["corner"]
            history: dict[int, list[ChoiceChange]] = {q["id"]: [] for q in shown}
            for r in self._rows(
                "SELECT ch.question_id, p.number, ch.corner, ch.at FROM fc_changes ch"
                " JOIN fc_questions q ON q.id = ch.question_id"
                " JOIN participants p ON p.id = ch.participant_id"
                " WHERE q.workshop_id = ? AND q.status != ? ORDER BY ch.id",
                [workshop_id, DRAFT],
            ):
                history[r["question_id"]].append(ChoiceChange(r["number"], r["corner"], r["at"]))
            comments: dict[int, list[Comment]] = {q["id"]: [] for q in shown}
            for r in self._rows(
                "SELECT c.question_id, c.text, c.created_at FROM fc_comments c"
                " JOIN fc_questions q ON q.id = c.question_id"
                " WHERE q.workshop_id = ? AND q.status != ? ORDER BY c.id",
                [workshop_id, DRAFT],
            ):
                comments[r["question_id"]].append(Comment(r["text"], r["created_at"]))
            minutes = self.fc_minutes_of([q["id"] for q in shown])
        return FourCornersRecord(
            questions=[
                QuestionRecord(
                    id=q["id"],
                    number=number,
                    text=q["text"],
                    labels=tuple(q["labels"]),
                    final=final[q["id"]],
                    history=history[q["id"]],
                    comments=comments[q["id"]],
                    opened_at=q["opened_at"],
                    closed_at=q["closed_at"],
                    texts=q.get("texts") or {},
                    minutes=minutes.get(q["id"]),
                )
                for number, q in enumerate(shown, start=1)
            ]
        )

    # -- minutes ("protokollsanteckning"): shared SQL in workshop/storage/minutes.py
    def fc_minutes(self, workshop_id: str, question_id: int) -> dict | None:
        self.fc_question(workshop_id, question_id)
        return versioned.read_minutes(self, MINUTES_TABLE, question_id)

    def fc_save_minutes(self, workshop_id: str, question_id: int, text: str, seen: int, role=None) -> dict:
        return versioned.save_minutes(
            self,
            workshop_id,
            MINUTES_TABLE,
            question_id,
            text,
            seen,
            role,
            check=lambda: self.fc_question(workshop_id, question_id),
        )

    def fc_minutes_history(self, workshop_id: str, question_id: int) -> list[dict]:
        self.fc_question(workshop_id, question_id)
        return versioned.minutes_history(self, MINUTES_TABLE, question_id)

    def fc_minutes_of(self, question_ids: list[int]) -> dict[int, dict]:
        return versioned.minutes_by_item(self, MINUTES_TABLE, question_ids)
