"""The table bench_scale.py and bench_cluster.py print at the end: one column
per server, one row per figure, then the reconnect storm's rows."""

from __future__ import annotations

import os
import sys


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
    ("phones reconnecting", lambda s: f"{s['phones']} (saw it stop: {s['down']})"),
    ("server restart (start → /healthz)", lambda s: f"{s['restart_s']:.1f} s"),
    (
        "all back with their position",
        lambda s: (
            (
                f"{s['all_back_s']:.1f} s"
                if s["all_back_s"] is not None
                else f"NOT all: last at {fmt(s['last_back_s'], '.1f')} s"
            )
            + (
                " after the signal (they retried while it restarted)"
                if s.get("backoff") == "pages"
                else f" after the restart ({s['from_kill_s']:.1f} s after the signal)"
            )
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
    (
        "restart signal (exit code, drain)",
        lambda s: (
            s.get("signal", "KILL")
            + (f" (exit {s['exit_code']}, drained in {s['drain_s']:.2f} s)" if "drain_s" in s else "")
        ),
    ),
    ("back within 5/10/20/30/60 s", lambda s: " / ".join(str(v) for v in s["back_within"].values())),
    ("connect retries / listen drops", lambda s: f"{s['retries']} / {s['listen_drops']}"),
    ("server CPU / RSS after storm", lambda s: f"{s['server_cpu_s']:.1f} s / {fmt(s['rss_after_mb'])} MB"),
    ("generator CPU during storm", lambda s: f"{s['gen_cpu_s']:.1f} s"),
]


def report(results: list[dict], args, info: dict) -> str:
    width = max(len(label) for label, _ in ROWS + STORM_ROWS)
    lines = header(args, info) + table(results, width) + [""] + comparisons(results)
    for r in results:
        lines += notes(r, width)
    return "\n".join(lines)


def header(args, info: dict) -> list[str]:
    return [
        f"machine: {info['nproc']} cores, {info['cpu']}, {info['mem_gib']} GiB, Python {info['python']}",
        f"command: {' '.join(sys.argv)}",
        f"load: {args.phones} phones + 1 probe, {args.rate} moves/s offered, {args.duration} s, "
        f"{args.workers} generator processes, client={args.client}, projector deltas={args.deltas}",
        "",
    ]


def cells(r: dict) -> list[str]:
    """One server's column: its name, then a cell per row ("–" where a figure is missing)."""
    column = [r["server"]]
    for _, cell in ROWS:
        try:
            column.append(cell(r))
        except (KeyError, TypeError, ValueError):
            column.append("–")
    return column


def table(results: list[dict], width: int) -> list[str]:
    columns = [cells(r) for r in results]
    widths = [max(len(c) for c in column) for column in columns]
    lines = []
    for i, label in enumerate([""] + [label for label, _ in ROWS]):
        lines.append(
            f"{label:<{width}}  " + "  ".join(f"{column[i]:<{w}}" for column, w in zip(columns, widths))
        )
        if i == 0:
            lines.append("-" * len(lines[-1]))
    return lines


def comparisons(results: list[dict]) -> list[str]:
    """Ours next to bare, round by round: how much slower the acks, and the projector against its contract."""
    lines = []
    for ours, bare in zip(
        [r for r in results if r["kind"] == "ours"], [r for r in results if r["kind"] == "bare"]
    ):
        if ours.get("ack_p95_ms") and bare.get("ack_p95_ms"):
            lines.append(
                f"{ours['server']}/{bare['server']} ack p95: {ours['ack_p95_ms'] / bare['ack_p95_ms']:.1f}x;"
                f" projector lag p95 {fmt(ours.get('lag_p95_ms'))} ms (ours) and"
                f" {fmt(bare.get('lag_p95_ms'))} ms (bare) against the 250 ms contract"
            )
    return lines


def notes(r: dict, width: int) -> list[str]:
    """A server's errors, and its storm's rows if it had one."""
    lines = []
    if r.get("connect_errors") or r.get("errors"):
        lines.append(f"{r['server']} errors: connect {r.get('connect_errors')} load {r.get('errors')}")
    if "storm" in r:
        s = r["storm"]
        how = "retrying as the pages do, times from the kill" if s.get("backoff") == "pages" else "at once"
        lines += ["", f"reconnect storm ({r['server']}, {s['phones']} phones {how}):"]
        for label, cell in STORM_ROWS:
            lines.append(f"  {label:<{width}}  {cell(s)}")
        if s["examples"] or s["errors"]:
            lines.append(f"  examples: {s['examples']}  errors: {s['errors']}")
    return lines
