"""No two slots share a minute (issue 20, item 7): the pure rule; adding,
editing one slot's time and a template's slots refused inside the writing
transaction with a clear error (409, in Swedish for a Swedish caller) that
changes nothing."""

from __future__ import annotations

import pytest

from workshop.domain.errors import Conflict
from workshop.openspace import domain as rules

DAY = [
    {"id": 1, "label": "Pass 1", "starts_at": "13:00", "minutes": 45},
    {"id": 2, "label": "Fika", "starts_at": "13:45", "minutes": 20},
    {"id": 3, "label": "Pass 2", "starts_at": "14:05", "minutes": 45},
]


@pytest.mark.parametrize(
    "slot",
    [
        {"label": "Pass 0", "starts_at": "12:15", "minutes": 45},  # ends as Pass 1 starts
        {"label": "Pass 3", "starts_at": "14:50", "minutes": 45},  # starts as Pass 2 ends
        {"id": 1, "label": "Pass 1", "starts_at": "12:55", "minutes": 50},  # itself, edited
    ],
)
def test_touching_slots_and_a_slot_against_itself_pass(slot):
    rules.check_no_overlap(DAY, slot)


@pytest.mark.parametrize(
    ("slot", "other"),
    [
        ({"label": "Pass X", "starts_at": "13:30", "minutes": 10}, "Pass 1"),  # inside
        ({"label": "Pass X", "starts_at": "12:30", "minutes": 31}, "Pass 1"),  # one minute in
        ({"label": "Pass X", "starts_at": "12:00", "minutes": 240}, "Pass 1"),  # around all
        ({"id": 1, "label": "Pass 1", "starts_at": "13:00", "minutes": 46}, "Fika"),  # edited longer
        ({"id": 3, "label": "Pass 2", "starts_at": "13:50", "minutes": 45}, "Fika"),  # edited earlier
    ],
)
def test_a_shared_minute_is_a_conflict_naming_the_other_slot(slot, other):
    with pytest.raises(Conflict) as refused:
        rules.check_no_overlap(DAY, slot)
    assert refused.value.params["other"] == other


@pytest.fixture
def send(client, workshop, fac):
    def call(method, path, json=None, headers=None):
        return client.open(
            f"/api/workshops/{workshop['id']}{path}",
            method=method,
            json=json,
            headers={**fac, "Accept-Language": "sv-SE", **(headers or {})},
        )

    return call


def _slots(send):
    return [(s["label"], s["starts_at"], s["minutes"]) for s in send("GET", "/wall").get_json()["slots"]]


def test_adding_a_slot_over_another_is_refused_in_swedish_and_changes_nothing(send, grid):
    before = _slots(send)
    r = send("POST", "/slots", {"label": "Pass 1b", "starts_at": "13:30", "minutes": 45})
    assert r.status_code == 409
    assert r.get_json()["error"] == "”Pass 1b” skulle krocka med ”Pass 1” (13:00–13:45)."
    assert _slots(send) == before
    assert send("POST", "/slots", {"label": "Pass 3", "starts_at": "15:15", "minutes": 45}).status_code == 201


def test_editing_one_slots_time_into_another_is_refused_and_changes_nothing(send, grid):
    before = _slots(send)
    # Pass 1 (13:00–13:45) moved to 13:30 would run into the fika (14:00–14:30).
    r = send("PATCH", f"/slots/{grid['p1']}", {"starts_at": "13:30"})
    assert r.status_code == 409
    assert r.get_json()["error"] == "”Pass 1” skulle krocka med ”Fika” (14:00–14:30)."
    # Longer, over the next one; a label and a time together: still nothing written.
    r = send("PATCH", f"/slots/{grid['fika']}", {"minutes": 31, "label": "Lång fika"})
    assert r.status_code == 409 and "”Pass 2” (14:30–15:15)" in r.get_json()["error"]
    assert _slots(send) == before
    # Up to the next one is fine.
    assert send("PATCH", f"/slots/{grid['p1']}", {"starts_at": "13:15"}).status_code == 200


def test_storage_checks_inside_the_transaction(store, workshop):
    wid = workshop["id"]
    first = store.add_slot(wid, "Pass 1", "13:00", 45, "session")
    second = store.add_slot(wid, "Pass 2", "14:00", 45, "session")
    with pytest.raises(Conflict):
        store.update_slot(wid, second["id"], starts_at="13:40")
    with pytest.raises(Conflict):
        store.add_slot(wid, "Pass 3", "13:44", 5, "break")
    assert store.slots(wid) == [first, second]


def test_a_template_with_two_slots_at_once_is_refused_whole(client, admin):
    document = {
        "format": "workshop-template",
        "version": 1,
        "title": "Två pass samtidigt",
        "methods": {
            "openspace": {
                "slots": [
                    {"label": "Pass 1", "starts_at": "13:00", "minutes": 45},
                    {"label": "Pass 2", "starts_at": "13:30", "minutes": 45},
                ]
            }
        },
    }
    before = client.get("/api/templates", headers=admin).get_json()
    r = client.post("/api/templates", json=document, headers={**admin, "Accept-Language": "sv-SE"})
    assert r.status_code in (400, 409) and "krocka" in r.get_json()["error"]
    assert client.get("/api/templates", headers=admin).get_json() == before
