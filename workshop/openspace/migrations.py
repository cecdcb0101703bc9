"""Open Space's schema: settings, rooms, slots, topics, notes (set "openspace").

Append new migrations; never edit old ones. IF NOT EXISTS in the first one:
see workshop/storage/migrations.py.
"""

from sqlite_utils import Migrations

migrations = Migrations("openspace")


@migrations()
def m001_tables(db):
    db.executescript(
        """
        CREATE TABLE IF NOT EXISTS openspace_settings (
            workshop_id TEXT PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
            theme TEXT,
            allow_claims INTEGER NOT NULL DEFAULT 0,
            dots INTEGER NOT NULL DEFAULT 0,
            break_until TEXT,
            break_label TEXT NOT NULL DEFAULT 'Fika'
        );
        CREATE TABLE IF NOT EXISTS spaces (
            id INTEGER PRIMARY KEY,
            workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            capacity INTEGER,
            created_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS spaces_workshop ON spaces(workshop_id, id);
        CREATE TABLE IF NOT EXISTS slots (
            id INTEGER PRIMARY KEY,
            workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            label TEXT NOT NULL,
            starts_at TEXT NOT NULL,
            minutes INTEGER NOT NULL,
            kind TEXT NOT NULL DEFAULT 'session' CHECK (kind IN ('session', 'break')),
            created_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS slots_workshop ON slots(workshop_id, starts_at);
        CREATE TABLE IF NOT EXISTS topics (
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
        CREATE INDEX IF NOT EXISTS topics_workshop ON topics(workshop_id, id);
        -- The database itself refuses double booking: one live topic per cell.
        CREATE UNIQUE INDEX IF NOT EXISTS topics_one_per_cell ON topics(workshop_id, space_id, slot_id)
            WHERE space_id IS NOT NULL AND slot_id IS NOT NULL
            AND merged_into IS NULL AND hidden = 0;
        CREATE TABLE IF NOT EXISTS topic_interest (
            topic_id INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
            participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            PRIMARY KEY (topic_id, participant_id)
        );
        CREATE TABLE IF NOT EXISTS topic_votes (
            topic_id INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
            participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            PRIMARY KEY (topic_id, participant_id)
        );
        CREATE INDEX IF NOT EXISTS topic_votes_participant ON topic_votes(participant_id);
        -- Law of two feet: the primary key makes "here" one topic per person.
        CREATE TABLE IF NOT EXISTS topic_presence (
            participant_id INTEGER PRIMARY KEY REFERENCES participants(id) ON DELETE CASCADE,
            topic_id INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
            since TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS topic_presence_topic ON topic_presence(topic_id);
        -- Append-only report entries; version guards edits of one's own entry.
        CREATE TABLE IF NOT EXISTS topic_notes (
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
        CREATE INDEX IF NOT EXISTS topic_notes_topic ON topic_notes(topic_id, id);
        """
    )
