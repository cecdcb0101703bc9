"""The export's first step, on the live greenlet: reading the appendix
snapshot from SQLite (`Store.appendix`). Rendering is timed by
bench_export.py; this is the part that runs on the event loop.

Fills a fresh database through the store itself: 20 statements x 500
participants (each with one or two position changes), 40 topics with
6 notes each. Prints the best of 3 snapshot reads.

Usage: .venv/bin/python bench/bench_snapshot.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workshop.methods import METHODS  # noqa: E402
from workshop.registry import Registry  # noqa: E402


def fill(store) -> str:
    w = store.create_workshop("Bench", "sv")
    wid = w["id"]
    people = [store.add_participant(wid)["id"] for _ in range(500)]
    statements = store.add_statements(wid, [f"Påstående {i}" for i in range(20)])
    for n, s in enumerate(statements):
        store.open_for_answers(wid, s["id"])
        for i, pid in enumerate(people):
            store.record_position(s["id"], pid, (i * 7 + n) % 101)
            if i % 3 == 0:
                store.record_position(s["id"], pid, None if i % 20 == 0 else (i * 11) % 101)
        store.add_comment(s["id"], "Kommentar: använda resurser gemensamt")
        store.close_for_answers(wid, s["id"])
    for t in range(40):
        topic = store.add_topic(
            wid, proposed_by=people[t], title=f"Område {t}", description="", convener=None
        )
        for _ in range(6):
            store.add_note(wid, topic, people[t], text="Anteckning " * 30, kind="text")
    return wid


def main() -> None:
    store = Registry(METHODS).store_class(Path(tempfile.mkdtemp()) / "bench.db")
    started = time.perf_counter()
    wid = fill(store)
    print(f"filled in {time.perf_counter() - started:.1f} s")
    best = min(_timed(store, wid) for _ in range(3))
    appendix = store.appendix(wid)
    statements = appendix.sections["barometer"].statements
    changes = sum(len(s.history) for s in statements)
    print(
        f"snapshot: {len(statements)} statements, {changes} position changes, "
        f"{len(appendix.sections['openspace'].topics)} topics -> best of 3: {best * 1000:.0f} ms"
    )


def _timed(store, wid) -> float:
    t = time.perf_counter()
    store.appendix(wid)
    return time.perf_counter() - t


if __name__ == "__main__":
    main()
