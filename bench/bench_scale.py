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

--reconnect-storm (ours only): after the load, SIGKILL our server, start it
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
      [--servers bare,ours] [--reconnect-storm] [--workers 2] [--client mini|sio]
      [--connect-concurrency 100] [--ack-timeout 10] [--quiet-below PCT --quiet-wait S]
      [--rounds 1] [--keep-data] [--json results.json]
`make bench-scale` runs the issue's loads; figures and their reading are in
docs/performance.md.
"""

from __future__ import annotations

import argparse
import asyncio
import atexit
import json
import os
import platform
import random
import resource
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from sioclient import ConnectRefused, Disconnected, MiniClient, new_session  # noqa: E402

HOST = "127.0.0.1"  # the only address this benchmark ever connects to
ACK_TIMEOUT = 10.0  # a move without an ack after this counts as timed out
CONNECT_TIMEOUT = 20.0  # one connect attempt (socket.io-client's default)
CONNECT_PHASE_LIMIT = 240.0  # all phones connected within this, or the rest count as failed
STORM_LIMIT = 120.0  # every phone back within this, or it counts as not back
PROBE_SEEN_TIMEOUT = 5.0  # a probe move not shown by then counts as missed
WORKER_IDLE_LIMIT = 900.0  # a worker that hears nothing for this long exits
PROBE_VALUES = (20, 80)


# ---------------------------------------------------------------------------
# processes, limits, /proc
# ---------------------------------------------------------------------------
def raise_nofile() -> tuple[int, int]:
    """Soft RLIMIT_NOFILE up to the hard limit (inherited by every child)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def cpu_seconds(pid: int) -> float | None:
    """utime + stime of a process (and its reaped children: none here)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_busy() -> tuple[int, int]:
    """(busy, total) jiffies of all cores, from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)


def listen_drops() -> int:
    """TcpExt ListenDrops (all sockets of this machine): SYNs or handshakes a full listen queue dropped."""
    lines = [
        line.split()
        for line in Path("/proc/net/netstat").read_text().splitlines()
        if line.startswith("TcpExt:")
    ]
    if len(lines) < 2:
        return 0
    return int(dict(zip(lines[0][1:], lines[1][1:])).get("ListenDrops", 0))


async def busy_pct(seconds: float = 2.0) -> float:
    """Percent of one core in use on the whole machine over a few seconds (200 % = 2 cores busy)."""
    b0 = machine_busy()
    await asyncio.sleep(seconds)
    b1 = machine_busy()
    return 100 * (b1[0] - b0[0]) / max(1, b1[1] - b0[1]) * (os.cpu_count() or 1)


async def wait_quiet(below: float, limit: float) -> float:
    """Wait (at most `limit` s) until the machine is busy below `below` %; returns the last sample."""
    deadline = time.monotonic() + limit
    sample = await busy_pct()
    while below and sample >= below and time.monotonic() < deadline:
        sample = await busy_pct()
    return sample


def own_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def machine() -> dict:
    model = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    mem = next(
        line.split()[1]
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal:")
    )
    return {
        "nproc": os.cpu_count(),
        "cpu": model,
        "mem_gib": round(int(mem) / 1024 / 1024, 1),
        "python": platform.python_version(),
        "kernel": platform.release(),
    }


_children: list[subprocess.Popen] = []


def _kill_children() -> None:
    for proc in _children:
        if proc.poll() is None:
            try:
                proc.kill()
                proc.wait(5)
            except Exception:
                pass


atexit.register(_kill_children)


class ServerProc:
    """A server child process on 127.0.0.1:port; restartable on the same port."""

    def __init__(self, name: str, argv: list[str], env: dict, port: int, log_path: Path):
        self.name, self.argv, self.env, self.port, self.log_path = name, argv, env, port, log_path
        self.url = f"http://{HOST}:{port}"
        self.proc: subprocess.Popen | None = None

    def start(self, timeout: float = 30.0) -> float:
        """Start and wait for GET /healthz; returns the seconds it took."""
        began = time.monotonic()
        log = open(self.log_path, "ab")  # noqa: SIM115  (the child writes to it for its whole life)
        self.proc = subprocess.Popen(
            self.argv, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, preexec_fn=raise_nofile
        )
        log.close()
        _children.append(self.proc)
        deadline = began + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited early:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=1) as response:
                    if response.status == 200:
                        return time.monotonic() - began
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError(f"{self.name} did not answer /healthz in {timeout}s:\n{self.log_tail()}")

    @property
    def pid(self) -> int:
        return self.proc.pid

    def kill9(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill9()

    def log_tail(self, chars: int = 3000) -> str:
        return self.log_path.read_text(errors="replace")[-chars:] if self.log_path.exists() else ""


def api(url: str, method: str, path: str, token: str, body=None) -> dict:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(
        url + path,
        data=data,
        method=method,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read() or b"null")


def start_ours(tmp: Path) -> tuple[ServerProc, dict]:
    data_dir = tmp / "ours-data"
    data_dir.mkdir(parents=True)
    port, admin = free_port(), secrets.token_urlsafe(16)
    env = {
        **os.environ,
        "WORKSHOP_HOST": HOST,
        "WORKSHOP_PORT": str(port),
        "WORKSHOP_DATA_DIR": str(data_dir),
        "WORKSHOP_ADMIN_TOKEN": admin,
        "WORKSHOP_PUBLIC_URL": f"http://{HOST}:{port}",
        "WORKSHOP_ASYNC_MODE": "gevent",
        "PYTHONUNBUFFERED": "1",
    }
    server = ServerProc("ours", [sys.executable, str(ROOT / "app.py")], env, port, tmp / "ours.log")
    server.start()
    w = api(server.url, "POST", "/api/workshops", admin, {"title": "Bench scale", "language": "en"})
    key = w["facilitator_key"]
    s = api(server.url, "POST", f"/api/workshops/{w['id']}/statements", key, {"text": "Bench scale"})
    api(server.url, "POST", f"/api/workshops/{w['id']}/statements/{s['id']}/open", key)
    if s.get("hidden"):
        api(server.url, "POST", f"/api/workshops/{w['id']}/statements/{s['id']}/reveal", key)
    return server, {"code": w["code"], "workshop": w["id"], "key": w["projector_key"], "statement": s["id"]}


def start_bare(tmp: Path) -> tuple[ServerProc, dict]:
    port = free_port()
    info = {
        "code": f"{secrets.randbelow(900000) + 100000}",
        "workshop": secrets.token_urlsafe(9),
        "key": secrets.token_urlsafe(16),
        "statement": 1,
    }
    argv = [
        sys.executable,
        str(BENCH / "bare_server.py"),
        f"--port={port}",
        f"--code={info['code']}",
        f"--workshop={info['workshop']}",
        f"--key={info['key']}",
        f"--statement={info['statement']}",
    ]
    server = ServerProc("bare", argv, {**os.environ, "PYTHONUNBUFFERED": "1"}, port, tmp / "bare.log")
    server.start()
    return server, info


# ---------------------------------------------------------------------------
# one phone, either client
# ---------------------------------------------------------------------------
class SioClient:
    """python-socketio's AsyncClient behind MiniClient's interface (--client sio)."""

    keep: list = []  # AsyncClient.__del__ would close the shared session: keep every one alive

    def __init__(self, url: str, handlers: dict, session):
        import socketio

        self.url = url
        self.c = socketio.AsyncClient(reconnection=False, http_session=session, handle_sigint=False)
        SioClient.keep.append(self.c)
        for event, fn in handlers.items():
            self.c.on(event, fn)
        self.closed = asyncio.get_running_loop().create_future()

        def gone(*_):
            if not self.closed.done():
                self.closed.set_result("disconnect")

        self.c.on("disconnect", gone)

    async def connect(self, _session, auth: dict, timeout: float = CONNECT_TIMEOUT) -> None:
        import socketio

        try:
            async with asyncio.timeout(timeout):
                await self.c.connect(self.url, auth=auth, transports=["websocket"], wait_timeout=timeout)
        except socketio.exceptions.ConnectionError as exc:
            raise ConnectRefused(str(exc)) from exc

    async def call(self, event: str, data, timeout: float = ACK_TIMEOUT):
        import socketio

        try:
            return await self.c.call(event, data, timeout=timeout)
        except socketio.exceptions.TimeoutError as exc:
            raise TimeoutError() from exc
        except socketio.exceptions.SocketIOError as exc:
            raise Disconnected(str(exc)) from exc

    async def close(self) -> None:
        try:
            await asyncio.wait_for(self.c.disconnect(), 5)
        except Exception:
            pass


class Phone:
    __slots__ = (
        "index",
        "client",
        "token",
        "last_acked",
        "uncertain",
        "state",
        "welcome",
        "ready",
        "moved",
        "history",
    )

    def __init__(self, index: int):
        self.index = index
        self.client = None
        self.token: str | None = None
        self.last_acked = None  # value of the last move acked ok
        self.uncertain: list = []  # moves sent since the last ok ack, whose acks never came: any may be stored
        self.state = None
        self.welcome = None
        self.ready: asyncio.Future | None = None
        self.moved = False
        self.history: list = []  # the last few moves: [value, outcome, seconds after the load began]

    def log(self, value, outcome: str, t: float) -> None:
        self.history.append([value, outcome, round(t, 3)])
        del self.history[:-4]

    def on_welcome(self, data) -> None:
        self.welcome = data

    def on_state(self, data) -> None:
        self.state = data
        if self.welcome is not None and self.ready is not None and not self.ready.done():
            self.ready.set_result(time.monotonic())

    async def connect(self, kind: str, url: str, session, auth: dict) -> float:
        """Connect once; returns when welcome and state have arrived."""
        self.welcome = self.state = None
        self.ready = asyncio.get_running_loop().create_future()
        handlers = {"welcome": self.on_welcome, "state": self.on_state}
        self.client = MiniClient(url, handlers) if kind == "mini" else SioClient(url, handlers, session)
        await self.client.connect(session, auth, CONNECT_TIMEOUT)
        try:
            async with asyncio.timeout(CONNECT_TIMEOUT):
                back = await self.ready
        except BaseException:
            await self.client.close()
            raise
        self.token = self.welcome["participant"]
        return back


def percentile(values: list[float], p: float) -> float | None:
    if not values:
        return None
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))]


def error_key(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:120]


def count_errors(errors: dict, exc: BaseException) -> None:
    key = error_key(exc)
    errors[key] = errors.get(key, 0) + 1


# ---------------------------------------------------------------------------
# worker process: a share of the phones
# ---------------------------------------------------------------------------
class Worker:
    def __init__(self, cfg: dict):
        self.cfg = cfg
        self.url = cfg["url"]
        self.kind = cfg["client"]
        self.rng = random.Random(cfg["seed"])
        self.phones = [Phone(cfg["first"] + i) for i in range(cfg["count"])]
        self.session = None

    def emit(self, message: dict) -> None:
        sys.stdout.write(json.dumps(message, separators=(",", ":")) + "\n")
        sys.stdout.flush()

    async def main(self) -> None:
        raise_nofile()
        self.session = new_session()
        loop = asyncio.get_running_loop()
        stdin = asyncio.StreamReader(limit=1 << 20)
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(stdin), sys.stdin)
        self.emit({"type": "ready", "pid": os.getpid(), "rss_mb": rss_mb(os.getpid())})
        try:
            for _ in range(10):  # connect, go, wait_down, storm, quit: a handful of commands
                try:
                    line = await asyncio.wait_for(stdin.readline(), WORKER_IDLE_LIMIT)
                except TimeoutError:
                    break
                if not line:
                    break
                cmd = json.loads(line)
                if cmd["cmd"] == "quit":
                    break
                handler = getattr(self, "cmd_" + cmd["cmd"])
                self.emit({"type": cmd["cmd"], **await handler(**cmd.get("args", {}))})
        finally:
            try:
                await asyncio.wait_for(
                    asyncio.gather(
                        *(p.client.close() for p in self.phones if p.client), return_exceptions=True
                    ),
                    20,
                )
            except TimeoutError:
                pass
            await self.session.close()

    async def cmd_connect(self, concurrency: int) -> dict:
        semaphore = asyncio.Semaphore(concurrency)
        errors: dict[str, int] = {}
        deadline = time.monotonic() + CONNECT_PHASE_LIMIT
        cpu0, began = own_cpu(), time.monotonic()

        async def one(phone: Phone) -> bool:
            for attempt in range(3):
                async with semaphore:
                    if time.monotonic() > deadline:
                        return False
                    try:
                        await phone.connect(self.kind, self.url, self.session, {"code": self.cfg["code"]})
                        return True
                    except Exception as exc:
                        count_errors(errors, exc)
                await asyncio.sleep(0.5 * (attempt + 1))
            return False

        results = await asyncio.gather(*(one(p) for p in self.phones))
        return {
            "connected": sum(results),
            "failed": len(results) - sum(results),
            "seconds": time.monotonic() - began,
            "errors": errors,
            "cpu_s": own_cpu() - cpu0,
            "rss_mb": rss_mb(os.getpid()),
        }

    async def cmd_go(self, t_start: float, t_end: float, mean_gap: float) -> dict:
        """Every connected phone: a Poisson process of moves until t_end."""
        statement = self.cfg["statement"]
        ack_timeout = self.cfg["ack_timeout"]
        latencies: list[float] = []
        stats = {"sent": 0, "not_sent": 0, "acked": 0, "refused": 0, "timeouts": 0, "lost": 0}
        from_due: list[
            float
        ] = []  # ack time minus the time the move fell due (includes waiting for the previous ack)
        errors: dict[str, int] = {}
        acks_at: list[float] = []
        rng = self.rng

        async def run(phone: Phone) -> None:
            due = t_start + rng.expovariate(1 / mean_gap)
            for _ in range(100_000):  # bounded; t_end ends it long before
                if due >= t_end:
                    return
                delay = due - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
                elif time.monotonic() >= t_end:  # behind schedule: nothing is sent after the end
                    stats["not_sent"] += 1 + sum(1 for _ in _dues(due, t_end))
                    return
                value = rng.randrange(101)
                sent = time.monotonic()
                stats["sent"] += 1
                phone.moved = True
                try:
                    ack = await phone.client.call(
                        "position", {"statement": statement, "value": value}, ack_timeout
                    )
                except TimeoutError:
                    stats["timeouts"] += 1
                    phone.uncertain.append(value)
                    phone.log(value, "timeout", sent - t_start)
                except Exception as exc:  # the connection dropped: this phone stops
                    stats["lost"] += 1
                    phone.uncertain.append(value)
                    phone.log(value, "lost", sent - t_start)
                    count_errors(errors, exc)
                    return
                else:
                    now = time.monotonic()
                    phone.log(value, f"ack {ack.get('ok') if isinstance(ack, dict) else ack}", sent - t_start)
                    latencies.append(round((now - sent) * 1000, 2))
                    from_due.append(round((now - due) * 1000, 2))
                    acks_at.append(now)
                    if isinstance(ack, dict) and ack.get("ok"):
                        stats["acked"] += 1
                        phone.last_acked, phone.uncertain = value, []
                    else:
                        stats["refused"] += 1
                        count_errors(errors, RuntimeError(str(ack)))
                due += rng.expovariate(1 / mean_gap)

        def _dues(due: float, end: float):
            for _ in range(100_000):
                due += rng.expovariate(1 / mean_gap)
                if due >= end:
                    return
                yield due

        live = [p for p in self.phones if p.client is not None and p.token]
        cpu0 = own_cpu()
        try:
            await asyncio.wait_for(
                asyncio.gather(*(run(p) for p in live)), max(1.0, t_end - time.monotonic()) + ack_timeout + 10
            )
        except TimeoutError:
            errors["load phase over its time limit"] = 1
        cpu_end = own_cpu()
        dropped = sum(1 for p in live if p.client.closed.done())
        in_window = sum(1 for t in acks_at if t <= t_end)
        return {
            **stats,
            "latencies_ms": latencies,
            "from_due_ms": from_due,
            "acked_in_window": in_window,
            "last_ack": max(acks_at) if acks_at else None,
            "errors": errors,
            "dropped": dropped,
            "cpu_s": cpu_end - cpu0,
            "rss_mb": rss_mb(os.getpid()),
        }

    async def cmd_wait_down(self, timeout: float) -> dict:
        """After the server was killed: wait until every phone saw its connection close."""
        closed = [p.client.closed for p in self.phones if p.client is not None]
        done, pending = await asyncio.wait(closed, timeout=timeout) if closed else (set(), set())
        return {"down": len(done), "still_up": len(pending)}

    async def cmd_storm(self, t0: float) -> dict:
        """Every phone with a token reconnects at once with it."""
        code = self.cfg["code"]
        deadline = t0 + STORM_LIMIT
        errors: dict[str, int] = {}
        backs: list[float] = []
        phases: dict[str, list[float]] = {"opened": [], "connected": []}
        problems = {
            "not_back": 0,
            "wrong_position": 0,
            "new_participant": 0,
            "retries": 0,
            "unacked_value": 0,
        }
        examples: list[dict] = []
        rng = self.rng
        cpu0 = own_cpu()

        async def one(phone: Phone) -> None:
            token = phone.token
            for attempt in range(50):  # bounded by the deadline long before
                if time.monotonic() > deadline:
                    break
                try:
                    async with asyncio.timeout(max(0.1, deadline - time.monotonic())):
                        back = await phone.connect(
                            self.kind, self.url, self.session, {"code": code, "participant": token}
                        )
                except Exception as exc:
                    count_errors(errors, exc)
                    problems["retries"] += 1
                    delay = min(1.0 * 2**attempt, 5.0) * (1 + rng.uniform(-0.5, 0.5))
                    await asyncio.sleep(max(0.0, min(delay, deadline - time.monotonic())))
                    continue
                position = phone.state.get("position") if isinstance(phone.state, dict) else None
                # Acks come after the commit, and one phone's moves are handled in order, so the
                # stored value is the last acked one or one sent after it whose ack never came.
                expected = {phone.last_acked, *phone.uncertain}
                if phone.welcome["participant"] != token:
                    problems["new_participant"] += 1
                    if len(examples) < 5:
                        examples.append({"phone": phone.index, "problem": "new participant"})
                elif position not in expected:
                    problems["wrong_position"] += 1
                    if len(examples) < 5:
                        examples.append(
                            {
                                "phone": phone.index,
                                "problem": "position",
                                "token": token,
                                "expected": sorted(expected, key=str),
                                "got": position,
                                "moves": phone.history,
                            }
                        )
                else:
                    backs.append(back - t0)
                    for phase in phases:
                        at = getattr(phone.client, f"{phase}_at", None)
                        if at is not None:
                            phases[phase].append(round(at - t0, 4))
                    if position != phone.last_acked:
                        problems["unacked_value"] += 1
                return
            problems["not_back"] += 1
            if len(examples) < 5:
                examples.append({"phone": phone.index, "problem": "not back"})

        phones = [p for p in self.phones if p.token]
        await asyncio.wait_for(asyncio.gather(*(one(p) for p in phones)), STORM_LIMIT + 30)
        return {
            "phones": len(phones),
            "back": len(backs),
            "back_s": [round(b, 4) for b in backs],
            **{f"{phase}_s": times for phase, times in phases.items()},
            **problems,
            "examples": examples,
            "errors": errors,
            "cpu_s": own_cpu() - cpu0,
            "rss_mb": rss_mb(os.getpid()),
        }


class WorkerHandle:
    """The orchestrator's side of one worker process (JSON lines over pipes)."""

    def __init__(self, proc: asyncio.subprocess.Process):
        self.proc = proc

    @classmethod
    async def spawn(cls, cfg: dict) -> WorkerHandle:
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            str(Path(__file__).resolve()),
            "--worker",
            json.dumps(cfg),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            limit=1 << 26,
            preexec_fn=raise_nofile,
        )
        handle = cls(proc)
        ready = await handle.read(60)
        assert ready["type"] == "ready", ready
        handle.pid = ready["pid"]
        handle.rss_ready_mb = ready["rss_mb"] or 0
        return handle

    async def send(self, cmd: str, **args) -> None:
        self.proc.stdin.write((json.dumps({"cmd": cmd, "args": args}) + "\n").encode())
        await self.proc.stdin.drain()

    async def read(self, timeout: float) -> dict:
        line = await asyncio.wait_for(self.proc.stdout.readline(), timeout)
        if not line:
            raise RuntimeError("worker exited")
        return json.loads(line)

    async def ask(self, cmd: str, limit: float, **args) -> dict:
        await self.send(cmd, **args)
        return await self.read(limit)

    async def quit(self) -> None:
        if self.proc.returncode is None:
            try:
                await self.send("quit")
                await asyncio.wait_for(self.proc.wait(), 30)
            except Exception:
                pass
        if self.proc.returncode is None:
            self.proc.kill()
            await self.proc.wait()


# ---------------------------------------------------------------------------
# the orchestrator: probe, projector, one server at a time
# ---------------------------------------------------------------------------
class Projector:
    """The projector client plus the probe's bookkeeping."""

    def __init__(self):
        self.probe_key = None
        self.waiting: tuple[int, float, asyncio.Future] | None = None  # (value, sent, future)
        self.first_single: asyncio.Future | None = None
        self.events: list[float] = []
        self.dots = 0

    def on_distribution(self, data) -> None:
        now = time.monotonic()
        self.events.append(now)
        dots = data.get("dots") or []
        self.dots = len(dots)
        if self.first_single is not None and not self.first_single.done() and data.get("count") == 1:
            self.first_single.set_result(dots[0][0])
        if self.waiting is None or self.probe_key is None:
            return
        value, sent, future = self.waiting
        if future.done():
            return
        for key, v in dots:
            if key == self.probe_key:
                if v == value:
                    future.set_result(now - sent)
                break


async def measure_server(kind: str, label: str, args, tmp: Path, storm_after: bool) -> dict:
    result: dict = {
        "server": label,
        "kind": kind,
        "phones": args.phones,
        "rate": args.rate,
        "duration": args.duration,
    }
    tmp.mkdir(parents=True)
    result["busy_before_pct"] = await wait_quiet(args.quiet_below, args.quiet_wait)
    server, info = await asyncio.to_thread(start_ours if kind == "ours" else start_bare, tmp)
    workers: list[WorkerHandle] = []
    session = new_session()
    clients: list = []
    try:
        result["rss_idle_mb"] = rss_mb(server.pid)
        # Workers first, so their start-up is not counted in the connect time.
        share = [
            args.phones // args.workers + (1 if i < args.phones % args.workers else 0)
            for i in range(args.workers)
        ]
        first = 2  # the probe is 1
        for i, count in enumerate(share):
            cfg = {
                "url": server.url,
                "code": info["code"],
                "statement": info["statement"],
                "first": first,
                "count": count,
                "client": args.client,
                "seed": args.seed * 100 + i,
                "ack_timeout": args.ack_timeout,
            }
            workers.append(await WorkerHandle.spawn(cfg))
            first += count

        # Projector, then the probe; the probe moves first so its dot is the only one.
        projector = Projector()
        loop = asyncio.get_running_loop()
        projector.first_single = loop.create_future()
        pj = MiniClient(server.url, {"distribution": projector.on_distribution})
        await pj.connect(session, {"workshop": info["workshop"], "key": info["key"]}, CONNECT_TIMEOUT)
        clients.append(pj)
        probe = Phone(1)
        await probe.connect("mini", server.url, session, {"code": info["code"]})
        clients.append(probe.client)
        ack = await probe.client.call("position", {"statement": info["statement"], "value": 50}, ACK_TIMEOUT)
        assert ack.get("ok"), ack
        projector.probe_key = await asyncio.wait_for(projector.first_single, 10)
        result["probe_key"] = projector.probe_key

        # Connect the fleet.
        cpu0, drops0 = cpu_seconds(server.pid), listen_drops()
        began = time.monotonic()
        per_worker = max(1, args.connect_concurrency // args.workers)
        for w in workers:
            await w.send("connect", concurrency=per_worker)
        reports = [await w.read(CONNECT_PHASE_LIMIT + 60) for w in workers]
        result["connect_s"] = time.monotonic() - began
        result["connect_server_cpu_s"] = cpu_seconds(server.pid) - cpu0
        result["connect_listen_drops"] = listen_drops() - drops0
        result["connected"] = sum(r["connected"] for r in reports)
        result["connect_failed"] = sum(r["failed"] for r in reports)
        result["connect_errors"] = merge_counts(r["errors"] for r in reports)
        result["gen_connect_cpu_s"] = sum(r["cpu_s"] for r in reports)
        result["gen_rss_mb"] = sum(r["rss_mb"] or 0 for r in reports)
        result["gen_rss_phones_mb"] = sum(
            (r["rss_mb"] or 0) - w.rss_ready_mb for r, w in zip(reports, workers)
        )
        await asyncio.sleep(1.0)  # let presence flushes and connect bursts settle
        result["rss_connected_mb"] = rss_mb(server.pid)
        # What N idle phones cost (Engine.IO pings every 10 s each), over 3 s.
        cpu_idle0, t_idle0, busy_idle0 = cpu_seconds(server.pid), time.monotonic(), machine_busy()
        await asyncio.sleep(3.0)
        result["server_idle_cpu_pct"] = (
            100 * (cpu_seconds(server.pid) - cpu_idle0) / (time.monotonic() - t_idle0)
        )
        busy_idle1 = machine_busy()
        result["machine_busy_idle_pct"] = (
            100
            * (busy_idle1[0] - busy_idle0[0])
            / max(1, busy_idle1[1] - busy_idle0[1])
            * (os.cpu_count() or 1)
        )
        connected = max(1, result["connected"])
        result["rss_per_phone_kb"] = (result["rss_connected_mb"] - result["rss_idle_mb"]) * 1024 / connected
        result["gen_rss_per_phone_kb"] = result["gen_rss_phones_mb"] * 1024 / connected

        # The load.
        t_start = time.monotonic() + 0.5
        t_end = t_start + args.duration
        mean_gap = args.phones / args.rate  # seconds between one phone's moves, on average
        for w in workers:
            await w.send("go", t_start=t_start, t_end=t_end, mean_gap=mean_gap)
        await asyncio.sleep(max(0.0, t_start - time.monotonic()))
        cpu0, busy0, own0, rss_peak = cpu_seconds(server.pid), machine_busy(), own_cpu(), 0.0
        lags, missed = [], 0
        events0 = len(projector.events)
        probe_sent = probe_rejoins = projector_rejoins = 0
        value_i = 0
        next_rss = time.monotonic()
        for _ in range(int(args.duration / 0.2) + 10):  # at most one probe move per 0.2 s
            if time.monotonic() >= t_end - PROBE_SEEN_TIMEOUT / 5:
                break
            if time.monotonic() >= next_rss:
                rss_peak = max(rss_peak, rss_mb(server.pid) or 0)
                next_rss += 1.0
            value = PROBE_VALUES[value_i % 2]
            value_i += 1  # noqa: SIM113  (alternates per probe send, not per loop turn)
            future = loop.create_future()
            sent = time.monotonic()
            projector.waiting = (value, sent, future)
            probe_sent += 1
            try:
                await probe.client.call(
                    "position", {"statement": info["statement"], "value": value}, ACK_TIMEOUT
                )
                lags.append(await asyncio.wait_for(future, PROBE_SEEN_TIMEOUT))
            except TimeoutError:
                missed += 1
            except Exception:  # dropped by an overloaded server (ping timeout): rejoin, same participant
                missed += 1
                probe_rejoins += 1
                try:
                    await probe.connect(
                        "mini", server.url, session, {"code": info["code"], "participant": probe.token}
                    )
                    clients.append(probe.client)
                except Exception:
                    await asyncio.sleep(1.0)
            if pj.closed.done() and time.monotonic() < t_end - 1:  # the projector too
                projector_rejoins += 1
                pj = MiniClient(server.url, {"distribution": projector.on_distribution})
                try:
                    await pj.connect(
                        session, {"workshop": info["workshop"], "key": info["key"]}, CONNECT_TIMEOUT
                    )
                    clients.append(pj)
                except Exception:
                    await asyncio.sleep(1.0)
            await asyncio.sleep(random.uniform(0.2, 0.4))
        events1 = len(projector.events)
        reports = [await w.read(args.duration + args.ack_timeout + 60) for w in workers]
        load_end = time.monotonic()
        result["rss_load_peak_mb"] = max(rss_peak, rss_mb(server.pid) or 0)
        busy1 = machine_busy()
        load_cpu_s = cpu_seconds(server.pid) - cpu0
        result["server_cpu_pct"] = 100 * load_cpu_s / (load_end - t_start)
        result["machine_busy_pct"] = (
            100 * (busy1[0] - busy0[0]) / max(1, busy1[1] - busy0[1]) * os.cpu_count()
        )
        result["gen_cpu_pct"] = 100 * sum(r["cpu_s"] for r in reports) / (load_end - t_start)
        result["gen_cpu_pct_per_worker"] = [
            round(100 * r["cpu_s"] / (load_end - t_start), 1) for r in reports
        ]
        result["orchestrator_cpu_pct"] = 100 * (own_cpu() - own0) / (load_end - t_start)
        result["others_cpu_pct"] = max(
            0.0,
            result["machine_busy_pct"]
            - result["server_cpu_pct"]
            - result["gen_cpu_pct"]
            - result["orchestrator_cpu_pct"],
        )
        latencies = [x for r in reports for x in r["latencies_ms"]]
        for key in ("sent", "not_sent", "acked", "refused", "timeouts", "lost", "dropped", "acked_in_window"):
            result[key] = sum(r[key] for r in reports)
        result["errors"] = merge_counts(r["errors"] for r in reports)
        result["offered_per_s"] = args.rate
        result["sent_per_s"] = result["sent"] / args.duration
        result["acked_per_s"] = result["acked_in_window"] / args.duration
        for p in (0.5, 0.95, 0.99):
            result[f"ack_p{int(p * 100)}_ms"] = percentile(latencies, p)
        result["ack_max_ms"] = max(latencies) if latencies else None
        # CPU the server spent per unit of work: far less sensitive to other users' load
        # than any latency, so the figure to compare across runs and machines.
        result["server_cpu_ms_per_move"] = 1000 * load_cpu_s / max(1, result["acked"] + result["refused"])
        result["gen_cpu_ms_per_move"] = (
            1000 * sum(r["cpu_s"] for r in reports) / max(1, result["acked"] + result["refused"])
        )
        result["gen_cpu_ms_per_connect"] = 1000 * result["gen_connect_cpu_s"] / max(1, result["connected"])
        result["server_cpu_ms_per_connect"] = (
            1000 * result["connect_server_cpu_s"] / max(1, result["connected"])
        )
        result["from_due_p95_ms"] = percentile([x for r in reports for x in r["from_due_ms"]], 0.95)
        result["probe_moves"] = probe_sent
        result["probe_missed"] = missed
        result["probe_rejoins"], result["projector_rejoins"] = probe_rejoins, projector_rejoins
        for p in (0.5, 0.95):
            v = percentile(lags, p)
            result[f"lag_p{int(p * 100)}_ms"] = v * 1000 if v is not None else None
        result["lag_max_ms"] = max(lags) * 1000 if lags else None
        result["distributions_per_s"] = (events1 - events0) / args.duration
        result["dots_last"] = projector.dots

        if storm_after:
            result["storm"] = await storm(server, workers, args)
    finally:
        for c in clients:
            try:
                await c.close()
            except Exception:
                pass
        await session.close()
        for w in workers:
            await w.quit()
        await asyncio.to_thread(server.stop)
    return result


async def storm(server: ServerProc, workers: list[WorkerHandle], args) -> dict:
    out: dict = {}
    t_kill = time.monotonic()
    await asyncio.to_thread(server.kill9)
    downs = [await w.ask("wait_down", 30, timeout=20) for w in workers]
    out["down"] = sum(d["down"] for d in downs)
    out["still_up_after_kill"] = sum(d["still_up"] for d in downs)
    out["restart_s"] = await asyncio.to_thread(server.start, 60)
    out["rss_restarted_mb"] = rss_mb(server.pid)
    cpu0, drops0 = cpu_seconds(server.pid), listen_drops()
    t0 = time.monotonic()
    for w in workers:
        await w.send("storm", t0=t0)
    reports = [await w.read(STORM_LIMIT + 60) for w in workers]
    out["listen_drops"] = listen_drops() - drops0
    elapsed = time.monotonic() - t0
    backs = [b for r in reports for b in r["back_s"]]
    out["phones"] = sum(r["phones"] for r in reports)
    out["back"] = len(backs)
    for key in ("not_back", "wrong_position", "new_participant", "retries", "unacked_value"):
        out[key] = sum(r[key] for r in reports)
    out["examples"] = [e for r in reports for e in r["examples"]][:5]
    out["errors"] = merge_counts(r["errors"] for r in reports)
    out["all_back_s"] = max(backs) if backs and len(backs) == out["phones"] else None
    out["last_back_s"] = max(backs) if backs else None
    out["back_p50_s"] = percentile(backs, 0.5)
    out["back_p95_s"] = percentile(backs, 0.95)
    for phase in ("opened", "connected"):  # the mini client's phases (not --client sio)
        times = [t for r in reports for t in r.get(f"{phase}_s", [])]
        out[f"{phase}_p50_s"], out[f"{phase}_p95_s"] = percentile(times, 0.5), percentile(times, 0.95)
    out["from_kill_s"] = (t0 - t_kill) + (out["all_back_s"] or elapsed)
    out["server_cpu_s"] = cpu_seconds(server.pid) - cpu0
    out["back_within"] = {f"{limit}s": sum(1 for b in backs if b <= limit) for limit in (5, 10, 20, 30, 60)}
    out["gen_cpu_s"] = sum(r["cpu_s"] for r in reports)
    out["rss_after_mb"] = rss_mb(server.pid)
    return out


def merge_counts(dicts) -> dict:
    total: dict = {}
    for d in dicts:
        for k, v in d.items():
            total[k] = total.get(k, 0) + v
    return dict(sorted(total.items(), key=lambda kv: -kv[1])[:8])


# ---------------------------------------------------------------------------
# the report
# ---------------------------------------------------------------------------
def fmt(value, spec: str = ".0f") -> str:
    if value is None:
        return "–"
    if isinstance(value, (list, tuple)):
        return "/".join(fmt(v, spec) for v in value)
    return format(value, spec)


ROWS = [
    (
        "phones connected (of N)",
        lambda r: (
            f"{r['connected']} of {r['phones']}"
            + (f" ({r['connect_failed']} failed)" if r["connect_failed"] else "")
        ),
    ),
    (
        "time to connect them all",
        lambda r: (
            f"{r['connect_s']:.1f} s (server CPU {r['connect_server_cpu_s']:.1f} s,"
            f" {r['connect_listen_drops']} listen drops)"
        ),
    ),
    (
        "moves offered / sent per s",
        lambda r: (
            f"{r['offered_per_s']:.0f} / {r['sent_per_s']:.0f}"
            + (f" ({r['not_sent']} not sent: behind)" if r["not_sent"] else "")
        ),
    ),
    ("moves acked per s", lambda r: f"{r['acked_per_s']:.0f}"),
    (
        "ack latency p50 / p95 / p99",
        lambda r: (
            f"{fmt(r['ack_p50_ms'], '.1f')} / {fmt(r['ack_p95_ms'], '.1f')}"
            f" / {fmt(r['ack_p99_ms'], '.1f')} ms"
        ),
    ),
    ("ack latency max", lambda r: f"{fmt(r['ack_max_ms'], '.0f')} ms"),
    ("ack p95 from the move's due time", lambda r: f"{fmt(r['from_due_p95_ms'], '.0f')} ms"),
    (
        "projector lag p50 / p95",
        lambda r: (
            f"{fmt(r['lag_p50_ms'])} / {fmt(r['lag_p95_ms'])} ms"
            f" ({r['probe_moves'] - r['probe_missed']} of {r['probe_moves']} probe moves seen"
            + (
                f"; probe/projector dropped and rejoined {r['probe_rejoins']}/{r['projector_rejoins']}x"
                if r["probe_rejoins"] or r["projector_rejoins"]
                else ""
            )
            + ")"
        ),
    ),
    ("distribution events per s", lambda r: f"{r['distributions_per_s']:.1f} ({r['dots_last']} dots)"),
    ("moves refused / timed out / lost", lambda r: f"{r['refused']} / {r['timeouts']} / {r['lost']}"),
    ("phones dropped during load", lambda r: f"{r['dropped']}"),
    (
        "server RSS idle / connected / peak",
        lambda r: f"{fmt(r['rss_idle_mb'])} / {fmt(r['rss_connected_mb'])} / {fmt(r['rss_load_peak_mb'])} MB",
    ),
    ("server RSS per connected phone", lambda r: f"{r['rss_per_phone_kb']:.0f} kB"),
    (
        "server CPU during load",
        lambda r: (
            f"{r['server_cpu_pct']:.0f} % of a core (idle with N phones: {r['server_idle_cpu_pct']:.0f} %)"
        ),
    ),
    (
        "server CPU per connect / per move",
        lambda r: (
            f"{r['server_cpu_ms_per_connect']:.2f} / "
            f"{r['server_cpu_ms_per_move']:.2f} ms (moves incl. pings, flushes)"
        ),
    ),
    (
        "generator CPU during load",
        lambda r: (
            f"{r['gen_cpu_pct']:.0f} % ({'+'.join(map(str, r['gen_cpu_pct_per_worker']))})"
            f" + probe/projector {r['orchestrator_cpu_pct']:.0f} %"
        ),
    ),
    (
        "generator CPU per connect / per move",
        lambda r: f"{r['gen_cpu_ms_per_connect']:.2f} / {r['gen_cpu_ms_per_move']:.2f} ms",
    ),
    (
        "generator RSS total / per phone",
        lambda r: f"{r['gen_rss_mb']:.0f} MB / {r['gen_rss_per_phone_kb']:.0f} kB",
    ),
    (
        "machine busy during load (all processes)",
        lambda r: f"{r['machine_busy_pct']:.0f} % of {100 * (os.cpu_count() or 1)} %",
    ),
    (
        "  of which other users' processes",
        lambda r: (
            f"{r['others_cpu_pct']:.0f} % (machine busy before the start: {r['busy_before_pct']:.0f} %)"
        ),
    ),
]

STORM_ROWS = [
    ("phones reconnecting", lambda s: f"{s['phones']} (saw the kill: {s['down']})"),
    ("server restart (SIGKILL → /healthz)", lambda s: f"{s['restart_s']:.1f} s"),
    (
        "all back with their position",
        lambda s: (
            (
                f"{s['all_back_s']:.1f} s"
                if s["all_back_s"] is not None
                else f"NOT all: last at {fmt(s['last_back_s'], '.1f')} s"
            )
            + f" after the restart ({s['from_kill_s']:.1f} s after the kill)"
        ),
    ),
    (
        "websocket open / connected / back, p50",
        lambda s: (
            f"{fmt(s['opened_p50_s'], '.2f')} / {fmt(s['connected_p50_s'], '.2f')} / "
            f"{fmt(s['back_p50_s'], '.2f')} s"
        ),
    ),
    (
        "websocket open / connected / back, p95",
        lambda s: (
            f"{fmt(s['opened_p95_s'], '.2f')} / {fmt(s['connected_p95_s'], '.2f')} / "
            f"{fmt(s['back_p95_s'], '.2f')} s"
        ),
    ),
    (
        "not back / wrong position / new participant",
        lambda s: (
            f"{s['not_back']} / {s['wrong_position']} / {s['new_participant']}"
            + (
                f" ({s['unacked_value']} back at a later move whose ack had timed out)"
                if s["unacked_value"]
                else ""
            )
        ),
    ),
    ("back within 5/10/20/30/60 s", lambda s: " / ".join(str(v) for v in s["back_within"].values())),
    ("connect retries / listen drops", lambda s: f"{s['retries']} / {s['listen_drops']}"),
    ("server CPU / RSS after storm", lambda s: f"{s['server_cpu_s']:.1f} s / {fmt(s['rss_after_mb'])} MB"),
    ("generator CPU during storm", lambda s: f"{s['gen_cpu_s']:.1f} s"),
]


def report(results: list[dict], args, info: dict) -> str:
    lines = [
        f"machine: {info['nproc']} cores, {info['cpu']}, {info['mem_gib']} GiB, Python {info['python']}",
        f"command: {' '.join(sys.argv)}",
        f"load: {args.phones} phones + 1 probe, {args.rate} moves/s offered, {args.duration} s, "
        f"{args.workers} generator processes, client={args.client}",
        "",
    ]
    width = max(len(label) for label, _ in ROWS + STORM_ROWS)
    columns = []
    for r in results:
        cells = [r["server"]]
        for _, cell in ROWS:
            try:
                cells.append(cell(r))
            except (KeyError, TypeError, ValueError):
                cells.append("–")
        columns.append(cells)
    widths = [max(len(c) for c in cells) for cells in columns]
    for i, label in enumerate([""] + [label for label, _ in ROWS]):
        lines.append(
            f"{label:<{width}}  " + "  ".join(f"{cells[i]:<{w}}" for cells, w in zip(columns, widths))
        )
        if i == 0:
            lines.append("-" * len(lines[-1]))
    lines.append("")
    for ours, bare in zip(
        [r for r in results if r["kind"] == "ours"], [r for r in results if r["kind"] == "bare"]
    ):
        if ours.get("ack_p95_ms") and bare.get("ack_p95_ms"):
            lines.append(
                f"{ours['server']}/{bare['server']} ack p95: {ours['ack_p95_ms'] / bare['ack_p95_ms']:.1f}x;"
                f" projector lag p95 {fmt(ours.get('lag_p95_ms'))} ms (ours) and"
                f" {fmt(bare.get('lag_p95_ms'))} ms (bare) against the 250 ms contract"
            )
    for r in results:
        if r.get("connect_errors") or r.get("errors"):
            lines.append(f"{r['server']} errors: connect {r.get('connect_errors')} load {r.get('errors')}")
        if "storm" in r:
            s = r["storm"]
            lines += ["", f"reconnect storm ({r['server']}, {s['phones']} phones at once):"]
            for label, cell in STORM_ROWS:
                lines.append(f"  {label:<{width}}  {cell(s)}")
            if s["examples"] or s["errors"]:
                lines.append(f"  examples: {s['examples']}  errors: {s['errors']}")
    return "\n".join(lines)


async def orchestrate(args) -> list[dict]:
    results = []
    tmp = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    try:
        for round_ in range(1, args.rounds + 1):
            for kind in args.servers:
                label = kind if args.rounds == 1 else f"{kind} #{round_}"
                print(
                    f"[{label}] starting: {args.phones} phones, {args.rate} moves/s, {args.duration} s ...",
                    file=sys.stderr,
                    flush=True,
                )
                storm_after = args.reconnect_storm and kind == "ours" and round_ == args.rounds
                try:
                    results.append(
                        await measure_server(kind, label, args, tmp / label.replace(" #", "-"), storm_after)
                    )
                except Exception as exc:
                    print(f"[{label}] FAILED: {error_key(exc)}", file=sys.stderr, flush=True)
                    log = tmp / label.replace(" #", "-") / f"{kind}.log"
                    if log.exists():
                        print(log.read_text(errors="replace")[-2000:], file=sys.stderr)
                    results.append({"server": label, "kind": kind, "failed": error_key(exc)})
                await asyncio.sleep(2)  # let sockets in TIME_WAIT and the kernel settle between servers
    finally:
        if args.keep_data:
            print(f"data dirs and server logs kept in {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return results


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--worker":
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the orchestrator ends us
        asyncio.run(Worker(json.loads(sys.argv[2])).main())
        return
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
    parser.add_argument("--workers", type=int, default=2, help="load generator processes")
    parser.add_argument(
        "--client",
        choices=("mini", "sio"),
        default="mini",
        help="mini: bench/sioclient.py; sio: python-socketio AsyncClient",
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
