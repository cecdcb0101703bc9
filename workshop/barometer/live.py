"""Socket.IO, Åsiktsbarometer: phones send positions; staff get the room.

    phone -> position {"statement": id, "value": 0..100 | "pass", "settled"?: true}
             acked once committed; "settled" marks the last send of a gesture
    staff <- distribution (coalesced, one per window), statements (facilitators)
    staff that connect with auth "deltas": true (one process only):
          <- distribution + "seq" (a snapshot: on connect, every SNAPSHOT_EVERY
             windows, on a reload or a hide/reveal, and when asked),
             distribution_delta (the other windows: domain_deltas.py)
          -> distribution_snapshot {} after a gap in "seq"
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

from workshop.auth import FACILITATOR, PROJECTOR, for_role
from workshop.barometer import domain as rules
from workshop.barometer.aggregate import LiveDistributions
from workshop.barometer.domain_deltas import snapshot_payload
from workshop.barometer.domain_summary import verbal_summary
from workshop.domain.parse import parse_id
from workshop.domain.texts import read_in
from workshop.live.acks import ok
from workshop.live.batch import GroupCommit
from workshop.live.hub import deltas_room, room
from workshop.live.part import LivePart

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


def _texts(statement: dict) -> dict:
    return {"texts": statement["texts"]} if statement.get("texts") else {}


def phone_part(statement: dict, position, floor: dict, may_comment: bool, reading: str | None = None) -> dict:
    """A phone's view of the open statement: never anyone else's position,
    only its own hand and turn (floor/live.py), and whether it may comment."""
    text = read_in(reading, statement["text"], statement.get("texts"))
    return {
        # "text" in the phone's reading language (the workshop's when the
        # statement lacks it); its other languages too ("texts"), when it has any.
        "statement": {"id": statement["id"], "text": text, **_texts(statement)},
        "position": position,
        "floor": floor,
        "may_comment": may_comment,
    }


class Moves:
    """What the barometer keeps per app (``hub.runtime[NAME]``): the group
    commit every phone's move goes through and, with one process, the open
    statement's distribution in memory."""

    def __init__(self, hub):
        self.store = hub.store
        self.live = LiveDistributions(hub.store) if hub.single_process else None
        self.commit = GroupCommit(hub.socketio, self.write, sizes=hub.metrics.batch_size)

    def write(self, moves: list) -> list:
        if self.live is not None:
            return self.live.commit_then_apply(self.store.record_positions, moves)
        return self.store.record_positions(moves)


def _moves(hub) -> Moves:
    return hub.runtime[NAME]


def moves_written(hub) -> bool:
    """No move is waiting for its batch's COMMIT."""
    return _moves(hub).commit.idle


def round_started(hub, workshop_id: str) -> None:
    """ "Fråga igen" emptied the statement's positions in the store: the dots
    held in memory are read again (the same statement id would keep them)."""
    live = _moves(hub).live
    if live is not None:
        live.forget(workshop_id)


def distribution_payloads(hub, statement: dict) -> tuple[dict, dict]:
    """(what facilitators see, what projectors see); both carry the round."""
    live = _moves(hub).live
    if live is not None:
        full = live.payload(statement["workshop_id"], statement["id"])
    else:
        full = hub.store.distribution(statement["id"]).as_dict()
    full["round"] = statement["round"]
    if not statement["hidden"]:
        return full, full
    return full, {
        **rules.hidden_payload(full["statement"], full["count"], full["passes"]),
        "round": statement["round"],
    }


def flush_distribution(hub, workshop_id: str) -> None:
    statement = hub.store.open_statement(workshop_id)
    if statement is None:
        return
    live = _moves(hub).live
    if live is None:  # a cluster: full aggregates to every screen
        hub.emit_staff(workshop_id, "distribution", *distribution_payloads(hub, statement))
        return
    seq, delta = live.window(workshop_id, statement["id"], statement["hidden"])
    if delta is not None:
        delta = {**delta, "round": statement["round"]}
    plain, taking_deltas = hub.staff_split(workshop_id)
    full = distribution_payloads(hub, statement) if plain or delta is None else None
    if plain:
        hub.emit_staff(workshop_id, "distribution", *full, skip=taking_deltas)
    if not taking_deltas:
        return
    if delta is None:
        whole = snapshot_payload(full[0], seq)
        public = whole if full[1] is full[0] else snapshot_payload(full[1], seq)  # one encoding when the same
        hub.emit_staff(workshop_id, "distribution", whole, public, rooms=deltas_room)
    elif statement["hidden"]:  # the projector's counts-only payload is small: a snapshot each window
        public = {
            **rules.hidden_payload(statement["id"], delta["count"], delta["passes"]),
            "round": statement["round"],
        }
        hub.socketio.emit("distribution_delta", delta, to=deltas_room(workshop_id, FACILITATOR))
        hub.socketio.emit(
            "distribution", snapshot_payload(public, seq), to=deltas_room(workshop_id, PROJECTOR)
        )
    else:
        hub.emit_staff(workshop_id, "distribution_delta", delta, rooms=deltas_room)


def phone_state(hub, workshop: dict, only=None):
    """The barometer's part of a phone's `state`: the open statement, its
    own position, and while open its floor and whether it may comment."""
    if workshop["phase"] != NAME:
        return lambda participant_id, reading=None: NOTHING_OPEN
    if only is not None:  # a welcome: one read
        return _welcome_part(hub.store, workshop["id"], only.participant_id)
    return _every_phones_part(hub, workshop)


def _welcome_part(store, workshop_id: str, participant_id: int):
    view = store.phone_view(workshop_id, participant_id)
    if view is None:
        return lambda participant_id, reading=None: NOTHING_OPEN
    position = rules.position_for_phone(view["value"], view["has_position"])
    return lambda participant_id, reading=None: phone_part(
        view["statement"], position, view["floor"], view["phone_comments"], reading
    )


def _every_phones_part(hub, workshop: dict):
    """A push to every phone: read once, then answer per phone from memory."""
    store = hub.store
    statement = store.open_statement(workshop["id"])
    if statement is None:
        return lambda participant_id, reading=None: NOTHING_OPEN
    positions = store.positions_by_participant(statement["id"])
    floor = store.floor_of(statement["id"], statement["hidden"])
    allowed = store.barometer_settings(workshop["id"])["phone_comments"]
    numbers = {c.participant_id: c.number for c in hub.phones(workshop["id"])}
    return lambda participant_id, reading=None: phone_part(
        statement,
        rules.position_for_phone(positions.get(participant_id), participant_id in positions),
        floor.phone(numbers.get(participant_id)),
        allowed,
        reading,
    )


def staff_state(hub, workshop: dict) -> dict:
    statement = hub.store.open_statement(workshop["id"])
    return {
        "statement": {k: statement[k] for k in ("id", "text", "hidden", "status", "texts")}
        if statement
        else None,
        "position": None,
        "closed_statement": closed_result(hub.store, workshop),
    }


def closed_result(store, workshop: dict) -> dict | None:
    """The statement closed last, as the room may see it: its final
    distribution and the verbal summary in the workshop's language (both
    withheld, like the dots, while it is hidden)."""
    statement = store.last_closed_statement(workshop["id"])
    if statement is None:
        return None
    dist = store.distribution(statement["id"])
    summary = verbal_summary(dist.values, dist.passes).text(workshop["language"])
    return {
        **{k: statement[k] for k in ("id", "text", "hidden", "status", "texts")},
        "distribution": dist.public(statement["hidden"]),
        "summary": None if statement["hidden"] else summary,
    }


def send_distribution(hub, conn, _workshop) -> None:
    """A new staff screen's first `distribution`: a snapshot if it takes deltas."""
    statement = hub.store.open_statement(conn.workshop_id)
    if not statement:
        return
    live = _moves(hub).live
    if conn.deltas and live is not None:
        seq, full = live.snapshot(conn.workshop_id, statement["id"])
        public = (
            rules.hidden_payload(statement["id"], full["count"], full["passes"])
            if statement["hidden"]
            else full
        )
        hub.socketio.emit(
            "distribution", snapshot_payload(for_role(conn.role, full, public), seq), to=conn.sid
        )
        return
    full, public = distribution_payloads(hub, statement)
    hub.socketio.emit("distribution", for_role(conn.role, full, public), to=conn.sid)


def distribution_snapshot(hub, conn, _data) -> None:
    """A screen saw a gap in "seq": it gets a snapshot (nothing if no statement is open)."""
    send_distribution(hub, conn, None)


def position(hub, conn, data):
    """A phone's move: validated, group-committed, then acked."""
    statement_id = parse_id(data.get("statement"), "statement")
    value = rules.parse_position(data.get("value"))
    settled = rules.parse_settled(data.get("settled"))
    # Returns once its batch committed; raises the DomainError that refused it.
    _moves(hub).commit.submit(
        (conn.workshop_id, statement_id, conn.participant_id, value, conn.number, settled)
    )
    # "floor": the queue in the console shows where each person stands now.
    hub.changed(conn.workshop_id, "distribution", "floor")
    return ok(statement=statement_id, value=rules.position_for_phone(value, True))


PART = LivePart(
    name=NAME,
    setup=Moves,
    written=moves_written,
    phone_events={"position": position},
    staff_events={"distribution_snapshot": distribution_snapshot},
    flushers={"distribution": flush_distribution},
    refreshed_with_state=("distribution",),
    on_connect={FACILITATOR: (send_distribution,), PROJECTOR: (send_distribution,)},
    phone_state=phone_state,
    staff_state=staff_state,
)
