"""Two real server processes on one real redis-server (WORKSHOP_REDIS_URL):
phones on one, the projector on the other, a facilitator on either, and a
kill -9 in between (docs/deploy.md, workshop/live/cluster.py)."""

import threading
import time

import pytest
import socketio as socketio_client

from bench.live_server import LiveServer
from bench.redis_server import RedisServer


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """One redis-server and two processes on one database, for this module
    (each test makes its own workshop; the kill test starts its victim again)."""
    tmp_path = tmp_path_factory.mktemp("cluster")
    redis_server = RedisServer(tmp_path / "redis").start()
    env = {"WORKSHOP_REDIS_URL": redis_server.url}
    a = LiveServer(tmp_path / "data", env=env).start()
    b = LiveServer(tmp_path / "data", env=env).start()  # the same database
    yield a, b
    for server in (a, b):
        server.stop()
    redis_server.stop()


class Screen:
    """A projector: every event it gets, with the time it came."""

    def __init__(self, url: str, workshop: dict, key: str = "projector_key"):
        self.events: list[tuple[float, str, dict]] = []
        self.lock = threading.Lock()
        self.client = socketio_client.Client(reconnection=False)
        self.client.on("*", self._got)
        self.client.connect(
            url,
            auth={"workshop": workshop["id"], "key": workshop[key]},
            transports=["websocket"],
            wait_timeout=10,
        )

    def _got(self, event, data):
        with self.lock:
            self.events.append((time.monotonic(), event, data))

    def of(self, event: str) -> list[tuple[float, dict]]:
        with self.lock:
            return [(at, data) for at, name, data in self.events if name == event]

    def wait(self, event: str, test, timeout: float = 5.0, since: float = 0.0) -> float:
        """When the first `event` (after `since`) that passes `test` came."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for at, data in self.of(event):
                if at >= since and test(data):
                    return at
            time.sleep(0.005)
        raise AssertionError(f"no matching {event} in {timeout}s: {self.of(event)[-3:]}")


def _workshop(server: LiveServer, text="Vi i Värmland bör fortsätta arbetet"):
    workshop = server.new_workshop()
    return workshop, server.open_statement(workshop, text)


def _wait(condition, timeout=5.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


def test_a_move_on_one_process_reaches_the_projector_on_the_other(cluster, phones):
    a, b = cluster
    w, s = _workshop(a)
    screen = Screen(b.url, w)
    try:
        phone = phones(a.url, w["code"])
        screen.wait("presence", lambda p: p["online"] == 1)  # counted across processes
        for value in (42, 17, 88):
            sent = time.monotonic()
            assert phone.move(s["id"], value)["ok"]
            seen = screen.wait("distribution", lambda d, v=value: d["values"] == [v], since=sent)
            assert seen - sent < 0.25, f"projector behind by {seen - sent:.3f}s"
    finally:
        screen.client.disconnect()


def test_one_distribution_per_window_with_phones_on_both_processes(cluster, phones):
    a, b = cluster
    w, s = _workshop(a)
    screen = Screen(b.url, w)
    crowd = [phones(server.url, w["code"]) for server in (a, b, a, b)]
    try:
        start = time.monotonic()
        stop = start + 2.0
        value = 0
        while time.monotonic() < stop:  # every phone moves ~20 times a second
            for phone in crowd:
                value = (value + 7) % 101
                assert phone.move(s["id"], value)["ok"]
            time.sleep(0.03)
        time.sleep(0.3)
        during = [at for at, _ in screen.of("distribution") if at >= start]
        # One window is 100 ms: about 20 windows (plus the last one's tail),
        # where one flusher per process would give about twice as many, half
        # of them in pairs. Times are when the screen received them, so on a
        # loaded machine a few may arrive bunched (or windows pass without a
        # move): the bounds leave room for that, not for a second flusher.
        assert 5 <= len(during) <= 25, len(during)
        gaps = [later - earlier for earlier, later in zip(during, during[1:])]
        assert sum(gap < 0.05 for gap in gaps) <= 4, gaps
    finally:
        screen.client.disconnect()


def test_a_statement_opened_through_one_process_reaches_the_phones_on_the_other(cluster, phones):
    a, b = cluster
    w, first = _workshop(a)
    phone = phones(a.url, w["code"])
    second = b.open_statement(w, "Mer fika åt folket")  # also closes the first
    assert _wait(lambda: phone.states and (phone.states[-1]["statement"] or {}).get("id") == second["id"]), (
        phone.states[-1:]
    )
    assert phone.states[-1]["statement"]["text"] == "Mer fika åt folket"
    assert phone.move(second["id"], 60)["ok"]


def test_kill_9_of_one_process_loses_no_acked_move_and_its_phones_resume_on_the_other(cluster, phones):
    a, b = cluster
    w, s = _workshop(a)
    screen = Screen(b.url, w)
    try:
        crowd = [phones(a.url, w["code"]) for _ in range(5)]
        expected = {}
        for i, phone in enumerate(crowd):
            for value in (i * 10, i * 10 + 3, i * 10 + 7):
                assert phone.move(s["id"], value)["ok"]
            expected[phone.token] = i * 10 + 7
        screen.wait("presence", lambda p: p["online"] == 5)
        killed = time.monotonic()
        a.kill9()
        for phone in crowd:
            phone.close()
        # The killed process's phones drop out of the count within a few seconds.
        screen.wait("presence", lambda p: p["online"] == 0, timeout=6, since=killed)
        dist = b.api(
            "GET", f"/api/workshops/{w['id']}/statements/{s['id']}/distribution", w["facilitator_key"]
        )
        assert sorted(dist["values"]) == sorted(expected.values())
        for phone in crowd:  # each reconnects with its token, to the other process
            again = phones(b.url, w["code"], token=phone.token)
            assert _wait(lambda again=again: again.states)
            assert again.token == phone.token
            assert again.states[-1]["position"] == expected[phone.token]
        screen.wait("presence", lambda p: p["online"] == 5 and p["joined"] == 5)
    finally:
        screen.client.disconnect()
        a.start()
