"""The projector's frame time in Chromium: 5,000 dots, 1,000 moving a second.

The real server serves the projector page (a workshop with one open
statement, Chromium at --width×--height). In the page, ten times a second,
--moved of the --dots dots move and the swarm is drawn again into the
page's own #swarm with the page's own styles, by:

- after: static/js/barometer/swarm_view.js as it is in this tree;
- before: swarm_view.js and beeswarm.js as they were at --before (git),
  loaded as modules from blob URLs;
- idle: nothing moves (the machine's floor);
- page: the whole projector page as it runs, fed through its own socket:
  a snapshot, then ten `distribution_delta`s a second (--moved dots each)
  handed to the page's socket listeners, as socket.io hands a server's
  messages over (deltas.js, projector.js and the drawing, unchanged);
- page@REF: the same, the page served by a server running the tree at the
  git ref REF (git archive into a temporary directory): the "before" of a
  change to the page, in the same run.

The transport is left out on purpose: what reaches the page per window
(a 63 kB `distribution` or a ~1 kB `distribution_delta`) parses in well
under a millisecond; the drawing is the page's cost. The page's own
requestAnimationFrame loop records every frame; reported: frames per
second, the frame interval's p50 / p95 / max, the main thread's long tasks
(> 50 ms), and the mean time of one draw.

Usage: .venv/bin/python bench/bench_projector_fps.py [--dots 5000] [--moved 100] [--seconds 8]
    [--modes idle,before,after,page,page@REF] [--before 3772b02] [--width 1920 --height 1080] [--scale 1]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from bench.live_server import LiveServer  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

# In the page: a room of dots, a window of moves every 100 ms, each drawn
# with `draw` (renderSwarm); every frame's time recorded.
RUN = """async ([dotCount, moved, seconds, source]) => {
  let renderSwarm = null;
  if (source === "after") ({ renderSwarm } = await import("/static/js/barometer/swarm_view.js"));
  else if (source) {
    const url = (code) => URL.createObjectURL(new Blob([code], { type: "text/javascript" }));
    const bees = url(source.beeswarm);
    const view = source.swarm_view.replace("./beeswarm.js", bees)
      .replace("../common.js", location.origin + "/static/js/common.js");
    ({ renderSwarm } = await import(url(view)));
  }
  const swarm = document.getElementById("swarm");
  const maxRadius = Math.max(6, window.innerHeight * 0.022);
  let seed = 1;
  const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const values = new Map();
  for (let n = 1; n <= dotCount; n++) values.set(n, Math.floor(rand() * 101));
  const dist = () => {
    const dots = [...values].sort((a, b) => a[0] - b[0]);
    return { statement: 1, count: dots.length, passes: 0, mean: 50, dots };
  };
  const draws = [];
  const draw = () => {
    const began = performance.now();
    renderSwarm(swarm, dist(), maxRadius);
    draws.push(performance.now() - began);
  };
  if (renderSwarm) draw();
  const frames = [];
  const long = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) long.push(e.duration); })
    .observe({ type: "longtask" });
  const tick = (t) => { frames.push(t); if (frames.length < 100000) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  draws.length = 0;
  const timer = renderSwarm && setInterval(() => {
    for (let i = 0; i < moved; i++) values.set(1 + Math.floor(rand() * dotCount), Math.floor(rand() * 101));
    draw();
  }, 100);
  await new Promise((done) => setTimeout(done, seconds * 1000));
  clearInterval(timer);
  return { frames, long, draws, shown: swarm.children.length };
}"""


# In the real page: its own socket's listeners get a snapshot, then a delta
# of `moved` dots every 100 ms; every frame's time recorded.
STREAM = """async ([statement, dotCount, moved, seconds]) => {
  const { socket } = await import("/static/js/projector.js");
  const deliver = (event, payload) => { for (const listener of socket.listeners(event)) listener(payload); };
  let seed = 1;
  const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const values = new Map();
  for (let n = 1; n <= dotCount; n++) values.set(n, Math.floor(rand() * 101));
  const numbers = () => {
    let sum = 0;
    for (const v of values.values()) sum += v;
    return { count: values.size, passes: 0, mean: sum / values.size };
  };
  let seq = 1000000;
  deliver("distribution", { statement, seq, ...numbers(), values: [...values.values()], dots: [...values] });
  await new Promise((done) => setTimeout(done, 1000)); // the first layout, fitted from the top
  const frames = [];
  const long = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) long.push(e.duration); })
    .observe({ type: "longtask" });
  const tick = (t) => { frames.push(t); if (frames.length < 100000) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  const deliveries = [];
  const timer = setInterval(() => {
    const changed = new Map();
    for (let i = 0; i < moved; i++) {
      const n = 1 + Math.floor(rand() * dotCount);
      const v = Math.floor(rand() * 101);
      values.set(n, v);
      changed.set(n, v);
    }
    const began = performance.now();
    deliver("distribution_delta", { statement, seq: ++seq, dots: [...changed], gone: [], ...numbers() });
    deliveries.push(performance.now() - began);
  }, 100);
  await new Promise((done) => setTimeout(done, seconds * 1000));
  clearInterval(timer);
  const canvas = document.getElementById("swarm-canvas");
  const shown = canvas && !canvas.hidden
    ? `on a canvas${canvas._worker ? ", laid out in a worker" : ""}`
    : `${document.querySelectorAll("#swarm .dot").length} DOM dots`;
  return { frames, long, draws: deliveries, shown, count: document.getElementById("count").textContent };
}"""


def tree_at(ref: str, into: Path) -> Path:
    """The app at git ref `ref`, runnable: its files, this tree's compiled
    translations and node_modules (neither is in git). Returns its app.py."""
    archive = subprocess.run(["git", "archive", ref], cwd=ROOT, check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    for mo in (ROOT / "workshop" / "translations").glob("*/LC_MESSAGES/*.mo"):
        target = into / mo.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(mo.read_bytes())
    (into / "node_modules").symlink_to(ROOT / "node_modules")
    return into / "app.py"


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))] if ordered else float("nan")


def old_source(ref: str) -> dict:
    def show(path: str) -> str:
        run = subprocess.run(
            ["git", "show", f"{ref}:{path}"], cwd=ROOT, check=True, capture_output=True, text=True
        )
        return run.stdout

    return {
        "beeswarm": show("static/js/barometer/beeswarm.js"),
        "swarm_view": show("static/js/barometer/swarm_view.js"),
    }


def run_mode(browser, url: str, mode: str, args, statement: int) -> dict:
    # bypass_csp: the "before" code comes as modules from blob URLs, which the page's policy forbids.
    context = browser.new_context(
        viewport={"width": args.width, "height": args.height},
        device_scale_factor=args.scale,
        locale="sv-SE",
        bypass_csp=True,
    )
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector("#stage:not([hidden])")
    if mode.startswith("page"):
        got = page.evaluate(STREAM, [statement, args.dots, args.moved, args.seconds])
    else:
        source = {
            "idle": None,
            "after": "after",
            "before": old_source(args.before) if mode == "before" else None,
        }[mode]
        got = page.evaluate(RUN, [args.dots, args.moved, args.seconds, source])
    context.close()
    frames = got["frames"]
    gaps = [b - a for a, b in zip(frames, frames[1:])]
    span = (frames[-1] - frames[0]) / 1000 if len(frames) > 1 else float("nan")
    draws = got["draws"]
    return {
        "mode": mode,
        "fps": (len(frames) - 1) / span,
        "frame_p50_ms": pct(gaps, 0.5),
        "frame_p95_ms": pct(gaps, 0.95),
        "frame_max_ms": max(gaps) if gaps else float("nan"),
        "long_tasks": len(got["long"]),
        "draw_ms": sum(draws) / len(draws) if draws else 0.0,
        "draws": len(draws),
        "shown": got["shown"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dots", type=int, default=5000)
    parser.add_argument("--moved", type=int, default=100, help="dots moving per window (10 windows/s)")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--modes", default="idle,before,after")
    parser.add_argument("--before", default="3772b02", help="git ref of the 'before' drawing code")
    parser.add_argument("--width", type=int, default=1920)
    parser.add_argument("--height", type=int, default=1080)
    parser.add_argument("--scale", type=float, default=1.0, help="devicePixelRatio (2: a HiDPI screen)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        servers: dict[str | None, tuple] = {}  # git ref (None: this tree) -> (server, url, statement)

        def room(ref: str | None) -> tuple:
            if ref not in servers:
                data = Path(tmp) / f"data-{ref or 'this'}"
                app = None
                if ref:
                    (Path(tmp) / ref).mkdir()
                    app = tree_at(ref, Path(tmp) / ref)
                server = LiveServer(data, app=app).start()
                servers[ref] = (server, None, None)
                w = server.new_workshop("Bildfrekvens")
                s = server.open_statement(w, "Kollektivtrafiken ska vara gratis")
                servers[ref] = (server, server.url + "/" + w["projector_url"].split("/", 3)[3], s["id"])
            return servers[ref]

        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
                print(
                    f"{args.dots} dots, {args.moved * 10} moving/s, {args.width}×{args.height}"
                    f" × {args.scale:g}, {args.seconds} s"
                )
                for mode in args.modes.split(","):
                    ref = mode.split("@", 1)[1] if "@" in mode else None
                    _, url, statement = room(ref)
                    r = run_mode(browser, url, mode, args, statement)
                    what = "a delta handed over" if mode.startswith("page") else "a draw"
                    print(
                        f"{r['mode']:>6}: {r['fps']:.1f} fps, frame p50 {r['frame_p50_ms']:.1f} ms, "
                        f"p95 {r['frame_p95_ms']:.1f} ms, max {r['frame_max_ms']:.0f} ms, "
                        f"{r['long_tasks']} long tasks, {what} {r['draw_ms']:.1f} ms "
                        f"({r['draws']} times, shown: {r['shown']})",
                        flush=True,
                    )
                browser.close()
        finally:
            for server, _, _ in servers.values():
                server.stop()


if __name__ == "__main__":
    main()
