"""Staff screens that take deltas (auth "deltas": true) see what a full
`distribution` shows, through many moves, a gap and a hidden statement;
screens that do not ask keep getting the full `distribution`."""

from __future__ import annotations

import time

import pytest

from tests.conftest import events
from workshop.barometer.domain_deltas import Follower


@pytest.fixture
def statement(client, workshop, fac):
    base = f"/api/workshops/{workshop['id']}/statements"
    s = client.post(base, json={"text": "Den kommande regionen är viktig"}, headers=fac).get_json()
    client.post(f"{base}/{s['id']}/open", headers=fac)
    return s


@pytest.fixture
def screen(app, socketio, workshop):
    """Factory: a staff screen that takes deltas."""
    made = []

    def connect(key="projector_key"):
        c = socketio.test_client(app, auth={"workshop": workshop["id"], "key": workshop[key], "deltas": True})
        assert c.is_connected()
        made.append(c)
        return c

    yield connect
    for c in made:
        if c.is_connected():
            c.disconnect()


class Watched:
    """A screen's received events fed to a Follower, asking for a snapshot after a gap."""

    def __init__(self, client, lose=()):
        self.client, self.follow, self.lose = client, Follower(), set(lose)
        self.kinds = []

    def pump(self):
        for e in self.client.get_received():
            payload = e["args"][0] if e["args"] else None
            self.kinds.append(e["name"])
            if e["name"] == "distribution":
                assert "seq" in payload, "a screen taking deltas gets snapshots only"
                self.follow.snapshot(payload)
            elif e["name"] == "distribution_delta" and payload["seq"] not in self.lose:
                asked = self.follow.wants_snapshot
                self.follow.delta(payload)
                if self.follow.wants_snapshot and not asked:
                    assert self.client.emit("distribution_snapshot", {}, callback=True) == {"ok": True}


def last_full(client, seen):
    seen.extend(events(client, "distribution"))
    return seen[-1] if seen else None


def settle(watched, plain, seen, predicate, timeout=4.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        watched.pump()
        full = last_full(plain, seen)
        if full is not None and predicate(full) and watched.follow.shown() == full:
            return full
        time.sleep(0.02)
    raise AssertionError(f"screen shows {watched.follow.shown()!r}, full is {last_full(plain, seen)!r}")


def move_all(phones, statement, rounds, start=0):
    for r in range(rounds):
        for i, p in enumerate(phones):
            value = "pass" if (r + i) % 7 == 0 else (start + r * 13 + i * 29) % 101
            ack = p.emit("position", {"statement": statement["id"], "value": value}, callback=True)
            assert ack["ok"], ack
        time.sleep(0.03)  # spread over several windows


def test_deltas_equal_the_full_distribution_after_many_moves(phone, projector, screen, statement):
    phones = [phone() for _ in range(8)]
    watched = Watched(screen(), lose={4, 5})  # two windows lost on the way: a gap
    seen = []
    move_all(phones, statement, rounds=25)
    for p in phones:  # the last word of each: a known final state
        p.emit("position", {"statement": statement["id"], "value": 40}, callback=True)
    full = settle(watched, projector, seen, lambda d: d["count"] == 8 and set(d["values"]) == {40})
    assert full["mean"] == 40.0
    assert watched.kinds.count("distribution_delta") >= 5
    assert "distribution_delta" not in [e["name"] for e in projector.get_received()]
    # The gap was noticed and filled by a snapshot asked for.
    assert watched.kinds.count("distribution") >= 2


def test_a_hidden_statement_shows_the_projector_counts_only(
    client, fac, phone, facilitator, screen, statement, workshop
):
    phones = [phone() for _ in range(4)]
    on_projector, on_console = Watched(screen()), Watched(screen("facilitator_key"))
    base = f"/api/workshops/{workshop['id']}/statements/{statement['id']}"
    assert client.patch(base, json={"hidden": True}, headers=fac).status_code == 200
    move_all(phones, statement, rounds=3, start=50)
    seen = []
    full = settle(on_console, facilitator, seen, lambda d: d["count"] + d["passes"] == 4)
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        on_projector.pump()
        shown = on_projector.follow.shown()
        if shown and shown["count"] == full["count"] and shown["passes"] == full["passes"]:
            break
        time.sleep(0.02)
    shown = on_projector.follow.shown()
    assert shown["hidden"] is True and shown["dots"] == [] and shown["mean"] is None
    assert (shown["count"], shown["passes"]) == (full["count"], full["passes"])
    assert full["dots"], "the console sees the dots while hidden"
    # Revealed: the projector gets the dots again, equal to the console's.
    assert client.post(f"{base}/reveal", headers=fac).status_code < 300
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline and on_projector.follow.shown() != full:
        on_projector.pump()
        time.sleep(0.02)
    assert on_projector.follow.shown() == full


def test_only_staff_may_ask_for_a_snapshot(phone, screen, statement):
    p = phone()
    assert p.emit("distribution_snapshot", {}, callback=True)["ok"] is False
    s = screen()
    s.get_received()
    assert s.emit("distribution_snapshot", {}, callback=True) == {"ok": True}
    (snap,) = events(s, "distribution")
    assert snap["statement"] == statement["id"] and isinstance(snap["seq"], int)
