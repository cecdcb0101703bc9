// A staff screen following a method's delta stream (auth "deltas": true,
// docs/protocol.md): the whole event with "seq" is a snapshot; the delta
// event says where the entries that changed since the window before are now
// ("dots": [[number, where]]) and which left ("gone"), with the method's
// exact numbers. A delta after a gap (or about another subject) is kept and
// a snapshot asked for; the kept deltas newer than it then apply in order.
// The whole event without "seq" (a server with several processes, or an
// aggregate that is always sent whole) is shown as it is.
// The same rules, in Python for the property tests: workshop/domain/deltas.py.

// subject: the payloads' key naming what they are about ("statement",
// "question"); rebuild(about, pairs, last): the method's whole shape from
// the entries (pairs in number order) and the payload the numbers come from.
export function follower(subject, rebuild) {
  let about = null;
  let seq = null;
  let dots = new Map(); // number -> where
  let last = null;
  let waiting = [];
  const me = { wantsSnapshot: false };

  function apply(delta) {
    for (const number of delta.gone) dots.delete(number);
    for (const [number, where] of delta.dots) dots.set(number, where);
    seq = delta.seq;
    last = delta;
  }

  // The whole shape, or null while waiting for a snapshot.
  me.shown = () => {
    if (!last || me.wantsSnapshot) return null;
    return rebuild(about, [...dots].sort((a, b) => a[0] - b[0]), last);
  };

  me.snapshot = (payload) => {
    about = payload[subject];
    seq = payload.seq;
    dots = new Map(payload.dots);
    last = payload;
    me.wantsSnapshot = false;
    const kept = waiting.sort((a, b) => a.seq - b.seq);
    waiting = [];
    for (const delta of kept) me.delta(delta);
  };

  me.delta = (payload) => {
    if (seq === null || payload[subject] !== about || payload.seq > seq + 1) {
      waiting.push(payload);
      me.wantsSnapshot = true;
    } else if (payload.seq === seq + 1) apply(payload);
    // An older delta (seq ≤ ours) is already in what we hold.
  };
  return me;
}

const streams = new WeakMap(); // socket -> {whole event -> entry}

// fn(payload) with the whole shape on every `whole` event and every delta
// applied; one follower per socket and stream, shared by every listener of
// the page. stream: {whole, delta, ask, subject, rebuild}: the events'
// names (the snapshot, the delta, the request after a gap) and the shape.
export function onStream(socket, stream, fn) {
  let bySocket = streams.get(socket);
  if (!bySocket) streams.set(socket, (bySocket = {}));
  let entry = bySocket[stream.whole];
  if (!entry) {
    entry = bySocket[stream.whole] = { follow: follower(stream.subject, stream.rebuild), listeners: [] };
    const tell = (payload) => { if (payload) for (const listener of entry.listeners) listener(payload); };
    socket.on(stream.whole, (payload) => {
      if (payload.seq === undefined) return tell(payload);
      entry.follow.snapshot(payload);
      tell(entry.follow.shown());
    });
    socket.on(stream.delta, (delta) => {
      const asked = entry.follow.wantsSnapshot;
      entry.follow.delta(delta);
      if (entry.follow.wantsSnapshot) {
        if (!asked) socket.emit(stream.ask, {});
      } else tell(entry.follow.shown());
    });
  }
  entry.listeners.push(fn);
}
