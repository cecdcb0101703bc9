import pytest

from tests.conftest import events, wait_for


@pytest.fixture
def statement(client, workshop, fac):
    base = f"/api/workshops/{workshop['id']}/statements"
    s = client.post(base, json={"text": "Den kommande regionen är viktig"}, headers=fac).get_json()
    client.post(f"{base}/{s['id']}/open", headers=fac)
    return s


def test_join_gets_welcome_then_state(phone, workshop):
    p = phone()
    received = p.get_received()
    assert [e["name"] for e in received[:2]] == ["welcome", "state"]
    welcome, state = received[0]["args"][0], received[1]["args"][0]
    assert welcome["participant"] and welcome["workshop"]["code"] == workshop["code"]
    assert "facilitator_key" not in welcome["workshop"]
    assert state == {"phase": "lobby", "reading": "sv", "statement": None, "position": None}


def test_wrong_code_is_refused(app, socketio):
    for auth in ({"code": "000000"}, {"code": "abc"}, {}, None, {"workshop": "nope", "key": "x"}):
        c = socketio.test_client(app, auth=auth)
        assert not c.is_connected()


def test_staff_need_the_right_key(app, socketio, workshop):
    c = socketio.test_client(app, auth={"workshop": workshop["id"], "key": "guess"})
    assert not c.is_connected()
    c = socketio.test_client(app, auth={"workshop": workshop["id"], "key": workshop["projector_key"]})
    assert c.is_connected()


def test_open_statement_reaches_phones(phone, statement):
    p = phone()
    state = [s for s in events(p, "state")][-1]
    assert state["statement"] == {"id": statement["id"], "text": statement["text"]}
    assert state["phase"] == "barometer" and state["position"] is None


def test_position_is_acked_and_reaches_projector_coalesced(phone, projector, statement):
    phones = [phone() for _ in range(3)]
    projector.get_received()
    for i, p in enumerate(phones):
        for value in range(0, 50, 5):  # many moves...
            ack = p.emit("position", {"statement": statement["id"], "value": value + i}, callback=True)
            assert ack == {"ok": True, "statement": statement["id"], "value": value + i}
    final = wait_for(
        projector, "distribution", lambda d: d["count"] == 3 and sorted(d["values"]) == [45, 46, 47]
    )
    assert final["mean"] == 46.0 and final["passes"] == 0
    # ...but far fewer aggregates than moves: the projector gets coalesced updates.
    assert len(events(projector, "distribution")) < 10


def test_phones_never_get_other_positions(phone, projector, statement):
    a, b = phone(), phone()
    b.get_received()
    a.emit("position", {"statement": statement["id"], "value": 80}, callback=True)
    # Wait until the flush has happened (the projector saw the move), so a
    # leak to phones would already be in b's inbox.
    wait_for(projector, "distribution", lambda d: d["count"] == 1)
    received = b.get_received()
    assert "distribution" not in {e["name"] for e in received}
    assert "80" not in str(received)


@pytest.mark.parametrize(
    "payload",
    [
        {"statement": "x", "value": 5},
        {"value": 5},
        {"statement": 1},
        None,
        "50",
        [1, 2],
        {"statement": 1, "value": 101},
        {"statement": 1, "value": -1},
        {"statement": 1, "value": 5.5},
        {"statement": 1, "value": "50"},
        {"statement": 1, "value": True},
        {"statement": 1, "value": 5, "settled": "yes"},
        {"statement": 1, "value": 5, "settled": 1},
    ],
)
def test_bad_positions_are_refused_and_change_nothing(phone, statement, store, payload):
    if isinstance(payload, dict) and payload.get("statement") == 1:
        payload = {**payload, "statement": statement["id"]}
    ack = phone().emit("position", payload, callback=True)
    assert ack["ok"] is False and ack["error"]
    assert store.distribution(statement["id"]).count == 0


def test_unknown_statement_is_refused(phone, statement):
    ack = phone().emit("position", {"statement": 9999, "value": 5}, callback=True)
    assert ack == {"ok": False, "error": ack["error"]} and ack["error"]


def test_after_close_positions_are_refused(client, workshop, fac, phone, statement, store):
    p = phone()
    assert p.emit("position", {"statement": statement["id"], "value": 30}, callback=True)["ok"]
    client.post(f"/api/workshops/{workshop['id']}/statements/{statement['id']}/close", headers=fac)
    ack = p.emit("position", {"statement": statement["id"], "value": 70}, callback=True)
    assert ack["ok"] is False and ("closed" in ack["error"].lower() or "stängt" in ack["error"].lower())
    assert store.distribution(statement["id"]).values == (30,)


def test_pass_and_history(phone, statement, store):
    p = phone()
    for value in (20, "pass", 60):
        assert p.emit("position", {"statement": statement["id"], "value": value}, callback=True)["ok"]
    assert store.distribution(statement["id"]).values == (60,)
    assert store._scalar("SELECT count(*) FROM position_changes") == 3


def test_settled_marks_where_a_gesture_ended(phone, statement, store, workshop):
    """A drag sends samples, then the same value again with settled on
    release: the history keeps each change once, the release marked."""
    p, sid = phone(), statement["id"]
    for value in (50, 60, 70):  # the drag's samples
        assert p.emit("position", {"statement": sid, "value": value}, callback=True)["ok"]
    ack = p.emit("position", {"statement": sid, "value": 70, "settled": True}, callback=True)
    assert ack == {"ok": True, "statement": sid, "value": 70}
    assert p.emit("position", {"statement": sid, "value": 20, "settled": True}, callback=True)["ok"]
    assert p.emit("position", {"statement": sid, "value": 20}, callback=True)["ok"]  # a repeat: no row
    assert p.emit("position", {"statement": sid, "value": "pass", "settled": False}, callback=True)["ok"]
    history = store.barometer_record(workshop["id"]).statements[0].history
    assert [(h.value, h.gesture_end) for h in history] == [
        (50, False),
        (60, False),
        (70, True),
        (20, True),
        (None, False),
    ]
    assert store.distribution(sid).passes == 1


def test_reconnect_with_token_is_the_same_participant(phone, statement, store):
    first = phone()
    token = events(first, "welcome")[0]["participant"]
    first.emit("position", {"statement": statement["id"], "value": 77}, callback=True)
    first.disconnect()
    again = phone(token=token)
    received = again.get_received()
    assert received[0]["args"][0]["participant"] == token
    assert received[1]["args"][0]["position"] == 77
    assert store.participant_count(statement["workshop_id"]) == 1


def test_participants_cannot_do_facilitator_things(phone, statement, client, workshop, fac):
    p = phone()
    # No socket event changes facilitator state; unknown events are ignored.
    for event in ("open", "close", "phase", "statement", "comment"):
        p.emit(event, {"statement": statement["id"], "phase": "ended"})
    state = client.get(f"/api/workshops/{workshop['id']}", headers=fac).get_json()
    assert state["phase"] == "barometer" and state["statements"][0]["status"] == "open"


def test_staff_socket_cannot_send_positions(projector, statement):
    ack = projector.emit("position", {"statement": statement["id"], "value": 50}, callback=True)
    assert ack["ok"] is False


def test_hidden_statement_hides_dots_from_projector_only(
    app, socketio, client, workshop, fac, phone, projector, statement
):
    client.patch(
        f"/api/workshops/{workshop['id']}/statements/{statement['id']}", json={"hidden": True}, headers=fac
    )
    facilitator = socketio.test_client(
        app, auth={"workshop": workshop["id"], "key": workshop["facilitator_key"]}
    )
    phone().emit("position", {"statement": statement["id"], "value": 12}, callback=True)
    seen = wait_for(projector, "distribution", lambda d: d["count"] == 1)
    assert seen["values"] == [] and seen["hidden"] is True
    assert wait_for(facilitator, "distribution", lambda d: d["count"] == 1)["values"] == [12]


def test_presence_counts_joined_phones(phone, projector):
    phone(), phone()
    assert wait_for(projector, "presence", lambda p: p["joined"] == 2)["online"] == 2


def test_phase_change_reaches_phones(client, workshop, fac, phone):
    p = phone()
    p.get_received()
    client.post(f"/api/workshops/{workshop['id']}/phase", json={"phase": "ended"}, headers=fac)
    assert events(p, "state")[-1]["phase"] == "ended"


def test_english_errors_for_english_phones(app, socketio, workshop, statement):
    c = socketio.test_client(app, auth={"code": workshop["code"], "lang": "en"})
    ack = c.emit("position", {"statement": statement["id"], "value": 500}, callback=True)
    assert "0 to 100" in ack["error"]


def _close(client, workshop, fac, statement):
    client.post(f"/api/workshops/{workshop['id']}/statements/{statement['id']}/close", headers=fac)


def test_staff_state_keeps_the_statement_just_closed(client, workshop, fac, phone, projector, statement):
    assert events(projector, "state")[-1]["closed_statement"] is None
    for value in (80, 85, 90, "pass"):
        assert phone().emit("position", {"statement": statement["id"], "value": value}, callback=True)["ok"]
    _close(client, workshop, fac, statement)
    state = events(projector, "state")[-1]
    assert state["statement"] is None
    closed = state["closed_statement"]
    assert {k: closed[k] for k in ("id", "text", "status", "hidden")} == {
        "id": statement["id"],
        "text": statement["text"],
        "status": "closed",
        "hidden": False,
    }
    dist = closed["distribution"]
    assert sorted(dist["values"]) == [80, 85, 90] and dist["count"] == 3 and dist["passes"] == 1
    assert len(dist["dots"]) == 3
    assert closed["summary"].startswith("Alla håller med")  # the workshop's language: Swedish


def test_the_next_close_replaces_the_result(client, workshop, fac, projector, statement):
    base = f"/api/workshops/{workshop['id']}/statements"
    _close(client, workshop, fac, statement)
    other = client.post(base, json={"text": "Nästa påstående"}, headers=fac).get_json()
    client.post(f"{base}/{other['id']}/open", headers=fac)
    state = events(projector, "state")[-1]
    assert state["statement"]["id"] == other["id"] and state["closed_statement"]["id"] == statement["id"]
    _close(client, workshop, fac, other)
    assert events(projector, "state")[-1]["closed_statement"]["id"] == other["id"]


def test_a_hidden_result_shows_only_counts(client, workshop, fac, phone, projector, statement):
    client.patch(
        f"/api/workshops/{workshop['id']}/statements/{statement['id']}", json={"hidden": True}, headers=fac
    )
    phone().emit("position", {"statement": statement["id"], "value": 12}, callback=True)
    _close(client, workshop, fac, statement)
    closed = events(projector, "state")[-1]["closed_statement"]
    assert closed["distribution"]["count"] == 1 and closed["distribution"]["dots"] == []
    assert closed["summary"] is None
    client.post(f"/api/workshops/{workshop['id']}/statements/{statement['id']}/reveal", headers=fac)
    closed = events(projector, "state")[-1]["closed_statement"]
    assert closed["distribution"]["values"] == [12] and closed["summary"]


def test_the_summary_speaks_the_workshops_language(app, socketio, client, admin):
    w = client.post("/api/workshops", json={"title": "W", "language": "en"}, headers=admin).get_json()
    key = {"Authorization": f"Bearer {w['facilitator_key']}"}
    base = f"/api/workshops/{w['id']}/statements"
    s = client.post(base, json={"text": "S"}, headers=key).get_json()
    client.post(f"{base}/{s['id']}/open", headers=key)
    client.post(f"{base}/{s['id']}/close", headers=key)
    staff = socketio.test_client(app, auth={"workshop": w["id"], "key": w["projector_key"]})
    assert events(staff, "state")[-1]["closed_statement"]["summary"].startswith("Too few")
    staff.disconnect()


def _states_both_ways(app, workshop_id: str) -> list[tuple[dict, dict]]:
    """Each connected phone's state as a push to every phone builds it, and as
    its welcome builds it (the welcome's own single read)."""
    hub = app.extensions["workshop.hub"]
    workshop = hub.store.workshop(workshop_id)
    pushed = hub.participant_states(workshop)
    return [
        (pushed(conn.participant_id), hub.participant_states(workshop, only=conn)(conn.participant_id))
        for conn in hub.phones(workshop_id)
    ]


def test_a_welcome_says_what_a_push_says_in_every_situation(app, phone, api, workshop):
    """The welcome reads a phone's share of the open statement in one query
    (BarometerQueries.phone_view); a push reads the room once. Both must tell
    a phone the same: placed, passed, not placed, hand up, speaking, comments
    allowed or not, hidden, no statement open, another phase."""
    seen = []

    def check():
        pairs = _states_both_ways(app, workshop["id"])
        assert len(pairs) == 4
        for pushed, welcomed in pairs:
            assert welcomed == pushed
        seen.append(sorted(str(pushed) for pushed, _ in pairs))

    phones = [phone() for _ in range(4)]
    check()  # lobby
    s = api("POST", "/statements", {"text": "Regionen behövs"})
    api("POST", f"/statements/{s['id']}/open")
    check()  # open, nobody placed
    for p, value in zip(phones, (10, 50, "pass")):
        assert p.emit("position", {"statement": s["id"], "value": value}, callback=True)["ok"]
    for p in phones[:2]:
        assert p.emit("hand", {"on": True}, callback=True)["ok"]
    api("POST", f"/statements/{s['id']}/floor", {"participant": None})
    check()  # one speaking, one hand up, one passed, one not placed
    api("PATCH", "/barometer", {"phone_comments": True})
    api("PATCH", f"/statements/{s['id']}", {"hidden": True})
    check()  # comments allowed, statement hidden
    api("POST", f"/statements/{s['id']}/close")
    check()  # nothing open
    api("POST", "/phase", {"phase": "openspace"})
    check()  # another method's phase
    assert len({str(states) for states in seen}) == len(seen), "each situation should look different"


def test_a_returning_phone_connects_in_two_reads(app, phone, api, store):
    """Workshop and participant by code and token (one query), then one read
    for the open statement's share (a hall of 5,000 reconnects at once:
    docs/performance.md)."""
    s = api("POST", "/statements", {"text": "Regionen behövs"})
    api("POST", f"/statements/{s['id']}/open")
    first = phone()
    token = events(first, "welcome")[0]["participant"]
    assert first.emit("position", {"statement": s["id"], "value": 40}, callback=True)["ok"]
    first.disconnect()
    reads: list[str] = []
    store.db.conn.set_trace_callback(reads.append)
    try:
        again = phone(token=token)
    finally:
        store.db.conn.set_trace_callback(None)
    assert events(again, "state")[-1]["position"] == 40
    assert len(reads) == 2, reads
