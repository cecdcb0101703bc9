// The crowd's layout off the page's main thread (swarm_canvas.js): laying
// out 5,000 dots takes 7–20 ms, ten times a second, and on the main thread
// each of those was a frame the projector did not draw. In: {id, keys,
// values, width, half, maxRadius}; out: {id, keys, x, y, radius} (typed
// arrays, handed over, not copied). The fit's memory (which size fitted
// last) stays here, as it stays on the element for the DOM swarm.
import { fitSwarm } from "./swarm_fit.js";

const holder = {};

self.onmessage = ({ data }) => {
  const { id, keys, values, width, half, maxRadius } = data;
  const dots = Array.from(keys, (key, i) => ({ key, value: values[i] }));
  const { layout, radius } = fitSwarm(holder, dots, width, half, maxRadius);
  const out = { id, radius, keys: new Float64Array(layout.length), x: new Float64Array(layout.length),
    y: new Float64Array(layout.length) };
  layout.forEach((p, i) => { out.keys[i] = p.key; out.x[i] = p.x; out.y[i] = p.y; });
  self.postMessage(out, [out.keys.buffer, out.x.buffer, out.y.buffer]);
};
