"""Join codes cannot be guessed (workshop/join_guard.py), and a workshop can
close its doors: the budget of wrong codes per address, what a right code
and a known token may do, "Stäng för nya deltagare", and an ended workshop."""

from __future__ import annotations

import pytest

from workshop.join_guard import WRONG_CODE_LIMITS, JoinGuard

BURST = WRONG_CODE_LIMITS[0].amount


def join(socketio, app, client, auth: dict):
    """A phone's socket from the same address as the HTTP test client."""
    return socketio.test_client(app, auth=auth, flask_test_client=client)


def wrong_code(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def test_the_budget_allows_a_burst_then_refuses():
    guard = JoinGuard()
    for _ in range(BURST):
        assert guard.may_guess("10.0.0.1")
        guard.wrong("10.0.0.1")
    assert not guard.may_guess("10.0.0.1")
    assert guard.refused == 1
    assert 1 <= guard.retry_after("10.0.0.1") <= 11
    assert guard.may_guess("10.0.0.2"), "another address has its own budget"


def test_wrong_codes_over_the_budget_get_429_with_retry_after(client, workshop):
    bad = wrong_code(workshop["code"])
    for _ in range(BURST):
        assert client.get(f"/j/{bad}").status_code == 404
    r = client.get(f"/join?code={bad}")
    assert r.status_code == 429
    assert int(r.headers["Retry-After"]) >= 1
    assert "För många felaktiga koder" in r.get_data(as_text=True)


def test_a_venue_behind_one_address_gets_in(client, workshop):
    """500 phones with the right code and a few typos: every right code is let in."""
    bad = wrong_code(workshop["code"])
    for i in range(500):
        if i % 60 == 0:  # a typo now and then (9 in all: within the burst)
            assert client.get(f"/join?code={bad}").status_code == 404
        assert client.get(f"/j/{workshop['code']}").status_code == 200, i
    assert client.get(f"/join?code={workshop['code']}").status_code == 302


def test_a_guesser_over_budget_is_refused_whatever_the_code(socketio, app, client, workshop):
    # Otherwise the refusal itself would tell the guesser which code is right.
    bad = wrong_code(workshop["code"])
    for _ in range(BURST):
        client.get(f"/j/{bad}")
    assert client.get(f"/j/{workshop['code']}").status_code == 429
    phone = join(socketio, app, client, {"code": workshop["code"]})
    assert not phone.is_connected()


def test_a_known_phone_rejoins_even_when_the_address_is_over_budget(socketio, app, client, workshop):
    first = join(socketio, app, client, {"code": workshop["code"]})
    token = [e for e in first.get_received() if e["name"] == "welcome"][0]["args"][0]["participant"]
    first.disconnect()
    for _ in range(BURST + 1):
        client.get(f"/j/{wrong_code(workshop['code'])}")
    again = join(socketio, app, client, {"code": workshop["code"], "participant": token})
    assert again.is_connected()
    welcome = [e for e in again.get_received() if e["name"] == "welcome"][0]["args"][0]
    assert welcome["participant"] == token


def test_socket_guesses_spend_the_same_budget(socketio, app, client, workshop):
    bad = wrong_code(workshop["code"])
    for _ in range(BURST):
        assert not join(socketio, app, client, {"code": bad}).is_connected()
    assert client.get(f"/j/{bad}").status_code == 429


def test_refused_guesses_are_shown_to_the_organiser(client, admin, workshop):
    bad = wrong_code(workshop["code"])
    for _ in range(BURST + 3):
        client.get(f"/j/{bad}")
    assert client.get("/api/workshops", headers=admin).get_json()["refused_guesses"] == 3


@pytest.fixture
def token(socketio, app, client, workshop):
    c = join(socketio, app, client, {"code": workshop["code"]})
    t = [e for e in c.get_received() if e["name"] == "welcome"][0]["args"][0]["participant"]
    c.disconnect()
    return t


def test_locked_workshop_refuses_new_phones_and_lets_known_ones_back(
    socketio, app, client, workshop, fac, token, store
):
    r = client.patch(f"/api/workshops/{workshop['id']}", json={"locked": True}, headers=fac)
    assert r.status_code == 200 and r.get_json()["locked"] is True
    joined = store.participant_count(workshop["id"])
    newcomer = join(socketio, app, client, {"code": workshop["code"]})
    assert not newcomer.is_connected()
    assert store.participant_count(workshop["id"]) == joined
    known = join(socketio, app, client, {"code": workshop["code"], "participant": token})
    assert known.is_connected()
    client.patch(f"/api/workshops/{workshop['id']}", json={"locked": False}, headers=fac)
    assert join(socketio, app, client, {"code": workshop["code"]}).is_connected()


def test_lock_needs_the_facilitator_and_a_boolean(client, workshop, fac):
    path = f"/api/workshops/{workshop['id']}"
    assert client.patch(path, json={"locked": True}).status_code == 401
    proj = {"Authorization": f"Bearer {workshop['projector_key']}"}
    assert client.patch(path, json={"locked": True}, headers=proj).status_code == 403
    for bad in ({"locked": "yes"}, {"locked": 1}, {}, {"title": "x"}):
        assert client.patch(path, json=bad, headers=fac).status_code == 400, bad


def test_an_ended_workshop_takes_no_new_participants(socketio, app, client, workshop, fac, token, store):
    client.post(f"/api/workshops/{workshop['id']}/phase", json={"phase": "ended"}, headers=fac)
    joined = store.participant_count(workshop["id"])
    assert not join(socketio, app, client, {"code": workshop["code"]}).is_connected()
    assert store.participant_count(workshop["id"]) == joined
    assert join(socketio, app, client, {"code": workshop["code"], "participant": token}).is_connected()


def _reads_to_join(socketio, app, client, store, auth: dict) -> list[str]:
    reads: list[str] = []
    store.db.conn.set_trace_callback(reads.append)
    try:
        phone = join(socketio, app, client, auth)
    finally:
        store.db.conn.set_trace_callback(None)
    assert not phone.is_connected()
    return reads


def test_during_the_lock_out_a_right_code_costs_what_a_wrong_one_does(socketio, app, client, workshop, store):
    """With a junk `participant` token, a right code once cost one more
    lookup than a wrong one (15-40 µs, measurable over the network): now
    code and token are one query, refused or not."""
    bad = wrong_code(workshop["code"])
    for _ in range(BURST):
        client.get(f"/j/{bad}")
    junk = "junk-token-0123456789"
    right = _reads_to_join(socketio, app, client, store, {"code": workshop["code"], "participant": junk})
    wrong = _reads_to_join(socketio, app, client, store, {"code": bad, "participant": junk})
    assert len(right) == len(wrong) == 1, (right, wrong)
    # Without a token, neither reads at all before the budget refuses.
    assert _reads_to_join(socketio, app, client, store, {"code": workshop["code"]}) == []
    assert _reads_to_join(socketio, app, client, store, {"code": bad}) == []
