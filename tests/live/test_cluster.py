"""live/cluster.py against a real redis-server: one flusher per window,
presence across processes, a dead process's phones dropping out.
(The two-process end-to-end test is tests/integration/test_cluster.py.)"""

import json
import time
from types import SimpleNamespace

import pytest

from bench.redis_server import RedisServer
from workshop.live import cluster as cluster_module
from workshop.live.cluster import Cluster
from workshop.live.hub import Connection


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    server = RedisServer(tmp_path_factory.mktemp("redis")).start()
    yield server.url
    server.stop()


class FakeHub:
    """What Cluster uses of a Hub: its phones, its window, its marks."""

    def __init__(self, *participants, workshop="w1"):
        self.window, self.each_process, self.closed = 0.1, {"me"}, False
        self.connections = {
            f"sid{p}": Connection(f"sid{p}", workshop, "participant", p) for p in participants
        }
        self.changes: list[tuple] = []

    def phones(self, workshop_id):
        return [c for c in self.connections.values() if c.workshop_id == workshop_id]

    def changed(self, workshop_id, *kinds):
        self.changes.append((workshop_id, kinds))

    def local_staff(self, workshop_id):
        return {c.staff for c in self.connections.values() if c.workshop_id == workshop_id and c.staff}


def test_one_process_flushes_each_window_and_kind(redis_url):
    a, b = Cluster(FakeHub(), redis_url), Cluster(FakeHub(), redis_url)
    assert [a.may_flush("w1", "distribution", 7), b.may_flush("w1", "distribution", 7)] == [True, False]
    assert b.may_flush("w1", "distribution", 8) and not a.may_flush("w1", "distribution", 8)
    assert a.may_flush("w1", "wall", 7) and a.may_flush("w2", "distribution", 7)
    assert (a.flushes, a.lost, b.flushes, b.lost) == (3, 1, 1, 1)


def test_kinds_sent_to_each_process_own_phones_are_flushed_by_every_process(redis_url):
    a, b = Cluster(FakeHub(), redis_url), Cluster(FakeHub(), redis_url)
    assert a.may_flush("w1", "me", 9) and b.may_flush("w1", "me", 9)


def test_online_counts_every_process_and_a_participant_once(redis_url):
    a = Cluster(FakeHub(1, 2, workshop="w3"), redis_url)
    b = Cluster(FakeHub(2, 3, 4, workshop="w3"), redis_url)
    a.write_presence("w3")
    b.write_presence("w3")
    assert a.online("w3") == b.online("w3") == 4
    b.hub.connections.clear()  # b's phones leave
    b.write_presence("w3")
    assert a.online("w3") == 2


def test_a_silent_process_drops_out(redis_url, monkeypatch):
    a = Cluster(FakeHub(1, workshop="w4"), redis_url)
    dead = Cluster(FakeHub(2, 3, workshop="w4"), redis_url)
    dead.write_presence("w4")
    assert a.online("w4") == 3
    monkeypatch.setattr(cluster_module, "_ms", lambda: int((time.time() + 4) * 1000))  # 4 s later
    assert a.online("w4") == 1
    a._drop_stale("w4")
    assert a.hub.changes == [("w4", ("presence",))]
    assert dead.id.encode() not in a.redis.hgetall("workshop:online:w4")


def _next(listener, seconds):
    """The next published message (None after `seconds`); skips the subscribe reply."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        message = listener.get_message(timeout=0.05)
        if message:
            return message
    return None


def test_only_shared_kinds_are_told_and_own_messages_are_ignored(redis_url):
    hub = FakeHub()
    hub.mark = lambda ws, *kinds: hub.changes.append((ws, kinds))
    a = Cluster(hub, redis_url)
    listener = a.redis.pubsub(ignore_subscribe_messages=True)
    listener.subscribe(cluster_module.CHANNEL)
    a.changed("w5", ("distribution", "me"))
    a.changed("w5", ("wall",))
    message = _next(listener, 2)
    assert json.loads(message["data"])["kinds"] == ["me"]
    assert _next(listener, 0.3) is None
    a._handle(message["data"])  # its own: ignored
    Cluster(SimpleNamespace(**vars(hub)), redis_url)._handle(message["data"])  # another's: marked
    assert hub.changes == [("w5", ("me",))]
