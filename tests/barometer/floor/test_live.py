"""Sockets, Ordet (live_floor.py): hands from phones, the floor as each
audience gets it. A phone can neither give itself the floor nor approve its
own comment; staff sockets send nothing."""

import pytest

from tests.barometer.conftest import last_state
from tests.conftest import events, ok, wait_for


def test_phone_state_carries_its_floor_and_the_comment_setting_while_open(phone, sid, api):
    p = phone()
    state = last_state(p)
    assert (state["floor"], state["may_comment"]) == (
        {"hand": False, "speaking": False, "since": None, "limit_seconds": None},
        False,
    )
    api("PATCH", "/barometer", {"phone_comments": True})
    assert last_state(p)["may_comment"] is True
    api("POST", f"/statements/{sid}/close")
    state = last_state(p)
    assert "floor" not in state and "may_comment" not in state


def test_hand_is_acked_and_needs_a_place(phone, sid):
    p = phone()
    ack = p.emit("hand", {"on": True}, callback=True)
    assert ack["ok"] is False and "linjen" in ack["error"]
    ok(p, "position", {"statement": sid, "value": "pass"})
    assert ok(p, "hand", {"on": True}) == {"ok": True, "statement": sid, "hand": True}
    assert {k: v for k, v in wait_for(p, "floor", lambda f: f["hand"]).items() if k != "now"} == {
        "hand": True,
        "speaking": False,
        "since": None,
        "limit_seconds": None,
    }
    assert ok(p, "hand", {"on": False})["hand"] is False


@pytest.mark.parametrize("payload", [{"on": "yes"}, {}, {"on": 1}, None, [True], "on"])
def test_bad_hands_are_refused(room, payload, store, workshop):
    ack = room[0].emit("hand", payload, callback=True)
    assert ack["ok"] is False and ack["error"]
    assert store.floor(workshop["id"]).hands == []


def test_each_audience_hears_its_part_of_the_floor(room, facilitator, projector, api, sid):
    for p in room:
        ok(p, "hand", {"on": True})
    staff = wait_for(facilitator, "floor", lambda f: len(f["queue"]) == 3)
    assert [q["pseudonym"] for q in staff["queue"]] == ["P1", "P2", "P3"]
    api("POST", f"/statements/{sid}/floor", {"participant": 3})
    shown = wait_for(projector, "floor", lambda f: f["speaker"])
    assert shown == {
        "statement": sid,
        "speaker": {"key": 3, "region": "agree", "since": shown["speaker"]["since"], "limit_seconds": 0},
        "now": shown["now"],
    }
    assert all("queue" not in f for f in events(projector, "floor"))
    speaking = wait_for(room[2], "floor", lambda f: f["speaking"])
    assert (speaking["since"], speaking["limit_seconds"]) == (shown["speaker"]["since"], 0)
    # The others hear only about themselves: still in the queue, not speaking.
    assert wait_for(room[0], "floor", lambda f: f["hand"])["since"] is None
    assert all(
        set(f) == {"hand", "speaking", "since", "limit_seconds", "now"}
        for p in room
        for f in events(p, "floor")
    )
    api("DELETE", f"/statements/{sid}/floor")
    assert wait_for(projector, "floor", lambda f: f["speaker"] is None)["statement"] == sid


def test_the_queue_follows_a_move(room, facilitator, sid):
    ok(room[0], "hand", {"on": True})
    wait_for(facilitator, "floor", lambda f: f["queue"] and f["queue"][0]["region"] == "disagree")
    ok(room[0], "position", {"statement": sid, "value": 95})
    wait_for(facilitator, "floor", lambda f: f["queue"] and f["queue"][0]["region"] == "agree")


@pytest.mark.parametrize(
    "event, payload",
    [
        ("floor", {"participant": 1}),
        ("give_floor", {"participant": None}),
        ("approve", {"comment": 1}),
        ("moderate", {"id": 1, "status": "approved"}),
        ("shown_comment", {"comment": 1}),
        ("replay", {"statement": 1}),
        ("barometer", {"phone_comments": True}),
    ],
)
def test_a_phone_cannot_act_as_the_facilitator(room, api, store, workshop, sid, event, payload):
    api("PATCH", "/barometer", {"phone_comments": True})
    ok(room[0], "hand", {"on": True})
    cid = ok(room[0], "comment", {"statement": sid, "text": "Godkänn mig"})["id"]
    ack = room[0].emit(event, {**payload, "statement": sid, "comment": cid}, callback=True)
    assert ack["ok"] is False
    assert store.floor(workshop["id"]).speaker is None
    assert [c["status"] for c in store.phone_comments(workshop["id"], sid)] == ["pending"]
    assert store.shown_phone_comment(workshop["id"]) is None and store.replay(workshop["id"]) is None


@pytest.mark.parametrize("key", ["projector_key", "facilitator_key"])
def test_staff_sockets_cannot_raise_hands_or_comment(app, socketio, workshop, api, sid, store, key):
    api("PATCH", "/barometer", {"phone_comments": True})
    staff = socketio.test_client(app, auth={"workshop": workshop["id"], "key": workshop[key]})
    assert staff.emit("hand", {"on": True}, callback=True)["ok"] is False
    assert staff.emit("comment", {"statement": sid, "text": "Hej"}, callback=True)["ok"] is False
    assert store.floor(workshop["id"]).hands == [] and store.phone_comments(workshop["id"], sid) == []
