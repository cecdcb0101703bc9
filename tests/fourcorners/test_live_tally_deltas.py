"""Fyra hörn's tally to staff screens that take deltas (auth "deltas": true,
issue 24): through many choices, a lost window (a gap) and a new question,
the tally the screen rebuilds equals the whole `tally` a plain screen gets;
plain screens never see a delta."""

from __future__ import annotations

import time

import pytest

from tests.conftest import events
from workshop.domain.deltas import Follower

LABELS = ["Norr", "Öster", "Söder", "Väster"]


class TallyFollower(Follower):
    subject = "question"

    def rebuild(self, about, dots, last):
        pairs = [[n, dots[n]] for n in sorted(dots)]
        return {
            "question": about,
            "counts": last["counts"],
            "passes": last["passes"],
            "count": last["count"],
            "dots": pairs,
        }


@pytest.fixture
def base(workshop):
    return f"/api/workshops/{workshop['id']}/corners"


def open_question(client, base, fac, text="Var i Värmland bor du?"):
    q = client.post(base, json={"text": text, "labels": LABELS}, headers=fac).get_json()
    assert client.post(f"{base}/{q['id']}/open", headers=fac).status_code == 200
    return q


@pytest.fixture
def screen(app, socketio, workshop):
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
    def __init__(self, client, lose=()):
        self.client, self.follow, self.lose = client, TallyFollower(), set(lose)
        self.kinds = []

    def pump(self):
        for e in self.client.get_received():
            payload = e["args"][0] if e["args"] else None
            self.kinds.append(e["name"])
            if e["name"] == "tally":
                assert "seq" in payload, "a screen taking deltas gets snapshots only"
                self.follow.snapshot(payload)
            elif e["name"] == "tally_delta" and payload["seq"] not in self.lose:
                asked = self.follow.wants_snapshot
                self.follow.delta(payload)
                if self.follow.wants_snapshot and not asked:
                    assert self.client.emit("tally_snapshot", {}, callback=True) == {"ok": True}


def settle(watched, plain, seen, predicate, timeout=4.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        watched.pump()
        seen.extend(events(plain, "tally"))
        if seen and predicate(seen[-1]) and watched.follow.shown() == seen[-1]:
            return seen[-1]
        time.sleep(0.02)
    raise AssertionError(f"screen shows {watched.follow.shown()!r}, whole is {seen[-1] if seen else None!r}")


def choose_all(phones, question, rounds):
    for r in range(rounds):
        for i, p in enumerate(phones):
            corner = "pass" if (r + i) % 5 == 0 else (r * 3 + i) % 4
            ack = p.emit("corner", {"question": question["id"], "corner": corner}, callback=True)
            assert ack["ok"], ack
        time.sleep(0.03)  # spread over several windows


def test_tally_deltas_equal_the_whole_tally_after_many_choices_a_gap_and_a_new_question(
    client, base, fac, phone, projector, screen
):
    q = open_question(client, base, fac)
    phones = [phone() for _ in range(8)]
    watched = Watched(screen(), lose={3, 4})  # two windows lost on the way: a gap
    console = Watched(screen("facilitator_key"))
    seen = []
    choose_all(phones, q, rounds=20)
    for p in phones:  # the last word of each: a known final state
        p.emit("corner", {"question": q["id"], "corner": 2}, callback=True)
    full = settle(watched, projector, seen, lambda t: t["counts"] == [0, 0, 8, 0])
    assert "seq" not in full and len(full["dots"]) == 8
    settle(console, projector, seen, lambda t: t == full)
    assert watched.kinds.count("tally_delta") >= 5
    assert watched.kinds.count("tally") >= 2, "the gap was filled by a snapshot asked for"
    assert "tally_delta" not in [e["name"] for e in projector.get_received()]

    # Closed, and another question opened: the screen follows the new one.
    assert client.post(f"{base}/{q['id']}/close", headers=fac).status_code == 200
    q2 = open_question(client, base, fac, "Hur kom du hit?")
    seen.clear()
    choose_all(phones[:5], q2, rounds=4)
    for p in phones[:5]:
        p.emit("corner", {"question": q2["id"], "corner": 1}, callback=True)
    full = settle(
        watched, projector, seen, lambda t: t["question"] == q2["id"] and t["counts"] == [0, 5, 0, 0]
    )
    assert watched.follow.shown()["question"] == q2["id"]


def test_a_delta_is_small_and_names_who_left(client, base, fac, phone, screen):
    q = open_question(client, base, fac)
    phones = [phone() for _ in range(6)]
    for p in phones:
        p.emit("corner", {"question": q["id"], "corner": 0}, callback=True)
    s = screen()
    time.sleep(0.3)
    s.get_received()
    phones[1].emit("corner", {"question": q["id"], "corner": 3}, callback=True)
    phones[2].emit("corner", {"question": q["id"], "corner": "pass"}, callback=True)
    deadline = time.monotonic() + 3
    got = []
    while not got and time.monotonic() < deadline:
        got = events(s, "tally_delta")
        time.sleep(0.02)
    (delta,) = got
    assert delta["counts"] == [4, 0, 0, 1] and delta["passes"] == 1 and delta["count"] == 5
    assert len(delta["dots"]) == 1 and delta["dots"][0][1] == 3 and len(delta["gone"]) == 1


def test_only_staff_may_ask_for_a_tally_snapshot(client, base, fac, phone, screen):
    q = open_question(client, base, fac)
    assert phone().emit("tally_snapshot", {}, callback=True)["ok"] is False
    s = screen()
    s.get_received()
    assert s.emit("tally_snapshot", {}, callback=True) == {"ok": True}
    (snap,) = events(s, "tally")
    assert snap["question"] == q["id"] and isinstance(snap["seq"], int)
