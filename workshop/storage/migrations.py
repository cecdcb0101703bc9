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


@migrations()
def m002_openspace(db):
    db.executescript(
        """
        CREATE TABLE openspace_settings (
            workshop_id TEXT PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
            theme TEXT,
            allow_claims INTEGER NOT NULL DEFAULT 0,
            dots INTEGER NOT NULL DEFAULT 0,
            break_until TEXT,
            break_label TEXT NOT NULL DEFAULT 'Fika'
        );
        CREATE TABLE spaces (
            id INTEGER PRIMARY KEY,
            workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            capacity INTEGER,
            created_at TEXT NOT NULL
        );
        CREATE INDEX spaces_workshop ON spaces(workshop_id, id);
        CREATE TABLE slots (
            id INTEGER PRIMARY KEY,
            workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            label TEXT NOT NULL,
            starts_at TEXT NOT NULL,
            minutes INTEGER NOT NULL,
            kind TEXT NOT NULL DEFAULT 'session' CHECK (kind IN ('session', 'break')),
            created_at TEXT NOT NULL
        );
        CREATE INDEX slots_workshop ON slots(workshop_id, starts_at);
        CREATE TABLE topics (
            id INTEGER PRIMARY KEY,
            workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            convener TEXT,                    -- NULL = anonymous
            proposed_by INTEGER REFERENCES participants(id) ON DELETE SET NULL,
            space_id INTEGER REFERENCES spaces(id) ON DELETE SET NULL,
            slot_id INTEGER REFERENCES slots(id) ON DELETE SET NULL,
            hidden INTEGER NOT NULL DEFAULT 0,
            merged_into INTEGER REFERENCES topics(id) ON DELETE SET NULL,
            peak INTEGER NOT NULL DEFAULT 0,  -- highest headcount seen
            created_at TEXT NOT NULL,
            CHECK ((space_id IS NULL) = (slot_id IS NULL))
        );
        CREATE INDEX topics_workshop ON topics(workshop_id, id);
        -- The database itself refuses double booking: one live topic per cell.
        CREATE UNIQUE INDEX topics_one_per_cell ON topics(workshop_id, space_id, slot_id)
            WHERE space_id IS NOT NULL AND slot_id IS NOT NULL
            AND merged_into IS NULL AND hidden = 0;
        CREATE TABLE topic_interest (
            topic_id INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
            participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            PRIMARY KEY (topic_id, participant_id)
        );
        CREATE TABLE topic_votes (
            topic_id INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
            participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            PRIMARY KEY (topic_id, participant_id)
        );
        CREATE INDEX topic_votes_participant ON topic_votes(participant_id);
        -- Law of two feet: the primary key makes "here" one topic per person.
        CREATE TABLE topic_presence (
            participant_id INTEGER PRIMARY KEY REFERENCES participants(id) ON DELETE CASCADE,
            topic_id INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
            since TEXT NOT NULL
        );
        CREATE INDEX topic_presence_topic ON topic_presence(topic_id);
        -- Append-only report entries; version guards edits of one's own entry.
        CREATE TABLE topic_notes (
            id INTEGER PRIMARY KEY,
            topic_id INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
            participant_id INTEGER REFERENCES participants(id) ON DELETE SET NULL,
            kind TEXT NOT NULL DEFAULT 'text'
                CHECK (kind IN ('text', 'key_point', 'proposal', 'question')),
            text TEXT NOT NULL,
            who TEXT,
            by_when TEXT,                      -- "when" is an SQL keyword
            version INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX topic_notes_topic ON topic_notes(topic_id, id);
        """
    )
