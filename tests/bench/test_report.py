"""bench/scale/report.py: the table bench_scale.py and bench_cluster.py print."""

from __future__ import annotations

import json
import re
from argparse import Namespace
from pathlib import Path

from bench.scale.report import ROWS, STORM_ROWS, fmt, report

HERE = Path(__file__).resolve().parent
INFO = {"nproc": 2, "cpu": "Test CPU", "mem_gib": 4.0, "python": "3.11.7", "kernel": "6"}
ARGS = Namespace(phones=200, rate=100.0, duration=5.0, workers=2, client="mini", deltas="on")


def results() -> list[dict]:
    """One run's results as bench_scale.py --json wrote them (200 phones, both servers, the storm)."""
    return json.loads((HERE / "scale_results.json").read_text())["results"]


def row(lines: list[str], label: str) -> list[str]:
    """The cells of a row, one per server."""
    line = next(line for line in lines if line.startswith(label))
    return re.split(r"\s{2,}", line[len(label) :].strip())


def test_fmt_shows_a_missing_figure_as_a_dash_and_pairs_with_a_slash():
    assert fmt(None) == "–"
    assert fmt(12.345, ".1f") == "12.3"
    assert fmt([1.0, None, 3.0]) == "1/–/3"


def test_one_column_per_server_and_one_row_per_figure():
    text = report(results(), ARGS, INFO)
    lines = text.splitlines()
    assert lines[0] == "machine: 2 cores, Test CPU, 4.0 GiB, Python 3.11.7"
    assert lines[2].startswith("load: 200 phones + 1 probe, 100.0 moves/s offered, 5.0 s, 2 generator")
    assert lines[2].endswith("client=mini, projector deltas=on")
    head = lines[4].split()
    assert head == ["bare", "ours"]
    assert set(lines[5]) == {"-"}
    for label, _ in ROWS:
        assert sum(1 for line in lines if line.startswith(label)) >= 1, label
    assert row(lines, "phones connected (of N)") == ["200 of 200", "200 of 200"]


def test_ours_is_compared_with_bare_and_the_storm_has_its_rows():
    text = report(results(), ARGS, INFO)
    assert "ours/bare ack p95: " in text and "against the 250 ms contract" in text
    assert "reconnect storm (ours, 200 phones at once):" in text
    for label, _ in STORM_ROWS:
        assert f"  {label}" in text, label


def test_a_missing_figure_is_a_dash_not_an_error():
    rs = results()
    del rs[0]["ack_p95_ms"]
    rs[0]["rss_per_phone_kb"] = None
    lines = report(rs, ARGS, INFO).splitlines()
    assert row(lines, "ack latency p50 / p95 / p99")[0] == "–"
    assert row(lines, "server RSS per connected phone")[0] == "–"
    assert row(lines, "ack latency max")[0] != "–"  # the rest of bare's column is there
    assert "ours/bare ack p95" not in "\n".join(lines)  # nothing to compare with


def test_a_failed_storm_says_not_all_were_back():
    rs = results()
    storm = rs[1]["storm"]
    storm["all_back_s"], storm["last_back_s"] = None, 61.5
    text = report(rs, ARGS, INFO)
    assert "NOT all: last at 61.5 s after the restart" in text
