// Beeswarm layout: every dot at its exact x; y pushed off the line just far
// enough that no two dots overlap, nearest free slot first (alternating
// above and below). Pure, so it can be tested with node --test.
//
// Fast enough for 5,000 dots ten times a second: dots are placed in x order,
// so the ones that can collide (within one diameter in x) are the last few
// placed (a moving window, not a scan of all); and each of those can only
// block the few candidate slots near its own y, so those are marked once and
// the nearest free slot is a walk over marks. The test is the same
// inequality as before, so the layout is the same (tests/js/beeswarm.test.mjs).

// band: if given, null as soon as a dot would stick out of it (|y| + radius >
// band): the swarm view shrinks the dots until it fits, and gives up early
// on each size that does not.
export function beeswarm(dots, width, radius, band = Infinity) {
  const diameter = radius * 2;
  const limit = diameter ** 2 * 0.98;
  const half = diameter * 0.5; // the slots: multiples of half a diameter
  const placed = [];
  const sorted = [...dots].sort((a, b) => a.value - b.value || a.key - b.key);
  // The blocked slots of the dot being placed: slot m is blocked when
  // stamp[m + offset] is that dot's turn (no set built per dot: 5,000 sets
  // per layout were a third of its time). A dot blocks the slots at most
  // four past its own, so a new dot's slot is at most four further out than
  // any placed before it: |m| < 4 × count + 8.
  const offset = 4 * sorted.length + 8;
  const stamp = new Int32Array(2 * offset + 1);
  let turn = 0;
  let lo = 0;
  for (const dot of sorted) {
    const x = (dot.value / 100) * width;
    while (lo < placed.length && placed[lo].x <= x - diameter) lo++;
    turn++;
    // The slots some near dot blocks (the same inequality, tested for the
    // few slots within its reach only).
    for (let i = lo; i < placed.length; i++) {
      const p = placed[i];
      const dx2 = (p.x - x) ** 2;
      const reach2 = limit - dx2;
      if (reach2 <= 0) continue;
      const reach = Math.sqrt(reach2);
      const to = Math.ceil((p.y + reach) / half) + 1;
      for (let m = Math.floor((p.y - reach) / half) - 1; m <= to; m++) {
        if (dx2 + (p.y - m * diameter * 0.5) ** 2 < limit) stamp[m + offset] = turn;
      }
    }
    let y = 0;
    for (let step = 0; ; step++) {
      const m = Math.ceil(step / 2) * (step % 2 ? 1 : -1);
      if (stamp[m + offset] !== turn) { y = m * diameter * 0.5; break; }
    }
    if (Math.abs(y) + radius > band) return null;
    placed.push({ key: dot.key, value: dot.value, x, y });
  }
  return placed;
}
