"""The replay per round ("Fråga igen"): each round of a statement has its own
replay; the facilitator chooses which one plays (`round`), the default being
the statement's last round. Domain, store, HTTP and sockets."""

import pytest

from tests.barometer.conftest import place, received
from tests.conftest import bearer, ok
from workshop.barometer.replay import domain as domain_replay
from workshop.domain.errors import Invalid


@pytest.mark.parametrize("value, rounds, expected", [(1, 2, 1), (2, 2, 2), (3, 3, 3)])
def test_parse_round_takes_one_up_to_the_statements_rounds(value, rounds, expected):
    assert domain_replay.parse_round(value, rounds) == expected


@pytest.mark.parametrize("value", [0, 3, -1, True, 1.5, "two", "2", None, "", [1]])
def test_parse_round_refuses_anything_else(value):
    with pytest.raises(Invalid) as refused:
        domain_replay.parse_round(value, 2)
    assert refused.value.args[0] == "round must be a whole number from 1 to %(max)d."


def test_the_scrubber_carries_its_round():
    s = domain_replay.start(7, 1000, 10, "2026-01-01T10:00:00+00:00", 2)
    assert s.as_dict()["round"] == 2
    assert domain_replay.scrub(s, "2026-01-01T10:00:01+00:00", playing=False).round == 2


def _two_rounds(store, wid, sid, people):
    """Round 1: 10, 50, 90; round 2: 80, pass (the third did not answer)."""
    place(store, wid, sid, people, 10, 50, 90)
    store.close_for_answers(wid, sid)
    store.ask_again(wid, sid)
    place(store, wid, sid, people, 80, None)
    store.close_for_answers(wid, sid)


def test_each_round_has_its_own_history(store, wid, sid, people):
    _two_rounds(store, wid, sid, people)
    assert [c.value for c in store.position_history(sid, 1)] == [10, 50, 90]
    assert [c.value for c in store.position_history(sid, 2)] == [80, None]
    assert [c.value for c in store.position_history(sid)] == [80, None]  # the current round


def test_start_replay_plays_the_chosen_round(store, wid, sid, people):
    _two_rounds(store, wid, sid, people)
    assert store.start_replay(wid, sid, 10).round == 2  # default: the last round
    first = store.start_replay(wid, sid, 10, 1)
    assert (first.round, store.replay(wid).round) == (1, 1)
    assert store.scrub_replay(wid, sid, playing=False).round == 1
    before = store.replay(wid)
    for bad in (0, 3, "x"):
        with pytest.raises(Invalid):
            store.start_replay(wid, sid, 10, bad)
    assert store.replay(wid).round == before.round == 1  # a refused start changes nothing


@pytest.fixture
def two_rounds(api, sid, phone, client, base, fac):
    """Over HTTP and sockets: round 1 at 10, 50, 90; round 2 at 70, 75 (two phones)."""
    phones = [phone() for _ in range(3)]
    for p, value in zip(phones, (10, 50, 90)):
        ok(p, "position", {"statement": sid, "value": value})
    api("POST", f"/statements/{sid}/close")
    assert client.post(f"{base}/statements/{sid}/rounds", headers=fac).status_code == 201
    for p, value in zip(phones, (70, 75)):
        ok(p, "position", {"statement": sid, "value": value})
    api("POST", f"/statements/{sid}/close")
    return phones


def test_http_history_and_start_per_round(client, api, base, workshop, sid, two_rounds, fac):
    proj = bearer(workshop["projector_key"])
    url = f"{base}/statements/{sid}/replay"
    one = client.get(f"{url}?round=1", headers=proj).get_json()
    two = client.get(url, headers=proj).get_json()
    assert (one["round"], one["rounds"], one["changes"]) == (1, 2, 3)
    assert [steps[-1][1] for _, steps in one["tracks"]] == [10, 50, 90]
    assert (two["round"], two["rounds"], two["changes"]) == (2, 2, 2)
    assert [steps[-1][1] for _, steps in two["tracks"]] == [70, 75]
    for bad in ("0", "3", "x"):
        refused = client.get(f"{url}?round={bad}", headers=proj)
        assert refused.status_code == 400 and "round" in refused.get_json()["error"]
    for body in ({"round": 3}, {"round": "1"}, {"round": 0}, {"round": True}):
        assert client.post(url, json=body, headers=fac).status_code == 400
    assert client.get(f"{url}?round=1", headers=proj).status_code == 200
    started = api("POST", f"/statements/{sid}/replay", {"round": 1, "speed": 5})
    assert (started["round"], started["speed"]) == (1, 5)
    assert api("PATCH", f"/statements/{sid}/replay", {"playing": False})["round"] == 1


def test_staff_get_the_chosen_rounds_history(
    api, sid, two_rounds, projector, facilitator, app, socketio, workshop
):
    projector.get_received()
    api("POST", f"/statements/{sid}/replay", {"round": 1})
    got = received(projector)
    (history,) = got["replay_history"]
    assert (history["round"], history["rounds"], history["changes"]) == (1, 2, 3)
    assert got["state"][-1]["replay"]["round"] == 1
    # A screen that joins late gets the same round's history.
    late = socketio.test_client(app, auth={"workshop": workshop["id"], "key": workshop["projector_key"]})
    (late_history,) = received(late)["replay_history"]
    assert (late_history["round"], late_history["changes"]) == (1, 3)
    late.disconnect()
    api("POST", f"/statements/{sid}/replay", {"round": 2})
    (history,) = received(projector)["replay_history"]
    assert (history["round"], history["changes"]) == (2, 2)
