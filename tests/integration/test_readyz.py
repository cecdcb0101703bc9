"""/readyz over the real server: not ready while the database file cannot be
written or Redis is stopped, ready again afterwards."""

from __future__ import annotations

import subprocess
import time

import requests

from bench.live_server import LiveServer
from bench.redis_server import RedisServer


def _status(server, expect: int, timeout: float = 10.0) -> dict:
    """Wait until /readyz answers `expect`; its body."""
    deadline = time.monotonic() + timeout
    while True:
        response = requests.get(f"{server.url}/readyz", timeout=5)
        if response.status_code == expect or time.monotonic() > deadline:
            assert response.status_code == expect, response.text
            return response.json()
        time.sleep(0.1)


def _immutable(path, on: bool) -> None:
    # Root writes through any mode bits; the immutable attribute stops root
    # too, as a read-only mount would.
    subprocess.run(["chattr", "+i" if on else "-i", str(path)], check=True)


def test_not_ready_while_the_database_is_read_only(live):
    assert _status(live, 200)["checks"]["database"] == "ok"
    database = live.data_dir / "workshop.db"
    _immutable(database, True)
    try:
        assert _status(live, 503)["checks"]["database"] == "not writable"
        assert requests.get(f"{live.url}/healthz", timeout=5).status_code == 200  # up, not ready
    finally:
        _immutable(database, False)
    assert _status(live, 200)["ready"] is True


def test_not_ready_while_redis_is_stopped(tmp_path):
    redis_server = RedisServer(tmp_path / "redis").start()
    server = LiveServer(tmp_path / "data", env={"WORKSHOP_REDIS_URL": redis_server.url}).start()
    try:
        assert _status(server, 200)["checks"]["redis"] == "ok"
        redis_server.stop()
        assert _status(server, 503)["checks"]["redis"] == "unreachable"
        redis_server.start()  # the same port
        assert _status(server, 200)["checks"] == {"database": "ok", "redis": "ok", "shutting_down": False}
    finally:
        server.stop()
        redis_server.stop()
