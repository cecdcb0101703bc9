// The open statement's distribution on a staff screen that takes deltas
// (auth "deltas": true, docs/protocol.md): a `distribution` with "seq" is a
// snapshot, a `distribution_delta` says where the dots that changed since
// the window before are now ("dots") and which left ("gone"), with the
// exact count, passes and mean. A delta after a gap is kept and a snapshot
// asked for (`distribution_snapshot`); the kept deltas newer than it then
// apply in order. A `distribution` without "seq" (a server with several
// processes, which sends whole ones) is shown as it is.
// The same rules, in Python for the property tests: workshop/barometer/domain_deltas.py.

export function follower() {
  let statement = null;
  let seq = null;
  let dots = new Map(); // number -> value
  let last = null; // the payload the numbers come from
  let waiting = [];
  const me = { wantsSnapshot: false };

  function apply(delta) {
    for (const number of delta.gone) dots.delete(number);
    for (const [number, value] of delta.dots) dots.set(number, value);
    seq = delta.seq;
    last = delta;
  }

  // The full `distribution` shape, or null while waiting for a snapshot.
  me.shown = () => {
    if (!last || me.wantsSnapshot) return null;
    const pairs = [...dots].sort((a, b) => a[0] - b[0]);
    const dist = {
      statement, count: last.count, passes: last.passes, mean: last.mean,
      values: pairs.map((p) => p[1]), dots: pairs,
    };
    if (last.hidden) dist.hidden = true;
    if (last.round !== undefined) dist.round = last.round; // "Fråga igen": 1, 2, …
    return dist;
  };

  me.snapshot = (payload) => {
    statement = payload.statement;
    seq = payload.seq;
    dots = new Map(payload.dots);
    last = payload;
    me.wantsSnapshot = false;
    const kept = waiting.sort((a, b) => a.seq - b.seq);
    waiting = [];
    for (const delta of kept) me.delta(delta);
  };

  me.delta = (payload) => {
    if (seq === null || payload.statement !== statement || payload.seq > seq + 1) {
      waiting.push(payload);
      me.wantsSnapshot = true;
    } else if (payload.seq === seq + 1) apply(payload);
    // An older delta (seq ≤ ours) is already in what we hold.
  };
  return me;
}

const followers = new WeakMap();

// fn(dist) with the full shape on every `distribution` and every delta
// applied; one follower per socket, shared by every listener of the page.
export function onDistribution(socket, fn) {
  let entry = followers.get(socket);
  if (!entry) {
    entry = { follow: follower(), listeners: [] };
    followers.set(socket, entry);
    const tell = (dist) => { if (dist) for (const listener of entry.listeners) listener(dist); };
    socket.on("distribution", (dist) => {
      if (dist.seq === undefined) return tell(dist);
      entry.follow.snapshot(dist);
      tell(entry.follow.shown());
    });
    socket.on("distribution_delta", (delta) => {
      const asked = entry.follow.wantsSnapshot;
      entry.follow.delta(delta);
      if (entry.follow.wantsSnapshot) {
        if (!asked) socket.emit("distribution_snapshot", {});
      } else tell(entry.follow.shown());
    });
  }
  entry.listeners.push(fn);
}
