"""Group commit (workshop/live/batch.py) in threading mode, as the tests run."""

from __future__ import annotations

import threading

import pytest
from flask import Flask
from flask_socketio import SocketIO

from workshop.live.batch import GroupCommit


@pytest.fixture
def sio():
    return SocketIO(Flask(__name__), async_mode="threading")


class Refused(Exception):
    pass


def in_threads(fn, args_list) -> list[threading.Thread]:
    threads = [threading.Thread(target=fn, args=args) for args in args_list]
    for t in threads:
        t.start()
    return threads


def until(predicate) -> None:
    for _ in range(10_000):
        if predicate():
            return
        threading.Event().wait(0.001)
    raise AssertionError("never happened")


def join(threads) -> None:
    for t in threads:
        t.join(10)
        assert not t.is_alive()


def test_answer_only_after_its_batch_committed(sio):
    committed: list = []

    def write(items):
        committed.extend(items)  # "COMMIT"
        return [f"ok {i}" for i in items]

    batcher = GroupCommit(sio, write)
    seen_at_return = {}

    def submit(i):
        answer = batcher.submit(i)
        seen_at_return[i] = (answer, list(committed))

    join(in_threads(submit, [(i,) for i in range(20)]))
    for i in range(20):
        answer, committed_then = seen_at_return[i]
        assert answer == f"ok {i}" and i in committed_then


def test_a_refused_item_refuses_only_itself(sio):
    gate, calls = threading.Event(), []

    def write(items):
        calls.append(list(items))
        if len(calls) == 1:
            assert gate.wait(10)  # hold the first batch until the rest are queued
        return [Refused(i) if i == "bad" else None for i in items]

    batcher = GroupCommit(sio, write)
    answers: dict = {}

    def submit(i):
        try:
            answers[i] = batcher.submit(i)
        except Refused as err:
            answers[i] = err

    first = in_threads(submit, [("first",)])
    until(lambda: calls)  # the writer has taken "first" and waits at the gate
    rest = ["a", "b", "bad", "c", "d"]
    others = in_threads(submit, [(i,) for i in rest])
    until(lambda: len(batcher._queue) == len(rest))
    gate.set()
    join(first + others)
    assert sorted(calls[1]) == sorted(rest)  # one batch...
    assert isinstance(answers.pop("bad"), Refused)  # ...one refusal...
    assert answers == {i: None for i in ["first", "a", "b", "c", "d"]}  # ...the rest written


def test_a_failed_transaction_refuses_its_whole_batch(sio):
    def write(items):
        raise Refused("rolled back")

    batcher = GroupCommit(sio, write)
    for i in range(3):
        with pytest.raises(Refused):
            batcher.submit(i)


def test_each_callers_items_keep_their_order(sio):
    written: list = []

    def write(items):
        written.extend(items)
        return [None] * len(items)

    batcher = GroupCommit(sio, write)

    def phone(name):
        for n in range(30):
            batcher.submit((name, n))

    join(in_threads(phone, [(p,) for p in "abcde"]))
    for p in "abcde":
        assert [n for name, n in written if name == p] == list(range(30))
    assert len(written) == 150 and batcher.batches <= 150
