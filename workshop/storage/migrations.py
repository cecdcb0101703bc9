"""The core's schema: workshops and participants (migration set "core").

Append new migrations; never edit old ones. Each method owns its own set in
workshop/<method>/migrations.py. The first migration of every set uses IF
NOT EXISTS throughout: databases made before the sets were split (one
"workshop" set held every table) already have these tables and adopt the
new sets unchanged.
"""

from sqlite_utils import Migrations

migrations = Migrations("core")


@migrations()
def m001_workshops(db):
    db.executescript(
        """
        CREATE TABLE IF NOT EXISTS workshops (
            id TEXT PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            language TEXT NOT NULL DEFAULT 'sv',
            phase TEXT NOT NULL DEFAULT 'lobby',
            facilitator_key TEXT NOT NULL UNIQUE,
            projector_key TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS participants (
            id INTEGER PRIMARY KEY,
            workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            token TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            UNIQUE (workshop_id, number)
        );
        """
    )


@migrations()
def m002_locked(db):
    # "Stäng för nya deltagare": new phones are refused, known tokens rejoin.
    db.execute("ALTER TABLE workshops ADD COLUMN locked INTEGER NOT NULL DEFAULT 0")


@migrations()
def m003_projector_view(db):
    # The view the facilitator pinned on the projector; NULL = it follows the phase.
    db.execute("ALTER TABLE workshops ADD COLUMN projector_view TEXT")


@migrations()
def m004_readiness(db):
    # One row that /readyz rewrites through a fresh connection: proof that the
    # database file can still be written (not read-only, disk not gone).
    db.executescript(
        """
        CREATE TABLE IF NOT EXISTS readiness (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            checked_at TEXT NOT NULL
        );
        """
    )


@migrations()
def m005_templates_series(db):
    # Templates: the document as checked JSON (docs/protocol.md); a series:
    # workshops compared side by side, in the organiser's order.
    db.executescript(
        """
        CREATE TABLE IF NOT EXISTS templates (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS series (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS series_workshops (
            series_id TEXT NOT NULL REFERENCES series(id) ON DELETE CASCADE,
            workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            sort INTEGER NOT NULL,
            PRIMARY KEY (series_id, workshop_id)
        );
        """
    )
