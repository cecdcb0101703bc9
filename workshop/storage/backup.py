"""Backups that restore: SQLite's online backup API, while the server runs.

``backup`` copies the database through a read transaction of its own: one
consistent snapshot (everything committed before it began, nothing after),
while the server keeps writing to the WAL. The copy is checked
(``PRAGMA integrity_check``) before it is given its final name, so a
half-written file never looks like a backup, and only the newest ``keep``
are kept.

``restore`` checks a backup's integrity and that it is this app's database
before it replaces anything; the database it replaces is kept beside it
(``workshop.db.before-restore-<time>``), copied the same consistent way, WAL
included. Stop the server first: a running server keeps its own connection
to the file it opened.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

PREFIX, SUFFIX = "workshop-", ".db"
PRIVATE = 0o600


class BackupError(Exception):
    """A backup or restore that was refused; nothing was changed."""


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def _copy(source: Path, target: Path) -> None:
    """A consistent copy of ``source`` (a snapshot, WAL included) at ``target``."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    os.chmod(target, PRIVATE)


def check(path: Path) -> None:
    """Raise BackupError unless ``path`` is a sound database of this app."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.Error as err:
        raise BackupError(f"{path} is not a database: {err}") from err
    if verdict != "ok":
        raise BackupError(f"{path} failed its integrity check: {verdict}")
    if not {"workshops", "participants", "_sqlite_migrations"} <= tables:
        raise BackupError(f"{path} is not a workshop database")


def backup(database: Path, directory: Path, keep: int = 14) -> Path:
    """Copy ``database`` into ``directory`` as workshop-<UTC time>.db; keep the newest ``keep``."""
    if keep < 1:
        raise BackupError("keep must be at least 1")
    if not database.exists():
        raise BackupError(f"no database at {database}")
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    final = directory / f"{PREFIX}{_stamp()}{SUFFIX}"
    partial = final.with_suffix(".partial")
    try:
        _copy(database, partial)
        check(partial)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.rename(final)
    for old in backups(directory)[:-keep]:
        old.unlink()
    return final


def backups(directory: Path) -> list[Path]:
    """The backups in ``directory``, oldest first (their names sort by time)."""
    return sorted(directory.glob(f"{PREFIX}*{SUFFIX}"))


def restore(source: Path, database: Path) -> Path | None:
    """Put the backup ``source`` in place of ``database``; returns where the
    replaced database was kept (None if there was none)."""
    check(source)
    database.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    incoming = database.with_name(database.name + ".restoring")
    _copy(source, incoming)
    check(incoming)
    kept = None
    if database.exists():
        kept = database.with_name(f"{database.name}.before-restore-{_stamp()}")
        _copy(database, kept)
    for leftover in (database.with_name(database.name + "-wal"), database.with_name(database.name + "-shm")):
        leftover.unlink(missing_ok=True)
    incoming.replace(database)
    return kept
