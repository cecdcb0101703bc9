"""Open Space: settings, spaces, slots, topics, interest, presence, dots, notes.

Every rule that depends on the current state (a free cell, a dot left, the
note's version) is checked inside the same BEGIN IMMEDIATE transaction as the
write it guards, so two phones racing for the same cell cannot both win, and
a refused input rolls back having changed nothing. The unique index on
topics(workshop, space, slot) backs the cell rule up in the database itself.
"""

from __future__ import annotations

import sqlite3

from workshop.domain.errors import Conflict, NotFound
from workshop.openspace import domain as rules
from workshop.openspace.record import Note, OpenSpaceRecord, Slot, Space, Topic
from workshop.storage.base import utcnow

SPACE_FIELDS = "id, name, capacity"
SLOT_FIELDS = "id, label, starts_at, minutes, kind"
SETTINGS_FIELDS = "theme, allow_claims, dots, break_until, break_label"
TAKEN = "That room is already taken in that time slot."

# The wall's topic: counts are derived, never stored, so they cannot drift;
# only peak is stored, because it remembers the past.
TOPIC_SELECT = (
    "SELECT t.id, t.title, t.description, t.convener, t.space_id AS space, t.slot_id AS slot,"
    " (SELECT count(*) FROM topic_interest i WHERE i.topic_id = t.id) AS interest,"
    " (SELECT count(*) FROM topic_presence p WHERE p.topic_id = t.id) AS here,"
    " t.peak,"
    " (SELECT count(*) FROM topic_votes v WHERE v.topic_id = t.id) AS votes,"
    " t.hidden"
    " FROM topics t WHERE t.workshop_id = ? AND t.merged_into IS NULL"
)
# Topics a phone can see and act on.
LIVE = "t.merged_into IS NULL AND t.hidden = 0"


def _update(db, table: str, row_id: int, fields: dict) -> None:
    """UPDATE inside the caller's transaction, after it checked the row is
    this workshop's. Column names come from the domain validators' keys
    (or this module), never from a client."""
    if fields:
        sets = ", ".join(f"{k} = :{k}" for k in fields)
        db.execute(f"UPDATE {table} SET {sets} WHERE id = :id", {**fields, "id": row_id})


def _note(row: dict) -> dict:
    return {
        "id": row["id"],
        "kind": row["kind"],
        "text": row["text"],
        "who": row["who"],
        "when": row["by_when"],
        "at": row["created_at"],
        "version": row["version"],
    }


class OpenSpaceQueries:
    # The organiser's archive: what the appendix shows (visible, not merged away).
    ARCHIVE_COUNTS = {
        "topics": "SELECT count(*) FROM topics t WHERE t.workshop_id = w.id AND " + LIVE,
        "notes": "SELECT count(*) FROM topic_notes n JOIN topics t ON t.id = n.topic_id"
        " WHERE t.workshop_id = w.id AND " + LIVE,
    }

    # -- settings ----------------------------------------------------------
    def openspace_settings(self, workshop_id: str) -> dict:
        row = self._row(
            f"SELECT {SETTINGS_FIELDS} FROM openspace_settings WHERE workshop_id = ?", [workshop_id]
        )
        if row is None:
            return dict(rules.DEFAULT_SETTINGS)
        row["allow_claims"] = bool(row["allow_claims"])
        return row

    def update_openspace_settings(self, workshop_id: str, **changes) -> dict:
        with self.transaction(workshop_id) as db:
            s = {**self.openspace_settings(workshop_id), **changes}
            db.execute(
                f"INSERT INTO openspace_settings (workshop_id, {SETTINGS_FIELDS})"
                " VALUES (:w, :theme, :allow_claims, :dots, :break_until, :break_label)"
                " ON CONFLICT (workshop_id) DO UPDATE SET theme = excluded.theme,"
                " allow_claims = excluded.allow_claims, dots = excluded.dots,"
                " break_until = excluded.break_until, break_label = excluded.break_label",
                {**s, "w": workshop_id, "allow_claims": int(s["allow_claims"])},
            )
        return self.openspace_settings(workshop_id)

    # -- spaces and slots ----------------------------------------------------
    def spaces(self, workshop_id: str) -> list[dict]:
        return self._rows(
            f"SELECT {SPACE_FIELDS} FROM spaces WHERE workshop_id = ? ORDER BY id", [workshop_id]
        )

    def space(self, workshop_id: str, space_id: int) -> dict:
        row = self._row(
            f"SELECT {SPACE_FIELDS} FROM spaces WHERE id = ? AND workshop_id = ?", [space_id, workshop_id]
        )
        if row is None:
            raise NotFound("No such space.")
        return row

    def slots(self, workshop_id: str) -> list[dict]:
        return self._rows(
            f"SELECT {SLOT_FIELDS} FROM slots WHERE workshop_id = ? ORDER BY starts_at, id", [workshop_id]
        )

    def slot(self, workshop_id: str, slot_id: int) -> dict:
        row = self._row(
            f"SELECT {SLOT_FIELDS} FROM slots WHERE id = ? AND workshop_id = ?", [slot_id, workshop_id]
        )
        if row is None:
            raise NotFound("No such slot.")
        return row

    def add_space(self, workshop_id: str, name: str, capacity: int | None) -> dict:
        with self.transaction(workshop_id) as db:
            sid = db.execute(
                "INSERT INTO spaces (workshop_id, name, capacity, created_at) VALUES (?, ?, ?, ?)",
                [workshop_id, name, capacity, utcnow()],
            ).lastrowid
        return self.space(workshop_id, sid)

    def add_slot(self, workshop_id: str, label: str, starts_at: str, minutes: int, kind: str) -> dict:
        with self.transaction(workshop_id) as db:
            slot = {"label": label, "starts_at": starts_at, "minutes": minutes}
            rules.check_no_overlap(self.slots(workshop_id), slot)
            sid = db.execute(
                "INSERT INTO slots (workshop_id, label, starts_at, minutes, kind, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [workshop_id, label, starts_at, minutes, kind, utcnow()],
            ).lastrowid
        return self.slot(workshop_id, sid)

    def update_space(self, workshop_id: str, space_id: int, **fields) -> dict:
        with self.transaction(workshop_id) as db:
            self.space(workshop_id, space_id)
            _update(db, "spaces", space_id, fields)
        return self.space(workshop_id, space_id)

    def update_slot(self, workshop_id: str, slot_id: int, **fields) -> dict:
        with self.transaction(workshop_id) as db:
            # The rule sees the slot as edited against the others as they are when it writes.
            rules.check_no_overlap(self.slots(workshop_id), {**self.slot(workshop_id, slot_id), **fields})
            if fields.get("kind") == rules.BREAK:
                # A slot turned into fika holds nothing: its topics go back to unscheduled.
                db.execute("UPDATE topics SET space_id = NULL, slot_id = NULL WHERE slot_id = ?", [slot_id])
            _update(db, "slots", slot_id, fields)
        return self.slot(workshop_id, slot_id)

    def shift_slots(self, workshop_id: str, slot_id: int, minutes: int) -> list[dict]:
        """Move the slot and every later one by ``minutes`` in one transaction
        (the rule sees the slots as they are when it writes)."""
        with self.transaction(workshop_id) as db:
            moved = rules.shift_slots(self.slots(workshop_id), slot_id, minutes)
            for sid, starts_at in moved.items():
                _update(db, "slots", sid, {"starts_at": starts_at})
        return self.slots(workshop_id)

    def delete_space(self, workshop_id: str, space_id: int) -> None:
        with self.transaction(workshop_id) as db:
            self.space(workshop_id, space_id)
            db.execute("UPDATE topics SET space_id = NULL, slot_id = NULL WHERE space_id = ?", [space_id])
            db.execute("DELETE FROM spaces WHERE id = ?", [space_id])

    def delete_slot(self, workshop_id: str, slot_id: int) -> None:
        with self.transaction(workshop_id) as db:
            self.slot(workshop_id, slot_id)
            db.execute("UPDATE topics SET space_id = NULL, slot_id = NULL WHERE slot_id = ?", [slot_id])
            db.execute("DELETE FROM slots WHERE id = ?", [slot_id])

    # -- topics --------------------------------------------------------------
    def topic_row(self, workshop_id: str, topic_id: int) -> dict | None:
        """The stored row (merged and hidden ones too), or None."""
        row = self._row("SELECT * FROM topics WHERE id = ? AND workshop_id = ?", [topic_id, workshop_id])
        if row is not None:
            row["hidden"] = bool(row["hidden"])
        return row

    def topic(self, workshop_id: str, topic_id: int) -> dict:
        """One topic as on the facilitator's wall; NotFound if merged away."""
        rows = self._rows(TOPIC_SELECT + " AND t.id = ?", [workshop_id, topic_id])
        if not rows:
            raise NotFound("No such topic.")
        (topic,) = self._with_notes(workshop_id, rows)
        return topic

    def add_topic(
        self,
        workshop_id: str,
        title: str,
        description: str = "",
        convener: str | None = None,
        proposed_by: int | None = None,
    ) -> int:
        with self.transaction(workshop_id) as db:
            return db.execute(
                "INSERT INTO topics (workshop_id, title, description, convener, proposed_by, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [workshop_id, title, description, convener, proposed_by, utcnow()],
            ).lastrowid

    def update_topic(self, workshop_id: str, topic_id: int, **fields) -> None:
        with self.transaction(workshop_id) as db:
            row = rules.check_live(self.topic_row(workshop_id, topic_id), staff=True)
            # Its cell went to someone else while hidden: it comes back unscheduled.
            if (
                fields.get("hidden") is False
                and row["hidden"]
                and row["space_id"] is not None
                and self._occupant(workshop_id, row["space_id"], row["slot_id"]) is not None
            ):
                fields = {**fields, "space_id": None, "slot_id": None}
            if "hidden" in fields:
                fields = {**fields, "hidden": int(fields["hidden"])}
            _update(db, "topics", topic_id, fields)

    def _occupant(self, workshop_id: str, space_id: int, slot_id: int) -> int | None:
        return self._scalar(
            "SELECT id FROM topics t WHERE workshop_id = ? AND space_id = ? AND slot_id = ? AND " + LIVE,
            [workshop_id, space_id, slot_id],
        )

    def place_topic(
        self,
        workshop_id: str,
        topic_id: int,
        space_id: int | None,
        slot_id: int | None,
        *,
        claimed_by: int | None = None,
    ) -> None:
        """Put a topic in a cell (or none). claimed_by: a phone claiming for
        its own topic, allowed only when the facilitator opened claims."""
        with self.transaction(workshop_id) as db:
            row = rules.check_live(self.topic_row(workshop_id, topic_id), staff=claimed_by is None)
            if claimed_by is not None:
                rules.check_claim(
                    self.openspace_settings(workshop_id)["allow_claims"], row["proposed_by"], claimed_by
                )
            if space_id is not None:
                self.space(workshop_id, space_id)
                slot = self.slot(workshop_id, slot_id)
                rules.check_placement(slot["kind"], self._occupant(workshop_id, space_id, slot_id), topic_id)
            try:
                db.execute(
                    "UPDATE topics SET space_id = ?, slot_id = ? WHERE id = ?", [space_id, slot_id, topic_id]
                )
            except sqlite3.IntegrityError:
                raise Conflict(TAKEN) from None

    def merge_topics(self, workshop_id: str, source_id: int, target_id: int) -> None:
        """Duplicates: the source's people, interest, dots and notes join the target."""
        with self.transaction(workshop_id) as db:
            a = self.topic_row(workshop_id, source_id)
            b = self.topic_row(workshop_id, target_id)
            if a is None or b is None:
                raise NotFound("No such topic.")
            rules.check_merge(a, b)
            for table in ("topic_interest", "topic_votes"):
                # Union of distinct participants: one interest / one dot each.
                db.execute(
                    f"INSERT OR IGNORE INTO {table} (topic_id, participant_id, at)"
                    f" SELECT ?, participant_id, at FROM {table} WHERE topic_id = ?",
                    [b["id"], a["id"]],
                )
                db.execute(f"DELETE FROM {table} WHERE topic_id = ?", [a["id"]])
            db.execute("UPDATE topic_presence SET topic_id = ? WHERE topic_id = ?", [b["id"], a["id"]])
            db.execute("UPDATE topic_notes SET topic_id = ? WHERE topic_id = ?", [b["id"], a["id"]])
            db.execute("UPDATE topics SET merged_into = ? WHERE merged_into = ?", [b["id"], a["id"]])
            db.execute(
                "UPDATE topics SET merged_into = ?, space_id = NULL, slot_id = NULL WHERE id = ?",
                [b["id"], a["id"]],
            )
            if b["space_id"] is None and a["space_id"] is not None:
                # The survivor had no cell: it takes the one the duplicate held.
                db.execute(
                    "UPDATE topics SET space_id = ?, slot_id = ? WHERE id = ?",
                    [a["space_id"], a["slot_id"], b["id"]],
                )
            db.execute(
                "UPDATE topics SET peak = max(peak, ?, (SELECT count(*) FROM topic_presence"
                " WHERE topic_id = ?)) WHERE id = ?",
                [a["peak"], b["id"], b["id"]],
            )

    # -- what phones do -------------------------------------------------------
    def set_interest(self, workshop_id: str, topic_id: int, participant_id: int, on: bool) -> None:
        with self.transaction(workshop_id) as db:
            rules.check_live(self.topic_row(workshop_id, topic_id), staff=False)
            if on:
                db.execute(
                    "INSERT OR IGNORE INTO topic_interest (topic_id, participant_id, at) VALUES (?, ?, ?)",
                    [topic_id, participant_id, utcnow()],
                )
            else:
                db.execute(
                    "DELETE FROM topic_interest WHERE topic_id = ? AND participant_id = ?",
                    [topic_id, participant_id],
                )

    def set_here(self, workshop_id: str, participant_id: int, topic_id: int | None) -> None:
        """Law of two feet: one topic at a time; the new topic's peak is
        raised in the same transaction, so it never misses a crowd."""
        with self.transaction(workshop_id) as db:
            if topic_id is None:
                db.execute("DELETE FROM topic_presence WHERE participant_id = ?", [participant_id])
                return
            rules.check_live(self.topic_row(workshop_id, topic_id), staff=False)
            db.execute(
                "INSERT INTO topic_presence (participant_id, topic_id, since) VALUES (?, ?, ?)"
                " ON CONFLICT (participant_id) DO UPDATE SET topic_id = excluded.topic_id,"
                " since = excluded.since WHERE topic_presence.topic_id != excluded.topic_id",
                [participant_id, topic_id, utcnow()],
            )
            db.execute(
                "UPDATE topics SET peak = max(peak, (SELECT count(*) FROM topic_presence"
                " WHERE topic_id = ?)) WHERE id = ?",
                [topic_id, topic_id],
            )

    def _votes_used(self, participant_id: int) -> int:
        return self._scalar(
            "SELECT count(*) FROM topic_votes v JOIN topics t ON t.id = v.topic_id"
            " WHERE v.participant_id = ? AND " + LIVE,
            [participant_id],
        )

    def set_vote(self, workshop_id: str, topic_id: int, participant_id: int, on: bool) -> None:
        with self.transaction(workshop_id) as db:
            rules.check_live(self.topic_row(workshop_id, topic_id), staff=False)
            has = self._scalar(
                "SELECT 1 FROM topic_votes WHERE topic_id = ? AND participant_id = ?",
                [topic_id, participant_id],
            )
            adding = on and not has
            rules.check_vote(
                self.openspace_settings(workshop_id)["dots"],
                self._votes_used(participant_id) if adding else 0,
            )
            if adding:
                db.execute(
                    "INSERT INTO topic_votes (topic_id, participant_id, at) VALUES (?, ?, ?)",
                    [topic_id, participant_id, utcnow()],
                )
            elif not on:
                db.execute(
                    "DELETE FROM topic_votes WHERE topic_id = ? AND participant_id = ?",
                    [topic_id, participant_id],
                )

    # -- notes -----------------------------------------------------------------
    def _note_row(self, workshop_id: str, note_id: int) -> dict:
        row = self._row(
            "SELECT n.*, t.hidden, t.merged_into FROM topic_notes n"
            " JOIN topics t ON t.id = n.topic_id WHERE n.id = ? AND t.workshop_id = ?",
            [note_id, workshop_id],
        )
        if row is None:
            raise NotFound("No such note.")
        return row

    def note(self, workshop_id: str, note_id: int) -> dict:
        return _note(self._note_row(workshop_id, note_id))

    def add_note(
        self,
        workshop_id: str,
        topic_id: int,
        participant_id: int | None,
        *,
        kind: str,
        text: str,
        who: str | None = None,
        when: str | None = None,
        staff: bool = False,
    ) -> dict:
        """A note on a live topic; ``staff``: the facilitator's or minute-taker's
        (no participant), who may write on a hidden topic too."""
        now = utcnow()
        with self.transaction(workshop_id) as db:
            rules.check_live(self.topic_row(workshop_id, topic_id), staff=staff)
            note_id = db.execute(
                "INSERT INTO topic_notes (topic_id, participant_id, kind, text, who, by_when,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [topic_id, participant_id, kind, text, who, when, now, now],
            ).lastrowid
        return self.note(workshop_id, note_id)

    def edit_note(self, workshop_id: str, note_id: int, participant_id: int, text: str, version) -> dict:
        """Optimistic: only the version the writer saw may be replaced."""
        with self.transaction(workshop_id) as db:
            row = self._note_row(workshop_id, note_id)
            if row["hidden"] or row["merged_into"] is not None:
                raise NotFound("No such note.")
            rules.check_note_edit(row, participant_id, version)
            cur = db.execute(
                "UPDATE topic_notes SET text = ?, version = version + 1, updated_at = ?"
                " WHERE id = ? AND version = ?",
                [text, utcnow(), note_id, version],
            )
            if cur.rowcount == 0:
                raise rules.StaleNote(_note(row))
        return self.note(workshop_id, note_id)

    # -- reading the whole -------------------------------------------------------
    def _with_notes(self, workshop_id: str, topics: list[dict]) -> list[dict]:
        notes: dict[int, list[dict]] = {}
        for row in self._rows(
            "SELECT n.* FROM topic_notes n JOIN topics t ON t.id = n.topic_id"
            " WHERE t.workshop_id = ? ORDER BY n.id",
            [workshop_id],
        ):
            notes.setdefault(row["topic_id"], []).append(_note(row))
        for t in topics:
            t["hidden"] = bool(t["hidden"])
            t["notes"] = notes.get(t["id"], [])
        return topics

    def wall(self, workshop_id: str, *, include_hidden: bool) -> dict:
        """The facilitator's wall (include_hidden) or the public one, as one
        snapshot: the lock keeps writers out between the reads."""
        with self._lock:
            sql = TOPIC_SELECT + ("" if include_hidden else " AND t.hidden = 0") + " ORDER BY t.id"
            topics = self._with_notes(workshop_id, self._rows(sql, [workshop_id]))
            return {
                "spaces": self.spaces(workshop_id),
                "slots": self.slots(workshop_id),
                "topics": topics,
                "settings": self.openspace_settings(workshop_id),
                "missing_notes": rules.missing_notes(topics),
            }

    def openspace_me(self, workshop_id: str, participant_id: int) -> dict:
        """One phone's own state; only topics the phone can see."""

        def ids(sql: str) -> list[int]:
            return [r["id"] for r in self._rows(sql, [participant_id])]

        with self._lock:
            here = ids(
                "SELECT t.id FROM topic_presence p JOIN topics t ON t.id = p.topic_id"
                " WHERE p.participant_id = ? AND " + LIVE
            )
            votes = ids(
                "SELECT t.id FROM topic_votes v JOIN topics t ON t.id = v.topic_id"
                " WHERE v.participant_id = ? AND " + LIVE + " ORDER BY t.id"
            )
            return {
                "here": here[0] if here else None,
                "interest": ids(
                    "SELECT t.id FROM topic_interest i JOIN topics t ON t.id = i.topic_id"
                    " WHERE i.participant_id = ? AND " + LIVE + " ORDER BY t.id"
                ),
                "votes": votes,
                "proposed": ids(
                    "SELECT t.id FROM topics t WHERE t.proposed_by = ? AND " + LIVE + " ORDER BY t.id"
                ),
                "dots_left": rules.dots_left(self.openspace_settings(workshop_id)["dots"], len(votes)),
            }

    def openspace_record(self, workshop_id: str) -> OpenSpaceRecord:
        """For the appendix: visible, not merged topics, notes oldest first."""
        wall = self.wall(workshop_id, include_hidden=False)
        return OpenSpaceRecord(
            theme=wall["settings"]["theme"],
            dots=wall["settings"]["dots"],
            spaces=[Space(**s) for s in wall["spaces"]],
            slots=[Slot(**s) for s in wall["slots"]],
            topics=[
                Topic(
                    id=t["id"],
                    title=t["title"],
                    description=t["description"] or "",
                    convener=t["convener"],
                    space=t["space"],
                    slot=t["slot"],
                    interest=t["interest"],
                    here=t["here"],
                    peak=t["peak"],
                    votes=t["votes"],
                    notes=[
                        Note(
                            id=n["id"],
                            topic=t["id"],
                            kind=n["kind"],
                            text=n["text"],
                            at=n["at"],
                            who=n["who"],
                            when=n["when"],
                        )
                        for n in t["notes"]
                    ],
                )
                for t in wall["topics"]
            ],
        )
