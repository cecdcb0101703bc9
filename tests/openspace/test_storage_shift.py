"""Shifting slots in storage: one transaction, the rule inside it; a refusal writes nothing."""

from __future__ import annotations

import pytest

from workshop.domain.errors import Conflict, Invalid


@pytest.fixture
def slots(store, workshop):
    wid = workshop["id"]
    return wid, [
        store.add_slot(wid, "Pass 1", "13:00", 45, "session")["id"],
        store.add_slot(wid, "Fika", "13:45", 20, "break")["id"],
        store.add_slot(wid, "Pass 2", "14:05", 45, "session")["id"],
    ]


def test_shift_moves_the_slot_and_the_later_ones_and_keeps_topics_in_place(store, slots):
    wid, (p1, fika, p2) = slots
    space = store.add_space(wid, "Stora salen", None)["id"]
    before = store.wall(wid, include_hidden=True)
    result = store.shift_slots(wid, fika, 15)
    assert [(s["id"], s["starts_at"]) for s in result] == [(p1, "13:00"), (fika, "14:00"), (p2, "14:20")]
    assert store.slot(wid, p2)["starts_at"] == "14:20"
    assert store.space(wid, space)["name"] == "Stora salen"
    assert before["topics"] == store.wall(wid, include_hidden=True)["topics"]


@pytest.mark.parametrize(("minutes", "error"), [(-21, Conflict), (10 * 60, Invalid)])
def test_a_refused_shift_changes_nothing(store, slots, minutes, error):
    wid, (_, fika, _) = slots
    before = store.slots(wid)
    with pytest.raises(error):
        store.shift_slots(wid, fika, minutes)
    assert store.slots(wid) == before


def test_another_workshops_slot_is_not_found(store, slots, admin, client):
    from workshop.domain.errors import NotFound

    other = client.post("/api/workshops", json={"title": "Annan"}, headers=admin).get_json()
    _, (p1, _, _) = slots
    with pytest.raises(NotFound):
        store.shift_slots(other["id"], p1, 5)
