"""A phone's reading language ("Språk"): the language its `state` carries
statements and questions in (docs/protocol.md, "language at join").

The phone says it when it connects (auth ``"reading"``) and when the person
switches (the ``reading`` event). It is kept with the participant, so a
reconnect, another tab or a restart keeps it. Only words change: a switch
never touches a position or a corner, and there is one distribution.

    reading {"language": "en"} -> {"ok": true, "language": "en"}, then that phone's `state` again
"""

from __future__ import annotations

from workshop.domain.errors import Invalid
from workshop.domain.texts import parse_reading
from workshop.live.acks import ok, participant_event


def on_connect(store, participant: dict, workshop: dict, sent) -> str | None:
    """The language a connecting phone reads in: the one it sent, if the
    workshop can offer it (kept, when it changed), else the one kept.
    A bad value does not refuse the connection: the phone still joins."""
    try:
        reading = parse_reading(sent, workshop["language"]) if sent is not None else None
    except Invalid:
        reading = None
    kept = participant.get("language")
    if reading is None:
        return kept
    # Written only when it changes: most phones read the workshop's own
    # language (kept as None), and a reconnect storm must not write per phone.
    if reading != (kept or workshop["language"]):
        store.set_participant_language(participant["id"], reading)
    return reading


def switch(hub, conn, data: dict) -> dict:
    workshop = hub.store.workshop(conn.workshop_id)
    reading = parse_reading(data.get("language"), workshop["language"])
    hub.store.set_participant_language(conn.participant_id, reading)
    for phone in hub.phones(conn.workshop_id):  # this person's other tabs in this process too
        if phone.participant_id == conn.participant_id:
            phone.reading = reading
    hub.resend_phone_state(conn.participant_id, workshop)
    return ok(language=reading)


def register(socketio, hub) -> None:
    def reading(conn, data):
        return switch(hub, conn, data)

    socketio.on("reading")(participant_event(hub)(reading))
