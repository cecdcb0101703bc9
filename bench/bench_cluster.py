"""The same load on one process and on two behind Redis, in one run.

Reuses bench/bench_scale.py's load generator, probe and projector by import
(its `measure_server` and `report`); only how "ours" starts differs:

- `ours x1`: one app.py, as in bench_scale;
- `ours x2 redis`: a redis-server of its own (tests/redis_server.py) and two
  app.py processes on one data dir with WORKSHOP_REDIS_URL. Each reader of
  the server's `url` gets the next process in turn, so bench_scale's two
  generator processes put half the phones on each, the projector lands on
  the first and the probe on the second: projector lag is measured across
  processes, through Redis.

The "distribution events per s" row shows that the projector still gets one
update per 100 ms window, not one per process. RSS and CPU rows count the
first process only.

Usage:
  .venv/bin/python bench/bench_cluster.py [--phones 5000] [--rate 1000] [--duration 30]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_scale  # noqa: E402

from tests.redis_server import RedisServer  # noqa: E402

START_ONE = bench_scale.start_ours  # measure_server calls bench_scale.start_ours: swapped per run


class TwoProcesses:
    """Looks like bench_scale.ServerProc to measure_server; two processes behind."""

    def __init__(self, a, b, redis_server: RedisServer):
        self.servers, self.redis_server, self._next = (a, b), redis_server, 0
        self.name = "ours x2 redis"

    @property
    def url(self) -> str:
        server = self.servers[self._next % 2]
        self._next += 1
        return server.url

    @property
    def pid(self) -> int:
        return self.servers[0].pid

    def start(self, timeout: float = 30.0) -> float:
        return sum(server.start(timeout) for server in self.servers)

    def kill9(self) -> None:
        for server in self.servers:
            server.kill9()

    def stop(self) -> None:
        for server in self.servers:
            server.stop()
        self.redis_server.stop()

    def log_tail(self, chars: int = 3000) -> str:
        return "\n".join(server.log_tail(chars // 2) for server in self.servers)


def start_two(tmp: Path):
    redis_server = RedisServer(tmp / "redis").start()
    os.environ["WORKSHOP_REDIS_URL"] = redis_server.url
    try:
        a, info = START_ONE(tmp / "a")  # makes the workshop
    finally:
        del os.environ["WORKSHOP_REDIS_URL"]
    env = {**a.env, "WORKSHOP_PORT": str(bench_scale.free_port())}
    env["WORKSHOP_PUBLIC_URL"] = f"http://{bench_scale.HOST}:{env['WORKSHOP_PORT']}"
    b = bench_scale.ServerProc("ours-b", a.argv, env, int(env["WORKSHOP_PORT"]), tmp / "b.log")
    b.start()
    return TwoProcesses(a, b, redis_server), info


async def run(args) -> list[dict]:
    tmp = Path(tempfile.mkdtemp(prefix="bench-cluster-"))
    one = START_ONE
    results = []
    try:
        for label, starter in (("ours x1", one), ("ours x2 redis", start_two)):
            print(
                f"[{label}] {args.phones} phones, {args.rate} moves/s, {args.duration} s ...",
                file=sys.stderr,
                flush=True,
            )
            bench_scale.start_ours = starter
            try:
                results.append(
                    await bench_scale.measure_server(
                        "ours", label, args, tmp / label.replace(" ", "-"), False
                    )
                )
            except Exception as exc:
                print(f"[{label}] FAILED: {bench_scale.error_key(exc)}", file=sys.stderr, flush=True)
                results.append({"server": label, "kind": "ours", "failed": bench_scale.error_key(exc)})
            finally:
                bench_scale.start_ours = one
            await asyncio.sleep(2)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--phones", type=int, default=5000)
    parser.add_argument("--rate", type=float, default=1000.0)
    parser.add_argument("--duration", type=float, default=30.0)
    args = parser.parse_args()
    # bench_scale's other knobs, at its defaults; two generator processes (one per server process).
    args.workers, args.client, args.connect_concurrency = 2, "mini", 100
    args.quiet_below, args.quiet_wait, args.ack_timeout = 0.0, 0.0, bench_scale.ACK_TIMEOUT
    args.seed, args.rounds, args.keep_data, args.reconnect_storm = 1, 1, False, False
    bench_scale.raise_nofile()
    info = bench_scale.machine()
    results = asyncio.run(run(args))
    print(bench_scale.report([r for r in results if "failed" not in r], args, info))
    for r in results:
        if "failed" in r:
            print(f"{r['server']}: could not run: {r['failed']}")


if __name__ == "__main__":
    main()
