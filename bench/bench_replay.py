"""Replay benchmark: a big room's movement played back on the projector.

Starts `app.py` (gevent) on a free loopback port, writes a statement's
history of N participants and M changes (tests/browser/replay_room.py),
closes it, opens the projector in Debian's Chromium (headless, 1280x720) and
starts the replay at 20x from inside the page. Reports, on the page's clock:
- start: the request leaving -> the first frame drawn on the projector
  (the history travels once over the socket, then the canvas draws);
- fps: requestAnimationFrame callbacks per second over 3 s of playing.

Usage: .venv/bin/python bench/bench_replay.py [--participants 500] [--changes 5000] [--runs 3]
Bounded: loopback only, fixed counts, stops by itself.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright  # noqa: E402

from bench.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from bench.live_server import LiveServer  # noqa: E402
from bench.replay_room import measure_replay, seed_history  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=500)
    parser.add_argument("--changes", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    live = LiveServer(Path(tempfile.mkdtemp()) / "data").start()
    try:
        w = live.new_workshop("Bench")
        key, base = w["facilitator_key"], f"/api/workshops/{w['id']}"
        s = live.api("POST", f"{base}/statements", key, {"text": "Bench"}, expect=201)
        live.api("POST", f"{base}/statements/{s['id']}/open", key, expect=200)
        written = seed_history(
            live.data_dir / "workshop.db", w["id"], s["id"], args.participants, args.changes
        )
        live.api("POST", f"{base}/statements/{s['id']}/close", key, expect=200)
        print(f"history: {args.participants} participants, {written} changes")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            # wait_for_function evaluates with eval, which the page's CSP forbids (as in tests/browser/conftest.py)
            page = browser.new_page(viewport={"width": 1280, "height": 720}, bypass_csp=True)
            page.goto(live.url + "/" + w["projector_url"].split("/", 3)[3])
            page.wait_for_function("document.getElementById('conn').textContent.length > 0")
            results = []
            for run in range(args.runs):
                live.api("DELETE", f"{base}/statements/{s['id']}/replay", key, expect=204)
                page.wait_for_selector("#replay-stage", state="hidden")
                r = measure_replay(page, w, s["id"])
                results.append(r)
                print(
                    f"run {run + 1}: start {r['start_ms']:.0f} ms, {r['fps']:.1f} fps "
                    f"({r['frames']} frames), {r['state']}"
                )
            page.screenshot(
                path=str(Path(__file__).resolve().parent.parent / "test-artifacts" / "replay-500.png")
            )
            browser.close()
        print(
            f"median: start {statistics.median(r['start_ms'] for r in results):.0f} ms, "
            f"{statistics.median(r['fps'] for r in results):.1f} fps"
        )
    finally:
        live.stop()


if __name__ == "__main__":
    main()
