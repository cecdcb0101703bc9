"""Socket.IO, Åsiktsbarometer: phones send positions; staff get the room.

    phone -> position {"statement": id, "value": 0..100 | "pass"}   acked once committed
    staff <- distribution (coalesced, one per window), statements (facilitators)
    state  += {"statement", "position"} for phones, {"statement"} for staff

A move is acked only after the store committed it; the hub then sends one
`distribution` per window however many phones moved. Phones never get other
people's positions; projectors get no positions while a statement is hidden
(``Distribution.public`` through ``auth.for_role``).
"""

from __future__ import annotations

from ..auth import FACILITATOR, PROJECTOR, for_role
from ..domain.parse import parse_id
from ..live.acks import ok, participant_event
from ..live.hub import room
from . import domain as rules
from . import live_comments, live_floor, live_replay

NAME = "barometer"


def statements_changed(hub, workshop_id: str) -> None:
    """Statements edited, reordered, hidden or revealed: refresh staff views."""
    workshop = hub.store.workshop(workshop_id)
    hub.emit_staff(workshop_id, "state", hub.staff_state_of(workshop))
    hub.socketio.emit(
        "statements", {"statements": hub.store.statements(workshop_id)}, to=room(workshop_id, FACILITATOR)
    )
    hub.changed(workshop_id, "distribution")


def register(socketio, hub) -> None:
    store = hub.store

    def distribution_payloads(statement: dict) -> tuple[dict, dict]:
        dist = store.distribution(statement["id"])
        return dist.as_dict(), dist.public(statement["hidden"])

    def flush_distribution(workshop_id: str) -> None:
        statement = store.open_statement(workshop_id)
        if statement is not None:
            hub.emit_staff(workshop_id, "distribution", *distribution_payloads(statement))

    hub.flushers["distribution"] = flush_distribution
    hub.refreshed_with_state.add("distribution")

    def phone_state(workshop: dict):
        # Read once per push, then answer per phone from memory.
        statement = store.open_statement(workshop["id"]) if workshop["phase"] == NAME else None
        positions = store.positions_by_participant(statement["id"]) if statement else {}

        def part(participant_id: int) -> dict:
            if statement is None:
                return {"statement": None, "position": None}
            return {
                "statement": {"id": statement["id"], "text": statement["text"]},
                "position": rules.position_for_phone(
                    positions.get(participant_id), participant_id in positions
                ),
            }

        return part

    def staff_state(workshop: dict) -> dict:
        statement = store.open_statement(workshop["id"])
        return {
            "statement": {k: statement[k] for k in ("id", "text", "hidden", "status")} if statement else None,
            "position": None,
        }

    hub.phone_state.append(phone_state)
    hub.staff_state.append(staff_state)

    def send_distribution(conn) -> None:
        statement = store.open_statement(conn.workshop_id)
        if statement:
            full, public = distribution_payloads(statement)
            socketio.emit("distribution", for_role(conn.role, full, public), to=conn.sid)

    hub.on_connect[FACILITATOR].append(send_distribution)
    hub.on_connect[PROJECTOR].append(send_distribution)

    @socketio.on("position")
    @participant_event(hub)
    def position(conn, data):
        statement_id = parse_id(data.get("statement"), "statement")
        value = rules.parse_position(data.get("value"))
        store.record_position(conn.workshop_id, statement_id, conn.participant_id, value)
        # "floor": the queue in the console shows where each person stands now.
        hub.changed(conn.workshop_id, "distribution", "floor")
        return ok(statement=statement_id, value=rules.position_for_phone(value, True))

    for part in (live_floor, live_comments, live_replay):
        part.register(socketio, hub)
