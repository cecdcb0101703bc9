"""Åsiktsbarometer's schema: statements, positions, comments, the floor, phone
comments and the replay (set "barometer").

Append new migrations; never edit old ones. IF NOT EXISTS in the first one:
see workshop/storage/migrations.py.
"""

from sqlite_utils import Migrations

from workshop.storage.minutes import create_tables

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


@migrations()
def m003_floor_comments_replay(db):
    """Ordet (raised hands, turns), comments from phones, the replay scrubber."""
    db.executescript(
        """
        CREATE TABLE barometer_settings (
            workshop_id TEXT PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
            phone_comments INTEGER NOT NULL DEFAULT 0
        );
        -- A raised hand; its id is the ask order (a new raise goes to the back).
        CREATE TABLE floor_hands (
            id INTEGER PRIMARY KEY,
            statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
            participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
            asked_at TEXT NOT NULL,
            UNIQUE (statement_id, participant_id)
        );
        -- Who was given the floor, and where they stood then (NULL = pass).
        CREATE TABLE floor_turns (
            id INTEGER PRIMARY KEY,
            statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
            participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
            value INTEGER,
            started_at TEXT NOT NULL,
            ended_at TEXT
        );
        CREATE INDEX floor_turns_statement ON floor_turns(statement_id, id);
        -- The database itself guarantees one speaker per statement.
        CREATE UNIQUE INDEX floor_one_speaker ON floor_turns(statement_id) WHERE ended_at IS NULL;
        -- A phone's comment with its writer's position when written (NULL = pass).
        CREATE TABLE phone_comments (
            id INTEGER PRIMARY KEY,
            statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
            participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            value INTEGER,
            status TEXT NOT NULL DEFAULT 'pending',
            edited INTEGER NOT NULL DEFAULT 0,
            shown INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            decided_at TEXT
        );
        CREATE INDEX phone_comments_statement ON phone_comments(statement_id, id);
        CREATE INDEX phone_comments_rate ON phone_comments(participant_id, created_at);
        -- The replay on the projector: one per workshop.
        CREATE TABLE barometer_replays (
            workshop_id TEXT PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
            statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
            duration_ms INTEGER NOT NULL,
            speed REAL NOT NULL,
            at_ms INTEGER NOT NULL,
            playing INTEGER NOT NULL,
            updated_at TEXT NOT NULL
        );
        """
    )


@migrations()
def m004_statement_origin(db):
    # The template statement a statement came from (its key in the template,
    # docs/protocol.md): a series matches statements by it before their text.
    db.execute("ALTER TABLE statements ADD COLUMN origin TEXT")


@migrations()
def m005_rounds(db):
    # "Fråga igen": a statement asked again is its next round. The current
    # round's positions stay in `positions` (the live path is unchanged);
    # an earlier round's final positions move to `position_rounds`, and its
    # changes are numbered (round NULL: the statement's current round).
    db.executescript(
        """
        ALTER TABLE statements ADD COLUMN round INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE position_changes ADD COLUMN round INTEGER;
        CREATE TABLE position_rounds (
            statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
            round INTEGER NOT NULL,
            participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
            value INTEGER,
            PRIMARY KEY (statement_id, round, participant_id)
        );
        """
    )


@migrations()
def m006_statement_texts(db):
    # The statement in other languages: JSON {"en": "...", "sv-x-lattlast": "..."};
    # NULL: Swedish (or the workshop's language) only. One distribution whatever a phone reads.
    db.execute("ALTER TABLE statements ADD COLUMN texts TEXT")


@migrations()
def m007_replay_round(db):
    # The round a replay plays ("Fråga igen": each round has its own replay).
    # NULL (a replay saved before rounds could be chosen): the current round.
    db.execute("ALTER TABLE barometer_replays ADD COLUMN round INTEGER")


@migrations()
def m008_floor_times(db):
    """Speaking time and small groups protected (docs/protocol.md, Ordet).

    floor_turns already keep started_at/ended_at (since/until). Added: the
    limit per turn (0 = none), and on each turn and comment from a phone
    whether its region held fewer than the workshop's min_group when it was
    given/written: kept with the row, so the appendix never changes later."""
    db.executescript(
        """
        ALTER TABLE barometer_settings ADD COLUMN turn_seconds INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE floor_turns ADD COLUMN protected INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE phone_comments ADD COLUMN protected INTEGER NOT NULL DEFAULT 0;
        """
    )


@migrations()
def m009_minutes(db):
    # The minutes ("protokollsanteckning") of each statement, every saved version kept.
    create_tables(db, "statement_minutes", "statements")
