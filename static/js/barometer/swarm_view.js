// Draws a distribution as dots on the line, keyed per participant so a
// person's dot glides (CSS transition) instead of the swarm being redrawn.
import { beeswarm } from "./beeswarm.js";
import { t } from "../common.js";

export function renderSwarm(container, dist, maxRadius = 12) {
  const width = container.clientWidth || 800;
  const half = (container.clientHeight || 200) / 2;
  const dots = (dist.dots || []).map(([key, value]) => ({ key, value }));
  // A big room fills the line: shrink the dots until the swarm fits its band.
  // (At 2 px or less it takes what it gets.) The sizes tried are maxRadius ×
  // 0.8^k; a swarm seldom changes much between two updates, so the search
  // starts one size above the one that fitted last time, not at the largest
  // (a 5,000-dot room fitted from the top took ~10 layouts per update).
  const sizes = (k) => maxRadius * 0.8 ** k;
  const layoutAt = (k) => beeswarm(dots, width, sizes(k), sizes(k) > 2 ? half : Infinity);
  const last = sizes(0) === container._fit?.max ? container._fit.k : 0;
  let k = Math.max(0, last - 1);
  let layout = layoutAt(k);
  while (!layout) layout = layoutAt(++k);
  // It fitted one above last time's: bigger ones may fit again too.
  for (let bigger; k > 0 && k < last && (bigger = layoutAt(k - 1)); k--) layout = bigger;
  container._fit = { max: sizes(0), k };
  const radius = sizes(k);
  const existing = new Map([...container.children].map((n) => [n.dataset.key, n]));
  for (const p of layout) {
    let node = existing.get(String(p.key));
    if (!node) {
      node = document.createElement("span");
      node.className = "dot";
      node.dataset.key = String(p.key);
      container.appendChild(node);
    }
    existing.delete(String(p.key));
    // Only what changed: 5,000 dots restyled ten times a second cost frames.
    const size = `${radius * 2}px`;
    const move = `translate(${p.x - radius}px, ${p.y - radius}px)`;
    if (node.style.width !== size) node.style.width = node.style.height = size;
    if (node.style.transform !== move) node.style.transform = move;
  }
  for (const node of existing.values()) node.remove();
  container.setAttribute("aria-label", `${t("positions", { count: dist.count })}, ${t("passes", { count: dist.passes })}`);
}
