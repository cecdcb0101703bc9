"""Issue 17, hole 7, over the real server: during the join lock-out a right
code with a junk `participant` token costs the database what a wrong code
does (one read: code and token in one query). It once cost one more lookup,
15-40 µs a try, which the pen test measured from outside; here the reads
themselves are counted from outside, through /metrics."""

from __future__ import annotations

import requests
import socketio
from prometheus_client.parser import text_string_to_metric_families

from tests.test_join_guard import BURST, wrong_code


def _reads(live) -> float:
    text = requests.get(
        f"{live.url}/metrics", headers={"Authorization": f"Bearer {live.admin_token}"}, timeout=5
    ).text
    family = next(f for f in text_string_to_metric_families(text) if f.name == "workshop_database_reads")
    return family.samples[0].value


def _reads_to_try(live, auth: dict) -> float:
    before = _reads(live)
    phone = socketio.Client(reconnection=False)
    try:
        phone.connect(live.url, auth=auth, transports=["websocket"], wait_timeout=5)
    except socketio.exceptions.ConnectionError:
        pass  # refused: what the lock-out does
    finally:
        phone.disconnect()
    after = _reads(live)
    scrape = _reads(live) - after  # what a scrape itself reads
    return after - before - scrape


def test_a_right_code_with_a_junk_token_costs_what_a_wrong_one_does(live):
    workshop = live.new_workshop()
    bad = wrong_code(workshop["code"])
    for _ in range(BURST):  # spend this address's budget of wrong codes
        requests.get(f"{live.url}/j/{bad}", timeout=5)
    junk = "junk-token-0123456789"
    right = [_reads_to_try(live, {"code": workshop["code"], "participant": junk}) for _ in range(3)]
    wrong = [_reads_to_try(live, {"code": bad, "participant": junk}) for _ in range(3)]
    assert right == wrong == [1, 1, 1]
