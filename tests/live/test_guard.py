"""The socket guard: reserved and unknown events, depth, size and values are
refused before any handler runs, and every refused event that asked for an
ack gets one. Driven through real Socket.IO packets (SocketIOTestClient
sends encoded packets through the server's own dispatch)."""

from __future__ import annotations

import json
import logging

import pytest

from tests.conftest import ok, wait_for
from workshop.live.guard import MAX_DEPTH, Refused, check_raw, nesting_depth


def raw(client, text: str):
    """Send an encoded Socket.IO packet as-is, as a hostile client would;
    returns the ack the server sent (None if it sent none)."""
    client.acks = None
    client.socketio.server._handle_eio_message(client.eio_sid, text)
    return client.acks["args"][0] if client.acks else None


@pytest.fixture
def opened(api):
    (s,) = api("POST", "/statements/bulk", {"text": "Vi behöver mer dialog"})["statements"]
    api("POST", f"/statements/{s['id']}/open")
    return s


@pytest.mark.parametrize("name", ["disconnect", "connect", "connect_error", "__disconnect_final"])
def test_reserved_event_is_refused_and_the_phone_stays_known(app, workshop, phone, projector, opened, name):
    p = phone()
    ack = p.emit(name, {"reason": "spoofed"}, callback=True)
    assert ack["ok"] is False and ack["error"]
    # Still a known, online phone: its next move is accepted and counted.
    assert app.extensions["workshop.hub"].online(workshop["id"]) == 1
    ok(p, "position", {"statement": opened["id"], "value": 70})
    wait_for(projector, "distribution", lambda d: d["count"] == 1)


def test_projector_that_sent_disconnect_still_hears_deleted(client, admin, workshop, projector):
    ack = projector.emit("disconnect", callback=True)
    assert ack["ok"] is False
    client.delete(f"/api/workshops/{workshop['id']}", headers=admin)
    # The hub still knew it, so the deletion told it and closed it.
    assert not projector.is_connected()


def test_unknown_event_gets_an_error_ack(phone):
    ack = phone().emit("no_such_event", {}, callback=True)
    assert ack == {"ok": False, "error": "Okänd händelse."}


def test_deep_payload_gets_an_ack_and_changes_nothing(phone, opened, store):
    p = phone()
    deep = "[" * 990 + "]" * 990
    ack = raw(p, f'221["position",{{"statement":{opened["id"]},"value":{deep}}}]')
    assert ack == {"ok": False, "error": "Meddelandet är för djupt nästlat."}
    assert store.distribution(opened["id"]).count == 0


def test_value_checks_refuse_bad_text_and_huge_ints(phone, opened, store):
    p = phone()
    for payload in (
        {"statement": opened["id"], "value": 10**30},
        {"statement": 10**30, "value": 50},
        {"statement": opened["id"], "value": "\ud800"},
    ):
        ack = p.emit("position", payload, callback=True)
        assert ack["ok"] is False, payload
    assert store.distribution(opened["id"]).count == 0


def test_no_traceback_in_the_log(phone, opened, caplog):
    p = phone()
    with caplog.at_level(logging.INFO):
        p.emit("here", {"topic": 10**30}, callback=True)
        p.emit("topic", {"title": "\ud800"}, callback=True)
        p.emit("disconnect", callback=True)
    assert not [r for r in caplog.records if r.exc_info]


def test_nesting_depth_skips_strings():
    assert nesting_depth('["a", {"b": [1, 2]}]') == 3
    assert nesting_depth('["[[[[[[", "{{{{"]') == 1
    assert nesting_depth('["\\"[[["]') == 1
    check_raw('2["position",{"statement":1,"value":50}]')
    with pytest.raises(Refused):
        check_raw("2" + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))
    with pytest.raises(Refused):
        check_raw('2["note",{"text":"' + "x" * 300_000 + '"}]')


def test_a_well_formed_raw_event_passes_the_guard(phone, opened, store):
    ack = raw(phone(), "27" + json.dumps(["position", {"statement": opened["id"], "value": 40}]))
    assert ack == {"ok": True, "statement": opened["id"], "value": 40}
    assert store.distribution(opened["id"]).values == (40,)


def test_unreadable_packet_changes_nothing_and_logs_no_traceback(phone, caplog):
    with caplog.at_level(logging.DEBUG):
        assert raw(phone(), '23["position", {not json') is None
    assert not [r for r in caplog.records if r.exc_info]


# -- Åsiktsbarometer's Ordet and comments from phones (issue 11) --------------
@pytest.fixture
def placed(api, phone, opened):
    """A phone on the line, with comments allowed: a good hand or comment would be taken."""
    api("PATCH", "/barometer", {"phone_comments": True})
    p = phone()
    ok(p, "position", {"statement": opened["id"], "value": 70})
    return p


def _floor_and_comments(store, workshop, opened):
    return store.floor(workshop["id"]).staff(), store.phone_comments(workshop["id"], opened["id"])


def test_hand_and_comment_are_known_events(placed, opened):
    assert raw(placed, "28" + json.dumps(["hand", {"on": True}]))["ok"] is True
    ack = raw(placed, "29" + json.dumps(["comment", {"statement": opened["id"], "text": "Bra"}]))
    assert ack["ok"] is True and ack["status"] == "pending"


@pytest.mark.parametrize(
    "event, payload",
    [
        ("hand", None),
        ("hand", [True]),
        ("hand", {"on": "yes"}),
        ("hand", {"on": 10**30}),
        ("hand", {"on": "\ud800"}),
        ("hand", {}),
        ("comment", "Hej"),
        ("comment", {"statement": 10**30, "text": "Hej"}),
        ("comment", {"statement": "S", "text": "\ud800"}),
        ("comment", {"statement": "S", "text": ["Hej"]}),
        ("comment", {"statement": "S", "text": "x" * 281}),
        ("comment", {"statement": "S", "text": "   "}),
    ],
)
def test_bad_hand_or_comment_gets_an_error_ack_and_changes_nothing(
    placed, store, workshop, opened, event, payload
):
    if isinstance(payload, dict) and payload.get("statement") == "S":
        payload = {**payload, "statement": opened["id"]}
    before = _floor_and_comments(store, workshop, opened)
    ack = placed.emit(event, payload, callback=True)
    assert ack["ok"] is False and ack["error"], ack
    assert _floor_and_comments(store, workshop, opened) == before


@pytest.mark.parametrize("event", ["hand", "comment"])
def test_deep_hand_or_comment_is_refused_before_its_handler(placed, store, workshop, opened, event):
    before = _floor_and_comments(store, workshop, opened)
    deep = "[" * 990 + "]" * 990
    ack = raw(placed, f'223["{event}",{{"statement":{opened["id"]},"on":{deep},"text":{deep}}}]')
    assert ack == {"ok": False, "error": "Meddelandet är för djupt nästlat."}
    assert _floor_and_comments(store, workshop, opened) == before


@pytest.mark.parametrize("event", ["hand", "comment"])
def test_staff_cannot_send_hand_or_comment(projector, facilitator, store, workshop, opened, event):
    before = _floor_and_comments(store, workshop, opened)
    for staff in (projector, facilitator):
        ack = staff.emit(event, {"on": True, "statement": opened["id"], "text": "Hej"}, callback=True)
        assert ack["ok"] is False
    assert _floor_and_comments(store, workshop, opened) == before
