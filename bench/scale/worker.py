"""A load-generator process holding a share of the phones, and the
orchestrator's handle on it.

The orchestrator starts `python -m bench.scale.worker <cfg JSON>` and talks
to it in JSON lines: it sends {"cmd", "args"} on stdin, the worker answers
each with one line on stdout, {"type": <cmd>, ...figures}. Commands:
connect, go (the load), wait_down and storm (the reconnect storm), quit.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import signal
import sys
import time

from bench.proc import ROOT, raise_nofile
from bench.scale.clients import Phone
from bench.scale.stats import count_errors
from bench.scale.system import own_cpu, rss_mb
from bench.sioclient import new_session

CONNECT_PHASE_LIMIT = 240.0  # all phones connected within this, or the rest count as failed
STORM_LIMIT = 120.0  # every phone back within this, or it counts as not back
WORKER_IDLE_LIMIT = 900.0  # a worker that hears nothing for this long exits


class Load:
    """One load phase: each phone a Poisson process of moves from t_start until t_end.

    A phone has at most one move in flight: when its next move falls due
    before the ack, it is sent right after it.
    """

    def __init__(self, rng: random.Random, statement, ack_timeout: float, t_start, t_end, mean_gap):
        self.rng, self.statement, self.ack_timeout = rng, statement, ack_timeout
        self.t_start, self.t_end, self.mean_gap = t_start, t_end, mean_gap
        self.latencies: list[float] = []
        self.from_due: list[
            float
        ] = []  # ack time minus the time the move fell due (includes waiting for the previous ack)
        self.acks_at: list[float] = []
        self.errors: dict[str, int] = {}
        self.stats = {"sent": 0, "not_sent": 0, "acked": 0, "refused": 0, "timeouts": 0, "lost": 0}

    def next_due(self, due: float) -> float:
        return due + self.rng.expovariate(1 / self.mean_gap)

    def dues_left(self, due: float) -> int:
        """How many more moves would fall due before the end (a phone that is behind sends none of them)."""
        for n in range(100_000):
            due = self.next_due(due)
            if due >= self.t_end:
                return n
        return 100_000

    async def run(self, phone: Phone) -> None:
        due = self.t_start + self.rng.expovariate(1 / self.mean_gap)
        for _ in range(100_000):  # bounded; t_end ends it long before
            if due >= self.t_end:
                return
            delay = due - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            elif time.monotonic() >= self.t_end:  # behind schedule: nothing is sent after the end
                self.stats["not_sent"] += 1 + self.dues_left(due)
                return
            if not await self.move(phone, due):
                return
            due = self.next_due(due)

    async def move(self, phone: Phone, due: float) -> bool:
        """One move with its ack; False when the connection dropped (the phone stops)."""
        value = self.rng.randrange(101)
        sent = time.monotonic()
        self.stats["sent"] += 1
        phone.moved = True
        try:
            ack = await phone.client.call(
                "position", {"statement": self.statement, "value": value}, self.ack_timeout
            )
        except TimeoutError:
            self.stats["timeouts"] += 1
            phone.uncertain.append(value)
            phone.log(value, "timeout", sent - self.t_start)
            return True
        except Exception as exc:
            self.stats["lost"] += 1
            phone.uncertain.append(value)
            phone.log(value, "lost", sent - self.t_start)
            count_errors(self.errors, exc)
            return False
        self.record_ack(phone, value, ack, sent, due)
        return True

    def record_ack(self, phone: Phone, value, ack, sent: float, due: float) -> None:
        now = time.monotonic()
        phone.log(value, f"ack {ack.get('ok') if isinstance(ack, dict) else ack}", sent - self.t_start)
        self.latencies.append(round((now - sent) * 1000, 2))
        self.from_due.append(round((now - due) * 1000, 2))
        self.acks_at.append(now)
        if isinstance(ack, dict) and ack.get("ok"):
            self.stats["acked"] += 1
            phone.last_acked, phone.uncertain = value, []
        else:
            self.stats["refused"] += 1
            count_errors(self.errors, RuntimeError(str(ack)))


# static/js/live.js RECONNECT: socket.io-client's backoff as the pages set it.
PAGE_DELAY, PAGE_DELAY_MAX, PAGE_JITTER = 1.5, 10.0, 0.5


def page_delay(attempt: int, rng: random.Random) -> float:
    """The wait before reconnect attempt ``attempt`` (0: the first after the
    drop), as socket.io-client's Backoff computes it with the pages' options:
    1.5 s × 2^attempt, moved by up to ±50 % at random, at most 10 s."""
    ms = PAGE_DELAY * 2**attempt
    deviation = rng.random() * PAGE_JITTER * ms
    return min(ms + deviation if rng.random() < 0.5 else ms - deviation, PAGE_DELAY_MAX)


class Reconnect:
    """The storm, one worker's share: every phone with a token reconnects with it,
    at once (retrying like socket.io-client: 1 s doubling to 5 s, ±50 % jitter), or with
    backoff "pages" as the pages do from the drop (page_delay), until a deadline."""

    def __init__(self, worker: Worker, t0: float, backoff: str = "at-once"):
        self.worker, self.t0, self.backoff = worker, t0, backoff
        self.deadline = t0 + STORM_LIMIT
        self.errors: dict[str, int] = {}
        self.backs: list[float] = []
        self.phases: dict[str, list[float]] = {"opened": [], "connected": []}
        self.problems = {
            "not_back": 0,
            "wrong_position": 0,
            "new_participant": 0,
            "retries": 0,
            "unacked_value": 0,
        }
        self.examples: list[dict] = []

    def example(self, item: dict) -> None:
        if len(self.examples) < 5:
            self.examples.append(item)

    async def wait(self, attempt: int) -> None:
        if self.backoff == "pages":
            delay = page_delay(attempt, self.worker.rng)
        elif attempt == 0:
            return
        else:
            delay = min(1.0 * 2 ** (attempt - 1), 5.0) * (1 + self.worker.rng.uniform(-0.5, 0.5))
        await asyncio.sleep(max(0.0, min(delay, self.deadline - time.monotonic())))

    async def bring_back(self, phone: Phone) -> None:
        token, w = phone.token, self.worker
        for attempt in range(50):  # bounded by the deadline long before
            await self.wait(attempt)
            if time.monotonic() > self.deadline:
                break
            try:
                async with asyncio.timeout(max(0.1, self.deadline - time.monotonic())):
                    back = await phone.connect(
                        w.kind, w.url, w.session, {"code": w.cfg["code"], "participant": token}
                    )
            except Exception as exc:
                count_errors(self.errors, exc)
                self.problems["retries"] += 1
                continue
            self.check(phone, token, back)
            return
        self.problems["not_back"] += 1
        self.example({"phone": phone.index, "problem": "not back"})

    def check(self, phone: Phone, token: str, back: float) -> None:
        """Back as the same participant, at the position it had?"""
        position = phone.state.get("position") if isinstance(phone.state, dict) else None
        # Acks come after the commit, and one phone's moves are handled in order, so the
        # stored value is the last acked one or one sent after it whose ack never came.
        expected = {phone.last_acked, *phone.uncertain}
        if phone.welcome["participant"] != token:
            self.problems["new_participant"] += 1
            self.example({"phone": phone.index, "problem": "new participant"})
        elif position not in expected:
            self.problems["wrong_position"] += 1
            self.example(
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
            self.backs.append(back - self.t0)
            for phase in self.phases:
                at = getattr(phone.client, f"{phase}_at", None)
                if at is not None:
                    self.phases[phase].append(round(at - self.t0, 4))
            if position != phone.last_acked:
                self.problems["unacked_value"] += 1


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
        ack_timeout = self.cfg["ack_timeout"]
        load = Load(self.rng, self.cfg["statement"], ack_timeout, t_start, t_end, mean_gap)
        live = [p for p in self.phones if p.client is not None and p.token]
        cpu0 = own_cpu()
        try:
            await asyncio.wait_for(
                asyncio.gather(*(load.run(p) for p in live)),
                max(1.0, t_end - time.monotonic()) + ack_timeout + 10,
            )
        except TimeoutError:
            load.errors["load phase over its time limit"] = 1
        cpu_end = own_cpu()
        return {
            **load.stats,
            "latencies_ms": load.latencies,
            "from_due_ms": load.from_due,
            "acked_in_window": sum(1 for t in load.acks_at if t <= t_end),
            "last_ack": max(load.acks_at) if load.acks_at else None,
            "errors": load.errors,
            "dropped": sum(1 for p in live if p.client.closed.done()),
            "cpu_s": cpu_end - cpu0,
            "rss_mb": rss_mb(os.getpid()),
        }

    async def cmd_wait_down(self, timeout: float) -> dict:
        """After the server was killed: wait until every phone saw its connection close."""
        closed = [p.client.closed for p in self.phones if p.client is not None]
        done, pending = await asyncio.wait(closed, timeout=timeout) if closed else (set(), set())
        return {"down": len(done), "still_up": len(pending)}

    async def cmd_storm(self, t0: float, backoff: str = "at-once") -> dict:
        """Every phone with a token reconnects with it (at once, or as the pages do)."""
        storm = Reconnect(self, t0, backoff)
        cpu0 = own_cpu()
        phones = [p for p in self.phones if p.token]
        await asyncio.wait_for(asyncio.gather(*(storm.bring_back(p) for p in phones)), STORM_LIMIT + 30)
        return {
            "phones": len(phones),
            "back": len(storm.backs),
            "back_s": [round(b, 4) for b in storm.backs],
            **{f"{phase}_s": times for phase, times in storm.phases.items()},
            **storm.problems,
            "examples": storm.examples,
            "errors": storm.errors,
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
            "-m",
            "bench.scale.worker",
            json.dumps(cfg),
            cwd=ROOT,
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


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the orchestrator ends us
    asyncio.run(Worker(json.loads(sys.argv[1])).main())
