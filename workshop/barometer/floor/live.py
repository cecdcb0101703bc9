"""Socket.IO, Ordet: phones raise and lower their hand; everyone hears who speaks.

    phone -> hand {"on": bool}                      acked once committed
    staff <- floor  facilitators: queue (pseudonyms, places), speaker, suggestion, heard,
                    turns, since, limit_seconds
                    projectors: only the speaker's dot key and region, since and
                    limit_seconds; nothing of the speaker while the statement's
                    dots are hidden; no key or region when protected (small group)
    phone <- floor {"hand", "speaking", "since", "limit_seconds"}  its own, never anyone else's
    Every `floor` event carries "now" (the server's clock when sent): the pages
    count the speaker's time from "since" with their offset to it, locally.
    state += "floor" for a phone while a statement is open (composed with the
             rest of the barometer's phone state in live.py: one read per welcome)

Coalesced like `distribution`: "floor" (staff; also after moves, since the
queue shows where people stand now) and "floor_phones" (after a hand, a
pick or a "Tack").
"""

from __future__ import annotations

from workshop.auth import FACILITATOR, PROJECTOR, for_role
from workshop.domain.parse import parse_bool
from workshop.live.acks import ok
from workshop.live.part import LivePart
from workshop.storage.base import utcnow

NAME = "barometer"


def floor_changed(hub, workshop_id: str) -> None:
    hub.changed(workshop_id, "floor", "floor_phones")


def stamped(payload: dict) -> dict:
    """The payload with the server's clock: a page's countdown needs its
    offset to it (its own clock may be off), never a tick over the socket."""
    return {**payload, "now": utcnow()}


def flush_floor(hub, workshop_id: str) -> None:
    floor = hub.store.floor(workshop_id)
    full, public = floor.staff(), floor.projector()
    # Moves alone rarely change it (hiding the dots changes only the
    # projector's part). Only one process: in a cluster each window's
    # flush may fall to another process, so this one's last send says
    # nothing about what staff have now.
    if hub.cluster is None:
        last_sent = hub.runtime[PART_NAME]
        if last_sent.get(workshop_id) == (full, public):
            return
        last_sent[workshop_id] = (full, public)
    hub.emit_staff(workshop_id, "floor", stamped(full), stamped(public))


def flush_phones(hub, workshop_id: str) -> None:
    floor = hub.store.floor(workshop_id)
    for conn in hub.phones(workshop_id):
        hub.socketio.emit("floor", stamped(floor.phone(conn.number)), to=conn.sid)


def send_floor(hub, conn, _workshop) -> None:
    floor = hub.store.floor(conn.workshop_id)
    hub.socketio.emit("floor", stamped(for_role(conn.role, floor.staff(), floor.projector())), to=conn.sid)


def hand(hub, conn, data):
    on = parse_bool(data.get("on"), "on")
    statement_id = hub.store.raise_hand(conn.workshop_id, conn.participant_id, on)
    floor_changed(hub, conn.workshop_id)
    return ok(statement=statement_id, hand=on)


PART_NAME = f"{NAME}.floor"
PART = LivePart(
    name=PART_NAME,
    setup=lambda hub: {},  # workshop id -> the floor (staff's, projector's) sent last
    phone_events={"hand": hand},
    flushers={"floor": flush_floor, "floor_phones": flush_phones},
    each_process=("floor_phones",),  # flush_phones sends to this process's phones
    refreshed_with_state=("floor",),
    on_connect={FACILITATOR: (send_floor,), PROJECTOR: (send_floor,)},
)
