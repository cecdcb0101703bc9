"""Socket.IO, Open Space: what phones send, and the wall everyone sees.

Phones propose topics, show interest, move with their feet (here), put dots
and write the report. Every handler acks only after the store call returned
(committed), then marks the wall changed: the hub sends one coalesced `wall`
per window however many phones act, the public variant (no hidden topics)
to phones and projector, the full one to facilitators.

Each phone also gets its own `me` (here, interest, dots, what it proposed)
on connect and after each of its changes, also in the ack, so a phone that
missed an event still ends up right.
"""

from __future__ import annotations

from workshop.auth import FACILITATOR, PARTICIPANT, PROJECTOR, runs
from workshop.domain.errors import Invalid
from workshop.domain.parse import optional_id, parse_bool, parse_id
from workshop.live.acks import error, ok
from workshop.live.part import LivePart
from workshop.openspace import domain as rules

NAME = "openspace"


def _topic_id(data: dict) -> int:
    return parse_id(data.get("topic"), "topic")


def _on(data: dict) -> bool:
    return parse_bool(data.get("on"), "on")


def in_phase(store, workshop_id: str) -> bool:
    # Phones get the wall and their `me` only in Open Space's phase: a hall
    # joining during the barometer costs no wall each. The state push that
    # enters the phase refreshes both (refreshed_with_state).
    return store.workshop(workshop_id)["phase"] == NAME


def flush_wall(hub, workshop_id: str) -> None:
    full = hub.store.wall(workshop_id, include_hidden=True)
    public = rules.public_wall(full)
    hub.emit_staff(workshop_id, "wall", full, public)
    if in_phase(hub.store, workshop_id):
        hub.emit_phones(workshop_id, "wall", public)


def flush_me(hub, workshop_id: str) -> None:
    # After a facilitator's merge, hide or dots change: every phone's own view.
    if not in_phase(hub.store, workshop_id):
        return
    for conn in hub.phones(workshop_id):
        hub.socketio.emit("me", hub.store.openspace_me(workshop_id, conn.participant_id), to=conn.sid)


def send_staff(hub, conn, _workshop) -> None:
    hub.socketio.emit("wall", hub.store.wall(conn.workshop_id, include_hidden=runs(conn.role)), to=conn.sid)


def send_participant(hub, conn, workshop) -> None:
    if workshop["phase"] != NAME:
        return
    hub.socketio.emit("wall", hub.store.wall(conn.workshop_id, include_hidden=False), to=conn.sid)
    hub.socketio.emit("me", hub.store.openspace_me(conn.workshop_id, conn.participant_id), to=conn.sid)


def done(hub, conn, **fields) -> dict:
    """After a committed change: wall marked, `me` pushed and acked."""
    hub.changed(conn.workshop_id, "wall")
    me = hub.store.openspace_me(conn.workshop_id, conn.participant_id)
    hub.socketio.emit("me", me, to=conn.sid)
    return ok(**fields, me=me)


def topic(hub, conn, data):
    fields = rules.validate_topic(data)
    topic_id = hub.store.add_topic(conn.workshop_id, proposed_by=conn.participant_id, **fields)
    return done(hub, conn, id=topic_id)


def interest(hub, conn, data):
    topic_id, on = _topic_id(data), _on(data)
    hub.store.set_interest(conn.workshop_id, topic_id, conn.participant_id, on)
    return done(hub, conn, topic=topic_id, on=on)


def here(hub, conn, data):
    if "topic" not in data:
        raise Invalid("topic is required (null to leave).")
    topic_id = optional_id(data["topic"], "topic")
    hub.store.set_here(conn.workshop_id, conn.participant_id, topic_id)
    return done(hub, conn, topic=topic_id)


def vote(hub, conn, data):
    topic_id, on = _topic_id(data), _on(data)
    hub.store.set_vote(conn.workshop_id, topic_id, conn.participant_id, on)
    return done(hub, conn, topic=topic_id, on=on)


def claim(hub, conn, data):
    topic_id = _topic_id(data)
    space, slot = parse_id(data.get("space"), "space"), parse_id(data.get("slot"), "slot")
    hub.store.place_topic(conn.workshop_id, topic_id, space, slot, claimed_by=conn.participant_id)
    return done(hub, conn, topic=topic_id, space=space, slot=slot)


def note(hub, conn, data):
    topic_id = _topic_id(data)
    fields = rules.validate_note(data)
    saved = hub.store.add_note(conn.workshop_id, topic_id, conn.participant_id, **fields)
    return done(hub, conn, id=saved["id"], version=saved["version"], note=saved)


def note_edit(hub, conn, data):
    note_id = parse_id(data.get("id"), "note")
    text = rules.validate_note_text(data.get("text"))
    try:
        saved = hub.store.edit_note(conn.workshop_id, note_id, conn.participant_id, text, data.get("version"))
    except rules.StaleNote as stale:
        # Never last-write-wins: the phone gets the current text to compare.
        return {**error(stale.message, conn.lang), **stale.details()}
    return done(hub, conn, id=note_id, version=saved["version"], note=saved)


PART = LivePart(
    name=NAME,
    phone_events={
        "topic": topic,
        "interest": interest,
        "here": here,
        "vote": vote,
        "claim": claim,
        "note": note,
        "note_edit": note_edit,
    },
    flushers={"wall": flush_wall, "me": flush_me},
    each_process=("me",),  # flush_me sends to this process's phones
    refreshed_with_state=("wall", "me"),
    on_connect={FACILITATOR: (send_staff,), PROJECTOR: (send_staff,), PARTICIPANT: (send_participant,)},
)
