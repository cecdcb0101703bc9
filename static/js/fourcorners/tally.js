// Fyra hörn's tally on a staff screen that takes deltas (docs/protocol.md):
// a `tally` with "seq" is a snapshot, a `tally_delta` says which people
// changed corner ("dots": [[number, corner]]) and who left the corners
// ("gone"), with the exact counts; after a gap it asks `tally_snapshot`.
// Following the stream is the core's (../deltas.js).
import { follower as core, onStream } from "../deltas.js";

// The whole `tally` shape from the dots and the exact numbers.
function tally(question, pairs, last) {
  return { question, counts: last.counts, passes: last.passes, count: last.count, dots: pairs };
}

const STREAM = { whole: "tally", delta: "tally_delta", ask: "tally_snapshot", subject: "question", rebuild: tally };

export const follower = () => core("question", tally);

// fn(tally) with the whole shape on every `tally` and every delta applied.
export function onTally(socket, fn) {
  onStream(socket, STREAM, fn);
}
