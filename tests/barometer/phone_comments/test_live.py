"""Sockets, comments from phones (live_comments.py): written on the phone,
seen by the facilitator only until one is approved and shown."""

import pytest

from tests.conftest import events, ok, wait_for


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


@pytest.mark.parametrize(
    "payload",
    [
        {"statement": 1, "text": ""},
        {"statement": 1, "text": "x" * 281},
        {"statement": 1},
        {"text": "Hej"},
        {"statement": "1", "text": "Hej"},
    ],
)
def test_bad_comments_are_refused(room, api, sid, store, workshop, payload):
    api("PATCH", "/barometer", {"phone_comments": True})
    if payload.get("statement") == 1:
        payload = {**payload, "statement": sid}
    assert room[0].emit("comment", payload, callback=True)["ok"] is False
    assert store.phone_comments(workshop["id"], sid) == []
