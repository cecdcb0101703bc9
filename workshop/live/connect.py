"""Socket.IO connect and disconnect, for every method.

Phones come with a join code (and their token, if they have one); staff
with a workshop id and a key. Anything else is refused with a message the
client can show. Roles are resolved by ``workshop.auth``.

    phone:  auth={"code": "123456", "participant"?: <token>, "lang"?: "sv"|"en"}
    staff:  auth={"workshop": <id>, "key": <facilitator or projector key>}
"""
from __future__ import annotations

from flask import request
from flask_socketio import ConnectionRefusedError

from ..auth import PARTICIPANT, role_for
from ..domain.errors import NotFound
from ..domain.workshops import normalise_code
from ..i18n import DEFAULT_LANGUAGE, normalise_language, translator
from .hub import Connection


def _lang(auth: dict) -> str | None:
    return normalise_language(auth.get("lang"))


def connect_participant(hub, auth: dict) -> None:
    t = translator(_lang(auth) or DEFAULT_LANGUAGE)
    code = normalise_code(auth.get("code"))
    workshop = hub.store.workshop_by_code(code) if code else None
    if workshop is None:
        raise ConnectionRefusedError(t("No workshop has that code. Check the code and try again."))
    participant = hub.store.participant_by_token(workshop["id"], auth.get("participant"))
    if participant is None:
        # A new phone, or a token from another workshop: a fresh pseudonym.
        participant = hub.store.add_participant(workshop["id"])
    conn = Connection(sid=request.sid, workshop_id=workshop["id"], role=PARTICIPANT,
                      participant_id=participant["id"], number=participant["number"],
                      lang=_lang(auth) or workshop["language"])
    hub.socketio.emit("welcome", {
        "participant": participant["token"],
        "workshop": {k: workshop[k] for k in ("id", "code", "title", "language", "phase")},
    }, to=request.sid)
    hub.attach(conn)
    hub.welcome(conn)


def connect_staff(hub, auth: dict) -> None:
    t = translator(_lang(auth) or DEFAULT_LANGUAGE)
    try:
        workshop = hub.store.workshop(str(auth.get("workshop")))
    except NotFound:
        raise ConnectionRefusedError(t("No such workshop."))
    role = role_for(workshop, auth.get("key"), hub.admin_token)
    if role is None:
        raise ConnectionRefusedError(t("Wrong or missing key for this workshop."))
    conn = Connection(sid=request.sid, workshop_id=workshop["id"], role=role)
    hub.attach(conn)
    hub.welcome(conn)


def register(socketio, hub) -> None:
    @socketio.on("connect")
    def connect(auth=None):
        auth = auth if isinstance(auth, dict) else {}
        if "code" in auth:
            connect_participant(hub, auth)
        elif "workshop" in auth:
            connect_staff(hub, auth)
        else:
            lang = _lang(auth) or DEFAULT_LANGUAGE
            raise ConnectionRefusedError(translator(lang)("Join with a workshop code."))

    @socketio.on("disconnect")
    def disconnect(*_reason):
        hub.detach(request.sid)
