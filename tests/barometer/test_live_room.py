"""Sockets: hands from phones, the floor and comments as each audience gets
them, and the replay's history and scrubber. A phone can neither give
itself the floor nor approve its own comment; staff sockets send nothing."""
import pytest

from tests.conftest import events, ok, wait_for


def received(client) -> dict:
    """Everything the client got so far, by event name (reading drains the inbox)."""
    out: dict = {}
    for e in client.get_received():
        out.setdefault(e["name"], []).append(e["args"][0])
    return out


def last_state(client):
    return events(client, "state")[-1]


def test_phone_state_carries_its_floor_and_the_comment_setting_while_open(phone, sid, api):
    p = phone()
    state = last_state(p)
    assert (state["floor"], state["may_comment"]) == ({"hand": False, "speaking": False}, False)
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
    assert wait_for(p, "floor", lambda f: f["hand"]) == {"hand": True, "speaking": False}
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
    assert wait_for(projector, "floor", lambda f: f["speaker"]) == {
        "statement": sid, "speaker": {"key": 3, "region": "agree"}}
    assert all("queue" not in f for f in events(projector, "floor"))
    assert wait_for(room[2], "floor", lambda f: f["speaking"]) == {"hand": False, "speaking": True}
    # The others hear only about themselves: still in the queue, not speaking.
    assert wait_for(room[0], "floor", lambda f: f["hand"]) == {"hand": True, "speaking": False}
    assert all(set(f) == {"hand", "speaking"} for p in room for f in events(p, "floor"))
    api("DELETE", f"/statements/{sid}/floor")
    assert wait_for(projector, "floor", lambda f: f["speaker"] is None)["statement"] == sid


def test_the_queue_follows_a_move(room, facilitator, sid):
    ok(room[0], "hand", {"on": True})
    wait_for(facilitator, "floor", lambda f: f["queue"] and f["queue"][0]["region"] == "disagree")
    ok(room[0], "position", {"statement": sid, "value": 95})
    wait_for(facilitator, "floor", lambda f: f["queue"] and f["queue"][0]["region"] == "agree")


@pytest.mark.parametrize("event, payload", [
    ("floor", {"participant": 1}), ("give_floor", {"participant": None}), ("approve", {"comment": 1}),
    ("moderate", {"id": 1, "status": "approved"}), ("shown_comment", {"comment": 1}),
    ("replay", {"statement": 1}), ("barometer", {"phone_comments": True}),
])
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


def test_comments_reach_only_the_facilitator_until_shown(room, facilitator, projector, api, sid):
    ack = room[0].emit("comment", {"statement": sid, "text": "Inte ännu"}, callback=True)
    assert ack["ok"] is False and ack["error"]  # off by default
    api("PATCH", "/barometer", {"phone_comments": True})
    ack = ok(room[0], "comment", {"statement": sid, "text": "<b>Det</b> kostar"})
    assert (ack["statement"], ack["status"]) == (sid, "pending")
    listed = wait_for(facilitator, "phone_comments", lambda d: d["comments"])
    assert listed["statement"] == sid and listed["comments"][0]["text"] == "<b>Det</b> kostar"
    api("PATCH", f"/statements/{sid}/phone-comments/{ack['id']}", {"status": "approved"})
    api("PUT", f"/statements/{sid}/shown-comment", {"comment": ack["id"]})
    shown = wait_for(projector, "comment_shown", lambda d: d["statement"] is not None)
    assert shown == {"statement": sid, "text": "<b>Det</b> kostar", "region": "disagree"}
    wait_for(facilitator, "comment_shown", lambda d: d["statement"] is not None)
    assert events(projector, "phone_comments") == []
    for p in room:
        assert events(p, "phone_comments") == [] and events(p, "comment_shown") == []
    api("POST", f"/statements/{sid}/close")
    wait_for(projector, "comment_shown", lambda d: d["statement"] is None)


def test_comments_are_rate_limited_per_phone(room, api, sid):
    api("PATCH", "/barometer", {"phone_comments": True})
    for i in range(3):
        ok(room[0], "comment", {"statement": sid, "text": f"Nummer {i}"})
    ack = room[0].emit("comment", {"statement": sid, "text": "En till"}, callback=True)
    assert ack["ok"] is False and "minut" in ack["error"]
    ok(room[1], "comment", {"statement": sid, "text": "Någon annan"})


@pytest.mark.parametrize("payload", [{"statement": 1, "text": ""}, {"statement": 1, "text": "x" * 281},
                                     {"statement": 1}, {"text": "Hej"}, {"statement": "1", "text": "Hej"}])
def test_bad_comments_are_refused(room, api, sid, store, workshop, payload):
    api("PATCH", "/barometer", {"phone_comments": True})
    if payload.get("statement") == 1:
        payload = {**payload, "statement": sid}
    assert room[0].emit("comment", payload, callback=True)["ok"] is False
    assert store.phone_comments(workshop["id"], sid) == []


def test_replay_history_once_then_the_scrubber(room, facilitator, projector, api, sid, app, socketio, workshop):
    api("POST", f"/statements/{sid}/close")
    projector.get_received()
    api("POST", f"/statements/{sid}/replay", {"speed": 20})
    got = received(projector)  # both are sent before the request answers
    (history,) = got["replay_history"]
    assert history["statement"] == sid and history["changes"] == 3
    assert [key for key, _ in history["tracks"]] == [1, 2, 3]
    assert history["tracks"][0][1][0][1] == 10
    state = got["state"][-1]
    assert state["replay"]["statement"] == sid and state["replay"]["speed"] == 20
    api("PATCH", f"/statements/{sid}/replay", {"playing": False, "at": 0})
    got = received(projector)
    assert [(s["playing"], s["at_ms"]) for s in got["replay"]] == [(False, 0)]
    assert "replay_history" not in got  # the history is sent once, not with every scrub
    late = socketio.test_client(app, auth={"workshop": workshop["id"], "key": workshop["projector_key"]})
    assert events(late, "replay_history")[0]["statement"] == sid  # a screen that joins late gets it
    late.disconnect()
    for p in room:
        assert events(p, "replay_history") == []
    api("DELETE", f"/statements/{sid}/replay")
    assert last_state(projector)["replay"] is None
