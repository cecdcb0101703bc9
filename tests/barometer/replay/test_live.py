"""Sockets, the replay (live_replay.py): the history once, then only the scrubber."""

from tests.barometer.conftest import last_state, received
from tests.conftest import events


def test_replay_history_once_then_the_scrubber(
    room, facilitator, projector, api, sid, app, socketio, workshop
):
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
