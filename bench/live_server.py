"""The real server as a child process (`python app.py`), for integration and
browser tests and the small benchmarks: a free port, its own data dir,
killable and restartable on the same data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import requests

from bench.proc import HOST, ROOT, ChildProcess, answers_healthz, free_port


class LiveServer:
    def __init__(
        self,
        data_dir: Path,
        async_mode: str = "gevent",
        admin_token: str = "live-admin",
        env: dict | None = None,
        app: Path | None = None,
    ):
        self.data_dir = data_dir
        self.app = app or ROOT / "app.py"  # another tree's app.py: a benchmark's "before"
        self.env = env or {}  # more WORKSHOP_* settings, e.g. WORKSHOP_REDIS_URL
        self.async_mode = async_mode
        self.admin_token = admin_token
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.log_path = data_dir / f"server-{self.port}.log"
        self.child: ChildProcess | None = None

    @property
    def proc(self):
        """The running child's subprocess.Popen (its pid, to signal it)."""
        return self.child.proc if self.child else None

    def start(self, timeout: float = 20.0) -> LiveServer:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        env = {
            **os.environ,
            "WORKSHOP_HOST": HOST,
            "WORKSHOP_PORT": str(self.port),
            "WORKSHOP_DATA_DIR": str(self.data_dir),
            "WORKSHOP_ADMIN_TOKEN": self.admin_token,
            "WORKSHOP_PUBLIC_URL": self.url,
            "WORKSHOP_ASYNC_MODE": self.async_mode,
            "PYTHONUNBUFFERED": "1",
            **self.env,
        }
        argv = [sys.executable, str(self.app)]
        self.child = ChildProcess("server", argv, env, self.log_path, answers_healthz(self.url))
        self.child.start(timeout)
        return self

    def kill9(self) -> None:
        """SIGKILL: no clean shutdown, nothing flushed by us."""
        if self.child:
            self.child.kill9()

    def stop(self) -> None:
        if self.child:
            self.child.stop()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    # -- the HTTP API, as an outside tool uses it --------------------------
    def api(self, method: str, path: str, token: str | None = None, json=None, expect: int | None = None):
        headers = {"Authorization": f"Bearer {token or self.admin_token}"}
        response = requests.request(method, self.url + path, headers=headers, json=json, timeout=10)
        if expect is not None:
            assert response.status_code == expect, (response.status_code, response.text)
        return response.json() if response.content else None

    def new_workshop(self, title: str = "Inspirationsdag", **fields) -> dict:
        return self.api("POST", "/api/workshops", json={"title": title, **fields}, expect=201)

    def open_statement(self, workshop: dict, text: str) -> dict:
        """A new statement in the workshop, open for answers."""
        key, base = workshop["facilitator_key"], f"/api/workshops/{workshop['id']}/statements"
        statement = self.api("POST", base, key, {"text": text}, expect=201)
        self.api("POST", f"{base}/{statement['id']}/open", key, expect=200)
        return statement

    def answer(self, code: str, statement: int, *values) -> None:
        """One phone per value joins by code, places its position (acked) and leaves."""
        import socketio

        for value in values:
            phone = socketio.Client(reconnection=False)
            phone.connect(self.url, auth={"code": code}, transports=["websocket"])
            assert phone.call("position", {"statement": statement, "value": value}, timeout=5)["ok"]
            phone.disconnect()
