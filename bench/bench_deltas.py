"""Server CPU per move and per flush of the barometer's live distribution.

A room of --phones placed dots (a real Store in a temporary directory, the
live aggregate of barometer/aggregate.py). Each window --moved of them move
(1,000 moves/s at 10 windows/s = 100). Measured in CPU time of this process
(time.process_time), best of --repeat:

- per move: the aggregate taking a committed move (``commit_then_apply``
  with a write that commits nothing, so only our bookkeeping is counted;
  the SQL is the same before and after);
- per flush, whole: the `distribution` built and encoded as Socket.IO
  sends it (one encoding for every staff screen that takes it);
- per flush, delta: the window cut (``LiveDistributions.window``) and its
  `distribution_delta` encoded (only with the deltas, i.e. from the branch
  that added them; on an older tree that line is left out).

Run it on another tree for the "before" figures:
  git archive <ref> | tar -x -C /tmp/before
  PYTHONPATH=/tmp/before .venv/bin/python bench/bench_deltas.py
Usage: .venv/bin/python bench/bench_deltas.py [--phones 5000] [--moved 100] [--repeat 5]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from socketio import packet  # noqa: E402

from workshop.barometer.aggregate import LiveDistributions  # noqa: E402
from workshop.live.hub import TextPacket  # noqa: E402
from workshop.methods import METHODS  # noqa: E402
from workshop.registry import Registry  # noqa: E402


def encode(event: str, payload: dict) -> int:
    return len(TextPacket(packet.EVENT, namespace="/", data=[event, payload]).encode())


def room(path: Path, phones: int):
    store = Registry(METHODS).store_class(path / "bench.db")
    workshop = store.create_workshop("Bench", "sv")
    statement = store.add_statements(workshop["id"], ["Påstående"])[0]["id"]
    store.open_for_answers(workshop["id"], statement)
    people = [store.add_participant(workshop["id"]) for _ in range(phones)]
    rng = random.Random(1)
    moves = [(workshop["id"], statement, p["id"], rng.randint(0, 100), p["number"]) for p in people]
    for i in range(0, len(moves), 500):
        store.record_positions(moves[i : i + 500])
    return store, workshop["id"], statement, people


def best(fn, repeat: int, loops: int) -> float:
    """Best CPU seconds per call over ``repeat`` rounds of ``loops`` calls."""
    times = []
    for _ in range(repeat):
        began = time.process_time()
        for _ in range(loops):
            fn()
        times.append((time.process_time() - began) / loops)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--phones", type=int, default=5000)
    parser.add_argument("--moved", type=int, default=100, help="dots that move per window")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store, workshop_id, statement, people = room(Path(tmp), args.phones)
        live = LiveDistributions(store)
        live.payload(workshop_id, statement)  # loaded once, as a running server has it
        rng = random.Random(2)
        written = lambda moves: [None] * len(moves)  # noqa: E731

        def window_of_moves():
            batch = [
                (workshop_id, statement, p["id"], rng.randint(0, 100), p["number"])
                for p in rng.sample(people, args.moved)
            ]
            for i in range(0, len(batch), 10):  # group commits of ~10 moves
                live.commit_then_apply(written, batch[i : i + 10])

        per_move = best(window_of_moves, args.repeat, 20) / args.moved
        full_bytes = encode("distribution", live.payload(workshop_id, statement))
        whole = best(lambda: encode("distribution", live.payload(workshop_id, statement)), args.repeat, 20)
        print(
            f"{args.phones} dots, {args.moved} moving per window; CPU seconds per call, best of {args.repeat}"
        )
        print(f"per move (aggregate bookkeeping): {per_move * 1e6:.1f} µs")
        print(f"per flush, whole distribution built + encoded: {whole * 1e3:.2f} ms ({full_bytes} bytes)")
        if hasattr(live, "window"):
            sizes = []

            def delta_flush():
                window_of_moves()
                seq, delta = live.window(workshop_id, statement, False)
                if delta is not None:
                    sizes.append(encode("distribution_delta", delta))

            moves_only = best(window_of_moves, args.repeat, 20)
            delta = best(delta_flush, args.repeat, 20) - moves_only
            print(
                f"per flush, delta cut + encoded: {delta * 1e3:.2f} ms "
                f"(~{sum(sizes) // max(1, len(sizes))} bytes; a snapshot every 50 windows costs a whole one)"
            )
        store.close()


if __name__ == "__main__":
    main()
