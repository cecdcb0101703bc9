"""The socket guard: reserved and unknown events, depth, size and values are
refused before any handler runs, and every refused event that asked for an
ack gets one.

Two ways in: SocketIOTestClient for the logic (it calls the server's
dispatch in-process), and the real server process (bench/live_server.py)
with raw websocket frames (tests/raw_socket.py) for every check on the
packet itself. The raw checks used to be tested only through the attribute
the guard replaced, which python-socketio never called on a real connection
(issue 17): so each is tested here over a real socket, where Engine.IO
delivers messages, and the server's log must hold no traceback."""

from __future__ import annotations

import json
import logging

import pytest

from bench.live_server import LiveServer
from tests.conftest import ok, wait_for
from tests.raw_socket import RawSocket
from workshop.live.guard import MAX_DEPTH, Refused, check_raw, deeper_than, nesting_depth

TOO_DEEP = "Meddelandet är för djupt nästlat."
UNREADABLE = "Meddelandet kunde inte läsas."


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
    assert placed.emit("hand", {"on": True}, callback=True)["ok"] is True
    ack = placed.emit("comment", {"statement": opened["id"], "text": "Bra"}, callback=True)
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
def test_staff_cannot_send_hand_or_comment(projector, facilitator, store, workshop, opened, event):
    before = _floor_and_comments(store, workshop, opened)
    for staff in (projector, facilitator):
        ack = staff.emit(event, {"on": True, "statement": opened["id"], "text": "Hej"}, callback=True)
        assert ack["ok"] is False
    assert _floor_and_comments(store, workshop, opened) == before


def test_depth_is_counted_without_recursion():
    assert deeper_than("[" * 17 + "]" * 17, MAX_DEPTH)
    assert not deeper_than("[" * 16 + "]" * 16, MAX_DEPTH)
    assert deeper_than("[1," * 10 + "[[],[" * 8 + "]]" * 8 + "]" * 10, MAX_DEPTH)  # not in a row
    assert not deeper_than('["' + "[" * 40 + '"]', MAX_DEPTH)  # inside a string
    assert nesting_depth("[" * 1500 + "]" * 1500) == 1500


# -- over a real websocket, against the real server process (issue 17) --------
@pytest.fixture(scope="module")
def live(tmp_path_factory):
    server = LiveServer(tmp_path_factory.mktemp("guard") / "data").start()
    yield server
    server.stop()


@pytest.fixture
def real(live):
    """A workshop with an open statement and a phone joined on a raw
    websocket; after the test, the server's log since it began must hold no
    traceback."""
    start = len(live.log())
    workshop = live.new_workshop("Vakten")
    statement = live.open_statement(workshop, "Vi behöver mer dialog")
    sock = RawSocket(live.url).join({"code": workshop["code"]})

    def count() -> int:
        path = f"/api/workshops/{workshop['id']}/statements/{statement['id']}/distribution"
        return live.api("GET", path, workshop["facilitator_key"], expect=200)["count"]

    yield {"live": live, "workshop": workshop, "statement": statement["id"], "sock": sock, "count": count}
    sock.close()
    assert "Traceback" not in live.log()[start:]


def event(ack_id: int, name: str, data_json: str) -> str:
    return f'42{ack_id}["{name}",{data_json}]'


@pytest.mark.server
def test_real_socket_a_well_formed_event_passes(real):
    sock = real["sock"]
    assert sock.call("position", {"statement": real["statement"], "value": 40}) == {
        "ok": True,
        "statement": real["statement"],
        "value": 40,
    }
    assert real["count"]() == 1


@pytest.mark.server
def test_real_socket_a_deep_position_gets_its_error_ack(real):
    sock, deep = real["sock"], "[" * 1500 + "]" * 1500
    sock.send(event(7, "position", f'{{"statement":{real["statement"]},"value":{deep}}}'))
    assert sock.ack(7) == {"ok": False, "error": TOO_DEEP}
    assert real["count"]() == 0
    # The connection stays: the next move is taken.
    assert sock.call("position", {"statement": real["statement"], "value": 60})["ok"] is True


@pytest.mark.server
def test_real_socket_a_long_position_gets_its_error_ack(real):
    sock = real["sock"]
    long = json.dumps({"statement": real["statement"], "value": "x" * 240_000})
    sock.send(event(8, "position", long))
    assert sock.ack(8) == {"ok": False, "error": "Meddelandet är för stort."}
    assert real["count"]() == 0


@pytest.mark.server
@pytest.mark.parametrize("name", ["disconnect", "no_such_event"])
def test_real_socket_reserved_and_unknown_events_are_refused(real, name):
    sock = real["sock"]
    assert sock.call(name, {"reason": "spoofed"})["ok"] is False
    assert sock.call("position", {"statement": real["statement"], "value": 70})["ok"] is True


@pytest.mark.server
@pytest.mark.parametrize("value", ["\ud800", 10**30])
def test_real_socket_unstorable_values_are_refused(real, value):
    assert real["sock"].call("position", {"statement": real["statement"], "value": value})["ok"] is False
    assert real["count"]() == 0


@pytest.mark.server
@pytest.mark.parametrize("name", ["hand", "comment"])
def test_real_socket_deep_hand_or_comment_gets_its_error_ack(real, name):
    sock, deep = real["sock"], "[" * 990 + "]" * 990
    sock.send(event(9, name, f'{{"statement":{real["statement"]},"on":{deep},"text":{deep}}}'))
    assert sock.ack(9) == {"ok": False, "error": TOO_DEEP}


@pytest.mark.server
@pytest.mark.parametrize(
    "frame",
    [
        '423["position", {not json',  # Socket.IO cannot read it
        '451-4["position",{"_placeholder":true,"num":0}]',  # a binary event: we take none
        "4212345678901234567890123456789" + "0" * 80 + '["position"]',  # an id too long
    ],
)
def test_real_socket_unreadable_packets_with_an_ack_id_get_the_error_ack(real, frame):
    sock = real["sock"]
    sock.send(frame)
    message = sock.receive(5)
    assert message.startswith("43") and json.loads(message[message.index("[") :]) == [
        {"ok": False, "error": UNREADABLE}
    ], message
    assert sock.call("position", {"statement": real["statement"], "value": 20})["ok"] is True


@pytest.mark.server
@pytest.mark.parametrize(
    "frame",
    [
        "",  # empty
        "x",  # not an Engine.IO packet type
        "4" + "[" * 1500 + "]" * 1500,  # Engine.IO would decode this JSON itself
        '4{"a":1}',  # a message that is not a Socket.IO packet
        "b!!!",  # "base64" that is not
        "2[1]",  # a ping carrying JSON
        '42["position", {not json',  # unreadable, no ack asked
        '49["position"]',  # no such Socket.IO packet type
    ],
)
def test_real_socket_malformed_frames_close_the_connection_cleanly(real, frame):
    sock = real["sock"]
    sock.send(frame)
    assert sock.wait_closed(5)
    assert real["count"]() == 0


@pytest.mark.server
def test_real_socket_a_binary_frame_closes_the_connection_cleanly(real):
    real["sock"].send_binary(b"\x00\x01binary")
    assert real["sock"].wait_closed(5)


# -- the long-polling fallback: the same checks before Engine.IO decodes -------
def polling_session(live) -> str:
    import requests

    opened = requests.get(f"{live.url}/socket.io/?EIO=4&transport=polling", timeout=5)
    return json.loads(opened.text[1:])["sid"]


@pytest.mark.server
@pytest.mark.parametrize(
    "body",
    ["4" + "[" * 1500 + "]" * 1500, "x", "b!!", "\x1e".join(['42["no_such_event"]'] * 300)],
    ids=["deep", "junk", "base64", "over-budget"],
)
def test_real_polling_post_that_is_not_engine_io_or_over_budget_closes_the_session(live, body):
    import requests

    start, sid = len(live.log()), polling_session(live)
    url = f"{live.url}/socket.io/?EIO=4&transport=polling&sid={sid}"
    assert requests.post(url, data=body.encode(), timeout=5).status_code == 400
    assert requests.get(url, timeout=5).status_code == 400  # the session is gone
    assert "Traceback" not in live.log()[start:]


@pytest.mark.server
def test_real_polling_phone_moves_within_its_budget(live):
    import socketio as socketio_client

    workshop = live.new_workshop("Polling")
    statement = live.open_statement(workshop, "Vi behöver mer dialog")
    phone = socketio_client.Client(reconnection=False)
    phone.connect(live.url, auth={"code": workshop["code"]}, transports=["polling"], wait_timeout=10)
    try:
        for value in range(0, 100, 10):
            ack = phone.call("position", {"statement": statement["id"], "value": value}, timeout=5)
            assert ack["ok"] is True
    finally:
        phone.disconnect()
