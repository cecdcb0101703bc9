"""One unauthenticated socket floods; how long does another phone wait?

Issue 17: a client that opened `/socket.io/?EIO=4&transport=websocket` (no
code) and sent packets as fast as one process could froze the server for
every phone. This benchmark puts a flooding process beside a timed phone:

- our server (app.py, gevent, its own data dir, a workshop with one open
  statement), started here on 127.0.0.1 and a free port;
- a timed phone joins by code and moves every 50 ms (20 a second), each
  `position` with an ack, for --duration seconds; its ack latency is
  measured at the client (p50, p95, max) and any move without an ack in 5 s
  is counted as lost. Three kinds of phone, one after another:
  python-socketio's `Client` (threads), its `AsyncClient` (asyncio, aiohttp)
  and the minimal raw-websocket client in bench/sioclient.py;
- a flooder, a separate process (`bench_flood.py flood …`): raw TCP, the
  websocket upgrade, then pre-masked text frames written as fast as the
  socket takes them, or paced to --rates; never a Socket.IO connect. When
  the server closes it (the per-connection budget), it reconnects at once
  and floods again, as an attacker would (--one-socket: it stops when
  closed, the pen test's single socket). Two kinds of packet:
  `small`, `42["position",{"statement":1,"value":50}]` (refused: not
  connected), and `deep`, a `position` whose value nests 1,500 lists
  (3 KB, refused by the guard);
- the baseline: the same phone with no flooder, in the same run.

Reports per phone kind and scenario: acks, lost, p50/p95/max in ms, and the
flooder's frames written (into its socket: the server may have read fewer
before it closed the connection), connections it needed (each closed by the
budget), the seconds they were open, and times a write stalled for 2 s (the
server not reading); then the tracebacks in the server's log and the
machine's load average (other processes on the machine show in every row,
the baseline's too).

Usage:
  .venv/bin/python bench/bench_flood.py [--duration 5] [--rates 1000,10000,0]
      [--kinds small,deep] [--clients sio,async,raw] [--one-socket] [--json out.json]
  (rate 0 = as fast as one process can)
  .venv/bin/python bench/bench_flood.py flood --url http://127.0.0.1:P --kind deep
      --rate 0 --duration 5 [--reconnect]   (the flooder alone; prints JSON)
`make bench-flood` runs the default; figures are in docs/performance.md.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from sioclient import TEXT, MiniClient, frame  # noqa: E402

from bench.live_server import LiveServer  # noqa: E402

MOVE_EVERY = 0.05
ACK_TIMEOUT = 5.0


def packet_of(kind: str, statement: int = 1) -> str:
    if kind == "small":
        return "42" + json.dumps(["position", {"statement": statement, "value": 50}], separators=(",", ":"))
    if kind == "deep":
        deep = "[" * 1500 + "]" * 1500
        return f'421["position",{{"statement":{statement},"value":{deep}}}]'
    raise ValueError(kind)


# -- the flooder (its own process) --------------------------------------------
def open_websocket(url: str, timeout: float = 5.0) -> socket.socket:
    """A raw TCP connection upgraded to a websocket, the Engine.IO open read."""
    parts = urlsplit(url)
    sock = socket.create_connection((parts.hostname, parts.port), timeout=timeout)
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall(
        (
            f"GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: {parts.netloc}\r\n"
            f"Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
            "Sec-WebSocket-Version: 13\r\n\r\n"
        ).encode()
    )
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = sock.recv(4096)
        if not chunk:
            raise ConnectionError("closed during the upgrade")
        head += chunk
    if b" 101 " not in head.split(b"\r\n", 1)[0]:
        raise ConnectionError(head[:80])
    return sock


def flood(url: str, kind: str, rate: float, duration: float, reconnect: bool) -> dict:
    """Write `kind` frames for `duration` s at `rate` a second (0: as fast as
    the socket takes them). Returns what happened."""
    one = frame(TEXT, packet_of(kind).encode())
    batch_size = 50 if not rate else max(1, int(rate / 100))  # ~10 ms of frames per write
    batch = one * batch_size
    written = connections = closed = stalls = 0
    flooding = 0.0  # seconds a connection was open and written to
    started = time.monotonic()
    end = started + duration
    while time.monotonic() < end:
        try:
            sock = open_websocket(url)
        except OSError:
            time.sleep(0.01)
            continue
        connections += 1
        sock.settimeout(2.0)
        opened = time.monotonic()
        try:
            while time.monotonic() < end:
                sock.sendall(batch)
                written += batch_size
                if rate:
                    lag = started + written / rate - time.monotonic()
                    if lag > 0:
                        time.sleep(lag)
        except TimeoutError:
            stalls += 1
        except OSError:
            closed += 1
        finally:
            sock.close()
            flooding += time.monotonic() - opened
        if not reconnect:
            break
    return {
        "kind": kind,
        "rate": rate,
        "written": written,
        "written_per_s": round(written / max(1e-9, flooding)),
        "flooding_s": round(flooding, 3),
        "connections": connections,
        "closed_by_server": closed,
        "stalls": stalls,
    }


def start_flooder(url: str, kind: str, rate: float, duration: float, reconnect: bool):
    argv = [sys.executable, __file__, "flood", "--url", url, "--kind", kind, "--rate", str(rate)]
    argv += ["--duration", str(duration)] + (["--reconnect"] if reconnect else [])
    return subprocess.Popen(argv, stdout=subprocess.PIPE, text=True)


# -- the timed phones --------------------------------------------------------
def percentile(values: list[float], p: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def summary(latencies: list[float], lost: int) -> dict:
    ms = [x * 1000 for x in latencies]
    return {
        "acks": len(ms),
        "lost": lost,
        "p50": percentile(ms, 50),
        "p95": percentile(ms, 95),
        "max": max(ms) if ms else None,
    }


def phone_sio(url: str, code: str, statement: int, duration: float) -> dict:
    import socketio

    client = socketio.Client(reconnection=False)
    client.connect(url, auth={"code": code}, transports=["websocket"], wait_timeout=10)
    latencies, lost, end, value = [], 0, time.monotonic() + duration, 0
    try:
        while time.monotonic() < end:
            value = (value + 7) % 101
            t0 = time.monotonic()
            try:
                client.call("position", {"statement": statement, "value": value}, timeout=ACK_TIMEOUT)
                latencies.append(time.monotonic() - t0)
            except socketio.exceptions.TimeoutError:
                lost += 1
            time.sleep(max(0.0, MOVE_EVERY - (time.monotonic() - t0)))
    finally:
        client.disconnect()
    return summary(latencies, lost)


async def _phone_async(make, url: str, code: str, statement: int, duration: float) -> dict:
    client = make(url)
    await client.connect(auth={"code": code})
    latencies, lost, end, value = [], 0, time.monotonic() + duration, 0
    try:
        while time.monotonic() < end:
            value = (value + 7) % 101
            t0 = time.monotonic()
            try:
                await client.call("position", {"statement": statement, "value": value}, timeout=ACK_TIMEOUT)
                latencies.append(time.monotonic() - t0)
            except TimeoutError:
                lost += 1
            await asyncio.sleep(max(0.0, MOVE_EVERY - (time.monotonic() - t0)))
    finally:
        await client.close()
    return summary(latencies, lost)


class AsyncSio:
    """python-socketio's AsyncClient behind MiniClient's three calls."""

    def __init__(self, url: str):
        import socketio

        self.url, self.c = url, socketio.AsyncClient(reconnection=False)

    async def connect(self, auth: dict) -> None:
        await self.c.connect(self.url, auth=auth, transports=["websocket"], wait_timeout=10)

    async def call(self, event, data, timeout):
        import socketio

        try:
            return await self.c.call(event, data, timeout=timeout)
        except socketio.exceptions.TimeoutError as exc:
            raise TimeoutError() from exc

    async def close(self) -> None:
        await self.c.disconnect()


PHONES = {
    "sio": phone_sio,
    "async": lambda *a: asyncio.run(_phone_async(AsyncSio, *a)),
    "raw": lambda *a: asyncio.run(_phone_async(MiniClient, *a)),
}


# -- the run -----------------------------------------------------------------
def scenario(live, workshop, statement, client: str, kind, rate, duration: float, reconnect: bool) -> dict:
    flooder = None
    if kind:
        flooder = start_flooder(live.url, kind, rate, duration + 1.5, reconnect)
        time.sleep(0.5)  # the flood is under way before the first move
    result = {"client": client, "flood": kind or "none", "rate": rate if kind else None}
    try:
        result |= PHONES[client](live.url, workshop["code"], statement["id"], duration)
    except Exception as exc:  # noqa: BLE001  (a frozen server: the phone could not even connect)
        result |= summary([], 0) | {"failed": f"{type(exc).__name__}: {exc}"[:120]}
    finally:
        if flooder is not None:
            out, _ = flooder.communicate(timeout=duration + 30)
            result["flooder"] = json.loads(out) if out.strip() else None
    return result


def row(r: dict) -> str:
    f = r.get("flooder") or {}
    fmt = lambda v: "-" if v is None else f"{v:.1f}"  # noqa: E731
    flood = "none" if r["flood"] == "none" else f"{r['flood']} @ {r['rate'] or 'max'}/s"
    parts = [
        f"{r['client']:<6} {flood:<18} acks {r['acks']:>4} lost {r['lost']}",
        f"p50 {fmt(r['p50']):>7} p95 {fmt(r['p95']):>7} max {fmt(r['max']):>7} ms",
    ]
    if r.get("failed"):
        parts.append(f"phone failed: {r['failed']}")
    if f:
        parts.append(
            f"flooder wrote {f['written']} frames ({f['written_per_s']}/s while open) on"
            f" {f['connections']} connections, open {f['flooding_s']} s, {f['stalls']} stalls"
        )
    return " | ".join(parts)


def main_bench(args) -> None:
    load_at_start = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="bench-flood-") as tmp:
        live = LiveServer(Path(tmp) / "data").start()
        try:
            workshop = live.new_workshop("Flood")
            statement = live.open_statement(workshop, "Vi behöver mer dialog")
            results = []
            rates = [float(r) for r in args.rates.split(",")]
            for client in args.clients.split(","):
                plan = [(None, None)] + [(k, r) for k in args.kinds.split(",") for r in rates]
                for kind, rate in plan:
                    result = scenario(
                        live, workshop, statement, client, kind, rate, args.duration, not args.one_socket
                    )
                    results.append(result)
                    print(row(result), flush=True)
            tracebacks = live.log().count("Traceback")
            print(f"server log: {tracebacks} tracebacks, {len(live.log())} characters")
            print(
                f"load average at the start {load_at_start}, at the end {os.getloadavg()} ({os.cpu_count()} cores)"
            )
        finally:
            live.stop()
    if args.json:
        Path(args.json).write_text(json.dumps({"results": results, "tracebacks": tracebacks}, indent=1))


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "flood":
        parser = argparse.ArgumentParser(prog="bench_flood.py flood")
        parser.add_argument("--url", required=True)
        parser.add_argument("--kind", choices=("small", "deep"), default="small")
        parser.add_argument("--rate", type=float, default=0)
        parser.add_argument("--duration", type=float, default=5)
        parser.add_argument("--reconnect", action="store_true")
        a = parser.parse_args(sys.argv[2:])
        print(json.dumps(flood(a.url, a.kind, a.rate, a.duration, a.reconnect)), flush=True)
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=float, default=5)
    parser.add_argument("--rates", default="1000,10000,0")
    parser.add_argument("--kinds", default="small,deep")
    parser.add_argument("--clients", default="sio,async,raw")
    parser.add_argument("--one-socket", action="store_true", help="the flooder never reconnects")
    parser.add_argument("--json")
    main_bench(parser.parse_args())


if __name__ == "__main__":
    threading.current_thread().name = "bench"
    main()
