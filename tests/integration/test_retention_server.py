"""The server sweeps at start (then hourly): an old ended workshop goes, with
its archive written first; a young one stays; the deletion is in the log."""

from __future__ import annotations

from bench.live_server import LiveServer
from tests.integration.conftest import eventually
from tests.registry import open_store


def test_the_server_deletes_old_ended_workshops_at_start(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    store = open_store(data / "workshop.db")
    old = store.create_workshop("Gammal", "sv")["id"]
    young = store.create_workshop("Ung", "sv")["id"]
    for w in (old, young):
        store.set_phase(w, "ended")
    with store.transaction() as db:
        db.execute("UPDATE workshops SET ended_at = '2020-01-01T00:00:00.000+00:00' WHERE id = ?", [old])
    store.close()
    archive = tmp_path / "archive"
    env = {"WORKSHOP_RETENTION_DAYS": "30", "WORKSHOP_ARCHIVE_DIR": str(archive)}
    server = LiveServer(data, env=env).start()
    try:
        assert eventually(lambda: f"retention: deleted workshop {old}" in server.log(), timeout=20)
        listed = {w["id"] for w in server.api("GET", "/api/workshops")["workshops"]}
        assert listed == {young}
        assert sorted(p.suffix for p in archive.iterdir()) == [".json", ".pdf"]
        assert "Traceback" not in server.log()
    finally:
        server.stop()
