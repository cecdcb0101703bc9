// The open statement's distribution on a staff screen that takes deltas
// (auth "deltas": true, docs/protocol.md): a `distribution` with "seq" is a
// snapshot, a `distribution_delta` says where the dots that changed since
// the window before are now ("dots") and which left ("gone"), with the
// exact count, passes and mean; after a gap it asks `distribution_snapshot`.
// Following a stream is the core's (../deltas.js); the distribution's shape
// is the barometer's. In Python: workshop/barometer/domain_deltas.py.
import { follower as core, onStream } from "../deltas.js";

// The full `distribution` shape from the dots and the exact numbers.
function distribution(statement, pairs, last) {
  const dist = {
    statement, count: last.count, passes: last.passes, mean: last.mean,
    values: pairs.map((p) => p[1]), dots: pairs,
  };
  if (last.hidden) dist.hidden = true;
  if (last.round !== undefined) dist.round = last.round; // "Fråga igen": 1, 2, …
  return dist;
}

const STREAM = {
  whole: "distribution", delta: "distribution_delta", ask: "distribution_snapshot",
  subject: "statement", rebuild: distribution,
};

export const follower = () => core("statement", distribution);

// fn(dist) with the full shape on every `distribution` and every delta applied.
export function onDistribution(socket, fn) {
  onStream(socket, STREAM, fn);
}
