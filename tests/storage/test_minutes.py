"""Versioned minutes in storage: history kept, the version checked inside the writing transaction."""

import threading

import pytest

from tests.registry import open_store
from workshop.domain.errors import NotFound
from workshop.domain.minutes import StaleMinutes


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "m.db")
    yield s
    s.close()


@pytest.fixture
def statement(store):
    w = store.create_workshop("Dag", "sv")
    (s,) = store.add_statements(w["id"], ["Påstående"])
    return w["id"], s["id"]


def test_every_version_is_kept(store, statement):
    wid, sid = statement
    assert store.statement_minutes(wid, sid) is None
    store.save_statement_minutes(wid, sid, "ett", 0, "minute_taker")
    store.save_statement_minutes(wid, sid, "två", 1, "facilitator")
    assert store.statement_minutes(wid, sid)["text"] == "två"
    assert [(h["version"], h["text"]) for h in store.statement_minutes_history(wid, sid)] == [
        (2, "två"),
        (1, "ett"),
    ]
    assert store.statements_minutes([sid]) == {sid: {"text": "två", "version": 2}}


def test_stale_write_changes_nothing(store, statement):
    wid, sid = statement
    store.save_statement_minutes(wid, sid, "ett", 0)
    with pytest.raises(StaleMinutes) as stale:
        store.save_statement_minutes(wid, sid, "krock", 0)
    assert stale.value.current["text"] == "ett"
    assert len(store.statement_minutes_history(wid, sid)) == 1


def test_racing_writers_one_wins(store, statement):
    """Many threads all saw version 0: exactly one saves; the check is in the transaction."""
    wid, sid = statement
    results, barrier = [], threading.Barrier(8)

    def write(i):
        barrier.wait()
        try:
            results.append(store.save_statement_minutes(wid, sid, f"text {i}", 0)["version"])
        except StaleMinutes:
            results.append("stale")

    threads = [threading.Thread(target=write, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results, key=str) == [1] + ["stale"] * 7
    assert len(store.statement_minutes_history(wid, sid)) == 1


def test_another_workshops_statement(store, statement):
    _, sid = statement
    other = store.create_workshop("Annan", "sv")["id"]
    with pytest.raises(NotFound):
        store.save_statement_minutes(other, sid, "x", 0)
    with pytest.raises(NotFound):
        store.statement_minutes(other, sid)


def test_fourcorners_minutes_too(store):
    wid = store.create_workshop("Dag", "sv")["id"]
    q = store.fc_add_question(wid, "Fråga?", ["A", "B", "C", "D"])
    store.fc_save_minutes(wid, q["id"], "Hörn A störst", 0)
    with pytest.raises(StaleMinutes):
        store.fc_save_minutes(wid, q["id"], "krock", 0)
    assert store.fc_minutes(wid, q["id"])["version"] == 1
    assert store.fc_minutes_of([q["id"]]) == {q["id"]: {"text": "Hörn A störst", "version": 1}}


def test_deleting_the_statement_deletes_its_minutes(store, statement):
    wid, sid = statement
    store.save_statement_minutes(wid, sid, "ett", 0)
    store.delete_statement(wid, sid)
    assert store._scalar("SELECT count(*) FROM statement_minutes_versions") == 0


def test_decisions(store):
    wid = store.create_workshop("Dag", "sv")["id"]
    d = store.add_decision(wid, "Plan", "Anna", "v. 12")
    assert store.update_decision(wid, d["id"], who=None)["who"] is None
    assert [x["text"] for x in store.decisions(wid)] == ["Plan"]
    store.delete_decision(wid, d["id"])
    assert store.decisions(wid) == []
    with pytest.raises(NotFound):
        store.delete_decision(wid, d["id"])
