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
def m005_ended_at(db):
    # When the workshop ended (phase "ended"), for retention
    # (WORKSHOP_RETENTION_DAYS). Workshops that had ended before this column
    # existed count from the upgrade: none is deleted sooner than promised.
    db.execute("ALTER TABLE workshops ADD COLUMN ended_at TEXT")
    db.execute("UPDATE workshops SET ended_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE phase = 'ended'")


@migrations()
def m006_staff(db):
    # Staff sessions (a cookie's token, hashed), invites with a role (their
    # secret, hashed) and projectors waiting to be paired by a code.
    db.executescript(
        """
        CREATE TABLE IF NOT EXISTS staff_invites (
            id TEXT PRIMARY KEY,
            workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            role TEXT NOT NULL,
            name TEXT NOT NULL DEFAULT '',
            secret_hash TEXT NOT NULL UNIQUE,
            once INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            used_at TEXT,
            revoked_at TEXT
        );
        CREATE TABLE IF NOT EXISTS staff_sessions (
            id TEXT PRIMARY KEY,
            token_hash TEXT NOT NULL UNIQUE,
            csrf TEXT NOT NULL,
            workshop_id TEXT REFERENCES workshops(id) ON DELETE CASCADE,
            role TEXT NOT NULL,
            name TEXT NOT NULL DEFAULT '',
            invite_id TEXT REFERENCES staff_invites(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            revoked_at TEXT
        );
        CREATE INDEX IF NOT EXISTS staff_sessions_workshop ON staff_sessions (workshop_id);
        CREATE TABLE IF NOT EXISTS projector_pairings (
            id TEXT PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            token_hash TEXT NOT NULL UNIQUE,
            workshop_id TEXT REFERENCES workshops(id) ON DELETE CASCADE,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL
        );
        """
    )


@migrations()
def m007_templates_series(db):
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


@migrations()
def m008_projector_languages(db):
    # The projector in two languages: JSON ["sv", "en"]; NULL: the workshop's language alone.
    db.execute("ALTER TABLE workshops ADD COLUMN projector_languages TEXT")


@migrations()
def m009_min_group(db):
    # Small groups protected: fewer than this many in a region and no label
    # points at them (workshop/domain/small_groups.py).
    db.execute("ALTER TABLE workshops ADD COLUMN min_group INTEGER NOT NULL DEFAULT 3")


@migrations()
def m010_appendix_versions(db):
    # Justering: each finalised version of a workshop's appendix (its
    # canonical JSON and that text's SHA-256, docs/protocol.md), and the
    # adjusters' approvals of a version. The latest version with
    # reopened_at NULL freezes the workshop (StoreBase.transaction);
    # an adjuster's change request sets reopened_at and its comment.
    db.executescript(
        """
        CREATE TABLE IF NOT EXISTS appendix_versions (
            workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            version INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            canonical TEXT NOT NULL,
            finalised_at TEXT NOT NULL,
            reopened_at TEXT,
            change_request TEXT,
            PRIMARY KEY (workshop_id, version)
        );
        CREATE TABLE IF NOT EXISTS appendix_approvals (
            workshop_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            invite_id TEXT NOT NULL REFERENCES staff_invites(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            approved_at TEXT NOT NULL,
            PRIMARY KEY (workshop_id, version, invite_id),
            FOREIGN KEY (workshop_id, version) REFERENCES appendix_versions(workshop_id, version)
                ON DELETE CASCADE
        );
        """
    )


@migrations()
def m011_decisions(db):
    # Decisions and next steps ("Beslut och nästa steg"): the workshop's list,
    # in the order written; `who` and `by_when` free text (a name, "v. 12").
    db.executescript(
        """
        CREATE TABLE IF NOT EXISTS decisions (
            id INTEGER PRIMARY KEY,
            workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            who TEXT,
            by_when TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS decisions_workshop ON decisions (workshop_id, id);
        """
    )


@migrations()
def m012_participant_language(db):
    # The language a phone reads statements and questions in (its "Språk"
    # choice, docs/protocol.md): its `state` carries their text in it; NULL
    # until the phone says (the workshop's language).
    db.execute("ALTER TABLE participants ADD COLUMN language TEXT")
