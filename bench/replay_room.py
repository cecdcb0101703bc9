"""A big room's history for replay measurements: N participants making M
position changes over a few minutes, written straight into the live
server's database through the store (as the server would have written them,
with the clock of the day instead of now).

Used by bench/bench_replay.py and tests/browser/test_barometer_replay_speed.py.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from unittest import mock

START = datetime(2015, 11, 20, 10, 0, tzinfo=UTC)


def seed_history(
    database: Path,
    workshop_id: str,
    statement_id: int,
    participants: int = 500,
    changes: int = 5000,
    minutes: float = 10.0,
    seed: int = 20151120,
) -> int:
    """Adds ``participants`` phones and ``changes`` moves (a first position
    each, then a random walk, one in twenty moves a pass) to an open statement.
    Returns the number of changes written."""
    from workshop.barometer import storage as barometer_storage
    from workshop.methods import METHODS
    from workshop.registry import Registry

    rng = random.Random(seed)
    store = Registry(METHODS).store_class(database)  # as a process of the app opens it
    try:
        people = [store.add_participant(workshop_id)["id"] for _ in range(participants)]
        # Everyone places themselves in the first minute; the rest move later.
        times = sorted(rng.uniform(60, minutes * 60) for _ in range(changes - participants))
        moves = [(rng.uniform(0, 60), pid, rng.randint(0, 100)) for pid in people]
        moves.sort()
        current = {pid: value for _, pid, value in moves}
        for t in times:
            pid = rng.choice(people)
            was = current[pid] if current[pid] is not None else 50
            value = None if rng.random() < 0.05 else max(0, min(100, was + rng.randint(-25, 25)))
            if value == current[pid]:  # the store keeps no repeat: every move must change something
                value = 50 if value is None else (value + 1 if value < 100 else 99)
            current[pid] = value
            moves.append((t, pid, value))
        for t, pid, value in moves:
            at = (START + timedelta(seconds=t)).isoformat(timespec="milliseconds")
            with mock.patch.object(barometer_storage, "utcnow", lambda at=at: at):
                store.record_position(workshop_id, statement_id, pid, value)
        return len(moves)
    finally:
        store.close()


# Runs in the projector page: starts the replay with the facilitator's key,
# then measures on the page's own clock (performance.now()):
#   start_ms  the request leaving -> the first frame drawn (the stage says "playing")
#   fps       requestAnimationFrame callbacks per second while it plays
MEASURE = """async ({path, key, speed, seconds}) => {
  const stage = document.getElementById("replay-stage");
  const started = new Promise((resolve) => {
    const seen = new MutationObserver(() => {
      if (stage.dataset.state === "playing") { seen.disconnect(); resolve(performance.now()); }
    });
    seen.observe(stage, { attributes: true, attributeFilter: ["data-state"] });
  });
  const t0 = performance.now();
  const response = await fetch(path, { method: "POST", body: JSON.stringify({ speed }),
    headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" } });
  if (!response.ok) throw new Error(`replay: ${response.status}`);
  const first = await started;
  let frames = 0;
  const f0 = performance.now();
  await new Promise((resolve) => {
    const tick = (now) => { frames++; if (now - f0 < seconds * 1000) requestAnimationFrame(tick); else resolve(); };
    requestAnimationFrame(tick);
  });
  const elapsed = (performance.now() - f0) / 1000;
  return { start_ms: first - t0, frames, fps: frames / elapsed, state: stage.dataset.state };
}"""


def measure_replay(
    projector, workshop: dict, statement_id: int, speed: int = 20, seconds: float = 3.0
) -> dict:
    return projector.evaluate(
        MEASURE,
        {
            "path": f"/api/workshops/{workshop['id']}/statements/{statement_id}/replay",
            "key": workshop["facilitator_key"],
            "speed": speed,
            "seconds": seconds,
        },
    )
