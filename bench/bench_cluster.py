"""The same load on one process and on two behind Redis, in one run.

Uses bench_scale.py's load generator, probe, projector and report
(bench/scale/); only how "ours" starts differs, and the starter is passed to
`measure_server`:

- `ours x1`: one app.py, as in bench_scale (`start_ours`);
- `ours x2 redis`: a redis-server of its own (bench/redis_server.py) and two
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
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.proc import HOST, free_port, raise_nofile
from bench.redis_server import RedisServer
from bench.scale.clients import ACK_TIMEOUT
from bench.scale.measure import measure_server
from bench.scale.report import report
from bench.scale.servers import ServerProc, start_ours
from bench.scale.stats import error_key
from bench.scale.system import machine


class TwoProcesses:
    """Looks like one ServerProc to measure_server; two processes behind."""

    def __init__(self, a: ServerProc, b: ServerProc, redis_server: RedisServer):
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


def start_two(tmp: Path) -> tuple[TwoProcesses, dict]:
    redis_server = RedisServer(tmp / "redis").start()
    a, info = start_ours(tmp / "a", env={"WORKSHOP_REDIS_URL": redis_server.url})  # makes the workshop
    port = free_port()
    env = {**a.env, "WORKSHOP_PORT": str(port), "WORKSHOP_PUBLIC_URL": f"http://{HOST}:{port}"}
    b = ServerProc("ours-b", a.argv, env, port, tmp / "b.log")
    b.start()
    return TwoProcesses(a, b, redis_server), info


async def run(args) -> list[dict]:
    tmp = Path(tempfile.mkdtemp(prefix="bench-cluster-"))
    results = []
    try:
        for label, starter in (("ours x1", start_ours), ("ours x2 redis", start_two)):
            print(
                f"[{label}] {args.phones} phones, {args.rate} moves/s, {args.duration} s ...",
                file=sys.stderr,
                flush=True,
            )
            try:
                results.append(
                    await measure_server(starter, "ours", label, args, tmp / label.replace(" ", "-"), False)
                )
            except Exception as exc:
                print(f"[{label}] FAILED: {error_key(exc)}", file=sys.stderr, flush=True)
                results.append({"server": label, "kind": "ours", "failed": error_key(exc)})
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
    args.quiet_below, args.quiet_wait, args.ack_timeout = 0.0, 0.0, ACK_TIMEOUT
    args.seed, args.rounds, args.keep_data, args.reconnect_storm = 1, 1, False, False
    raise_nofile()
    info = machine()
    results = asyncio.run(run(args))
    print(report([r for r in results if "failed" not in r], args, info))
    for r in results:
        if "failed" in r:
            print(f"{r['server']}: could not run: {r['failed']}")


if __name__ == "__main__":
    main()
