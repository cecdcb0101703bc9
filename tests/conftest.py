"""Shared fixtures: an app on a fresh data dir (threading mode, so the Flask
test client and SocketIOTestClient drive it in-process), its store, and a
workshop made through the real API."""

from __future__ import annotations

import time

import pytest

from workshop import create_app
from workshop.config import Settings

ADMIN = "test-admin-token"


@pytest.fixture
def settings(tmp_path):
    return Settings(
        data_dir=tmp_path / "data",
        admin_token=ADMIN,
        public_url="http://workshop.test:5000",
        async_mode="threading",
        coalesce_seconds=0.02,
    )


@pytest.fixture
def app(settings):
    app = create_app(settings)
    app.config["TESTING"] = True
    yield app
    app.extensions["workshop.hub"].close()
    time.sleep(settings.coalesce_seconds * 2)  # let a pending flush see it
    app.extensions["workshop.store"].close()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def store(app):
    return app.extensions["workshop.store"]


@pytest.fixture
def socketio(app):
    return app.extensions["socketio"]


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def admin():
    return bearer(ADMIN)


@pytest.fixture
def workshop(client, admin):
    """A workshop created through POST /api/workshops; the 201 body."""
    response = client.post("/api/workshops", json={"title": "Inspirationsdag Värmland"}, headers=admin)
    assert response.status_code == 201
    return response.get_json()


@pytest.fixture
def fac(workshop):
    """Authorization headers of the workshop's facilitator."""
    return bearer(workshop["facilitator_key"])


@pytest.fixture
def api(client, workshop, fac):
    """Call the workshop's API as its facilitator; asserts success."""

    def call(method, path, json=None):
        r = client.open(f"/api/workshops/{workshop['id']}{path}", method=method, json=json, headers=fac)
        assert r.status_code < 300, r.get_json()
        return r.get_json()

    return call


def ok(test_client, event, data):
    """Emit a participant event and assert it was acked ok."""
    ack = test_client.emit(event, data, callback=True)
    assert ack["ok"], ack
    return ack


@pytest.fixture
def phone(app, socketio, workshop):
    """Factory: a participant's SocketIOTestClient joined by code."""
    made = []

    def join(token=None, code=None):
        auth = {"code": code or workshop["code"]}
        if token:
            auth["participant"] = token
        c = socketio.test_client(app, auth=auth)
        made.append(c)
        return c

    yield join
    for c in made:
        if c.is_connected():
            c.disconnect()


def _staff(app, socketio, workshop, key: str):
    c = socketio.test_client(app, auth={"workshop": workshop["id"], "key": workshop[key]})
    yield c
    if c.is_connected():
        c.disconnect()


@pytest.fixture
def projector(app, socketio, workshop):
    yield from _staff(app, socketio, workshop, "projector_key")


@pytest.fixture
def facilitator(app, socketio, workshop):
    """The facilitator console's socket."""
    yield from _staff(app, socketio, workshop, "facilitator_key")


def events(client, name: str) -> list:
    """The payloads of every `name` event the test client received so far."""
    return [e["args"][0] for e in client.get_received() if e["name"] == name]


def wait_for(client, name: str, predicate=lambda payload: True, timeout: float = 2.0):
    """Poll a SocketIOTestClient until an event matching predicate arrives
    (coalesced events come from a background task, a window later)."""
    deadline = time.monotonic() + timeout
    seen = []
    while time.monotonic() < deadline:
        for payload in events(client, name):
            seen.append(payload)
            if predicate(payload):
                return payload
        time.sleep(0.01)
    raise AssertionError(f"no matching {name!r} event within {timeout}s; saw {seen!r}")
