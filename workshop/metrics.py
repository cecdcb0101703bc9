"""What the server is doing, for Prometheus (GET /metrics, web/metrics.py).

One ``Metrics`` per app, with its own ``CollectorRegistry`` (tests make
many apps in one process; the global registry would refuse the second).

Cheap on the live path: a move costs one histogram observation (its ack
latency) and its batch one more; the gauges (phones connected, workshops
live, guesses refused) are not kept up to date on every connect but read
when Prometheus scrapes (``Snapshot``), so a reconnect storm pays nothing.

Several workers: each process counts only itself and is one scrape target
(docs/deploy.md). prometheus-client's multiprocess mode would need a shared
directory of mmap'd files written on every observation, and its gauges
cannot say "connected here"; a target per worker is simpler and honest.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Histogram,
    PlatformCollector,
    ProcessCollector,
    generate_latest,
)
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"

# Seconds: an ack is a few ms, a flush tens of ms at most, a PDF a second or more.
FAST_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, float("inf"))
LAG_BUCKETS = (0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 1.0, 2.0, 5.0, float("inf"))
EXPORT_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, float("inf"))
BATCH_BUCKETS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, float("inf"))


@dataclass(frozen=True)
class Snapshot:
    """The figures read at scrape time (nothing on the live path keeps them)."""

    phones_connected: int
    workshops_live: int
    join_guesses_refused: int
    database_reads: int = 0


class _ScrapeTime:
    """A collector that asks ``read()`` for a Snapshot on each scrape."""

    def __init__(self, read: Callable[[], Snapshot]):
        self.read = read

    def collect(self):
        now = self.read()
        yield GaugeMetricFamily(
            "workshop_phones_connected", "Phones connected to this process.", value=now.phones_connected
        )
        yield GaugeMetricFamily(
            "workshop_workshops_live",
            "Workshops with at least one client connected to this process.",
            value=now.workshops_live,
        )
        yield CounterMetricFamily(
            "workshop_join_guesses_refused",
            "Join attempts refused because the address had spent its budget of wrong codes.",
            value=now.join_guesses_refused,
        )
        yield CounterMetricFamily(
            "workshop_database_reads", "Database reads (SELECTs) this process made.", value=now.database_reads
        )


class Metrics:
    def __init__(self):
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        # Read from /proc at scrape time only (no GC hooks: they would run on every collection).
        ProcessCollector(registry=r)
        PlatformCollector(registry=r)
        self.ack_latency = Histogram(
            "workshop_ack_latency_seconds",
            "From a phone's event arriving to its ack (after its write committed).",
            buckets=FAST_BUCKETS,
            registry=r,
        )
        self.projector_lag = Histogram(
            "workshop_projector_lag_seconds",
            "From a change to the flush that sent it to the projector and staff.",
            buckets=LAG_BUCKETS,
            registry=r,
        )
        self.flush_duration = Histogram(
            "workshop_flush_duration_seconds",
            "How long one coalesced push (one kind, one workshop) took.",
            buckets=FAST_BUCKETS,
            registry=r,
        )
        self.batch_size = Histogram(
            "workshop_group_commit_batch_size",
            "Writes committed in one group-commit transaction.",
            buckets=BATCH_BUCKETS,
            registry=r,
        )
        self.export_seconds = Histogram(
            "workshop_export_duration_seconds",
            "Rendering one appendix export.",
            ["format"],
            buckets=EXPORT_BUCKETS,
            registry=r,
        )
        self.exports = Counter(
            "workshop_exports_rendered", "Appendix exports rendered.", ["format"], registry=r
        )

    def read_at_scrape(self, read: Callable[[], Snapshot]) -> None:
        self.registry.register(_ScrapeTime(read))

    def export_rendered(self, fmt: str, seconds: float) -> None:
        self.exports.labels(fmt).inc()
        self.export_seconds.labels(fmt).observe(seconds)

    def text(self) -> bytes:
        return generate_latest(self.registry)
