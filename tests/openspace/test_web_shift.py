"""HTTP: editing rooms and slots in place, and shifting the later slots
(issue 20, item 7): clear errors, nothing changed when refused."""

from __future__ import annotations

import pytest

from tests.conftest import bearer


@pytest.fixture
def send(client, workshop, fac):
    def call(method, path, json=None, headers=fac):
        return client.open(
            f"/api/workshops/{workshop['id']}{path}", method=method, json=json, headers=headers
        )

    return call


def _slots(send):
    return [(s["label"], s["starts_at"], s["minutes"]) for s in send("GET", "/wall").get_json()["slots"]]


def test_shift_moves_this_and_later_slots(send, grid):
    r = send("POST", f"/slots/{grid['fika']}/shift", {"minutes": 15})
    assert r.status_code == 200, r.get_json()
    assert [s["starts_at"] for s in r.get_json()["slots"]] == ["13:00", "14:15", "14:45"]
    assert _slots(send) == [("Pass 1", "13:00", 45), ("Fika", "14:15", 30), ("Pass 2", "14:45", 45)]


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({}, 400),
        ({"minutes": 0}, 400),
        ({"minutes": "15"}, 400),
        ({"minutes": 15, "x": 1}, 400),
        ({"minutes": 9 * 60 + 31}, 400),
        ({"minutes": -16}, 409),
    ],
)
def test_a_refused_shift_says_why_and_changes_nothing(send, grid, body, status):
    before = _slots(send)
    r = send("POST", f"/slots/{grid['fika']}/shift", body)
    assert r.status_code == status and r.get_json()["error"]
    assert _slots(send) == before


def test_shift_needs_the_facilitator_and_a_known_slot(send, grid, workshop):
    assert send("POST", "/slots/9999/shift", {"minutes": 5}).status_code == 404
    proj = bearer(workshop["projector_key"])
    assert send("POST", f"/slots/{grid['p1']}/shift", {"minutes": 5}, headers=proj).status_code in (401, 403)


def test_a_room_and_a_slot_are_edited_in_place_keeping_their_topics(send, grid, api):
    topic = api("POST", "/topics", {"title": "Projektledning"})
    api("PUT", f"/topics/{topic['id']}/placement", {"space": grid["a"], "slot": grid["p1"]})
    r = send("PATCH", f"/spaces/{grid['a']}", {"name": "Stora salen", "capacity": 40})
    assert r.status_code == 200 and r.get_json()["name"] == "Stora salen" and r.get_json()["capacity"] == 40
    r = send("PATCH", f"/slots/{grid['p1']}", {"starts_at": "12:45", "minutes": 50, "label": "Pass ett"})
    assert r.status_code == 200
    wall = send("GET", "/wall").get_json()
    placed = next(t for t in wall["topics"] if t["id"] == topic["id"])
    assert (placed["space"], placed["slot"]) == (grid["a"], grid["p1"])
    for bad in ({"capacity": 0}, {"name": ""}, {"capacity": "tjugo"}):
        assert send("PATCH", f"/spaces/{grid['a']}", bad).status_code == 400
    assert send("GET", "/wall").get_json()["spaces"][0]["capacity"] == 40
