"""Socket.IO, phones: join by code, then send positions.

Connect with auth={"code": <join code>, "participant": <token, if the
phone has one>, "lang"?: "sv"|"en"}. A wrong code is refused at connect.
"""
from __future__ import annotations

from flask import request
from flask_socketio import ConnectionRefusedError

from ..domain import barometer
from ..domain.errors import Invalid, NotFound
from ..domain.workshops import normalise_code
from ..i18n import DEFAULT_LANGUAGE, normalise_language, translator
from .acks import ok, participant_event
from .hub import PARTICIPANT, Connection


def connect_participant(hub, auth: dict) -> None:
    lang = normalise_language(auth.get("lang")) or DEFAULT_LANGUAGE
    t = translator(lang)
    code = normalise_code(auth.get("code"))
    workshop = hub.store.workshop_by_code(code) if code else None
    if workshop is None:
        raise ConnectionRefusedError(t("No workshop has that code. Check the code and try again."))
    if not auth.get("lang"):
        lang = workshop["language"]
    participant = hub.store.participant_by_token(workshop["id"], auth.get("participant"))
    if participant is None:
        # A new phone, or a token from another workshop: a fresh pseudonym.
        participant = hub.store.add_participant(workshop["id"])
    conn = Connection(sid=request.sid, workshop_id=workshop["id"], role=PARTICIPANT,
                      participant_id=participant["id"], number=participant["number"], lang=lang)
    hub.socketio.emit("welcome", {
        "participant": participant["token"],
        "workshop": {k: workshop[k] for k in ("id", "code", "title", "language", "phase")},
    }, to=request.sid)
    hub.attach(conn)
    hub.socketio.emit("state", hub.participant_state(workshop, participant["id"]), to=request.sid)
    for send_initial in hub.on_participant_connect:
        send_initial(conn)


def register(socketio, hub) -> None:
    @socketio.on("position")
    @participant_event(hub)
    def position(conn, data):
        statement_id = data.get("statement")
        if isinstance(statement_id, bool) or not isinstance(statement_id, int):
            raise Invalid("statement must be the id of the open statement.")
        value = barometer.parse_position(data.get("value"))
        try:
            statement = hub.store.statement(conn.workshop_id, statement_id)
        except NotFound:
            raise NotFound("No such statement.")
        barometer.check_open_for_positions(statement["status"])
        hub.store.record_position(statement_id, conn.participant_id, value)
        hub.changed(conn.workshop_id, "distribution")
        return ok(statement=statement_id, value=barometer.position_for_phone(value, True))

    @socketio.on("disconnect")
    def disconnect(*_reason):
        hub.detach(request.sid)
