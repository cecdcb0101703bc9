"""Live path benchmark: many phones moving at once against the real server.

Starts `app.py` (gevent by default) on a free loopback port, joins N phones
(python-socketio over websockets, one thread each), opens a statement, and
has every phone send M moves as fast as acks allow. Reports:
- ack latency (p50/p95/max): tap -> committed -> ack back on the phone;
- commits per second over the run;
- what the projector got: number of `distribution` events (coalesced), and
  how long after the last ack it showed the final state.

Usage: .venv/bin/python bench/bench_live.py [--phones 200] [--moves 20] [--mode gevent]
Bounded: loopback only, fixed counts, stops by itself.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import socketio  # noqa: E402

from bench.live_server import LiveServer  # noqa: E402


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--phones", type=int, default=200)
    parser.add_argument("--moves", type=int, default=20)
    parser.add_argument("--mode", default="gevent")
    args = parser.parse_args()

    live = LiveServer(Path(tempfile.mkdtemp()) / "data", async_mode=args.mode).start()
    try:
        w = live.new_workshop("Bench")
        key = w["facilitator_key"]
        s = live.api("POST", f"/api/workshops/{w['id']}/statements", key, {"text": "Bench"}, expect=201)
        live.api("POST", f"/api/workshops/{w['id']}/statements/{s['id']}/open", key, expect=200)

        seen = []  # (time, payload) on the projector
        projector = socketio.Client(reconnection=False)
        projector.on("distribution", lambda d: seen.append((time.perf_counter(), d)))
        projector.connect(
            live.url, auth={"workshop": w["id"], "key": w["projector_key"]}, transports=["websocket"]
        )

        phones = []
        t0 = time.perf_counter()
        for _ in range(args.phones):
            c = socketio.Client(reconnection=False)
            c.connect(live.url, auth={"code": w["code"]}, transports=["websocket"], wait_timeout=20)
            phones.append(c)
        join_s = time.perf_counter() - t0

        latencies, failures = [], []
        final_values = {}
        start = threading.Barrier(len(phones) + 1)

        def run(i, c):
            start.wait()
            value = 0
            for m in range(args.moves):
                value = (i * 7 + m * 13) % 101
                sent = time.perf_counter()
                ack = c.call("position", {"statement": s["id"], "value": value}, timeout=30)
                latencies.append(time.perf_counter() - sent)
                if not ack.get("ok"):
                    failures.append(ack)
            final_values[i] = value

        threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(phones)]
        for t in threads:
            t.start()
        start.wait()
        began = time.perf_counter()
        for t in threads:
            t.join()
        last_ack = time.perf_counter()
        expected = sorted(final_values.values())
        lag = None
        deadline = time.perf_counter() + 5
        while time.perf_counter() < deadline:
            hits = [t for t, d in seen if t >= began and sorted(d["values"]) == expected]
            if hits:
                lag = max(0.0, hits[0] - last_ack)
                break
            time.sleep(0.01)
        during = [d for t, d in seen if began <= t <= last_ack + 0.3]
        total = args.phones * args.moves
        run_s = last_ack - began
        print(f"mode={args.mode} phones={args.phones} moves/phone={args.moves} total moves={total}")
        print(f"join {args.phones} phones: {join_s:.2f} s")
        print(f"moves committed: {total - len(failures)} in {run_s:.2f} s = {total / run_s:.0f} commits/s")
        print(
            f"ack latency ms: p50 {percentile(latencies, 0.5) * 1000:.1f}  p95 {percentile(latencies, 0.95) * 1000:.1f}"
            f"  max {max(latencies) * 1000:.1f}"
        )
        print(
            f"projector distribution events during the run: {len(during)}"
            f" ({len(during) / max(run_s, 0.001):.1f}/s) for {total} moves"
        )
        print(
            "projector showed the final state "
            + (f"{lag * 1000:.0f} ms after the last ack" if lag is not None else "NOT within 5 s")
        )
        for c in phones:
            c.disconnect()
        projector.disconnect()
    finally:
        live.stop()


if __name__ == "__main__":
    main()
