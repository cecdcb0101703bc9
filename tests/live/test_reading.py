"""A phone's reading language (live/reading.py): sent at join and by the
`reading` event; its `state` carries statements and questions in it."""

from __future__ import annotations

import pytest

from tests.conftest import events, wait_for

SV, EN = "Bussarna går tillräckligt ofta", "The buses run often enough"
LATTLAST = "Bussen kommer ofta"


@pytest.fixture
def statement(client, workshop, fac):
    """An open statement in Swedish and English (no easy-read Swedish)."""
    base = f"/api/workshops/{workshop['id']}/statements"
    s = client.post(base, json={"text": SV}, headers=fac).get_json()
    assert client.patch(f"{base}/{s['id']}", json={"texts": {"en": EN}}, headers=fac).status_code == 200
    assert client.post(f"{base}/{s['id']}/open", headers=fac).status_code == 200
    return s


def join(app, socketio, workshop, **auth):
    return socketio.test_client(app, auth={"code": workshop["code"], **auth})


def opened(phone) -> dict:
    return wait_for(phone, "state", lambda st: st.get("statement") is not None)


def test_join_in_english_then_switch_keeps_the_position_and_only_this_phone(
    app, socketio, workshop, statement, store
):
    phone = join(app, socketio, workshop, reading="en")
    other = join(app, socketio, workshop)
    state = opened(phone)
    assert state["reading"] == "en" and state["statement"]["text"] == EN
    assert state["statement"]["texts"] == {"en": EN}  # kept for scripts that read them
    assert opened(other)["statement"]["text"] == SV  # no choice: the workshop's language
    assert phone.emit("position", {"statement": statement["id"], "value": 70}, callback=True)["ok"]
    phone.get_received(), other.get_received()

    ack = phone.emit("reading", {"language": "sv"}, callback=True)
    assert ack == {"ok": True, "language": "sv"}
    (state,) = events(phone, "state")  # re-sent to this phone, once
    assert state["reading"] == "sv" and state["statement"]["text"] == SV
    assert state["position"] == 70  # the words changed, the position did not
    assert events(other, "state") == []  # the second phone is not touched
    assert list(store.positions_by_participant(statement["id"]).values()) == [70]


def test_a_language_the_statement_lacks_falls_back_to_the_workshops(app, socketio, workshop, statement):
    phone = join(app, socketio, workshop, reading="sv-x-lattlast")
    state = opened(phone)
    assert state["reading"] == "sv-x-lattlast" and state["statement"]["text"] == SV


@pytest.mark.parametrize("language", ["de", "", None, 5, ["en"], "EN"])
def test_an_unknown_language_is_refused_and_changes_nothing(
    app, socketio, workshop, statement, store, language
):
    phone = join(app, socketio, workshop, reading="en")
    token = events(phone, "welcome")[0]["participant"]  # welcome, then the state, at connect
    ack = phone.emit("reading", {"language": language}, callback=True)
    assert ack["ok"] is False and "language" in ack["error"]
    assert phone.emit("reading", "en", callback=True)["ok"] is False  # not an object
    assert events(phone, "state") == []
    _, participant = store.returning_participant(workshop["code"], token)
    assert participant["language"] == "en"  # still English
    phone.disconnect()
    back = join(app, socketio, workshop, participant=token)
    assert opened(back)["statement"]["text"] == EN


def test_the_choice_is_kept_for_a_reconnect_without_one(app, socketio, workshop, statement):
    phone = join(app, socketio, workshop)
    welcome = wait_for(phone, "welcome")
    assert phone.emit("reading", {"language": "en"}, callback=True)["ok"]
    phone.disconnect()
    back = join(app, socketio, workshop, participant=welcome["participant"])
    assert opened(back)["statement"]["text"] == EN
    # a value it cannot read at connect does not refuse it: it keeps the kept one
    back.disconnect()
    again = join(app, socketio, workshop, participant=welcome["participant"], reading="de")
    assert again.is_connected() and opened(again)["statement"]["text"] == EN


def test_fyra_horn_question_and_corners_in_the_phones_language(app, socketio, client, workshop, fac):
    base = f"/api/workshops/{workshop['id']}/corners"
    q = client.post(base, json={"text": "Hur?", "labels": ["Buss", "Cykel", "Bil", "Gång"]}, headers=fac)
    q = q.get_json()
    english = {"text": "How?", "labels": ["Bus", "Bike", "Car", "Walk"]}
    client.patch(f"{base}/{q['id']}", json={"texts": {"en": english}}, headers=fac)
    client.post(f"{base}/{q['id']}/open", headers=fac)
    phone = join(app, socketio, workshop, reading="en")
    asked = wait_for(phone, "state", lambda s: (s.get("corners") or {}).get("question") is not None)
    assert {k: asked["corners"]["question"][k] for k in ("text", "labels")} == english
    assert phone.emit("corner", {"question": q["id"], "corner": 2}, callback=True)["ok"]
    phone.get_received()
    assert phone.emit("reading", {"language": "sv"}, callback=True)["ok"]
    (state,) = events(phone, "state")
    question = state["corners"]["question"]
    assert (question["text"], question["labels"]) == ("Hur?", ["Buss", "Cykel", "Bil", "Gång"])
    assert state["corners"]["choice"] == 2


def test_joining_in_the_workshops_own_language_writes_nothing(app, socketio, workshop, store):
    writes = []
    store.set_participant_language = lambda *args: writes.append(args)  # this test's store only
    phone = join(app, socketio, workshop, reading="sv")
    token = events(phone, "welcome")[0]["participant"]
    assert writes == []  # a join in a crowd costs no second write
    _, participant = store.returning_participant(workshop["code"], token)
    assert participant["language"] is None  # the workshop's
