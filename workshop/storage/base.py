"""The one SQLite connection and its discipline.

One long-lived connection per process, WAL, short transactions. Writes go
through ``transaction()`` (BEGIN IMMEDIATE ... COMMIT) and only return once
committed, so an ack sent after a store call means the data is on disk.
synchronous=NORMAL in WAL mode survives a killed process (the acceptance
test kills the server with SIGKILL); only a power cut can lose the last
commits, which we trade for phones that stay fast.

The lock serialises use of the connection across threads (exports build
their snapshot here and render elsewhere; tests run in threading mode).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from workshop.config import tighten
from workshop.domain.errors import N_, Conflict

# Said to whoever writes to a workshop whose appendix is finalised (justering).
FINALISED = N_("The appendix is finalised")
# The latest version not reopened by a change request freezes its workshop.
FROZEN_SQL = "SELECT 1 FROM appendix_versions WHERE workshop_id = ? AND reopened_at IS NULL LIMIT 1"

# The database holds every key and participant token: owner-only.
PRIVATE = 0o600


def private_database(path: str) -> None:
    """Create the database file 0600 before SQLite opens it, and tighten an
    existing one with its -wal and -shm. SQLite gives the -wal and -shm it
    creates the database file's mode, so those are 0600 from the start."""
    if path == ":memory:" or path.startswith("file:"):
        return
    os.close(os.open(path, os.O_RDWR | os.O_CREAT, PRIVATE))
    for name in (path, path + "-wal", path + "-shm"):
        if os.path.exists(name):
            tighten(name, PRIVATE)


def utcnow() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class StoreBase:
    # SELECTs run through _rows/_scalar since start (/metrics): what a request
    # costs the database can be seen from outside the process.
    reads = 0

    migration_sets: tuple = ()  # set by storage.store_class: the core's, then each method's

    def __init__(self, path: str | Path):
        self.path = str(path)
        private_database(self.path)
        conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self.db = sqlite_utils.Database(conn)
        self._lock = threading.RLock()
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = NORMAL")
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.execute("PRAGMA busy_timeout = 5000")
        with self._lock:
            for migrations in self.migration_sets:
                migrations.apply(self.db)

    def close(self) -> None:
        with self._lock:
            self.db.conn.close()

    @contextmanager
    def transaction(self, workshop_id: str | None = None):
        """BEGIN IMMEDIATE .. COMMIT; rolls back on any error, changing nothing.

        ``workshop_id``: the transaction writes that workshop's content, so
        it is refused (Conflict, 409 "Bilagan är slutförd") while the
        workshop's appendix is finalised. The check runs inside the
        transaction, so no write can slip in beside a finalise. Every
        workshop-scoped write passes its id here (tests/storage/
        test_frozen_guard.py lists the few that may not: staff, templates)."""
        with self._lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                if workshop_id is not None:
                    self.check_not_finalised(workshop_id)
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")

    def check_not_finalised(self, workshop_id: str) -> None:
        """Conflict while the workshop's appendix is finalised (see transaction)."""
        if self.db.execute(FROZEN_SQL, [workshop_id]).fetchone() is not None:
            raise Conflict(FINALISED)

    def writable(self) -> bool:
        """Can the database be written now (for /readyz)? Two checks:
        the file opens read-write for a newcomer (an open file stays writable
        for us after a chmod, a read-only remount or `chattr +i`, while the
        next process or a backup would fail; SQLite itself would reuse our
        own descriptor, so this asks the OS directly), and our connection
        commits a write (the disk is not full, the WAL can grow)."""
        try:
            os.close(os.open(self.path, os.O_RDWR))
            with self.transaction() as db:
                db.execute("INSERT OR REPLACE INTO readiness (id, checked_at) VALUES (1, ?)", [utcnow()])
        except (OSError, sqlite3.Error):
            return False
        return True

    def data_version(self) -> int:
        """Changes whenever another connection (another process, a script)
        commits to the database; never for this connection's own commits."""
        return self._scalar("PRAGMA data_version")

    def _rows(self, sql: str, params=()) -> list[dict]:
        # Not sqlite-utils' query(): it wraps every SELECT in a SAVEPOINT and
        # its RELEASE, which made a read twice as slow (a phone's connect does
        # four). Our reads are SELECTs, with distinct column names.
        with self._lock:
            self.reads += 1
            cursor = self.db.execute(sql, params)
            keys = [column[0] for column in cursor.description]
            if len(set(keys)) != len(keys):  # a join's two "id"s would silently become one
                raise ValueError(f"alias the duplicate column names of: {sql}")
            return [dict(zip(keys, row)) for row in cursor]

    def _row(self, sql: str, params=()) -> dict | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    def _scalar(self, sql: str, params=()):
        with self._lock:
            self.reads += 1
            row = self.db.execute(sql, params).fetchone()
        return row[0] if row else None
