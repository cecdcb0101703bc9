"""BarometerQueries (storage.py): record_positions (many moves, one transaction,
each checked); the appendix record with its turns and approved phone comments;
everything goes with the workshop."""

from __future__ import annotations

from tests.barometer.conftest import place
from workshop.domain.errors import Conflict, NotFound


def test_a_refused_move_refuses_only_itself(store, workshop, client, admin):
    wid = workshop["id"]
    other = client.post("/api/workshops", json={"title": "Annan"}, headers=admin).get_json()
    open_, closed = store.add_statements(wid, ["Öppen", "Stängd"])
    foreign = store.add_statements(other["id"], ["Någon annans"])[0]
    store.open_for_answers(wid, closed["id"])
    store.open_for_answers(wid, open_["id"])  # closes the other one
    a, b = store.add_participant(wid), store.add_participant(wid)
    answers = store.record_positions(
        [
            (wid, open_["id"], a["id"], 10),
            (wid, closed["id"], a["id"], 20),
            (wid, foreign["id"], a["id"], 30),
            (wid, open_["id"], b["id"], None),
            (wid, open_["id"], a["id"], 70),  # a's later move wins
        ]
    )
    assert answers[0] is None and answers[3] is None and answers[4] is None
    assert isinstance(answers[1], Conflict) and isinstance(answers[2], NotFound)
    assert store.positions_by_participant(open_["id"]) == {a["id"]: 70, b["id"]: None}
    assert store.positions_by_participant(closed["id"]) == {}
    assert store.positions_by_participant(foreign["id"]) == {}


def test_record_holds_turns_and_approved_comments_only(store, wid, sid, people):
    store.update_workshop_settings(wid, min_group=1)  # one per region, every one labelled
    store.update_barometer_settings(wid, phone_comments=True)
    place(store, wid, sid, people, 10, 50, 90, None)
    for pid, _ in people:
        store.raise_hand(wid, pid, True)
    for _ in people:
        store.give_floor(wid, sid, None)
    ok = store.add_phone_comment(wid, sid, people[2][0], "<b>Bli</b> starka")
    no = store.add_phone_comment(wid, sid, people[0][0], "Bort")
    store.add_phone_comment(wid, sid, people[1][0], "Väntar")
    store.moderate_phone_comment(wid, sid, ok["id"], status="approved")
    store.moderate_phone_comment(wid, sid, no["id"], status="rejected")
    store.close_for_answers(wid, sid)
    (record,) = store.barometer_record(wid).statements
    assert [(t.participant, t.region) for t in record.turns] == [
        (people[0][1], "disagree"),
        (people[1][1], "middle"),
        (people[2][1], "agree"),
        (people[3][1], "pass"),
    ]
    assert [(c.text, c.region) for c in record.phone_comments] == [("<b>Bli</b> starka", "agree")]


def test_everything_goes_with_the_workshop(store, wid, sid, people):
    store.update_barometer_settings(wid, phone_comments=True)
    place(store, wid, sid, people, 10)
    store.raise_hand(wid, people[0][0], True)
    store.give_floor(wid, sid, None)
    store.add_phone_comment(wid, sid, people[0][0], "Hej")
    store.close_for_answers(wid, sid)
    store.start_replay(wid, sid, 10)
    store.delete_workshop(wid)
    tables = ("barometer_settings", "floor_hands", "floor_turns", "phone_comments", "barometer_replays")
    assert {t: store._scalar(f"SELECT count(*) FROM {t}") for t in tables} == dict.fromkeys(tables, 0)


def test_phone_view_is_one_phones_share_of_the_open_statement(store, wid, sid, people):
    (placed, n_placed), (passed, _), (silent, _), _ = people
    place(store, wid, sid, people, 30, None)
    store.raise_hand(wid, placed, True)
    store.give_floor(wid, sid, n_placed)
    store.raise_hand(wid, passed, True)
    store.update_barometer_settings(wid, phone_comments=True)
    views = {pid: store.phone_view(wid, pid) for pid in (placed, passed, silent)}
    assert {pid: (v["has_position"], v["value"], v["floor"]) for pid, v in views.items()} == {
        placed: (
            True,
            30,
            {"hand": False, "speaking": True, "since": views[placed]["floor"]["since"], "limit_seconds": 0},
        ),
        passed: (True, None, {"hand": True, "speaking": False, "since": None, "limit_seconds": None}),
        silent: (False, None, {"hand": False, "speaking": False, "since": None, "limit_seconds": None}),
    }
    assert views[placed]["floor"]["since"] is not None
    assert all(v["statement"]["id"] == sid and v["phone_comments"] for v in views.values())
    assert views[placed]["statement"]["hidden"] is False
    store.close_for_answers(wid, sid)
    assert store.phone_view(wid, placed) is None
