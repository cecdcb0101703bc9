// The swarm's fit (pure: no DOM), shared by the DOM swarm (swarm_view.js),
// the crowd's canvas (swarm_canvas.js) and its worker (swarm_worker.js).
import { beeswarm } from "./beeswarm.js";

// The dots laid out as big as they fit in the band (±half around the line),
// and that radius. A big room fills the line: the dots shrink until the
// swarm fits its band (at 2 px or less it takes what it gets). The sizes
// tried are maxRadius × 0.8^k; a swarm seldom changes much between two
// updates, so the search starts at the one that fitted last time (kept on
// `holder`, the element drawn into), not at the largest (a 5,000-dot room
// fitted from the top took ~10 layouts per update).
export function fitSwarm(holder, dots, width, half, maxRadius) {
  const sizes = (k) => maxRadius * 0.8 ** k;
  const layoutAt = (k) => beeswarm(dots, width, sizes(k), sizes(k) > 2 ? half : Infinity);
  // Trying one size up costs a layout, so a running swarm tries it only
  // every 10th draw (about once a second): dots grow back a little later.
  const fit = sizes(0) === holder._fit?.max ? holder._fit : { k: 0, draws: 0 };
  const last = fit.k;
  let k = fit.draws % 10 === 0 ? Math.max(0, last - 1) : last;
  let layout = layoutAt(k);
  while (!layout) layout = layoutAt(++k);
  // It fitted one above last time's: bigger ones may fit again too.
  for (let bigger; k > 0 && k < last && (bigger = layoutAt(k - 1)); k--) layout = bigger;
  holder._fit = { max: sizes(0), k, draws: fit.draws + 1 };
  return { layout, radius: sizes(k) };
}
