"""The reconnect storm (--reconnect-storm, ours only), the orchestrator's side:
after the load, SIGKILL the server, start it again on the same data dir and
port, then every phone reconnects at once with its token (the workers'
`Reconnect`). Measured: time until every phone has its `welcome` and a
`state` whose `position` equals its last acked value.

--storm-backoff pages: the phones do not wait for the restart; each
retries as the pages' socket.io-client does (static/js/live.js RECONNECT:
1.5 s ± 50 % after the drop, doubling, at most 10 s), from the moment it
saw the drop, and the times are counted from the kill.

--restart-signal TERM stops it the way systemd does instead: SIGTERM, the
server drains (workshop/live/shutdown.py) and exits by itself; measured
too: its exit code and how long the drain took."""

from __future__ import annotations

import asyncio
import signal
import time

from bench.scale.stats import merge_counts, percentile
from bench.scale.system import cpu_seconds, listen_drops, rss_mb
from bench.scale.worker import STORM_LIMIT, WorkerHandle


async def storm(server, workers: list[WorkerHandle], args) -> dict:
    out: dict = {"signal": args.restart_signal}
    t_kill = time.monotonic()
    if args.restart_signal == "TERM":
        out["exit_code"], out["drain_s"] = await asyncio.to_thread(terminate, server)
    else:
        await asyncio.to_thread(server.kill9)
    downs = [await w.ask("wait_down", 30, timeout=20) for w in workers]
    out["down"] = sum(d["down"] for d in downs)
    out["still_up_after_kill"] = sum(d["still_up"] for d in downs)
    out["backoff"] = args.storm_backoff
    if args.storm_backoff == "pages":  # they retry while it restarts
        t0 = t_kill
        for w in workers:
            await w.send("storm", t0=t0, backoff="pages")
        drops0 = listen_drops()
        out["restart_s"] = await asyncio.to_thread(server.start, 60)
        cpu0 = cpu_seconds(server.pid)
    else:
        out["restart_s"] = await asyncio.to_thread(server.start, 60)
        cpu0, drops0 = cpu_seconds(server.pid), listen_drops()
        t0 = time.monotonic()
        for w in workers:
            await w.send("storm", t0=t0)
    out["rss_restarted_mb"] = rss_mb(server.pid)
    reports = [await w.read(STORM_LIMIT + 60) for w in workers]
    out["listen_drops"] = listen_drops() - drops0
    elapsed = time.monotonic() - t0
    backs = add_up(out, reports)
    out["from_kill_s"] = (t0 - t_kill) + (out["all_back_s"] or elapsed)
    out["server_cpu_s"] = cpu_seconds(server.pid) - cpu0
    out["back_within"] = {f"{limit}s": sum(1 for b in backs if b <= limit) for limit in (5, 10, 20, 30, 60)}
    out["gen_cpu_s"] = sum(r["cpu_s"] for r in reports)
    out["rss_after_mb"] = rss_mb(server.pid)
    return out


def terminate(server, timeout: float = 30.0) -> tuple[int | None, float]:
    """SIGTERM and wait for the exit: (exit code, seconds); SIGKILL past ``timeout`` (code None)."""
    began = time.monotonic()
    server.proc.send_signal(signal.SIGTERM)
    try:
        code = server.proc.wait(timeout)
    except Exception:  # subprocess.TimeoutExpired: it did not drain
        server.kill9()
        code = None
    return code, time.monotonic() - began


def add_up(out: dict, reports: list[dict]) -> list[float]:
    """The workers' storm reports as one in `out`: counts added, times pooled into
    percentiles. Returns every phone's time to be back."""
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
    return backs
