"""Backups (storage/backup.py): consistent while written to, checked, pruned,
and a restore that checks before it replaces anything."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from tests.registry import open_store
from workshop.storage.backup import BackupError, backup, backups, check, restore


@pytest.fixture
def database(tmp_path):
    path = tmp_path / "data" / "workshop.db"
    path.parent.mkdir()
    store = open_store(path)
    store.create_workshop("Länsträff", "sv")
    yield path
    store.close()


def _titles(path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("SELECT title FROM workshops ORDER BY created_at")]
    finally:
        conn.close()


def test_a_backup_is_a_checked_private_copy(database, tmp_path):
    made = backup(database, tmp_path / "backups")
    assert made.name.startswith("workshop-") and made.suffix == ".db"
    assert made.stat().st_mode & 0o777 == 0o600
    check(made)
    assert _titles(made) == ["Länsträff"]
    assert list((tmp_path / "backups").glob("*.partial")) == []


def test_only_the_newest_are_kept(database, tmp_path):
    made = [backup(database, tmp_path / "b", keep=2) for _ in range(4)]
    assert backups(tmp_path / "b") == made[2:]


@pytest.mark.parametrize("keep", [0, -1])
def test_keep_must_be_positive(database, tmp_path, keep):
    with pytest.raises(BackupError):
        backup(database, tmp_path / "b", keep=keep)
    assert not (tmp_path / "b").exists()


def test_no_database_no_backup(tmp_path):
    with pytest.raises(BackupError, match="no database"):
        backup(tmp_path / "none.db", tmp_path / "b")


def test_a_backup_taken_while_another_connection_writes_is_consistent(database, tmp_path):
    writer = open_store(database)
    stop = threading.Event()
    written = []

    def write():
        while not stop.is_set():
            written.append(writer.create_workshop(f"W{len(written)}", "sv")["id"])

    thread = threading.Thread(target=write)
    thread.start()
    try:
        while len(written) < 20:
            pass
        before = len(written)
        made = backup(database, tmp_path / "b")
    finally:
        stop.set()
        thread.join()
        writer.close()
    check(made)
    # Everything committed before the backup began is in it.
    assert len(_titles(made)) >= before + 1


def test_restore_puts_the_backup_in_place_and_keeps_the_one_before(database, tmp_path):
    made = backup(database, tmp_path / "b")
    store = open_store(database)
    store.create_workshop("Efter säkerhetskopian", "sv")
    store.close()
    kept = restore(made, database)
    assert _titles(database) == ["Länsträff"]
    assert _titles(kept) == ["Länsträff", "Efter säkerhetskopian"]
    assert not database.with_name("workshop.db-wal").exists()


def test_restore_refuses_what_is_not_a_workshop_database_and_changes_nothing(database, tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    before = database.read_bytes()
    for bad, words in ((junk, "not a database"), (other, "not a workshop database")):
        with pytest.raises(BackupError, match=words):
            restore(bad, database)
    assert database.read_bytes() == before
    assert list(database.parent.glob("*.before-restore-*")) == []
