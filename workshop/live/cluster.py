"""Several worker processes, one Redis: what the hub needs beyond one process.

Switched on by WORKSHOP_REDIS_URL. Every process serves some of a
workshop's phones, staff and projectors; they share the SQLite database
(WAL, busy timeout) and this Redis:

- **Emits** go through Flask-SocketIO's message queue on Redis
  (``RedisQueue``): an event for a room reaches that room's clients on every
  process. An event for one client of this process goes straight to it and
  never crosses Redis (a 5,000-phone connect storm stays local).
- **One flush per window per workshop.** Windows are aligned to the clock
  (window *i* ends at (i + 1) x window seconds), so every process that saw a
  change in window *i* flushes at the same moment. Before flushing a kind it
  takes a short lock, ``SET workshop:flush:<workshop>:<kind>:<i> NX PX``; only
  the holder flushes (reading the aggregate from the database, which already
  holds every committed change of the window). A process that loses the lock
  marks the kind dirty again for the next window, so a change can never fall
  between two processes: the projector gets ONE ``distribution`` (``wall``,
  ``presence``, ...) per window, whichever processes the phones are on.
- **Presence.** A hash per workshop, ``workshop:online:<workshop>``: process
  id -> {"until": ms, "ids": [participant ids online here], "staff": [staff
  session and invite ids with a socket here]} (the staff list's "online"). Each process
  writes its own entry when its phones come and go (coalesced, once per
  window) and again every second; an entry older than PRESENCE_TTL is
  ignored and removed, so a killed process's phones drop out within a few
  seconds. ``online`` is the union over fresh entries.
- **What only each process can do** (its own connections) is told to the
  others on the channel ``workshop-cluster``: a state push to phones after a
  facilitator's action, the kinds whose flusher sends to each of its phones
  (``hub.each_process``, Open Space's ``me``), a deleted workshop, revoked
  staff (``kicked``: each process closes its own sockets of those sessions).

If Redis is unreachable a flush goes ahead without the lock (a duplicate
update is harmless; a lost one is not).
"""

from __future__ import annotations

import json
import logging
import os
import socket
import time
import uuid

import redis
import socketio

from workshop.live.rooms import IndexedRooms

log = logging.getLogger(__name__)

CHANNEL = "workshop-cluster"
SOCKETIO_CHANNEL = "workshop-socketio"
HEARTBEAT = 1.0  # seconds between presence refreshes
PRESENCE_TTL = 3.0  # seconds: a process not heard from for this long has no phones


class RedisQueue(IndexedRooms, socketio.RedisManager):
    """Flask-SocketIO's Redis message queue, except that an event for a single
    client of this process is delivered directly (python-socketio's
    ``ignore_queue``, which its docs allow "when there is a single
    addressee"): only emits to rooms, and to clients elsewhere, use Redis."""

    def emit(self, event, data, namespace=None, room=None, skip_sid=None, callback=None, to=None, **kwargs):
        room = to or room
        ns = namespace or "/"
        # A list of rooms (hub.emit_staff sends one packet to several) always
        # goes through Redis; only a single addressee may skip it.
        if (
            isinstance(room, str)
            and callback is None
            and (self.is_connected(room, ns) or self.is_pre_connected(room, ns))
        ):
            kwargs["ignore_queue"] = True
        return super().emit(
            event, data, namespace=namespace, room=room, skip_sid=skip_sid, callback=callback, **kwargs
        )


def message_queue(redis_url: str) -> RedisQueue:
    return RedisQueue(redis_url, channel=SOCKETIO_CHANNEL)


def _ms() -> int:
    return int(time.time() * 1000)


class Cluster:
    """This process's part in a cluster of workers (see the module doc)."""

    def __init__(self, hub, redis_url: str):
        self.hub = hub
        self.redis = redis.Redis.from_url(redis_url, socket_timeout=5, health_check_interval=30)
        self._probe = redis.Redis.from_url(redis_url, socket_timeout=1, socket_connect_timeout=1)
        self.id = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self.flushes = 0  # flushes this process won, for the benchmark and tests
        self.lost = 0  # flushes another process made in our place
        self._written: set[str] = set()  # workshops whose presence entry we keep
        self._ops = {
            "changed": lambda ws, m: hub.mark(ws, *m["kinds"]),
            "phone_states": lambda ws, m: hub.push_phone_states(hub.store.workshop(ws)),
            "deleted": lambda ws, m: hub.drop_local(ws),
            "kicked": lambda ws, m: hub.kick_local(m["staff"]),
        }

    def reachable(self) -> bool:
        """Does Redis answer now (for /readyz)? Its own short-timeout client:
        a probe must answer within a second, not wait out the live client's 5 s."""
        try:
            return bool(self._probe.ping())
        except redis.RedisError:
            return False

    def start(self) -> None:
        self.hub.socketio.start_background_task(self._listen)
        self.hub.socketio.start_background_task(self._heartbeat)

    # -- windows and the flush lock -------------------------------------------
    def sleep_to_window_end(self) -> int:
        """Sleep until the current clock-aligned window ends; its index."""
        window = self.hub.window
        index = int(time.time() // window)
        end = (index + 1) * window
        while (left := end - time.time()) > 0:
            self.hub.socketio.sleep(left)
        return index

    def may_flush(self, workshop_id: str, kind: str, index: int) -> bool:
        """True for the one process that flushes `kind` of this workshop for
        window `index`."""
        if kind in self.hub.each_process:
            return True  # it sends to this process's own phones: every process flushes it
        if kind == "presence":
            self.write_presence(workshop_id)
        key = f"workshop:flush:{workshop_id}:{kind}:{index}"
        expiry = max(1000, int(self.hub.window * 20_000))
        try:
            won = bool(self.redis.set(key, self.id, nx=True, px=expiry))
        except redis.RedisError:
            log.exception("flush lock unavailable: flushing anyway")
            return True
        if won:
            self.flushes += 1
        else:
            self.lost += 1
        return won

    # -- telling the other processes ------------------------------------------
    def tell(self, op: str, workshop_id: str, **fields) -> None:
        message = json.dumps({"op": op, "from": self.id, "workshop": workshop_id, **fields})
        try:
            self.redis.publish(CHANNEL, message)
        except redis.RedisError:
            log.exception("could not tell the other processes %s", op)

    def changed(self, workshop_id: str, kinds) -> None:
        shared = [kind for kind in kinds if kind in self.hub.each_process]
        if shared:
            self.tell("changed", workshop_id, kinds=shared)

    def _listen(self) -> None:
        while not self.hub.closed:
            try:
                pubsub = self.redis.pubsub(ignore_subscribe_messages=True)
                pubsub.subscribe(CHANNEL)
                for message in pubsub.listen():
                    self._handle(message.get("data"))
            except redis.RedisError:
                log.warning("lost the cluster channel; retrying in 1 s")
                self.hub.socketio.sleep(1)

    def _handle(self, raw) -> None:
        try:
            message = json.loads(raw)
            if message.get("from") == self.id:
                return
            self._ops[message["op"]](message["workshop"], message)
        except Exception:  # a deleted workshop, say: never kill the listener
            log.exception("cluster message failed")

    # -- presence ----------------------------------------------------------------
    def _local_ids(self, workshop_id: str) -> set[int]:
        return {c.participant_id for c in self.hub.phones(workshop_id)}

    def write_presence(self, workshop_id: str) -> None:
        ids = self._local_ids(workshop_id)
        staff = self.hub.local_staff(workshop_id)
        key = f"workshop:online:{workshop_id}"
        try:
            if ids or staff:
                until = _ms() + int(PRESENCE_TTL * 1000)
                entry = json.dumps({"until": until, "ids": sorted(ids), "staff": sorted(staff)})
                pipe = self.redis.pipeline(transaction=False)
                pipe.hset(key, self.id, entry)
                pipe.pexpire(key, int(PRESENCE_TTL * 10_000))
                pipe.execute()
                self._written.add(workshop_id)
            elif workshop_id in self._written:
                self.redis.hdel(key, self.id)
                self._written.discard(workshop_id)
        except redis.RedisError:
            log.exception("could not write presence")

    def online(self, workshop_id: str) -> int:
        """Participants online in this workshop, on any live process."""
        ids = self._local_ids(workshop_id)
        try:
            entries = self.redis.hgetall(f"workshop:online:{workshop_id}")
        except redis.RedisError:
            log.exception("could not read presence: counting this process only")
            return len(ids)
        now = _ms()
        for process, raw in entries.items():
            entry = json.loads(raw)
            if process.decode() != self.id and entry["until"] >= now:
                ids.update(entry["ids"])
        return len(ids)

    def staff_online(self, workshop_id: str) -> set[str]:
        """Staff sessions and invites with a socket open on the other live
        processes (their presence entries, refreshed every second)."""
        try:
            entries = self.redis.hgetall(f"workshop:online:{workshop_id}")
        except redis.RedisError:
            log.exception("could not read presence: staff on this process only")
            return set()
        now = _ms()
        found: set[str] = set()
        for process, raw in entries.items():
            entry = json.loads(raw)
            if process.decode() != self.id and entry["until"] >= now:
                found.update(entry.get("staff", ()))
        return found

    def _drop_stale(self, workshop_id: str) -> None:
        """Remove the entries of processes not heard from (killed): their phones
        are gone, so the room's presence changes."""
        key = f"workshop:online:{workshop_id}"
        now = _ms()
        stale = [
            process for process, raw in self.redis.hgetall(key).items() if json.loads(raw)["until"] < now
        ]
        if stale and self.redis.hdel(key, *stale):
            self.hub.changed(workshop_id, "presence")

    def _heartbeat(self) -> None:
        while not self.hub.closed:
            self.hub.socketio.sleep(HEARTBEAT)
            workshops = {c.workshop_id for c in list(self.hub.connections.values())}
            for workshop_id in workshops | self._written:
                try:
                    self.write_presence(workshop_id)
                    self._drop_stale(workshop_id)
                except Exception:
                    log.exception("presence heartbeat failed")

    def forget(self, workshop_id: str) -> None:
        """A deleted workshop: its presence hash goes."""
        self._written.discard(workshop_id)
        try:
            self.redis.delete(f"workshop:online:{workshop_id}")
        except redis.RedisError:
            log.exception("could not drop presence")
