"""One server measured: workers, projector and probe, the fleet's connect,
N idle phones, the load, and (for ours) the reconnect storm after it.

The probe's dot key is learned, not guessed: the probe connects and moves
before any other phone exists, so the first `distribution` that counts one
position holds exactly its dot.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Callable
from pathlib import Path

from bench.scale.clients import ACK_TIMEOUT, CONNECT_TIMEOUT, Phone
from bench.scale.stats import merge_counts, percentile
from bench.scale.storm import storm
from bench.scale.system import (
    busy_between,
    cpu_seconds,
    listen_drops,
    machine_busy,
    own_cpu,
    rss_mb,
    wait_quiet,
)
from bench.scale.worker import CONNECT_PHASE_LIMIT, WorkerHandle
from bench.sioclient import MiniClient, new_session

PROBE_SEEN_TIMEOUT = 5.0  # a probe move not shown by then counts as missed
PROBE_VALUES = (20, 80)


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
        # A `distribution_delta` (the projector asked for deltas) holds only the
        # dots that moved, the probe's among them when it moved; "count" is exact.
        dots = data.get("dots") or []
        self.dots = data.get("count", len(dots))
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


async def measure_server(start: Callable, kind: str, label: str, args, tmp: Path, storm_after: bool) -> dict:
    """Start a server with `start(tmp) -> (server, info)`, measure it under args' load, stop it."""
    result: dict = {
        "server": label,
        "kind": kind,
        "phones": args.phones,
        "rate": args.rate,
        "duration": args.duration,
    }
    tmp.mkdir(parents=True)
    result["busy_before_pct"] = await wait_quiet(args.quiet_below, args.quiet_wait)
    server, info = await asyncio.to_thread(start, tmp)
    run = Measurement(server, info, args, result)
    try:
        result["rss_idle_mb"] = rss_mb(server.pid)
        await run.spawn_workers()  # first, so their start-up is not counted in the connect time
        await run.join_projector_and_probe()
        await run.connect_fleet()
        await run.idle()
        await run.load()
        if storm_after:
            result["storm"] = await storm(server, run.workers, args)
    finally:
        await run.close()
    return result


class Measurement:
    """One server's run: what it holds (workers, clients) and the phases that fill `result`."""

    def __init__(self, server, info: dict, args, result: dict):
        self.server, self.info, self.args, self.result = server, info, args, result
        self.workers: list[WorkerHandle] = []
        self.session = new_session()
        self.clients: list = []  # to close at the end
        self.projector = Projector()
        self.pj = None  # the projector's client
        self.probe = Phone(1)
        # the probe during the load
        self.lags: list[float] = []
        self.missed = self.probe_sent = self.probe_rejoins = self.projector_rejoins = 0
        self.rss_peak = 0.0

    async def spawn_workers(self) -> None:
        args = self.args
        share = [
            args.phones // args.workers + (1 if i < args.phones % args.workers else 0)
            for i in range(args.workers)
        ]
        first = 2  # the probe is 1
        for i, count in enumerate(share):
            cfg = {
                "url": self.server.url,
                "code": self.info["code"],
                "statement": self.info["statement"],
                "first": first,
                "count": count,
                "client": args.client,
                "seed": args.seed * 100 + i,
                "ack_timeout": args.ack_timeout,
            }
            self.workers.append(await WorkerHandle.spawn(cfg))
            first += count

    async def join_projector_and_probe(self) -> None:
        """Projector, then the probe; the probe moves first so its dot is the only one."""
        info, projector = self.info, self.projector
        projector.first_single = asyncio.get_running_loop().create_future()
        await self.connect_projector()
        await self.probe.connect("mini", self.server.url, self.session, {"code": info["code"]})
        self.clients.append(self.probe.client)
        ack = await self.probe.client.call(
            "position", {"statement": info["statement"], "value": 50}, ACK_TIMEOUT
        )
        assert ack.get("ok"), ack
        projector.probe_key = await asyncio.wait_for(projector.first_single, 10)
        self.result["probe_key"] = projector.probe_key

    async def connect_projector(self) -> None:
        on = self.projector.on_distribution
        self.pj = MiniClient(self.server.url, {"distribution": on, "distribution_delta": on})
        auth = {"workshop": self.info["workshop"], "key": self.info["key"]}
        if self.args.deltas == "on":
            auth["deltas"] = True  # the bare server ignores it: whole distributions
        await self.pj.connect(self.session, auth, CONNECT_TIMEOUT)
        self.clients.append(self.pj)

    async def connect_fleet(self) -> None:
        result, server, workers = self.result, self.server, self.workers
        cpu0, drops0 = cpu_seconds(server.pid), listen_drops()
        began = time.monotonic()
        per_worker = max(1, self.args.connect_concurrency // self.args.workers)
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

    async def idle(self) -> None:
        """What N idle phones cost (Engine.IO pings every 10 s each), over 3 s."""
        result, pid = self.result, self.server.pid
        await asyncio.sleep(1.0)  # let presence flushes and connect bursts settle
        result["rss_connected_mb"] = rss_mb(pid)
        cpu_idle0, t_idle0, busy_idle0 = cpu_seconds(pid), time.monotonic(), machine_busy()
        await asyncio.sleep(3.0)
        result["server_idle_cpu_pct"] = 100 * (cpu_seconds(pid) - cpu_idle0) / (time.monotonic() - t_idle0)
        result["machine_busy_idle_pct"] = busy_between(busy_idle0, machine_busy())
        connected = max(1, result["connected"])
        result["rss_per_phone_kb"] = (result["rss_connected_mb"] - result["rss_idle_mb"]) * 1024 / connected
        result["gen_rss_per_phone_kb"] = result["gen_rss_phones_mb"] * 1024 / connected

    async def load(self) -> None:
        """The workers' phones move; the probe moves and the projector watches, until the end."""
        args, pid = self.args, self.server.pid
        t_start = time.monotonic() + 0.5
        t_end = t_start + args.duration
        mean_gap = args.phones / args.rate  # seconds between one phone's moves, on average
        for w in self.workers:
            await w.send("go", t_start=t_start, t_end=t_end, mean_gap=mean_gap)
        await asyncio.sleep(max(0.0, t_start - time.monotonic()))
        cpu0, busy0, own0 = cpu_seconds(pid), machine_busy(), own_cpu()
        events0 = len(self.projector.events)
        await self.probe_until(t_end)
        events = len(self.projector.events) - events0
        reports = [await w.read(args.duration + args.ack_timeout + 60) for w in self.workers]
        seconds = time.monotonic() - t_start
        self.result["rss_load_peak_mb"] = max(self.rss_peak, rss_mb(pid) or 0)
        machine_pct = busy_between(busy0, machine_busy())
        load_cpu_s = cpu_seconds(pid) - cpu0
        self.cpu_figures(reports, seconds, load_cpu_s, machine_pct, own0)
        self.move_figures(reports, load_cpu_s)
        self.probe_figures(events)

    async def probe_until(self, t_end: float) -> None:
        """At most one probe move per 0.2 s; the server's RSS sampled once a second."""
        value_i = 0
        next_rss = time.monotonic()
        for _ in range(int(self.args.duration / 0.2) + 10):
            if time.monotonic() >= t_end - PROBE_SEEN_TIMEOUT / 5:
                break
            if time.monotonic() >= next_rss:
                self.rss_peak = max(self.rss_peak, rss_mb(self.server.pid) or 0)
                next_rss += 1.0
            await self.probe_move(PROBE_VALUES[value_i % 2])
            value_i += 1  # noqa: SIM113  (alternates per probe send, not per loop turn)
            if self.pj.closed.done() and time.monotonic() < t_end - 1:  # the projector was dropped
                await self.rejoin_projector()
            await asyncio.sleep(random.uniform(0.2, 0.4))

    async def probe_move(self, value: int) -> None:
        """One probe move; its lag is when the projector first shows it."""
        future = asyncio.get_running_loop().create_future()
        sent = time.monotonic()
        self.projector.waiting = (value, sent, future)
        self.probe_sent += 1
        try:
            await self.probe.client.call(
                "position", {"statement": self.info["statement"], "value": value}, ACK_TIMEOUT
            )
            self.lags.append(await asyncio.wait_for(future, PROBE_SEEN_TIMEOUT))
        except TimeoutError:
            self.missed += 1
        except Exception:  # dropped by an overloaded server (ping timeout): rejoin, same participant
            self.missed += 1
            self.probe_rejoins += 1
            auth = {"code": self.info["code"], "participant": self.probe.token}
            try:
                await self.probe.connect("mini", self.server.url, self.session, auth)
                self.clients.append(self.probe.client)
            except Exception:
                await asyncio.sleep(1.0)

    async def rejoin_projector(self) -> None:
        self.projector_rejoins += 1
        try:
            await self.connect_projector()
        except Exception:
            await asyncio.sleep(1.0)

    def cpu_figures(self, reports, seconds: float, load_cpu_s: float, machine_pct: float, own0: float):
        result = self.result
        result["server_cpu_pct"] = 100 * load_cpu_s / seconds
        result["machine_busy_pct"] = machine_pct
        result["gen_cpu_pct"] = 100 * sum(r["cpu_s"] for r in reports) / seconds
        result["gen_cpu_pct_per_worker"] = [round(100 * r["cpu_s"] / seconds, 1) for r in reports]
        result["orchestrator_cpu_pct"] = 100 * (own_cpu() - own0) / seconds
        result["others_cpu_pct"] = max(
            0.0,
            result["machine_busy_pct"]
            - result["server_cpu_pct"]
            - result["gen_cpu_pct"]
            - result["orchestrator_cpu_pct"],
        )

    def move_figures(self, reports, load_cpu_s: float) -> None:
        result, duration = self.result, self.args.duration
        latencies = [x for r in reports for x in r["latencies_ms"]]
        for key in ("sent", "not_sent", "acked", "refused", "timeouts", "lost", "dropped", "acked_in_window"):
            result[key] = sum(r[key] for r in reports)
        result["errors"] = merge_counts(r["errors"] for r in reports)
        result["offered_per_s"] = self.args.rate
        result["sent_per_s"] = result["sent"] / duration
        result["acked_per_s"] = result["acked_in_window"] / duration
        for p in (0.5, 0.95, 0.99):
            result[f"ack_p{int(p * 100)}_ms"] = percentile(latencies, p)
        result["ack_max_ms"] = max(latencies) if latencies else None
        # CPU the server spent per unit of work: far less sensitive to other users' load
        # than any latency, so the figure to compare across runs and machines.
        moves = max(1, result["acked"] + result["refused"])
        result["server_cpu_ms_per_move"] = 1000 * load_cpu_s / moves
        result["gen_cpu_ms_per_move"] = 1000 * sum(r["cpu_s"] for r in reports) / moves
        connected = max(1, result["connected"])
        result["gen_cpu_ms_per_connect"] = 1000 * result["gen_connect_cpu_s"] / connected
        result["server_cpu_ms_per_connect"] = 1000 * result["connect_server_cpu_s"] / connected
        result["from_due_p95_ms"] = percentile([x for r in reports for x in r["from_due_ms"]], 0.95)

    def probe_figures(self, events: int) -> None:
        result = self.result
        result["probe_moves"] = self.probe_sent
        result["probe_missed"] = self.missed
        result["probe_rejoins"], result["projector_rejoins"] = self.probe_rejoins, self.projector_rejoins
        for p in (0.5, 0.95):
            v = percentile(self.lags, p)
            result[f"lag_p{int(p * 100)}_ms"] = v * 1000 if v is not None else None
        result["lag_max_ms"] = max(self.lags) * 1000 if self.lags else None
        result["distributions_per_s"] = events / self.args.duration
        result["dots_last"] = self.projector.dots

    async def close(self) -> None:
        """Clients closed, workers ended, the server stopped: also after an error."""
        for c in self.clients:
            try:
                await c.close()
            except Exception:
                pass
        await self.session.close()
        for w in self.workers:
            await w.quit()
        await asyncio.to_thread(self.server.stop)
