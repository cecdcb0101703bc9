"""The in-memory distribution (workshop/barometer/aggregate.py) against the store."""

from __future__ import annotations

import random

import pytest

from tests.registry import open_store
from workshop.barometer.aggregate import LiveDistributions


@pytest.fixture
def room(store, workshop):
    statement = store.add_statements(workshop["id"], ["Kollektivtrafiken ska vara gratis"])[0]
    store.open_for_answers(workshop["id"], statement["id"])
    people = [store.add_participant(workshop["id"]) for _ in range(25)]
    return workshop["id"], statement["id"], people


def random_moves(rng, workshop_id, statement_id, people, n):
    return [
        (workshop_id, statement_id, p["id"], rng.choice([None, *range(0, 101)]), p["number"])
        for p in (rng.choice(people) for _ in range(n))
    ]


def test_equals_the_store_after_random_moves(store, room):
    workshop_id, statement_id, people = room
    live, rng = LiveDistributions(store), random.Random(7)
    assert live.distribution(workshop_id, statement_id) == store.distribution(statement_id)  # empty
    for _ in range(30):
        batch = random_moves(rng, workshop_id, statement_id, people, rng.randint(1, 12))
        assert live.commit_then_apply(store.record_positions, batch) == [None] * len(batch)
        assert live.distribution(workshop_id, statement_id) == store.distribution(statement_id)
    assert store.distribution(statement_id).count + store.distribution(statement_id).passes > 0


def test_refused_moves_change_nothing(store, room):
    workshop_id, statement_id, people = room
    live = LiveDistributions(store)
    live.commit_then_apply(
        store.record_positions, [(workshop_id, statement_id, people[0]["id"], 30, people[0]["number"])]
    )
    before = live.distribution(workshop_id, statement_id)
    store.close_for_answers(workshop_id, statement_id)
    answers = live.commit_then_apply(
        store.record_positions, [(workshop_id, statement_id, people[1]["id"], 90, people[1]["number"])]
    )
    assert answers[0] is not None
    assert live.distribution(workshop_id, statement_id) == before == store.distribution(statement_id)


def test_rebuilt_from_the_database_after_a_restart(store, room, settings):
    workshop_id, statement_id, people = room
    live, rng = LiveDistributions(store), random.Random(11)
    live.distribution(workshop_id, statement_id)  # held from the start
    live.commit_then_apply(store.record_positions, random_moves(rng, workshop_id, statement_id, people, 40))
    expected = live.distribution(workshop_id, statement_id)
    again = open_store(settings.database_path)  # a new process on the same file
    try:
        assert LiveDistributions(again).distribution(workshop_id, statement_id) == expected
    finally:
        again.close()


def test_another_statement_opening_is_read_afresh(store, room):
    workshop_id, statement_id, people = room
    live = LiveDistributions(store)
    live.commit_then_apply(
        store.record_positions, [(workshop_id, statement_id, people[0]["id"], 10, people[0]["number"])]
    )
    other = store.add_statements(workshop_id, ["Fler cykelbanor"])[0]
    store.open_for_answers(workshop_id, other["id"])
    assert live.distribution(workshop_id, other["id"]).count == 0
    store.record_position(workshop_id, other["id"], people[1]["id"], 55)  # written elsewhere
    store.open_for_answers(workshop_id, statement_id)
    assert live.distribution(workshop_id, statement_id) == store.distribution(statement_id)


def test_payload_is_the_stores_distribution_after_random_moves(store, room):
    # The flush's payload keeps its pairs between calls and changes them in
    # place; people move first in any order: after every batch it must still
    # say what the database says, dots in participant order.
    workshop_id, statement_id, people = room
    live, rng = LiveDistributions(store), random.Random(11)
    assert live.payload(workshop_id, statement_id) == store.distribution(statement_id).as_dict()
    for _ in range(30):
        batch = random_moves(rng, workshop_id, statement_id, people, rng.randint(1, 12))
        live.commit_then_apply(store.record_positions, batch)
        assert live.payload(workshop_id, statement_id) == store.distribution(statement_id).as_dict()
    assert live.payload(workshop_id, statement_id)["count"] > 0


def test_a_write_by_another_connection_is_read_again(store, room, settings):
    """A script or a test seeding the room writes to the same file: the held
    distribution notices (SQLite's data_version) instead of going stale."""
    workshop_id, statement_id, people = room
    live = LiveDistributions(store)
    live.commit_then_apply(
        store.record_positions, [(workshop_id, statement_id, people[0]["id"], 10, people[0]["number"])]
    )
    assert live.distribution(workshop_id, statement_id).count == 1
    other = open_store(settings.database_path)
    try:
        other.record_position(workshop_id, statement_id, people[1]["id"], 80)
    finally:
        other.close()
    assert live.distribution(workshop_id, statement_id) == store.distribution(statement_id)
    assert live.distribution(workshop_id, statement_id).count == 2
