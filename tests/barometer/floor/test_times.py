"""Speaking time: every turn's since/until (storage, a restart keeps them),
the limit per turn (PATCH /barometer turn_seconds: 0..600, a bad value is a
400 that changes nothing) and what the staff, projector and phone pushes
carry (since, limit_seconds, the server's clock)."""

from datetime import datetime

import pytest

from tests.barometer.conftest import place
from tests.conftest import bearer, ok, wait_for
from tests.registry import open_store


def test_a_turn_keeps_since_and_until_and_a_restart_keeps_them(store, wid, sid, people, settings):
    place(store, wid, sid, people, 10, 90)
    store.raise_hand(wid, people[0][0], True)
    store.raise_hand(wid, people[1][0], True)
    first = store.give_floor(wid, sid, people[0][1]).speaker
    assert first.until is None and first.as_dict()["seconds"] is None
    store.give_floor(wid, sid, people[1][1])  # the turn before ends as the next begins
    store.end_turn(wid, sid)
    turns = store.floor_of(sid).turns
    assert [t.at for t in turns][0] == first.at
    assert turns[0].until == turns[1].at  # one moment: the floor passes on
    assert all(t.until and datetime.fromisoformat(t.until) >= datetime.fromisoformat(t.at) for t in turns)
    assert all(len(t.at) == len("2026-05-04T09:00:00.000+00:00") for t in turns)  # ms, as elsewhere
    again = open_store(settings.database_path)  # a new process on the same file
    try:
        assert [t.as_dict() for t in again.floor_of(sid).turns] == [t.as_dict() for t in turns]
    finally:
        again.close()


def test_closing_the_statement_ends_the_turn(store, wid, sid, people):
    place(store, wid, sid, people, 10)
    store.raise_hand(wid, people[0][0], True)
    store.give_floor(wid, sid, None)
    store.close_for_answers(wid, sid)
    (turn,) = store.floor_of(sid).turns
    assert turn.until is not None and not turn.speaking


def test_the_limit_per_turn_is_set_and_read(api, client, base, workshop):
    assert api("GET", "/barometer")["turn_seconds"] == 0
    assert api("PATCH", "/barometer", {"turn_seconds": 90}) == {"phone_comments": False, "turn_seconds": 90}
    # The other setting is left as it was, and the limit too when not sent.
    assert api("PATCH", "/barometer", {"phone_comments": True}) == {
        "phone_comments": True,
        "turn_seconds": 90,
    }
    assert api("PATCH", "/barometer", {"turn_seconds": 0})["turn_seconds"] == 0
    assert api("PATCH", "/barometer", {"turn_seconds": 600})["turn_seconds"] == 600


@pytest.mark.parametrize(
    "body",
    [
        {"turn_seconds": 601},
        {"turn_seconds": -1},
        {"turn_seconds": "60"},
        {"turn_seconds": 1.5},
        {"turn_seconds": True},
        {"turn_seconds": None},
        # one bad field refuses the good one too
        {"turn_seconds": 30, "phone_comments": "ja"},
        {"turn_seconds": 9999, "phone_comments": False},
        {"turn_seconds": 30, "limit": 3},
    ],
)
def test_a_bad_limit_is_a_400_and_changes_nothing(api, client, base, workshop, body):
    api("PATCH", "/barometer", {"turn_seconds": 45, "phone_comments": True})
    r = client.patch(f"{base}/barometer", json=body, headers=bearer(workshop["facilitator_key"]))
    assert r.status_code == 400 and r.get_json()["error"]
    assert api("GET", "/barometer") == {"phone_comments": True, "turn_seconds": 45}


def test_only_the_facilitator_sets_the_limit(client, base, workshop, api):
    for headers in ({}, bearer(workshop["projector_key"])):
        assert client.patch(f"{base}/barometer", json={"turn_seconds": 5}, headers=headers).status_code in (
            401,
            403,
        )
    assert api("GET", "/barometer")["turn_seconds"] == 0


def test_the_pushes_carry_since_the_limit_and_the_servers_clock(room, facilitator, projector, api, sid):
    api("PATCH", "/barometer", {"turn_seconds": 120})
    ok(room[2], "hand", {"on": True})
    api("POST", f"/statements/{sid}/floor", {"participant": None})
    staff = wait_for(facilitator, "floor", lambda f: f["speaker"])
    since = staff["speaker"]["since"]
    assert (staff["since"], staff["limit_seconds"]) == (since, 120)
    assert staff["turns"] == [
        {"participant": 3, "region": "agree", "since": since, "until": None, "seconds": None}
    ]
    assert abs((datetime.fromisoformat(staff["now"]) - datetime.fromisoformat(since)).total_seconds()) < 5
    shown = wait_for(projector, "floor", lambda f: f["speaker"])
    assert (shown["speaker"]["since"], shown["speaker"]["limit_seconds"]) == (since, 120) and shown["now"]
    mine = wait_for(room[2], "floor", lambda f: f["speaking"])
    assert (mine["since"], mine["limit_seconds"]) == (since, 120) and mine["now"]
    # A new limit reaches the speaker at once.
    api("PATCH", "/barometer", {"turn_seconds": 30})
    assert wait_for(room[2], "floor", lambda f: f["limit_seconds"] == 30)["since"] == since
    assert wait_for(facilitator, "floor", lambda f: f["limit_seconds"] == 30)
    api("DELETE", f"/statements/{sid}/floor")
    ended = wait_for(facilitator, "floor", lambda f: f["speaker"] is None)
    assert ended["since"] is None
    (turn,) = ended["turns"]
    assert turn["until"] is not None and turn["seconds"] is not None and turn["seconds"] >= 0


def test_a_template_carries_the_limit_per_turn():
    from workshop.barometer.template import validate
    from workshop.domain.errors import Invalid

    assert validate({"statements": [], "settings": {"turn_seconds": 90}})["settings"]["turn_seconds"] == 90
    assert validate({"statements": []})["settings"] == {"phone_comments": False, "turn_seconds": 0}
    with pytest.raises(Invalid, match="turn_seconds"):
        validate({"statements": [], "settings": {"turn_seconds": 601}})
