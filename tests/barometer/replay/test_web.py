"""HTTP, the replay (web_replay.py): start, pause, seek, speed, stop, by the
facilitator only; the history for anyone who reads."""

import pytest

from tests.barometer.conftest import only_the_facilitator
from tests.conftest import bearer


@pytest.mark.parametrize(
    "method, path, body",
    [
        ("POST", "/statements/{sid}/replay", {"speed": 10}),
        ("PATCH", "/statements/{sid}/replay", {"playing": False}),
        ("DELETE", "/statements/{sid}/replay", None),
    ],
)
def test_only_the_facilitator(client, workshop, sid, store, method, path, body):
    only_the_facilitator(client, workshop, store, method, path.format(sid=sid), body)


def test_replay_http(client, api, base, workshop, sid, room):
    fac = bearer(workshop["facilitator_key"])
    assert client.post(f"{base}/statements/{sid}/replay", headers=fac).status_code == 409  # still open
    api("POST", f"/statements/{sid}/close")
    for body in ({"speed": 21}, {"speed": 0}, {"speed": "fast"}, {"fast": True}):
        assert client.post(f"{base}/statements/{sid}/replay", json=body, headers=fac).status_code == 400
    started = api("POST", f"/statements/{sid}/replay")  # no body: the default speed
    assert (started["statement"], started["speed"], started["at_ms"]) == (sid, 10, 0)
    history = client.get(
        f"{base}/statements/{sid}/replay", headers=bearer(workshop["projector_key"])
    ).get_json()
    assert history["changes"] == 3 and [k for k, _ in history["tracks"]] == [1, 2, 3]
    assert history["text"].startswith("Överenskommelsearbetet")
    paused = api("PATCH", f"/statements/{sid}/replay", {"playing": False, "at": 0, "speed": 20})
    assert (paused["playing"], paused["at_ms"], paused["speed"]) == (False, 0, 20)
    for body in ({"at": -1}, {"at": history["duration_ms"] + 1}, {"playing": "no"}, {"speed": 40}):
        assert client.patch(f"{base}/statements/{sid}/replay", json=body, headers=fac).status_code == 400
    assert client.delete(f"{base}/statements/{sid}/replay", headers=fac).status_code == 204
    assert (
        client.patch(f"{base}/statements/{sid}/replay", json={"playing": True}, headers=fac).status_code
        == 409
    )


def test_hidden_dots_are_never_replayed_nor_read_by_the_projector(
    client, api, base, workshop, sid, room, store
):
    """A hidden statement's positions never reach the projector: no replay
    starts, hiding one ends its replay, and the projector key reads no tracks."""
    fac, proj = bearer(workshop["facilitator_key"]), bearer(workshop["projector_key"])
    api("POST", f"/statements/{sid}/close")
    api("PATCH", f"/statements/{sid}", {"hidden": True})
    refused = client.post(f"{base}/statements/{sid}/replay", headers=fac)
    assert refused.status_code == 409 and store.replay(workshop["id"]) is None
    shown = client.get(f"{base}/statements/{sid}/replay", headers=proj).get_json()
    assert (shown["changes"], shown["tracks"]) == (0, [])
    assert client.get(f"{base}/statements/{sid}/replay", headers=fac).get_json()["changes"] == 3
    api("POST", f"/statements/{sid}/reveal")
    api("POST", f"/statements/{sid}/replay")
    api("PATCH", f"/statements/{sid}", {"hidden": True})
    assert store.replay(workshop["id"]) is None
