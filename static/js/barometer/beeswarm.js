// Beeswarm layout: every dot at its exact x; y pushed off the line just far
// enough that no two dots overlap, nearest free slot first (alternating
// above and below). Pure, so it can be tested with node --test.

export function beeswarm(dots, width, radius) {
  const diameter = radius * 2;
  const placed = [];
  const sorted = [...dots].sort((a, b) => a.value - b.value || a.key - b.key);
  for (const dot of sorted) {
    const x = (dot.value / 100) * width;
    // Only dots within one diameter in x can collide.
    const near = placed.filter((p) => Math.abs(p.x - x) < diameter);
    let y = 0;
    for (let step = 0; ; step++) {
      const offset = Math.ceil(step / 2) * (step % 2 ? 1 : -1) * diameter * 0.5;
      const free = near.every((p) => (p.x - x) ** 2 + (p.y - offset) ** 2 >= diameter ** 2 * 0.98);
      if (free) { y = offset; break; }
    }
    placed.push({ key: dot.key, value: dot.value, x, y });
  }
  return placed;
}
