"""The real server process, driven by python-socketio clients over websockets."""

from __future__ import annotations

import threading
import time

import pytest
import socketio as socketio_client

from bench.live_server import LiveServer


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/integration" in str(item.fspath):
            item.add_marker(pytest.mark.server)


@pytest.fixture
def live(tmp_path):
    server = LiveServer(tmp_path / "data").start()
    yield server
    server.stop()


def eventually(condition, timeout: float = 5.0) -> bool:
    """Polls `condition()` until it is true or `timeout` seconds pass: for what
    another client's emit or a background flush brings, never a fixed sleep."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


class Phone:
    """A participant's phone: a real Socket.IO client that remembers its token."""

    def __init__(self, url: str, code: str, token: str | None = None):
        self.url, self.code, self.token = url, code, token
        self.states: list[dict] = []
        self.welcomed = threading.Event()
        self.client = socketio_client.Client(reconnection=False)
        self.client.on("welcome", self._welcome)
        self.client.on("state", self.states.append)

    def _welcome(self, data):
        self.token = data["participant"]
        self.welcomed.set()

    def connect(self) -> Phone:
        auth = {"code": self.code, **({"participant": self.token} if self.token else {})}
        self.client.connect(self.url, auth=auth, transports=["websocket"], wait_timeout=10)
        assert self.welcomed.wait(5)
        return self

    def move(self, statement: int, value):
        return self.client.call("position", {"statement": statement, "value": value}, timeout=5)

    def close(self):
        if self.client.connected:
            self.client.disconnect()


@pytest.fixture
def phones():
    made = []

    def make(url, code, token=None):
        phone = Phone(url, code, token).connect()
        made.append(phone)
        return phone

    yield make
    for phone in made:
        phone.close()
