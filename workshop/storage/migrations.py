"""Schema, as sqlite-utils migrations. Append new migrations; never edit old ones."""
from sqlite_utils import Migrations

migrations = Migrations("workshop")


@migrations()
def m001_barometer(db):
    db.executescript(
        """
        CREATE TABLE workshops (
            id TEXT PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            language TEXT NOT NULL DEFAULT 'sv',
            phase TEXT NOT NULL DEFAULT 'lobby',
            facilitator_key TEXT NOT NULL UNIQUE,
            projector_key TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL
        );
        CREATE TABLE participants (
            id INTEGER PRIMARY KEY,
            workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            token TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            UNIQUE (workshop_id, number)
        );
        CREATE TABLE statements (
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
        CREATE INDEX statements_workshop ON statements(workshop_id, sort);
        -- The database itself guarantees one open statement per workshop.
        CREATE UNIQUE INDEX statements_one_open ON statements(workshop_id) WHERE status = 'open';
        CREATE TABLE positions (
            statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
            participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
            value INTEGER,            -- NULL = pass
            updated_at TEXT NOT NULL,
            PRIMARY KEY (statement_id, participant_id)
        );
        CREATE TABLE position_changes (
            id INTEGER PRIMARY KEY,
            statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
            participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
            value INTEGER,
            at TEXT NOT NULL
        );
        CREATE INDEX position_changes_statement ON position_changes(statement_id, id);
        CREATE TABLE comments (
            id INTEGER PRIMARY KEY,
            statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        """
    )
