"""The live path at conference scale: our server next to a bare baseline.

In one run, for each server in --servers (default both):
- `bare`: bench/bare_server.py, Flask-SocketIO on gevent keeping positions
  in a dict (the floor any Flask-SocketIO app on this stack can reach);
- `ours`: app.py, WORKSHOP_ASYNC_MODE=gevent, its own temporary data dir, a
  workshop, one statement added and opened over the HTTP API;
both on 127.0.0.1 and a free port, driven by the same load generator:

- N phones on the websocket transport, connected by --workers processes
  (asyncio; the minimal client in bench/sioclient.py by default, or
  python-socketio's AsyncClient with --client sio), with at most
  --connect-concurrency connects in flight;
- each phone sends `position {"statement", "value"}` with an ack at
  exponential think times, so the fleet offers --rate moves/s in total
  (a Poisson process per phone; a phone has at most one move in flight:
  when its next move falls due before the ack, it is sent right after it);
- one probe phone (this process) alternates 20/80 every ~0.3 s, and a
  projector client (this process) records when a `distribution` first
  shows the probe's dot at its new value: projector lag = that moment
  minus the probe's send.

The probe's dot key is learned, not guessed: the probe connects and moves
before any other phone exists, so the first `distribution` that counts one
position holds exactly its dot. (In ours the key happens to be the
participant number, 1; nothing here depends on that.)

--reconnect-storm (ours only): after the load, SIGKILL our server (or SIGTERM
with --restart-signal TERM: it drains and exits by itself), start it
again on the same data dir and port, then every phone reconnects at once
with its token (auth {"code", "participant"}), retrying like socket.io-client
(1 s doubling to 5 s, ±50 % jitter). Measured: time until every phone has
its `welcome` and a `state` whose `position` equals its last acked value.

Reports per server: phones connected and the time to connect them all,
moves acked per second, ack latency p50/p95/p99, projector lag p50/p95,
moves refused (ack ok false) and timed out (no ack in 10 s), server RSS
(/proc/<pid>/status VmRSS) and RSS per connected phone, server CPU, and
the load generator's own CPU and RSS.

Bounded: every loop has a count and a deadline, every wait a timeout; only
127.0.0.1 is a target; servers and workers are killed at the end, also on
error (try/finally and atexit).

Usage:
  .venv/bin/python bench/bench_scale.py [--phones 500] [--rate 250] [--duration 20]
      [--servers bare,ours] [--reconnect-storm] [--workers 2] [--client mini|sio] [--deltas on|off]
      [--connect-concurrency 100] [--ack-timeout 10] [--quiet-below PCT --quiet-wait S]
      [--rounds 1] [--keep-data] [--json results.json]
`make bench-scale` runs the issue's loads; figures and their reading are in
docs/performance.md. The parts live in bench/scale/ (its docstring maps them);
this file is the command line.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.proc import raise_nofile
from bench.scale.clients import ACK_TIMEOUT
from bench.scale.measure import measure_server
from bench.scale.report import report
from bench.scale.servers import STARTERS
from bench.scale.stats import error_key
from bench.scale.system import machine


async def orchestrate(args) -> list[dict]:
    results = []
    tmp = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    try:
        for round_ in range(1, args.rounds + 1):
            for kind in args.servers:
                label = kind if args.rounds == 1 else f"{kind} #{round_}"
                storm_after = args.reconnect_storm and kind == "ours" and round_ == args.rounds
                results.append(
                    await one_server(kind, label, args, tmp / label.replace(" #", "-"), storm_after)
                )
                await asyncio.sleep(2)  # let sockets in TIME_WAIT and the kernel settle between servers
    finally:
        if args.keep_data:
            print(f"data dirs and server logs kept in {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return results


async def one_server(kind: str, label: str, args, tmp: Path, storm_after: bool) -> dict:
    """One server's figures, or {"failed": why} (its log's tail printed)."""
    print(
        f"[{label}] starting: {args.phones} phones, {args.rate} moves/s, {args.duration} s ...",
        file=sys.stderr,
        flush=True,
    )
    try:
        return await measure_server(STARTERS[kind], kind, label, args, tmp, storm_after)
    except Exception as exc:
        print(f"[{label}] FAILED: {error_key(exc)}", file=sys.stderr, flush=True)
        log = tmp / f"{kind}.log"
        if log.exists():
            print(log.read_text(errors="replace")[-2000:], file=sys.stderr)
        return {"server": label, "kind": kind, "failed": error_key(exc)}


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--phones", type=int, default=500, help="phones in the fleet (the probe comes on top)"
    )
    parser.add_argument(
        "--rate", type=float, default=250.0, help="moves per second offered by the whole fleet"
    )
    parser.add_argument("--duration", type=float, default=20.0, help="seconds of load")
    parser.add_argument("--servers", default="bare,ours", help="comma-separated: bare, ours")
    parser.add_argument(
        "--reconnect-storm", action="store_true", help="after the load, restart ours; all phones reconnect"
    )
    parser.add_argument(
        "--restart-signal",
        choices=("KILL", "TERM"),
        default="KILL",
        help="how the storm stops ours: KILL (a crash) or TERM (a drained restart, as systemd does)",
    )
    parser.add_argument(
        "--storm-backoff",
        choices=("at-once", "pages"),
        default="at-once",
        help="at-once: every phone reconnects the moment ours answers again; pages: each retries as"
        " the pages do (static/js/live.js RECONNECT) from the moment it saw the drop",
    )
    parser.add_argument("--workers", type=int, default=2, help="load generator processes")
    parser.add_argument(
        "--client",
        choices=("mini", "sio"),
        default="mini",
        help="mini: bench/sioclient.py; sio: python-socketio AsyncClient",
    )
    parser.add_argument(
        "--deltas",
        choices=("on", "off"),
        default="on",
        help="on: the projector asks for deltas (auth deltas: true, as our pages do); off: whole distributions",
    )
    parser.add_argument(
        "--connect-concurrency", type=int, default=100, help="connects in flight, all workers together"
    )
    parser.add_argument(
        "--quiet-below",
        type=float,
        default=0.0,
        metavar="PCT",
        help="before each server, wait until the machine is busy below PCT %% (200 = 2 cores)",
    )
    parser.add_argument("--quiet-wait", type=float, default=300.0, help="... but at most this many seconds")
    parser.add_argument(
        "--ack-timeout",
        type=float,
        default=ACK_TIMEOUT,
        help="a move whose ack has not come after this many seconds counts as timed out",
    )
    parser.add_argument("--keep-data", action="store_true", help="keep the temporary data dirs and logs")
    parser.add_argument("--rounds", type=int, default=1, help="alternate the servers this many times (noise)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    args.servers = [s.strip() for s in args.servers.split(",") if s.strip()]
    if not set(args.servers) <= {"bare", "ours"} or not args.servers:
        parser.error("--servers takes bare, ours or both")
    if not (
        1 <= args.phones <= 20000
        and 0 < args.rate <= 20000
        and 1 <= args.duration <= 600
        and 1 <= args.workers <= 8
        and 1 <= args.rounds <= 5
    ):
        parser.error("out of range: 1..20000 phones, rate 0..20000, 1..600 s, 1..8 workers, 1..5 rounds")
    return args


def main() -> None:
    args = parse_args()
    random.seed(args.seed)
    soft, hard = raise_nofile()
    need = args.phones + 200
    if soft < need:
        print(
            f"warning: RLIMIT_NOFILE is {soft} (hard {hard}); {need} descriptors are needed per process",
            file=sys.stderr,
        )
    info = machine()
    results = asyncio.run(orchestrate(args))
    ok = [r for r in results if "failed" not in r]
    print(report(ok, args, info))
    for r in results:
        if "failed" in r:
            print(f"{r['server']}: could not run: {r['failed']}")
    if args.json:
        args.json.write_text(json.dumps({"machine": info, "command": sys.argv, "results": results}, indent=1))
    if len(ok) != len(results):
        sys.exit(1)


if __name__ == "__main__":
    main()
