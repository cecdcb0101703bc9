// Draws a distribution as dots on the line, keyed per participant so a
// person's dot glides (CSS transition) instead of the swarm being redrawn.
import { beeswarm } from "./beeswarm.js";
import { t } from "../common.js";

export function renderSwarm(container, dist, maxRadius = 12) {
  const width = container.clientWidth || 800;
  const half = (container.clientHeight || 200) / 2;
  const dots = (dist.dots || []).map(([key, value]) => ({ key, value }));
  // A big room fills the line: shrink the dots until the swarm fits its band.
  let radius = maxRadius;
  let layout = beeswarm(dots, width, radius);
  while (radius > 2 && layout.some((p) => Math.abs(p.y) + radius > half)) {
    radius *= 0.8;
    layout = beeswarm(dots, width, radius);
  }
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
    node.style.width = node.style.height = `${radius * 2}px`;
    node.style.transform = `translate(${p.x - radius}px, ${p.y - radius}px)`;
  }
  for (const node of existing.values()) node.remove();
  container.setAttribute("aria-label", `${t("positions", { count: dist.count })}, ${t("passes", { count: dist.passes })}`);
}
