"""The servers under test, each a child process on 127.0.0.1 and a free port.

A starter is a function `(tmp dir) -> (server, info)`: `server` has `url`,
`pid`, `start(timeout)`, `stop()` and `kill9()`; `info` holds what the phones
and the projector join with: {"code", "workshop", "key", "statement"}.
"""

from __future__ import annotations

import json
import os
import secrets
import sys
import urllib.request
from pathlib import Path

from bench.proc import HOST, ROOT, ChildProcess, answers_healthz, free_port

BENCH = ROOT / "bench"


class ServerProc(ChildProcess):
    """A server child process on 127.0.0.1:port, ready when GET /healthz answers; restartable on the same port."""

    def __init__(self, name: str, argv: list[str], env: dict | None, port: int, log_path: Path):
        self.port, self.url = port, f"http://{HOST}:{port}"
        super().__init__(name, argv, env, log_path, answers_healthz(self.url), raise_limits=True)


def api(url: str, method: str, path: str, token: str, body=None) -> dict:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(
        url + path,
        data=data,
        method=method,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read() or b"null")


def start_ours(tmp: Path, env: dict | None = None) -> tuple[ServerProc, dict]:
    """app.py on gevent with its own data dir, a workshop and one open statement.

    `env`: more settings for the server (bench_cluster.py gives WORKSHOP_REDIS_URL).
    """
    data_dir = tmp / "ours-data"
    data_dir.mkdir(parents=True)
    port, admin = free_port(), secrets.token_urlsafe(16)
    env = {
        **os.environ,
        "WORKSHOP_HOST": HOST,
        "WORKSHOP_PORT": str(port),
        "WORKSHOP_DATA_DIR": str(data_dir),
        "WORKSHOP_ADMIN_TOKEN": admin,
        "WORKSHOP_PUBLIC_URL": f"http://{HOST}:{port}",
        "WORKSHOP_ASYNC_MODE": "gevent",
        "PYTHONUNBUFFERED": "1",
        **(env or {}),
    }
    server = ServerProc("ours", [sys.executable, str(ROOT / "app.py")], env, port, tmp / "ours.log")
    server.start()
    w = api(server.url, "POST", "/api/workshops", admin, {"title": "Bench scale", "language": "en"})
    key = w["facilitator_key"]
    s = api(server.url, "POST", f"/api/workshops/{w['id']}/statements", key, {"text": "Bench scale"})
    api(server.url, "POST", f"/api/workshops/{w['id']}/statements/{s['id']}/open", key)
    if s.get("hidden"):
        api(server.url, "POST", f"/api/workshops/{w['id']}/statements/{s['id']}/reveal", key)
    return server, {"code": w["code"], "workshop": w["id"], "key": w["projector_key"], "statement": s["id"]}


def start_bare(tmp: Path) -> tuple[ServerProc, dict]:
    """bench/bare_server.py with a made-up code, workshop, key and statement."""
    port = free_port()
    info = {
        "code": f"{secrets.randbelow(900000) + 100000}",
        "workshop": secrets.token_urlsafe(9),
        "key": secrets.token_urlsafe(16),
        "statement": 1,
    }
    argv = [
        sys.executable,
        str(BENCH / "bare_server.py"),
        f"--port={port}",
        f"--code={info['code']}",
        f"--workshop={info['workshop']}",
        f"--key={info['key']}",
        f"--statement={info['statement']}",
    ]
    server = ServerProc("bare", argv, {**os.environ, "PYTHONUNBUFFERED": "1"}, port, tmp / "bare.log")
    server.start()
    return server, info


STARTERS = {"ours": start_ours, "bare": start_bare}
