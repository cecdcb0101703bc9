// Draws a distribution as dots on the line, keyed per participant so a
// person's dot glides (CSS transition) instead of the swarm being redrawn.
import { fitSwarm } from "./swarm_fit.js";
import { t } from "../common.js";

export const CROWD = 1000; // more dots than this: no gliding (see .swarm.crowd in app.css)

export function renderSwarm(container, dist, maxRadius = 12) {
  const width = container.clientWidth || 800;
  const half = (container.clientHeight || 200) / 2;
  const dots = (dist.dots || []).map(([key, value]) => ({ key, value }));
  const { layout, radius } = fitSwarm(container, dots, width, half, maxRadius);
  container.classList.toggle("crowd", dots.length > CROWD);
  // The nodes by key, kept between draws (reading 5,000 nodes' keys and
  // styles back from the DOM each draw cost more than the layout); what
  // each was last given is kept on it, so only what changed is written.
  const nodes = nodesOf(container);
  const size = `${radius * 2}px`;
  const seen = new Set();
  for (const p of layout) {
    const key = String(p.key);
    let node = nodes.get(key);
    if (!node) {
      node = document.createElement("span");
      node.className = "dot";
      node.dataset.key = key;
      container.appendChild(node);
      nodes.set(key, node);
    }
    seen.add(key);
    const move = `translate(${p.x - radius}px, ${p.y - radius}px)`;
    if (node._size !== size) node.style.width = node.style.height = node._size = size;
    if (node._move !== move) node.style.transform = node._move = move;
  }
  for (const [key, node] of nodes) {
    if (!seen.has(key)) {
      node.remove();
      nodes.delete(key);
    }
  }
  container.setAttribute("aria-label", `${t("positions", { count: dist.count })}, ${t("passes", { count: dist.passes })}`);
}

// The container's dots by key; read from the DOM again when someone else
// changed its children (a page empties the swarm for another statement).
function nodesOf(container) {
  let nodes = container._nodes;
  const stale = !nodes || nodes.size !== container.children.length
    || (nodes.size > 0 && nodes.values().next().value.parentNode !== container);
  if (stale) nodes = container._nodes = new Map([...container.children].map((n) => [n.dataset.key, n]));
  return nodes;
}
