"""The live hub: who is connected, and what each of them is sent.

Rooms per workshop: its phones, its facilitators, its projectors. Phones get
only their own state (never other people's positions). Aggregates are
coalesced: a change marks the workshop dirty for a kind ("distribution",
"wall", …), and one flush per window (settings.coalesce_seconds, ~100 ms)
sends the newest aggregate, so the projector sees at most ~10 updates a
second however many phones move, and never more than one window behind.

Methods plug in here (their ``LivePart``s, bound by live/part.py), never
the other way:
    hub.runtime[part] = what a part keeps per app (e.g. the barometer's group commit)
    hub.flushers[kind] = fn(workshop_id)          a coalesced push
    hub.on_connect[role].append(fn(conn, workshop))  what a new client is sent first
    hub.phone_state.append(fn(workshop, only) -> fn(participant_id, reading) -> dict)
                                                  only: the Connection of the one phone
                                                  that will be asked (a welcome), else
                                                  None (all); reading: the phone's
                                                  language (None: the workshop's)
    hub.staff_state.append(fn(workshop) -> dict)  their parts of `state`
    hub.refreshed_with_state.add(kind)            flushed again after a state push
    hub.each_process.add(kind)                    its flusher sends to each of hub.phones()

With WORKSHOP_REDIS_URL, several processes serve one workshop: ``hub.cluster``
(live/cluster.py) makes one flush per window across them all, counts
presence over them all, and tells the others what only each can do.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

from socketio.packet import Packet

from workshop.auth import FACILITATOR, PARTICIPANT, PROJECTOR, for_role, runs
from workshop.domain.errors import NotFound
from workshop.domain.names import Claims
from workshop.domain.workshops import projector_state
from workshop.metrics import Metrics, Snapshot

log = logging.getLogger(__name__)


@dataclass
class Connection:
    sid: str
    workshop_id: str
    role: str  # auth.ADMIN, FACILITATOR, PROJECTOR or PARTICIPANT
    participant_id: int | None = None
    number: int | None = None
    lang: str = "sv"
    # A phone's reading language ("Språk"): its state's texts are in it (None: the workshop's).
    reading: str | None = None
    staff: str | None = None  # the staff session or invite it came with (revoking kicks it)
    # A staff screen that follows a method's delta stream (auth "deltas": true,
    # docs/protocol.md): it also listens in the audience's deltas room.
    deltas: bool = False

    @property
    def audience(self) -> str:
        """The room it listens in: whoever runs the workshop hears the facilitators'."""
        return FACILITATOR if runs(self.role) else self.role


def room(workshop_id: str, audience: str) -> str:
    return f"{workshop_id}:{audience}"


def deltas_room(workshop_id: str, audience: str) -> str:
    """Those of an audience that take deltas instead of full aggregates."""
    return f"{workshop_id}:{audience}:deltas"


class TextPacket(Packet):
    """We never send binary: skip python-socketio's walk of every payload
    (a 5,000-dot `distribution` is 10,000 list items) looking for bytes."""

    @classmethod
    def data_is_binary(cls, data) -> bool:
        return False


class Hub:
    def __init__(
        self,
        socketio,
        store,
        window: float,
        admin_token: str = "",
        projector_views: dict | None = None,
        single_process: bool = True,
    ):
        self.socketio = socketio
        socketio.server.packet_class = TextPacket
        # Only one process writes (no Redis): a method may keep aggregates in memory.
        self.single_process = single_process
        self.store = store
        self.window = window
        self.admin_token = admin_token
        self.closed = False
        # Shutting down (SIGTERM): /readyz answers 503 so a balancer stops
        # sending new clients here while the process finishes what it acked.
        self.draining = False
        self.projector_views = projector_views or {}  # methods.PROJECTOR_VIEWS
        self.connections: dict[str, Connection] = {}
        self._pending: dict[str, set[str]] = {}
        self._lock = threading.Lock()
        # kind -> fn(workshop_id); a kind has one owner (a second is a Clash).
        self.flushers = Claims("flusher kind", {"presence": self._flush_presence})
        self.on_connect: dict[str, list] = {PARTICIPANT: [], FACILITATOR: [], PROJECTOR: []}
        self.phone_state: list = []
        self.staff_state: list = []
        # Aggregates a state push refreshes (a method adds its own).
        self.refreshed_with_state: set[str] = {"presence"}
        # Kinds whose flusher sends to this process's own phones (hub.phones):
        # in a cluster every process flushes them (live/cluster.py).
        self.each_process: set[str] = set()
        self.cluster = None  # live.cluster.Cluster when several processes share Redis
        # What each live part keeps per app (LivePart.setup), by part name.
        self.runtime = Claims("live part")
        # fn() -> bool per part that writes after its handler returns (LivePart.written).
        self.written_checks: list = []
        # /metrics (workshop/metrics.py); the join guard's count is added by create_app.
        self.metrics = Metrics()
        self.refused_guesses = lambda: 0

    def snapshot(self) -> Snapshot:
        """Read when Prometheus scrapes, so connecting costs nothing extra."""
        connections = list(self.connections.values())
        return Snapshot(
            phones_connected=sum(1 for c in connections if c.role == PARTICIPANT),
            workshops_live=len({c.workshop_id for c in connections}),
            join_guesses_refused=self.refused_guesses(),
            database_reads=self.store.reads,
        )

    def all_written(self) -> bool:
        """Everything any part accepted is committed (live/shutdown.py)."""
        return all(check() for check in self.written_checks)

    def close(self) -> None:
        """Stop flushing (the app is shutting down; tests close the store)."""
        self.closed = True

    # -- connections -------------------------------------------------------
    def attach(self, conn: Connection) -> None:
        self.connections[conn.sid] = conn
        self.socketio.server.enter_room(conn.sid, room(conn.workshop_id, conn.audience), namespace="/")
        if conn.deltas:
            self.socketio.server.enter_room(
                conn.sid, deltas_room(conn.workshop_id, conn.audience), namespace="/"
            )
        if conn.role == PARTICIPANT:
            self.changed(conn.workshop_id, "presence")

    def welcome(self, conn: Connection, workshop: dict | None = None) -> None:
        """A new client: its state, then what each method sends first.
        ``workshop``: its row, if the connect just read it. The row is handed
        on to every part, so a phone's welcome costs one read per method, not
        one per part (5,000 of them in a reconnect storm)."""
        workshop = workshop or self.store.workshop(conn.workshop_id)
        if conn.role == PARTICIPANT:
            state = self.participant_states(workshop, only=conn)(conn.participant_id, conn.reading)
        else:
            state = self.staff_state_of(workshop)
            self.socketio.emit("presence", self.presence(conn.workshop_id), to=conn.sid)
        self.socketio.emit("state", state, to=conn.sid)
        for send_first in self.on_connect[conn.audience]:
            send_first(conn, workshop)

    def detach(self, sid: str) -> Connection | None:
        conn = self.connections.pop(sid, None)
        if conn and conn.role == PARTICIPANT:
            self.changed(conn.workshop_id, "presence")
        return conn

    def online(self, workshop_id: str) -> int:
        if self.cluster:
            return self.cluster.online(workshop_id)
        return len(
            {
                c.participant_id
                for c in list(self.connections.values())
                if c.workshop_id == workshop_id and c.role == PARTICIPANT
            }
        )

    def phones(self, workshop_id: str) -> list[Connection]:
        return [
            c
            for c in list(self.connections.values())
            if c.workshop_id == workshop_id and c.role == PARTICIPANT
        ]

    # -- coalesced aggregates ---------------------------------------------
    def changed(self, workshop_id: str, *kinds: str) -> None:
        if self.cluster:
            self.cluster.changed(workshop_id, kinds)
        self.mark(workshop_id, *kinds)

    def mark(self, workshop_id: str, *kinds: str) -> None:
        """Dirty in this process only (changed() also tells the cluster)."""
        with self._lock:
            pending = self._pending.setdefault(workshop_id, set())
            first = not pending
            pending.update(kinds)
        if first:
            self.socketio.start_background_task(self._flush_later, workshop_id, time.perf_counter())

    def _flush_later(self, workshop_id: str, changed_at: float) -> None:
        """``changed_at``: when the first change of this window was marked."""
        window = None
        if self.cluster:
            window = self.cluster.sleep_to_window_end()
        else:
            self.socketio.sleep(self.window)
        with self._lock:
            kinds = self._pending.pop(workshop_id, set())
        if self.closed:
            return
        for kind in sorted(kinds):
            self._flush(workshop_id, kind, window)
        self.metrics.projector_lag.observe(time.perf_counter() - changed_at)

    def _flush(self, workshop_id: str, kind: str, window) -> None:
        started = time.perf_counter()
        try:
            if self.cluster and not self.cluster.may_flush(workshop_id, kind, window):
                self.mark(workshop_id, kind)  # flushed elsewhere; ours again next window
                return
            self.flushers[kind](workshop_id)
        except NotFound:
            # Deleted within the window (or while flushing): nothing to send.
            log.debug("flush %s: workshop %s is gone", kind, workshop_id)
        except Exception:  # never kill the loop
            log.exception("flush %s failed", kind, extra={"workshop": workshop_id})
        self.metrics.flush_duration.observe(time.perf_counter() - started)

    def _flush_presence(self, workshop_id: str) -> None:
        self.emit_staff(workshop_id, "presence", self.presence(workshop_id))

    def presence(self, workshop_id: str) -> dict:
        return {"joined": self.store.participant_count(workshop_id), "online": self.online(workshop_id)}

    def _members(self, name: str) -> dict:
        return self.socketio.server.manager.rooms.get("/", {}).get(name) or {}

    def staff_split(self, workshop_id: str) -> tuple[bool, list[str]]:
        """(whether any staff screen takes full aggregates, the sids of those
        that take deltas), from this process's rooms."""
        plain, taking_deltas = False, []
        for audience in (FACILITATOR, PROJECTOR):
            members = self._members(room(workshop_id, audience))
            deltas = [sid for sid in self._members(deltas_room(workshop_id, audience)) if sid in members]
            plain = plain or len(members) > len(deltas)
            taking_deltas.extend(deltas)
        return plain, taking_deltas

    def emit_staff(self, workshop_id: str, event: str, full, public=None, skip=(), rooms=room) -> None:
        """``full`` to those who run the workshop, ``public`` (default: the
        same) to its projectors: see auth.for_role. skip: sids left out;
        rooms: ``deltas_room`` for only those that take deltas."""
        public = full if public is None else public
        staff, projectors = rooms(workshop_id, FACILITATOR), rooms(workshop_id, PROJECTOR)
        shown = for_role(PROJECTOR, full, public)
        skip = list(skip) or None
        if shown is full:  # the same payload: encoded once, sent to both rooms
            self.socketio.emit(event, full, to=[staff, projectors], skip_sid=skip)
        else:
            self.socketio.emit(event, full, to=staff, skip_sid=skip)
            self.socketio.emit(event, shown, to=projectors, skip_sid=skip)

    def emit_phones(self, workshop_id: str, event: str, payload) -> None:
        self.socketio.emit(event, payload, to=room(workshop_id, PARTICIPANT))

    # -- state ---------------------------------------------------------------
    def participant_states(self, workshop: dict, only: Connection | None = None):
        """fn(participant_id) -> that phone's `state`; each method reads what
        it needs once, so a push to every phone costs a few queries, and a
        welcome (``only`` that phone's connection) reads only that phone's rows."""
        parts = [part(workshop, only) for part in self.phone_state]

        def state(participant_id: int, reading: str | None = None) -> dict:
            out = {"phase": workshop["phase"], "reading": reading or workshop["language"]}
            for part in parts:
                out.update(part(participant_id, reading))
            return out

        return state

    def staff_state_of(self, workshop: dict) -> dict:
        out = {
            "phase": workshop["phase"],
            "title": workshop["title"],
            "code": workshop["code"],
            "locked": workshop["locked"],
            "projector": projector_state(workshop["projector_view"], self.projector_views),
            "justering": self.store.justering(workshop["id"]),  # draft / finalised / approved
            # The projector's languages: the workshop's, or it and one more (shown smaller)
            "projector_languages": workshop.get("projector_languages") or [workshop["language"]],
        }
        for part in self.staff_state:
            out.update(part(workshop))
        return out

    def push_state(self, workshop_id: str) -> None:
        """After a facilitator action: everyone gets their new state at once."""
        workshop = self.store.workshop(workshop_id)
        self.push_phone_states(workshop)
        if self.cluster:
            self.cluster.tell("phone_states", workshop_id)
        self.emit_staff(workshop_id, "state", self.staff_state_of(workshop))
        self.changed(workshop_id, *self.refreshed_with_state)

    def push_phone_states(self, workshop: dict) -> None:
        """Each of this process's phones in the workshop: its new state."""
        state_of = self.participant_states(workshop)
        for conn in self.phones(workshop["id"]):
            self.socketio.emit("state", state_of(conn.participant_id, conn.reading), to=conn.sid)

    def resend_phone_state(self, participant_id: int, workshop: dict) -> None:
        """One participant's phones in this process (its reading language
        changed): their state again, nobody else's."""
        for conn in self.phones(workshop["id"]):
            if conn.participant_id == participant_id:
                state = self.participant_states(workshop, only=conn)(participant_id, conn.reading)
                self.socketio.emit("state", state, to=conn.sid)

    def push_staff_state(self, workshop_id: str) -> None:
        """After a change only staff show (the projector's view): phones keep theirs."""
        self.emit_staff(workshop_id, "state", self.staff_state_of(self.store.workshop(workshop_id)))

    def kick_staff(self, workshop_id: str, staff_ids) -> None:
        """Revoked staff: their sockets are told and closed at once, on this
        process and (with Redis) on every other one, which holds its own."""
        ids = list(staff_ids)
        self.kick_local(ids)
        if self.cluster and ids:
            self.cluster.tell("kicked", workshop_id, staff=ids)

    def kick_local(self, staff_ids) -> None:
        """This process's sockets of these staff sessions or invites: `revoked`, then closed."""
        ids = set(staff_ids)
        for conn in list(self.connections.values()):
            if conn.staff is not None and conn.staff in ids:
                self.socketio.emit("revoked", {}, to=conn.sid)
                self.socketio.server.disconnect(conn.sid, namespace="/")
                self.connections.pop(conn.sid, None)

    def staff_online(self, workshop_id: str) -> set[str]:
        """The staff sessions and invites with a socket open, on any live process."""
        here = self.local_staff(workshop_id)
        return here | self.cluster.staff_online(workshop_id) if self.cluster else here

    def local_staff(self, workshop_id: str) -> set[str]:
        """The staff sessions and invites with a socket open in this process."""
        return {
            c.staff
            for c in list(self.connections.values())
            if c.workshop_id == workshop_id and c.staff is not None
        }

    def workshop_deleted(self, workshop_id: str) -> None:
        self.drop_local(workshop_id)
        if self.cluster:
            self.cluster.tell("deleted", workshop_id)
            self.cluster.forget(workshop_id)

    def drop_local(self, workshop_id: str) -> None:
        """Tell this process's clients of a deleted workshop, and let them go;
        what was waiting for the next window has no one to go to."""
        with self._lock:
            self._pending.pop(workshop_id, None)
        for conn in list(self.connections.values()):
            if conn.workshop_id == workshop_id:
                self.socketio.emit("deleted", {}, to=conn.sid)
                self.socketio.server.disconnect(conn.sid, namespace="/")
                self.connections.pop(conn.sid, None)
