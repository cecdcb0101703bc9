"""The live hub: who is connected, and what each of them is sent.

Rooms per workshop: its phones, its facilitators, its projectors. Phones get
only their own state (never other people's positions). Staff get the
aggregate, coalesced: a change marks the workshop dirty, and one flush per
window (settings.coalesce_seconds, ~100 ms) sends the newest aggregate, so
the projector sees at most ~10 updates a second however many phones move,
and never more than one window behind.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass

from ..domain.barometer import position_for_phone

PARTICIPANT, FACILITATOR, PROJECTOR = "participant", "facilitator", "projector"


@dataclass
class Connection:
    sid: str
    workshop_id: str
    role: str
    participant_id: int | None = None
    number: int | None = None
    lang: str = "sv"


def room(workshop_id: str, role: str) -> str:
    return f"{workshop_id}:{role}"


class Hub:
    def __init__(self, socketio, store, window: float, admin_token: str = ""):
        self.socketio = socketio
        self.admin_token = admin_token
        # Features add what a newly connected client is sent first: fn(conn).
        self.on_staff_connect: list = []
        self.on_participant_connect: list = []
        self.closed = False
        self.store = store
        self.window = window
        self.connections: dict[str, Connection] = {}
        self._pending: dict[str, set[str]] = {}
        self._lock = threading.Lock()
        # Open Space and later features add flush kinds here: kind -> fn(workshop_id).
        self.flushers = {"distribution": self._flush_distribution, "presence": self._flush_presence}

    def close(self) -> None:
        """Stop flushing (the app is shutting down; tests close the store)."""
        self.closed = True

    # -- connections -------------------------------------------------------
    def attach(self, conn: Connection) -> None:
        self.connections[conn.sid] = conn
        self.socketio.server.enter_room(conn.sid, room(conn.workshop_id, conn.role), namespace="/")
        if conn.role == PARTICIPANT:
            self.changed(conn.workshop_id, "presence")

    def detach(self, sid: str) -> Connection | None:
        conn = self.connections.pop(sid, None)
        if conn and conn.role == PARTICIPANT:
            self.changed(conn.workshop_id, "presence")
        return conn

    def online(self, workshop_id: str) -> int:
        return len({c.participant_id for c in list(self.connections.values())
                    if c.workshop_id == workshop_id and c.role == PARTICIPANT})

    def _of(self, workshop_id: str, role: str) -> list[Connection]:
        return [c for c in list(self.connections.values())
                if c.workshop_id == workshop_id and c.role == role]

    # -- coalesced aggregates ---------------------------------------------
    def changed(self, workshop_id: str, *kinds: str) -> None:
        with self._lock:
            pending = self._pending.setdefault(workshop_id, set())
            first = not pending
            pending.update(kinds)
        if first:
            self.socketio.start_background_task(self._flush_later, workshop_id)

    def _flush_later(self, workshop_id: str) -> None:
        self.socketio.sleep(self.window)
        with self._lock:
            kinds = self._pending.pop(workshop_id, set())
        if self.closed:
            return
        for kind in sorted(kinds):
            try:
                self.flushers[kind](workshop_id)
            except Exception:  # a deleted workshop, say: never kill the loop
                import logging
                logging.getLogger(__name__).exception("flush %s failed", kind)

    def _flush_distribution(self, workshop_id: str) -> None:
        statement = self.store.open_statement(workshop_id)
        if statement is None:
            return
        dist = self.store.distribution(statement["id"])
        self.emit_staff(workshop_id, "distribution", dist.as_dict(),
                        projector_payload=dist.hidden() if statement["hidden"] else None)

    def _flush_presence(self, workshop_id: str) -> None:
        self.emit_staff(workshop_id, "presence", self.presence(workshop_id))

    def presence(self, workshop_id: str) -> dict:
        return {"joined": self.store.participant_count(workshop_id), "online": self.online(workshop_id)}

    def emit_staff(self, workshop_id: str, event: str, payload, projector_payload=None) -> None:
        self.socketio.emit(event, payload, to=room(workshop_id, FACILITATOR))
        self.socketio.emit(event, projector_payload if projector_payload is not None else payload,
                           to=room(workshop_id, PROJECTOR))

    # -- state ---------------------------------------------------------------
    def participant_state(self, workshop: dict, participant_id: int, statement=None, positions=None) -> dict:
        statement = statement if statement is not None else self.store.open_statement(workshop["id"])
        position = None
        if statement and workshop["phase"] == "barometer":
            if positions is None:
                has, value = self.store.position(statement["id"], participant_id)
            else:
                has, value = participant_id in positions, positions.get(participant_id)
            position = position_for_phone(value, has)
        show = statement if workshop["phase"] == "barometer" else None
        return {
            "phase": workshop["phase"],
            "statement": {"id": show["id"], "text": show["text"]} if show else None,
            "position": position,
        }

    def staff_state(self, workshop: dict) -> dict:
        statement = self.store.open_statement(workshop["id"])
        return {
            "phase": workshop["phase"],
            "statement": {k: statement[k] for k in ("id", "text", "hidden", "status")} if statement else None,
            "position": None,
            "title": workshop["title"],
            "code": workshop["code"],
        }

    def push_state(self, workshop_id: str) -> None:
        """After a facilitator action: everyone gets their new state at once."""
        workshop = self.store.workshop(workshop_id)
        statement = self.store.open_statement(workshop_id)
        positions = self.store.positions_by_participant(statement["id"]) if statement else {}
        for conn in self._of(workshop_id, PARTICIPANT):
            state = self.participant_state(workshop, conn.participant_id, statement or {}, positions)
            self.socketio.emit("state", state, to=conn.sid)
        staff = self.staff_state(workshop)
        self.emit_staff(workshop_id, "state", staff)
        self.changed(workshop_id, "distribution", "presence")

    def statements_changed(self, workshop_id: str) -> None:
        """Statements edited, reordered, hidden or revealed: refresh staff views."""
        workshop = self.store.workshop(workshop_id)
        self.emit_staff(workshop_id, "state", self.staff_state(workshop))
        self.socketio.emit("statements", {"statements": self.store.statements(workshop_id)},
                           to=room(workshop_id, FACILITATOR))
        self.changed(workshop_id, "distribution")

    def workshop_deleted(self, workshop_id: str) -> None:
        for conn in list(self.connections.values()):
            if conn.workshop_id == workshop_id:
                self.socketio.emit("deleted", {}, to=conn.sid)
                self.socketio.server.disconnect(conn.sid, namespace="/")
                self.connections.pop(conn.sid, None)
