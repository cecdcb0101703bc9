"""What /proc says about a process and the machine, read by the orchestrator
and the workers while they measure."""

from __future__ import annotations

import asyncio
import os
import platform
import resource
import time
from pathlib import Path


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


def busy_between(before: tuple[int, int], after: tuple[int, int]) -> float:
    """Percent of one core in use on the whole machine between two machine_busy() samples."""
    return 100 * (after[0] - before[0]) / max(1, after[1] - before[1]) * (os.cpu_count() or 1)


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
    return busy_between(b0, machine_busy())


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
