"""Fyra hörn's schema: questions, choices (current + history), comments
(set "fourcorners"). Append new migrations; never edit old ones.
"""

from sqlite_utils import Migrations

from workshop.storage.minutes import create_tables

migrations = Migrations("fourcorners")


@migrations()
def m001_questions(db):
    db.executescript(
        """
        CREATE TABLE IF NOT EXISTS fc_questions (
            id INTEGER PRIMARY KEY,
            workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            label_0 TEXT NOT NULL,
            label_1 TEXT NOT NULL,
            label_2 TEXT NOT NULL,
            label_3 TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
            created_at TEXT NOT NULL,
            opened_at TEXT,
            closed_at TEXT
        );
        CREATE INDEX IF NOT EXISTS fc_questions_workshop ON fc_questions(workshop_id, id);
        -- The database itself guarantees one open question per workshop.
        CREATE UNIQUE INDEX IF NOT EXISTS fc_questions_one_open ON fc_questions(workshop_id)
            WHERE status = 'open';
        CREATE TABLE IF NOT EXISTS fc_choices (
            question_id INTEGER NOT NULL REFERENCES fc_questions(id) ON DELETE CASCADE,
            participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
            corner INTEGER CHECK (corner BETWEEN 0 AND 3),   -- NULL = pass
            updated_at TEXT NOT NULL,
            PRIMARY KEY (question_id, participant_id)
        );
        CREATE TABLE IF NOT EXISTS fc_changes (
            id INTEGER PRIMARY KEY,
            question_id INTEGER NOT NULL REFERENCES fc_questions(id) ON DELETE CASCADE,
            participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
            corner INTEGER CHECK (corner BETWEEN 0 AND 3),
            at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS fc_changes_question ON fc_changes(question_id, id);
        CREATE TABLE IF NOT EXISTS fc_comments (
            id INTEGER PRIMARY KEY,
            question_id INTEGER NOT NULL REFERENCES fc_questions(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS fc_comments_question ON fc_comments(question_id, id);
        """
    )


@migrations()
def m002_question_texts(db):
    # The question and its corners in other languages:
    # JSON {"en": {"text", "labels": [4]}, "sv-x-lattlast": {...}}; NULL: none.
    db.execute("ALTER TABLE fc_questions ADD COLUMN texts TEXT")


@migrations()
def m003_minutes(db):
    # The minutes of each question, every saved version kept.
    create_tables(db, "fc_minutes", "fc_questions")
