"""Åsiktsbarometer's schema: statements, positions, comments (set "barometer").

Append new migrations; never edit old ones. IF NOT EXISTS in the first one:
see workshop/storage/migrations.py.
"""

from sqlite_utils import Migrations

migrations = Migrations("barometer")


@migrations()
def m001_statements(db):
    db.executescript(
        """
        CREATE TABLE IF NOT EXISTS statements (
            id INTEGER PRIMARY KEY,
            workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            sort INTEGER NOT NULL,
            status TEXT NOT NULL DEFAULT 'draft',
            hidden INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            opened_at TEXT,
            closed_at TEXT
        );
        CREATE INDEX IF NOT EXISTS statements_workshop ON statements(workshop_id, sort);
        -- The database itself guarantees one open statement per workshop.
        CREATE UNIQUE INDEX IF NOT EXISTS statements_one_open ON statements(workshop_id) WHERE status = 'open';
        CREATE TABLE IF NOT EXISTS positions (
            statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
            participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
            value INTEGER,            -- NULL = pass
            updated_at TEXT NOT NULL,
            PRIMARY KEY (statement_id, participant_id)
        );
        CREATE TABLE IF NOT EXISTS position_changes (
            id INTEGER PRIMARY KEY,
            statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
            participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
            value INTEGER,
            at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS position_changes_statement ON position_changes(statement_id, id);
        CREATE TABLE IF NOT EXISTS comments (
            id INTEGER PRIMARY KEY,
            statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        """
    )


@migrations()
def m002_gesture_end(db):
    # 1 on the change a phone sent as the end of a gesture ("settled": the
    # finger lifted, or a key sequence ended): where a person settled, as
    # against the samples sent while dragging. Rows from before are 0; the
    # movement summary then falls back to the values' timestamps.
    db.execute("ALTER TABLE position_changes ADD COLUMN gesture_end INTEGER NOT NULL DEFAULT 0")
