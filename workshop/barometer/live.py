"""Socket.IO, Åsiktsbarometer: phones send positions; staff get the room.

    phone -> position {"statement": id, "value": 0..100 | "pass", "settled"?: true}
             acked once committed; "settled" marks the last send of a gesture
    staff <- distribution (coalesced, one per window), statements (facilitators)
    state  += {"statement", "position"} for phones, {"statement", "closed_statement"} for staff

A move is acked only after the store committed it: moves from all phones
are group-committed (live/batch.py), one transaction per batch of a few
milliseconds, and each phone gets its ack after its own batch's COMMIT. With
one process (no Redis) the open statement's distribution is kept in memory
(aggregate.py), so a flush reads no positions. The hub then sends one
`distribution` per window however many phones moved. Phones never get other
people's positions; projectors get no positions while a statement is hidden
(``Distribution.public`` through ``auth.for_role``).
"""

from __future__ import annotations

from ..auth import FACILITATOR, PROJECTOR, for_role
from ..domain.parse import parse_id
from ..live.acks import ok, participant_event
from ..live.batch import GroupCommit
from ..live.hub import room
from . import domain as rules
from . import live_comments, live_floor, live_replay
from .aggregate import LiveDistributions
from .domain_summary import verbal_summary

NAME = "barometer"


def statements_changed(hub, workshop_id: str) -> None:
    """Statements edited, reordered, hidden or revealed: refresh staff views."""
    workshop = hub.store.workshop(workshop_id)
    hub.emit_staff(workshop_id, "state", hub.staff_state_of(workshop))
    send_statements(hub, workshop_id)
    # The projector's floor and shown comment say a side only while the dots show.
    hub.changed(workshop_id, "distribution", "floor", "comment_shown")


def send_statements(hub, workshop_id: str) -> None:
    """The list to facilitators. Also after an open or a close: on the socket
    it comes after any earlier push, so the console's last word is the newest
    list (its fetch after `state` can answer out of order)."""
    hub.socketio.emit(
        "statements", {"statements": hub.store.statements(workshop_id)}, to=room(workshop_id, FACILITATOR)
    )


NOTHING_OPEN = {"statement": None, "position": None}


def phone_part(statement: dict, position, floor: dict, may_comment: bool) -> dict:
    """A phone's view of the open statement: never anyone else's position,
    only its own hand and turn (live_floor), and whether it may comment."""
    return {
        "statement": {"id": statement["id"], "text": statement["text"]},
        "position": position,
        "floor": floor,
        "may_comment": may_comment,
    }


def register(socketio, hub) -> None:
    store = hub.store
    live = LiveDistributions(store) if hub.single_process else None

    def write_moves(moves: list) -> list:
        if live is not None:
            return live.commit_then_apply(store.record_positions, moves)
        return store.record_positions(moves)

    moves = GroupCommit(socketio, write_moves)

    def distribution_payloads(statement: dict) -> tuple[dict, dict]:
        """(what facilitators see, what projectors see)."""
        if live is not None:
            full = live.payload(statement["workshop_id"], statement["id"])
        else:
            full = store.distribution(statement["id"]).as_dict()
        if not statement["hidden"]:
            return full, full
        return full, rules.hidden_payload(full["statement"], full["count"], full["passes"])

    def flush_distribution(workshop_id: str) -> None:
        statement = store.open_statement(workshop_id)
        if statement is not None:
            hub.emit_staff(workshop_id, "distribution", *distribution_payloads(statement))

    hub.flushers["distribution"] = flush_distribution
    hub.refreshed_with_state.add("distribution")

    def phone_state(workshop: dict, only=None):
        """The barometer's part of a phone's `state`: the open statement, its
        own position, and while open its floor and whether it may comment."""
        if workshop["phase"] != NAME:
            return lambda participant_id: NOTHING_OPEN
        if only is not None:  # a welcome: one read
            view = store.phone_view(workshop["id"], only.participant_id)
            part = (
                None
                if view is None
                else phone_part(
                    view["statement"],
                    rules.position_for_phone(view["value"], view["has_position"]),
                    view["floor"],
                    view["phone_comments"],
                )
            )
            return lambda participant_id: part or NOTHING_OPEN
        # A push to every phone: read once, then answer per phone from memory.
        statement = store.open_statement(workshop["id"])
        if statement is None:
            return lambda participant_id: NOTHING_OPEN
        positions = store.positions_by_participant(statement["id"])
        floor = store.floor_of(statement["id"], statement["hidden"])
        allowed = store.barometer_settings(workshop["id"])["phone_comments"]
        numbers = {c.participant_id: c.number for c in hub.phones(workshop["id"])}
        return lambda participant_id: phone_part(
            statement,
            rules.position_for_phone(positions.get(participant_id), participant_id in positions),
            floor.phone(numbers.get(participant_id)),
            allowed,
        )

    def staff_state(workshop: dict) -> dict:
        statement = store.open_statement(workshop["id"])
        return {
            "statement": {k: statement[k] for k in ("id", "text", "hidden", "status")} if statement else None,
            "position": None,
            "closed_statement": closed_result(workshop),
        }

    def closed_result(workshop: dict) -> dict | None:
        """The statement closed last, as the room may see it: its final
        distribution and the verbal summary in the workshop's language (both
        withheld, like the dots, while it is hidden)."""
        statement = store.last_closed_statement(workshop["id"])
        if statement is None:
            return None
        dist = store.distribution(statement["id"])
        summary = verbal_summary(dist.values, dist.passes).text(workshop["language"])
        return {
            **{k: statement[k] for k in ("id", "text", "hidden", "status")},
            "distribution": dist.public(statement["hidden"]),
            "summary": None if statement["hidden"] else summary,
        }

    hub.phone_state.append(phone_state)
    hub.staff_state.append(staff_state)

    def send_distribution(conn, _workshop) -> None:
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
        settled = rules.parse_settled(data.get("settled"))
        # Returns once its batch committed; raises the DomainError that refused it.
        moves.submit((conn.workshop_id, statement_id, conn.participant_id, value, conn.number, settled))
        # "floor": the queue in the console shows where each person stands now.
        hub.changed(conn.workshop_id, "distribution", "floor")
        return ok(statement=statement_id, value=rules.position_for_phone(value, True))

    for part in (live_floor, live_comments, live_replay):
        part.register(socketio, hub)
