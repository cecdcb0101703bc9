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

from ..auth import FACILITATOR, PARTICIPANT, PROJECTOR, runs
from ..domain.errors import Invalid
from ..domain.parse import optional_id, parse_bool, parse_id
from ..live.acks import error, ok, participant_event
from . import domain as rules

NAME = "openspace"


def _topic_id(data: dict) -> int:
    return parse_id(data.get("topic"), "topic")


def _on(data: dict) -> bool:
    return parse_bool(data.get("on"), "on")


def register(socketio, hub) -> None:
    store = hub.store

    def in_phase(workshop_id: str) -> bool:
        # Phones get the wall and their `me` only in Open Space's phase: a hall
        # joining during the barometer costs no wall each. The state push that
        # enters the phase refreshes both (refreshed_with_state).
        return store.workshop(workshop_id)["phase"] == NAME

    def flush_wall(workshop_id: str) -> None:
        full = store.wall(workshop_id, include_hidden=True)
        public = rules.public_wall(full)
        hub.emit_staff(workshop_id, "wall", full, public)
        if in_phase(workshop_id):
            hub.emit_phones(workshop_id, "wall", public)

    def flush_me(workshop_id: str) -> None:
        # After a facilitator's merge, hide or dots change: every phone's own view.
        if not in_phase(workshop_id):
            return
        for conn in hub.phones(workshop_id):
            socketio.emit("me", store.openspace_me(workshop_id, conn.participant_id), to=conn.sid)

    hub.flushers["wall"] = flush_wall
    hub.flushers["me"] = flush_me
    hub.each_process.add("me")  # flush_me sends to this process's phones
    hub.refreshed_with_state.update(("wall", "me"))

    def send_staff(conn, _workshop) -> None:
        socketio.emit("wall", store.wall(conn.workshop_id, include_hidden=runs(conn.role)), to=conn.sid)

    def send_participant(conn, workshop) -> None:
        if workshop["phase"] != NAME:
            return
        socketio.emit("wall", store.wall(conn.workshop_id, include_hidden=False), to=conn.sid)
        socketio.emit("me", store.openspace_me(conn.workshop_id, conn.participant_id), to=conn.sid)

    hub.on_connect[FACILITATOR].append(send_staff)
    hub.on_connect[PROJECTOR].append(send_staff)
    hub.on_connect[PARTICIPANT].append(send_participant)

    def done(conn, **fields) -> dict:
        """After a committed change: wall marked, `me` pushed and acked."""
        hub.changed(conn.workshop_id, "wall")
        me = store.openspace_me(conn.workshop_id, conn.participant_id)
        socketio.emit("me", me, to=conn.sid)
        return ok(**fields, me=me)

    @socketio.on("topic")
    @participant_event(hub)
    def topic(conn, data):
        fields = rules.validate_topic(data)
        topic_id = store.add_topic(conn.workshop_id, proposed_by=conn.participant_id, **fields)
        return done(conn, id=topic_id)

    @socketio.on("interest")
    @participant_event(hub)
    def interest(conn, data):
        topic_id, on = _topic_id(data), _on(data)
        store.set_interest(conn.workshop_id, topic_id, conn.participant_id, on)
        return done(conn, topic=topic_id, on=on)

    @socketio.on("here")
    @participant_event(hub)
    def here(conn, data):
        if "topic" not in data:
            raise Invalid("topic is required (null to leave).")
        topic_id = optional_id(data["topic"], "topic")
        store.set_here(conn.workshop_id, conn.participant_id, topic_id)
        return done(conn, topic=topic_id)

    @socketio.on("vote")
    @participant_event(hub)
    def vote(conn, data):
        topic_id, on = _topic_id(data), _on(data)
        store.set_vote(conn.workshop_id, topic_id, conn.participant_id, on)
        return done(conn, topic=topic_id, on=on)

    @socketio.on("claim")
    @participant_event(hub)
    def claim(conn, data):
        topic_id = _topic_id(data)
        space, slot = parse_id(data.get("space"), "space"), parse_id(data.get("slot"), "slot")
        store.place_topic(conn.workshop_id, topic_id, space, slot, claimed_by=conn.participant_id)
        return done(conn, topic=topic_id, space=space, slot=slot)

    @socketio.on("note")
    @participant_event(hub)
    def note(conn, data):
        topic_id = _topic_id(data)
        fields = rules.validate_note(data)
        saved = store.add_note(conn.workshop_id, topic_id, conn.participant_id, **fields)
        return done(conn, id=saved["id"], version=saved["version"], note=saved)

    @socketio.on("note_edit")
    @participant_event(hub)
    def note_edit(conn, data):
        note_id = parse_id(data.get("id"), "note")
        text = rules.validate_note_text(data.get("text"))
        try:
            saved = store.edit_note(conn.workshop_id, note_id, conn.participant_id, text, data.get("version"))
        except rules.StaleNote as stale:
            # Never last-write-wins: the phone gets the current text to compare.
            return {**error(stale.message, conn.lang), "conflict": True, "current": stale.current}
        return done(conn, id=note_id, version=saved["version"], note=saved)
