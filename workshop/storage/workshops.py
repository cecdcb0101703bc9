"""Workshops and participants."""

from __future__ import annotations

import json
import sqlite3

from workshop.domain.errors import NotFound
from workshop.domain.workshops import PUBLIC, check_joinable, new_join_code, new_secret
from workshop.storage.base import utcnow

PUBLIC_FIELDS = ", ".join(PUBLIC)


def _workshop(row: dict | None) -> dict | None:
    if row is not None:
        row["locked"] = bool(row["locked"])
        # [the workshop's language] unless the projector shows a second one too
        stored = row.get("projector_languages")
        row["projector_languages"] = json.loads(stored) if stored else [row["language"]]
    return row


class WorkshopQueries:
    def create_workshop(self, title: str, language: str) -> dict:
        # A join code collision is rare; try again rather than fail.
        for _ in range(20):
            row = {
                "id": new_secret()[:12],
                "code": new_join_code(),
                "title": title,
                "language": language,
                "phase": "lobby",
                "facilitator_key": new_secret(),
                "projector_key": new_secret(),
                "created_at": utcnow(),
            }
            try:
                with self.transaction() as db:
                    db.execute(
                        "INSERT INTO workshops (id, code, title, language, phase, facilitator_key,"
                        " projector_key, created_at) VALUES (:id, :code, :title, :language, :phase,"
                        " :facilitator_key, :projector_key, :created_at)",
                        row,
                    )
                return self.workshop(row["id"])
            except sqlite3.IntegrityError:
                continue
        raise RuntimeError("could not find a free join code")

    def workshop(self, workshop_id: str) -> dict:
        """The full row, keys included; NotFound if absent."""
        row = _workshop(self._row("SELECT * FROM workshops WHERE id = ?", [workshop_id]))
        if row is None:
            raise NotFound("No such workshop.")
        return row

    def workshop_by_code(self, code: str) -> dict | None:
        return _workshop(self._row("SELECT * FROM workshops WHERE code = ?", [code]))

    def list_workshops(self) -> list[dict]:
        """The archive: each workshop with its day and each method's counts
        (``ARCHIVE_COUNTS`` of the method mixins: column -> a subquery on w.id)."""
        counts = "".join(f", ({sql}) AS {name}" for name, sql in self.archive_counts.items())
        return [
            _workshop(row)
            for row in self._rows(
                f"SELECT {PUBLIC_FIELDS}, w.ended_at,"
                " (SELECT count(*) FROM participants p WHERE p.workshop_id = w.id) AS participants"
                f"{counts},"
                f" substr(coalesce(({self.first_activity}), w.created_at), 1, 10) AS date"
                " FROM workshops w ORDER BY created_at DESC"
            )
        ]

    def delete_workshop(self, workshop_id: str) -> None:
        with self.transaction() as db:
            cur = db.execute("DELETE FROM workshops WHERE id = ?", [workshop_id])
            if cur.rowcount == 0:
                raise NotFound("No such workshop.")

    def update_workshop_settings(
        self,
        workshop_id: str,
        locked: bool | None = None,
        min_group: int | None = None,
        projector_languages: list[str] | None = None,
    ) -> dict:
        """The settings given (None: unchanged), checked before, written in one transaction.
        ``projector_languages`` come checked (domain/texts.py); one language is stored as NULL."""
        with self.transaction(workshop_id) as db:
            if locked is not None:
                db.execute("UPDATE workshops SET locked = ? WHERE id = ?", [int(locked), workshop_id])
            if min_group is not None:
                db.execute("UPDATE workshops SET min_group = ? WHERE id = ?", [min_group, workshop_id])
            if projector_languages is not None:
                stored = json.dumps(projector_languages) if len(projector_languages) > 1 else None
                db.execute("UPDATE workshops SET projector_languages = ? WHERE id = ?", [stored, workshop_id])
        return self.workshop(workshop_id)

    def set_phase(self, workshop_id: str, phase: str) -> None:
        with self.transaction(workshop_id) as db:
            # ended_at: the first time it ended (retention counts from it);
            # cleared when the facilitator opens it again.
            cur = db.execute(
                "UPDATE workshops SET phase = :phase, ended_at = CASE WHEN :phase = 'ended'"
                " THEN coalesce(ended_at, :now) END WHERE id = :id",
                {"phase": phase, "now": utcnow(), "id": workshop_id},
            )
            if cur.rowcount == 0:
                raise NotFound("No such workshop.")

    def ended_workshops(self) -> list[dict]:
        """Every ended workshop: id, title, language, ended_at (for retention)."""
        return self._rows(
            "SELECT id, title, language, ended_at FROM workshops WHERE ended_at IS NOT NULL ORDER BY ended_at"
        )

    def set_projector_view(self, workshop_id: str, view: str | None) -> None:
        with self.transaction(workshop_id) as db:
            cur = db.execute("UPDATE workshops SET projector_view = ? WHERE id = ?", [view, workshop_id])
            if cur.rowcount == 0:
                raise NotFound("No such workshop.")

    def returning_participant(self, code: str | None, token) -> tuple[dict, dict] | None:
        """The workshop and participant of a phone coming back with its
        token, in ONE query on code and token together: a right code with a
        junk token costs what a wrong code does (two lookups would tell a
        guesser, by time, that the code was right). None when they do not
        match; no query when either is missing."""
        if not code or not isinstance(token, str) or not token:
            return None
        row = self._row(
            "SELECT w.*, p.id AS p_id, p.number AS p_number, p.token AS p_token, p.created_at AS p_created_at,"
            " p.language AS p_language"
            " FROM participants p JOIN workshops w ON w.id = p.workshop_id WHERE w.code = ? AND p.token = ?",
            [code, token],
        )
        if row is None:
            return None
        participant = {
            "id": row.pop("p_id"),
            "workshop_id": row["id"],
            "number": row.pop("p_number"),
            "token": row.pop("p_token"),
            "created_at": row.pop("p_created_at"),
            "language": row.pop("p_language"),
        }
        return _workshop(row), participant

    def add_participant(self, workshop_id: str) -> dict:
        """A new phone's pseudonym; refused (in the same transaction) when
        the workshop has ended or is closed to new participants."""
        with self.transaction(workshop_id) as db:
            check_joinable(self.workshop(workshop_id))
            number = db.execute(
                "SELECT coalesce(max(number), 0) + 1 FROM participants WHERE workshop_id = ?",
                [workshop_id],
            ).fetchone()[0]
            row = {
                "workshop_id": workshop_id,
                "number": number,
                "token": new_secret(),
                "created_at": utcnow(),
            }
            cur = db.execute(
                "INSERT INTO participants (workshop_id, number, token, created_at)"
                " VALUES (:workshop_id, :number, :token, :created_at)",
                row,
            )
            row["id"] = cur.lastrowid
        row["language"] = None
        return row

    def participant_language(self, participant_id: int) -> str | None:
        """The language a phone reads in (None: not chosen, the workshop's)."""
        return self._scalar("SELECT language FROM participants WHERE id = ?", [participant_id])

    def set_participant_language(self, participant_id: int, language: str) -> None:
        """A phone's "Språk" choice; not the workshop's content, so allowed
        after its appendix is finalised (a phone may still read)."""
        with self.transaction() as db:
            db.execute("UPDATE participants SET language = ? WHERE id = ?", [language, participant_id])

    def participant_count(self, workshop_id: str) -> int:
        return self._scalar("SELECT count(*) FROM participants WHERE workshop_id = ?", [workshop_id])
