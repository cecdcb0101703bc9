"""Revoking staff reaches every process (issue 19, WORKSHOP_REDIS_URL): two
real server processes on one real redis-server; the staff member's socket is
on B, the facilitator revokes through A, and B closes that socket at once
(workshop/live/cluster.py: ``kicked``); the staff list asked through A
says who is online on B (the presence entries' ``staff``)."""

from __future__ import annotations

import threading
import time

import pytest
import requests
import socketio as socketio_client

from bench.live_server import LiveServer
from bench.redis_server import RedisServer
from tests.integration.conftest import eventually

COOKIE = "workshop_session"


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("cluster-revoke")
    redis_server = RedisServer(tmp_path / "redis").start()
    env = {"WORKSHOP_REDIS_URL": redis_server.url}
    a = LiveServer(tmp_path / "data", env=env).start()
    b = LiveServer(tmp_path / "data", env=env).start()  # the same database
    yield a, b
    for server in (a, b):
        server.stop()
    redis_server.stop()


class StaffSocket:
    """A staff member's socket: when it was told `revoked`, when it was closed."""

    def __init__(self, url: str, workshop_id: str, key: str | None = None, cookie: str | None = None):
        self.revoked = threading.Event()
        self.closed = threading.Event()
        self.client = socketio_client.Client(reconnection=False)
        self.client.on("revoked", lambda data=None: self.revoked.set())
        self.client.on("disconnect", lambda *reason: self.closed.set())
        auth = {"workshop": workshop_id, **({"key": key} if key else {})}
        headers = {"Cookie": f"{COOKIE}={cookie}", "Origin": url} if cookie else {}
        # A cookie rides on polling here (websocket-client would add an Origin of its own).
        transports = ["polling"] if cookie else ["websocket"]
        self.client.connect(url, auth=auth, headers=headers, transports=transports, wait_timeout=10)
        assert self.client.connected


def _invite(server: LiveServer, workshop: dict, role: str = "facilitator") -> dict:
    body = {"role": role, "name": "Anna – mobil"}
    return server.api(
        "POST", f"/api/workshops/{workshop['id']}/invites", workshop["facilitator_key"], body, 201
    )


def _revoke_through(server: LiveServer, workshop: dict, staff_id: str) -> float:
    path = f"/api/workshops/{workshop['id']}/staff/{staff_id}"
    server.api("DELETE", path, workshop["facilitator_key"], expect=204)
    return time.monotonic()


def _online_through(server: LiveServer, workshop: dict, staff_id: str) -> bool:
    listed = server.api(
        "GET", f"/api/workshops/{workshop['id']}/staff", workshop["facilitator_key"], expect=200
    )
    rows = listed["sessions"] + listed["invites"]
    return any(row["id"] == staff_id and row["online"] for row in rows)


def test_revoking_an_invite_on_a_closes_its_socket_on_b(cluster):
    a, b = cluster
    workshop = a.new_workshop("Två processer")
    invite = _invite(a, workshop)
    assert not _online_through(a, workshop, invite["id"])
    on_b = StaffSocket(b.url, workshop["id"], key=invite["secret"])
    bystander = StaffSocket(b.url, workshop["id"], key=workshop["facilitator_key"])
    # The staff list asked through A says the invite's device on B is online.
    assert eventually(lambda: _online_through(a, workshop, invite["id"]), timeout=3)
    began = _revoke_through(a, workshop, invite["id"])
    assert on_b.revoked.wait(1.0), "B's socket was not told `revoked` within 1 s"
    assert on_b.closed.wait(1.0), "B did not close the revoked socket within 1 s"
    took = time.monotonic() - began
    assert not bystander.closed.is_set() and bystander.client.connected
    print(f"revoked through A -> B's socket closed in {took * 1000:.0f} ms")
    # And refused from then on, on either process.
    with pytest.raises(socketio_client.exceptions.ConnectionError):
        StaffSocket(b.url, workshop["id"], key=invite["secret"])
    bystander.client.disconnect()


def test_revoking_a_session_on_a_closes_its_cookie_socket_on_b(cluster):
    a, b = cluster
    workshop = a.new_workshop("Två processer, en kaka")
    invite = _invite(a, workshop, "minute_taker")
    taken = requests.post(
        f"{a.url}/api/workshops/{workshop['id']}/session",
        headers={"Authorization": f"Bearer {invite['secret']}", "Origin": a.url},
        json={"name": "Sekreteraren"},
        timeout=10,
    )
    assert taken.status_code == 200, taken.text
    cookie = taken.cookies[COOKIE]
    staff = a.api("GET", f"/api/workshops/{workshop['id']}/staff", workshop["facilitator_key"], expect=200)
    session_id = next(s["id"] for s in staff["sessions"] if s["name"] == "Sekreteraren")
    on_b = StaffSocket(b.url, workshop["id"], cookie=cookie)
    _revoke_through(a, workshop, session_id)
    assert on_b.revoked.wait(1.0) and on_b.closed.wait(1.0)
