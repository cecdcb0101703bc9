"""bench/scale/worker.py's bookkeeping, with a scripted client instead of a
server: what a load phase counts per ack outcome, and how the storm judges a
phone that came back."""

from __future__ import annotations

import asyncio
import random
import time

from bench.scale.clients import Phone
from bench.scale.worker import Load, Reconnect
from bench.sioclient import Disconnected


class ScriptedClient:
    """Answers `position` calls from a script: "ok", "refused", "timeout" or "drop"."""

    def __init__(self, script: list[str]):
        self.script, self.sent = list(script), []

    async def call(self, event, data, timeout):
        self.sent.append(data["value"])
        outcome = self.script.pop(0) if self.script else "ok"
        if outcome == "timeout":
            raise TimeoutError()
        if outcome == "drop":
            raise Disconnected("gone")
        if outcome == "refused":
            return {"ok": False, "error": "no"}
        return {"ok": True, "statement": data["statement"], "value": data["value"]}


def run_load(script: list[str], seconds: float = 0.3, mean_gap: float = 0.01):
    phone = Phone(2)
    phone.client = ScriptedClient(script)
    now = time.monotonic()
    load = Load(random.Random(1), 7, 1.0, now, now + seconds, mean_gap)
    asyncio.run(load.run(phone))
    return load, phone


def test_every_move_sent_is_counted_once_by_its_outcome():
    load, phone = run_load(["ok", "refused", "timeout", "ok", "timeout"])
    s = load.stats
    assert s["sent"] == len(phone.client.sent) > 5
    assert s["sent"] == s["acked"] + s["refused"] + s["timeouts"] + s["lost"]
    assert (s["refused"], s["timeouts"], s["lost"]) == (1, 2, 0)
    assert len(load.latencies) == len(load.from_due) == s["acked"] + s["refused"]
    assert phone.last_acked == phone.client.sent[-1] and phone.uncertain == []


def test_moves_whose_ack_never_came_stay_uncertain_until_the_next_ok():
    load, phone = run_load(["ok"] + ["timeout"] * 1000)
    sent = phone.client.sent
    assert load.stats["acked"] == 1 and phone.last_acked == sent[0]
    assert phone.uncertain == sent[1:]
    assert [h[1] for h in phone.history] == ["timeout"] * 4  # the last four moves


def test_a_dropped_connection_stops_the_phone():
    load, phone = run_load(["ok", "drop"])
    assert load.stats["sent"] == 2 and load.stats["lost"] == 1
    assert load.errors == {"Disconnected: gone": 1}


def test_a_phone_behind_schedule_sends_nothing_after_the_end():
    now = time.monotonic()
    load = Load(random.Random(1), 7, 1.0, now - 10, now - 5, 0.1)  # the window is already over
    phone = Phone(2)
    phone.client = ScriptedClient([])
    asyncio.run(load.run(phone))
    assert load.stats["sent"] == 0
    assert 20 < load.stats["not_sent"] < 100  # about 5 s / 0.1 s moves fell due and were not sent


def back(phone: Phone, participant: str, position) -> Reconnect:
    storm = Reconnect(worker=None, t0=0.0)
    phone.welcome, phone.state = {"participant": participant}, {"position": position}
    phone.client = object()
    storm.check(phone, "token-1", back=1.5)
    return storm


def phone_that_moved(last_acked, uncertain=()) -> Phone:
    phone = Phone(3)
    phone.token, phone.last_acked, phone.uncertain = "token-1", last_acked, list(uncertain)
    return phone


def test_back_at_its_last_acked_position():
    storm = back(phone_that_moved(40), "token-1", 40)
    assert storm.backs == [1.5] and storm.problems["wrong_position"] == 0
    assert storm.problems["unacked_value"] == 0


def test_back_at_a_later_move_whose_ack_timed_out_counts_as_back():
    storm = back(phone_that_moved(40, [55]), "token-1", 55)
    assert storm.backs == [1.5] and storm.problems["unacked_value"] == 1


def test_back_somewhere_else_or_as_someone_else_is_a_problem_with_an_example():
    wrong = back(phone_that_moved(40), "token-1", 70)
    assert wrong.backs == [] and wrong.problems["wrong_position"] == 1
    assert wrong.examples[0]["expected"] == [40] and wrong.examples[0]["got"] == 70
    stranger = back(phone_that_moved(40), "another-token", 40)
    assert stranger.backs == [] and stranger.problems["new_participant"] == 1


def test_the_pages_backoff_spreads_the_first_retry_and_doubles_up_to_ten_seconds():
    import random

    from bench.scale.worker import page_delay

    rng = random.Random(24)
    first = [page_delay(0, rng) for _ in range(2000)]
    assert 0.75 <= min(first) and max(first) <= 2.25
    # Spread, not a lump: every quarter of the 1.5 s window has its share.
    quarters = [sum(1 for d in first if 0.75 + q * 0.375 <= d < 0.75 + (q + 1) * 0.375) for q in range(4)]
    assert min(quarters) > 350, quarters
    second = [page_delay(1, rng) for _ in range(2000)]
    assert 1.5 <= min(second) and max(second) <= 4.5
    assert max(page_delay(attempt, rng) for attempt in range(3, 10) for _ in range(200)) <= 10.0
