"""The replay's scrubber in the store (storage_replay.py): only a closed
statement with a history, one replay per workshop, opening ends it."""

import pytest

from tests.barometer.conftest import place
from workshop.barometer.replay import domain as domain_replay
from workshop.domain.errors import Conflict, Invalid


def test_replay_only_a_closed_statement_with_history(store, wid, sid, people):
    with pytest.raises(Conflict, match="Close the statement"):
        store.start_replay(wid, sid, 10)
    store.close_for_answers(wid, sid)
    with pytest.raises(Conflict, match="Nothing to replay"):
        store.start_replay(wid, sid, 10)
    store.open_for_answers(wid, sid)
    place(store, wid, sid, people, 10, 50, 90)
    (other,) = store.add_statements(wid, ["Ett annat"])
    store.open_for_answers(wid, other["id"])  # closes sid
    with pytest.raises(Conflict, match="Close the open statement"):
        store.start_replay(wid, sid, 10)
    store.close_for_answers(wid, other["id"])
    s = store.start_replay(wid, sid, 20)
    assert (s.statement, s.speed, s.at_ms, s.playing) == (sid, 20, 0, s.duration_ms > 0)
    assert store.replay(wid).statement == sid


def test_scrub_stop_and_opening_ends_the_replay(store, wid, sid, people):
    place(store, wid, sid, people, 10, 50)
    store.close_for_answers(wid, sid)
    duration = store.start_replay(wid, sid, 10).duration_ms
    paused = store.scrub_replay(wid, sid, playing=False, at=0)
    assert (paused.at_ms, paused.playing) == (0, False)
    assert store.scrub_replay(wid, sid, at=duration).at_ms == duration
    with pytest.raises(Invalid):
        store.scrub_replay(wid, sid, at=duration + 1)
    (other,) = store.add_statements(wid, ["Ett annat"])
    with pytest.raises(Conflict, match="not being replayed"):
        store.scrub_replay(wid, other["id"], playing=True)
    store.stop_replay(wid, sid)
    assert store.replay(wid) is None
    store.start_replay(wid, sid, 10)
    store.open_for_answers(wid, other["id"])
    assert store.replay(wid) is None


def test_the_replay_rule_runs_inside_the_writing_transaction(store, wid, sid, people, monkeypatch):
    place(store, wid, sid, people, 10)
    store.close_for_answers(wid, sid)
    seen = []
    original = domain_replay.check_replayable
    monkeypatch.setattr(
        domain_replay,
        "check_replayable",
        lambda *a: (seen.append(store.db.conn.in_transaction), original(*a))[1],
    )
    store.start_replay(wid, sid, 10)
    assert seen == [True]
