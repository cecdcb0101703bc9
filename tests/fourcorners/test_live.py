"""Fyra hörn over Socket.IO: choices acked once committed, a coalesced tally
for staff only, and each phone's own choice in its `state`."""

import pytest

from tests.conftest import events, wait_for

LABELS = ["Norr", "Öster", "Söder", "Väster"]


@pytest.fixture
def base(workshop):
    return f"/api/workshops/{workshop['id']}/corners"


@pytest.fixture
def question(client, base, fac):
    q = client.post(base, json={"text": "Var i Värmland bor du?", "labels": LABELS}, headers=fac).get_json()
    assert client.post(f"{base}/{q['id']}/open", headers=fac).status_code == 200
    return q


@pytest.fixture
def facilitator(app, socketio, workshop):
    c = socketio.test_client(app, auth={"workshop": workshop["id"], "key": workshop["facilitator_key"]})
    yield c
    if c.is_connected():
        c.disconnect()


def corners_state(client) -> dict | None:
    return events(client, "state")[-1]["corners"]


def test_a_phone_outside_the_phase_gets_no_corners(phone):
    state = events(phone(), "state")[-1]
    assert state["phase"] == "lobby" and "corners" not in state


def test_the_open_question_reaches_phones(phone, question):
    state = events(phone(), "state")[-1]
    assert state["phase"] == "fourcorners"
    assert state["corners"] == {
        "question": {"id": question["id"], "text": question["text"], "labels": LABELS},
        "choice": None,
    }


def test_opening_pushes_state_to_connected_phones(client, base, fac, phone):
    p = phone()
    q = client.post(base, json={"text": "Fråga", "labels": LABELS}, headers=fac).get_json()
    p.get_received()
    client.post(f"{base}/{q['id']}/open", headers=fac)
    assert corners_state(p)["question"]["id"] == q["id"]
    client.post(f"{base}/{q['id']}/close", headers=fac)
    state = events(p, "state")[-1]
    assert state["phase"] == "fourcorners" and state["corners"] is None


def test_choice_is_acked_and_staff_get_a_coalesced_tally(phone, projector, facilitator, question):
    phones = [phone() for _ in range(3)]
    projector.get_received()
    facilitator.get_received()
    for i, p in enumerate(phones):
        for corner in (0, 1, 2, 3, "pass", 0, 1, 2, 3):  # many changes...
            ack = p.emit("corner", {"question": question["id"], "corner": corner}, callback=True)
            assert ack == {"ok": True, "question": question["id"], "corner": corner}
        p.emit("corner", {"question": question["id"], "corner": i}, callback=True)
    final = {
        "question": question["id"],
        "counts": [1, 1, 1, 0],
        "passes": 0,
        "count": 3,
        "dots": [[1, 0], [2, 1], [3, 2]],
    }
    assert wait_for(projector, "tally", lambda t: t == final) == final
    assert wait_for(facilitator, "tally", lambda t: t == final) == final
    # ...but far fewer tallies than choices (30): one per window.
    assert len(events(projector, "tally")) < 10


def test_phones_never_get_others_choices(phone, projector, question):
    a, b = phone(), phone()
    a.get_received()
    b.get_received()
    assert a.emit("corner", {"question": question["id"], "corner": 3}, callback=True)["ok"]
    assert b.emit("corner", {"question": question["id"], "corner": 1}, callback=True)["ok"]
    wait_for(projector, "tally", lambda t: t["count"] == 2)  # the tally went out...
    for p in (a, b):
        assert "tally" not in {e["name"] for e in p.get_received()}  # ...but not to phones
    # A third phone's state carries its own choice (none yet), nothing of a's or b's.
    state = events(phone(), "state")[-1]
    assert set(state["corners"]) == {"question", "choice"} and state["corners"]["choice"] is None


def test_a_reconnecting_phone_gets_its_choice_back(phone, question, store):
    first = phone()
    token = events(first, "welcome")[0]["participant"]
    assert first.emit("corner", {"question": question["id"], "corner": 2}, callback=True)["ok"]
    first.disconnect()
    again = phone(token=token)
    received = again.get_received()
    assert received[0]["args"][0]["participant"] == token
    assert received[1]["name"] == "state" and received[1]["args"][0]["corners"]["choice"] == 2
    assert again.emit("corner", {"question": question["id"], "corner": "pass"}, callback=True)["ok"]
    again.disconnect()
    assert events(phone(token=token), "state")[-1]["corners"]["choice"] == "pass"
    assert store.participant_count(question["workshop_id"]) == 1


def test_staff_get_the_question_and_the_tally_on_connect(phone, question, app, socketio, workshop):
    assert phone().emit("corner", {"question": question["id"], "corner": 1}, callback=True)["ok"]
    c = socketio.test_client(app, auth={"workshop": workshop["id"], "key": workshop["projector_key"]})
    received = c.get_received()
    state = next(e["args"][0] for e in received if e["name"] == "state")
    assert state["corners"] == {
        "question": {"id": question["id"], "text": question["text"], "labels": LABELS, "status": "open"}
    }
    tally = next(e["args"][0] for e in received if e["name"] == "tally")
    assert tally["counts"] == [0, 1, 0, 0] and tally["dots"] == [[1, 1]]
    c.disconnect()


@pytest.mark.parametrize(
    "payload",
    [
        {"question": "x", "corner": 1},
        {"corner": 1},
        {"question": 1},
        None,
        "1",
        [1, 2],
        {"question": 1, "corner": 4},
        {"question": 1, "corner": -1},
        {"question": 1, "corner": 1.5},
        {"question": 1, "corner": "1"},
        {"question": 1, "corner": True},
        {"question": 1, "corner": None},
        {"question": 2**63, "corner": 1},
        {"question": 9999, "corner": 1},
    ],
)
def test_bad_choices_are_refused_and_change_nothing(phone, question, store, payload):
    if isinstance(payload, dict) and payload.get("question") == 1:
        payload = {**payload, "question": question["id"]}
    ack = phone().emit("corner", payload, callback=True)
    assert ack["ok"] is False and ack["error"]
    assert store.fc_tally(question["id"]).choices == ()


def test_after_close_choices_are_refused(client, base, fac, phone, question, store):
    p = phone()
    assert p.emit("corner", {"question": question["id"], "corner": 0}, callback=True)["ok"]
    client.post(f"{base}/{question['id']}/close", headers=fac)
    ack = p.emit("corner", {"question": question["id"], "corner": 3}, callback=True)
    assert ack["ok"] is False and "inte öppen" in ack["error"]
    assert list(store.fc_choices_by_participant(question["id"]).values()) == [0]


def test_staff_sockets_cannot_choose(projector, facilitator, question):
    for c in (projector, facilitator):
        assert c.emit("corner", {"question": question["id"], "corner": 0}, callback=True)["ok"] is False


def test_english_errors_for_english_phones(app, socketio, workshop, question):
    c = socketio.test_client(app, auth={"code": workshop["code"], "lang": "en"})
    ack = c.emit("corner", {"question": question["id"], "corner": 7}, callback=True)
    assert ack["error"] == 'corner must be 0, 1, 2 or 3, or "pass".'
    c.disconnect()


def test_facilitators_get_the_question_list(client, base, fac, facilitator, projector):
    facilitator.get_received()
    projector.get_received()
    client.post(base, json={"text": "Ny", "labels": LABELS}, headers=fac)
    assert [q["text"] for q in events(facilitator, "questions")[-1]["questions"]] == ["Ny"]
    assert events(projector, "questions") == []


def test_the_question_closed_last_stays_in_staff_state_with_its_tally(
    client, base, fac, phone, projector, question
):
    """After "Stäng frågan" the projector keeps the room's answer (issue 20)."""
    assert events(projector, "state")[-1]["corners_closed"] is None
    assert phone().emit("corner", {"question": question["id"], "corner": 2}, callback=True)["ok"]
    client.post(f"{base}/{question['id']}/close", headers=fac)
    state = events(projector, "state")[-1]
    assert state["corners"] is None
    closed = state["corners_closed"]
    assert {k: closed[k] for k in ("id", "text", "labels", "status")} == {
        "id": question["id"],
        "text": question["text"],
        "labels": LABELS,
        "status": "closed",
    }
    assert closed["tally"]["counts"] == [0, 0, 1, 0] and closed["tally"]["count"] == 1
    # Another question opens: it is the open one; the closed one stays the last closed.
    q2 = client.post(base, json={"text": "Nästa", "labels": LABELS}, headers=fac).get_json()
    client.post(f"{base}/{q2['id']}/open", headers=fac)
    state = events(projector, "state")[-1]
    assert state["corners"]["question"]["id"] == q2["id"]
    client.post(f"{base}/{q2['id']}/close", headers=fac)
    assert events(projector, "state")[-1]["corners_closed"]["id"] == q2["id"]
