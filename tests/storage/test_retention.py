"""Retention on a real database: exactly the workshops ended long enough ago
are deleted (with everything of theirs), archived first when asked, each
deletion logged; the command line does the same."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

from tests.registry import open_store
from workshop import retention

NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)
ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]


def ended(store, title: str, days_ago: float | None, phones: list | None = None) -> str:
    """A workshop that ended ``days_ago`` days before NOW (None: still running);
    a phone joined it first when ``phones`` (a list the phone is added to)."""
    w = store.create_workshop(title, "sv")
    if phones is not None:
        phones.append(store.add_participant(w["id"]))
    if days_ago is not None:
        store.set_phase(w["id"], "ended")
        when = (NOW - timedelta(days=days_ago)).isoformat(timespec="milliseconds")
        with store.transaction() as db:  # as if it had ended then
            db.execute("UPDATE workshops SET ended_at = ? WHERE id = ?", [when, w["id"]])
    return w["id"]


def ids(store) -> set[str]:
    return {w["id"] for w in store.list_workshops()}


def test_ending_records_when_and_opening_again_clears_it(tmp_path):
    store = open_store(tmp_path / "w.db")
    w = store.create_workshop("Dag", "sv")
    assert store.workshop(w["id"])["ended_at"] is None
    store.set_phase(w["id"], "ended")
    first = store.workshop(w["id"])["ended_at"]
    assert first is not None
    store.set_phase(w["id"], "ended")  # ended again: still counts from the first time
    assert store.workshop(w["id"])["ended_at"] == first
    store.set_phase(w["id"], "lobby")
    assert store.workshop(w["id"])["ended_at"] is None


def test_deletes_exactly_the_old_enough(tmp_path, caplog):
    store = open_store(tmp_path / "w.db")
    phones = []
    old = ended(store, "Gammal", 31, phones)
    just = ended(store, "Precis", 30)
    young = ended(store, "Ung", 29.9)
    running = ended(store, "Pågår", None)
    assert store.participant_count(old) == len(phones) == 1
    caplog.set_level(logging.INFO, logger="workshop.retention")

    deleted = retention.sweep(store, 30, NOW)

    assert sorted(deleted) == sorted([old, just])
    assert ids(store) == {young, running}
    assert store.participant_count(old) == 0  # its rows went with it
    logged = [r.getMessage() for r in caplog.records if r.name == "workshop.retention"]
    assert len(logged) == 2 and all("retention: deleted workshop" in m for m in logged)
    assert not any("Gammal" in m for m in logged)  # ids, never titles
    assert retention.sweep(store, 30, NOW) == []  # nothing left to do
    assert retention.sweep(store, None, NOW + timedelta(days=10_000)) == []  # off: nothing is due


def test_archives_json_and_pdf_before_deleting(tmp_path):
    store = open_store(tmp_path / "w.db")
    old = ended(store, "Inspirationsdag", 40)
    archive = tmp_path / "archive"

    assert retention.sweep(store, 30, NOW, archive_dir=archive) == [old]

    files = sorted(p.name for p in archive.iterdir())
    assert [f.rsplit(".", 1)[1] for f in files] == ["json", "pdf"]
    assert all(f.startswith(old + "-bilaga-inspirationsdag") for f in files)
    assert json.loads((archive / files[0]).read_text())["workshop"]["title"] == "Inspirationsdag"
    assert (archive / files[1]).read_bytes().startswith(b"%PDF")
    assert oct(archive.stat().st_mode & 0o777) == "0o700"
    assert all(oct(p.stat().st_mode & 0o777) == "0o600" for p in archive.iterdir())


def test_a_failed_archive_keeps_the_workshop(tmp_path):
    store = open_store(tmp_path / "w.db")
    old = ended(store, "Gammal", 40)
    blocked = tmp_path / "not-a-dir"
    blocked.write_text("a file where the archive dir should be")

    assert retention.sweep(store, 30, NOW, archive_dir=blocked) == []
    assert ids(store) == {old}


def test_the_command_line(tmp_path):
    data = tmp_path / "data"
    store = open_store((data.mkdir() or data) / "workshop.db")
    old = ended(store, "Gammal", 10_000)  # long before today, whatever today is
    young = store.create_workshop("Ung", "sv")["id"]
    store.set_phase(young, "ended")  # ended just now
    store.close()
    env = {**os.environ, "WORKSHOP_DATA_DIR": str(data), "WORKSHOP_RETENTION_DAYS": "30"}

    def run(**more):
        return subprocess.run(
            [sys.executable, str(ROOT / "app.py"), "retention"],
            env={**env, **more},
            capture_output=True,
            text=True,
            timeout=60,
        )

    off = run(WORKSHOP_RETENTION_DAYS="")
    assert off.returncode == 0 and "not set" in off.stdout
    bad = run(WORKSHOP_RETENTION_DAYS="soon")
    assert bad.returncode != 0 and "WORKSHOP_RETENTION_DAYS" in bad.stderr and "Traceback" not in bad.stderr
    done = run()
    assert done.returncode == 0, done.stderr
    assert old in done.stdout and f"retention: deleted workshop {old}" in done.stderr
    assert ids(open_store(data / "workshop.db")) == {young}
