"""Versioned minutes, the SQL every method's minutes share.

A method keeps its minutes in two tables of its own (its migrations):
``<table> (item_id PRIMARY KEY, text, version, updated_at)``, the current
text of one statement or question, and ``<table>_versions (item_id, version,
text, role, saved_at)``, every version ever saved. The version the writer saw
is checked (``domain.minutes.check_version``) inside the same BEGIN
IMMEDIATE transaction as the write, so of two writers who saw version 3 one
saves version 4 and the other gets the conflict with version 4's text.

Table names are the methods' constants, never input.
"""

from __future__ import annotations

from workshop.domain import minutes as rules
from workshop.storage.base import utcnow

NONE_SAVED = {"text": "", "version": 0, "updated_at": None}


def _current(store, table: str, item_id: int) -> dict | None:
    return store._row(f"SELECT text, version, updated_at FROM {table} WHERE item_id = ?", [item_id])


def read_minutes(store, table: str, item_id: int) -> dict | None:
    """The current minutes with how many versions were saved, or None."""
    row = _current(store, table, item_id)
    if row is None:
        return None
    return {**row, "versions": row["version"], "prefilled": False}


def save_minutes(
    store, workshop_id: str, table: str, item_id: int, text: str, seen: int, role: str | None, check
) -> dict:
    """Saves ``text`` as the next version if ``seen`` is the current one
    (StaleMinutes otherwise, nothing written); keeps the version in history.
    ``check()`` runs first in the same transaction (the item is the workshop's)."""
    now = utcnow()
    with store.transaction(workshop_id) as db:  # refused once the appendix is finalised
        check()
        version = rules.check_version(_current(store, table, item_id) or NONE_SAVED, seen)
        db.execute(
            f"INSERT INTO {table} (item_id, text, version, updated_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (item_id) DO UPDATE SET text = excluded.text, version = excluded.version,"
            " updated_at = excluded.updated_at",
            [item_id, text, version, now],
        )
        db.execute(
            f"INSERT INTO {table}_versions (item_id, version, text, role, saved_at) VALUES (?, ?, ?, ?, ?)",
            [item_id, version, text, role, now],
        )
    return read_minutes(store, table, item_id)


def minutes_history(store, table: str, item_id: int) -> list[dict]:
    """Every saved version, newest first."""
    return store._rows(
        f"SELECT version, text, role, saved_at FROM {table}_versions WHERE item_id = ? ORDER BY version DESC",
        [item_id],
    )


def minutes_by_item(store, table: str, item_ids: list[int]) -> dict[int, dict]:
    """{item id: {"text", "version"}} for the appendix (only items with minutes)."""
    if not item_ids:
        return {}
    marks = ", ".join("?" * len(item_ids))
    rows = store._rows(f"SELECT item_id, text, version FROM {table} WHERE item_id IN ({marks})", item_ids)
    return {r["item_id"]: {"text": r["text"], "version": r["version"]} for r in rows}


def create_tables(db, table: str, owner: str) -> None:
    """The two tables, for a method's migration; ``owner``: the table the
    item belongs to (deleting it deletes its minutes and their history).
    Migrations call this: never change it, add a migration instead."""
    db.executescript(
        f"""
        CREATE TABLE IF NOT EXISTS {table} (
            item_id INTEGER PRIMARY KEY REFERENCES {owner}(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            version INTEGER NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS {table}_versions (
            item_id INTEGER NOT NULL REFERENCES {owner}(id) ON DELETE CASCADE,
            version INTEGER NOT NULL,
            text TEXT NOT NULL,
            role TEXT,
            saved_at TEXT NOT NULL,
            PRIMARY KEY (item_id, version)
        );
        """
    )
