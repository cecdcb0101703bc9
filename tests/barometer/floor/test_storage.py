"""Ordet's store (barometer/floor/storage.py): the queue, the fair pick, one speaker,
rules checked inside the writing transaction, what closing ends."""

import sqlite3

import pytest

from tests.barometer.conftest import place
from workshop.barometer.floor import domain as domain_floor
from workshop.domain.errors import Conflict, NotFound


def test_a_hand_needs_a_place_on_the_line(store, wid, sid, people):
    with pytest.raises(Conflict, match="Place yourself"):
        store.raise_hand(wid, people[0][0], True)
    store.record_position(wid, sid, people[0][0], None)  # a pass is a place too
    assert store.raise_hand(wid, people[0][0], True) == sid
    assert [h.participant for h in store.floor(wid).hands] == [people[0][1]]


def test_queue_order_withdraw_and_ask_again(store, wid, sid, people):
    place(store, wid, sid, people, 10, 50, 90)
    for pid, _ in people[:3]:
        store.raise_hand(wid, pid, True)
    store.raise_hand(wid, people[0][0], True)  # again: keeps its place
    assert [h.participant for h in store.floor(wid).hands] == [people[0][1], people[1][1], people[2][1]]
    store.raise_hand(wid, people[0][0], False)
    store.raise_hand(wid, people[0][0], False)  # lowering twice is harmless
    store.raise_hand(wid, people[0][0], True)  # back of the queue
    assert [h.participant for h in store.floor(wid).hands] == [people[1][1], people[2][1], people[0][1]]


def test_give_the_floor_fairly_then_thanks(store, wid, sid, people):
    place(store, wid, sid, people, 10, 20, 90)
    for pid, _ in people[:3]:
        store.raise_hand(wid, pid, True)
    floor = store.give_floor(wid, sid, None)  # first asked
    assert (floor.speaker.participant, floor.speaker.region) == (people[0][1], "disagree")
    assert [h.participant for h in floor.hands] == [people[1][1], people[2][1]]
    floor = store.give_floor(wid, sid, None)  # disagree heard: agree goes first now
    assert floor.speaker.participant == people[2][1]
    assert [(t.participant, t.speaking) for t in floor.turns] == [(people[0][1], False), (people[2][1], True)]
    with pytest.raises(Conflict, match="has not asked"):
        store.give_floor(wid, sid, people[3][1])
    floor = store.end_turn(wid, sid)
    assert floor.speaker is None and len(floor.turns) == 2
    assert store.give_floor(wid, sid, people[1][1]).speaker.participant == people[1][1]  # anyone who asked


def test_a_speaker_cannot_queue_and_a_moving_speaker_keeps_the_region_spoken_from(store, wid, sid, people):
    place(store, wid, sid, people, 10)
    store.raise_hand(wid, people[0][0], True)
    store.give_floor(wid, sid, None)
    with pytest.raises(Conflict, match="You have the floor"):
        store.raise_hand(wid, people[0][0], True)
    store.record_position(wid, sid, people[0][0], 95)
    assert store.floor(wid).speaker.region == "disagree"
    assert store.floor(wid).staff()["heard"]["disagree"] == 1


def test_the_queue_shows_where_people_stand_now(store, wid, sid, people):
    place(store, wid, sid, people, 10)
    store.raise_hand(wid, people[0][0], True)
    store.record_position(wid, sid, people[0][0], 80)
    assert store.floor(wid).staff()["queue"][0]["region"] == "agree"


def test_one_speaker_per_statement_in_the_database(store, wid, sid, people):
    with pytest.raises(sqlite3.IntegrityError), store.transaction() as db:
        for pid, _ in people[:2]:
            db.execute(
                "INSERT INTO floor_turns (statement_id, participant_id, value, started_at)"
                " VALUES (?, ?, 50, 'now')",
                [sid, pid],
            )


@pytest.mark.parametrize(
    "rule, write",
    [
        ("check_hand", lambda s, w, sid, p: s.raise_hand(w, p, True)),
        ("choose", lambda s, w, sid, p: s.give_floor(w, sid, None)),
    ],
)
def test_floor_rules_run_inside_the_writing_transaction(store, wid, sid, people, monkeypatch, rule, write):
    place(store, wid, sid, people, 40)
    if rule == "choose":
        store.raise_hand(wid, people[0][0], True)
    seen = []
    original = getattr(domain_floor, rule)
    monkeypatch.setattr(
        domain_floor, rule, lambda *a: (seen.append(store.db.conn.in_transaction), original(*a))[1]
    )
    write(store, wid, sid, people[0][0])
    assert seen == [True]


def test_closing_ends_the_floor_and_reopening_keeps_who_was_heard(store, wid, sid, people):
    place(store, wid, sid, people, 10, 90)
    store.raise_hand(wid, people[0][0], True)
    store.give_floor(wid, sid, None)
    store.raise_hand(wid, people[1][0], True)
    store.close_for_answers(wid, sid)
    with pytest.raises(Conflict):
        store.raise_hand(wid, people[1][0], True)
    with pytest.raises(Conflict):
        store.give_floor(wid, sid, None)
    floor = store.floor_of(sid)
    assert floor.hands == [] and floor.speaker is None and len(floor.turns) == 1
    store.open_for_answers(wid, sid)
    assert store.floor(wid).staff()["heard"]["disagree"] == 1


def test_the_floor_of_another_workshop_is_not_reachable(store, wid, sid):
    other = store.create_workshop("Annan", "sv")
    with pytest.raises(NotFound):
        store.give_floor(other["id"], sid, None)
    with pytest.raises(NotFound):
        store.end_turn(other["id"], sid)
