"""Socket.IO, projector and facilitator: connect with auth={"workshop": <id>,
"key": <projector_key or facilitator_key>}. Staff only listen: every facilitator
action goes over HTTP with its key, so no socket event can change state
on a participant's say-so.
"""
from __future__ import annotations

import hmac

from flask import request
from flask_socketio import ConnectionRefusedError

from ..domain.errors import NotFound
from ..i18n import DEFAULT_LANGUAGE, normalise_language, translator
from .hub import FACILITATOR, PROJECTOR, Connection


def _role(workshop: dict, key, admin_token: str) -> str | None:
    if not isinstance(key, str) or not key:
        return None
    same = lambda a, b: bool(b) and hmac.compare_digest(a.encode(), b.encode())  # noqa: E731
    if same(key, workshop["facilitator_key"]) or same(key, admin_token):
        return FACILITATOR
    if same(key, workshop["projector_key"]):
        return PROJECTOR
    return None


def connect_staff(hub, auth: dict, admin_token: str) -> None:
    t = translator(normalise_language(auth.get("lang")) or DEFAULT_LANGUAGE)
    try:
        workshop = hub.store.workshop(str(auth.get("workshop")))
    except NotFound:
        raise ConnectionRefusedError(t("No such workshop."))
    role = _role(workshop, auth.get("key"), admin_token)
    if role is None:
        raise ConnectionRefusedError(t("Wrong or missing key for this workshop."))
    conn = Connection(sid=request.sid, workshop_id=workshop["id"], role=role)
    hub.attach(conn)
    hub.socketio.emit("state", hub.staff_state(workshop), to=request.sid)
    hub.socketio.emit("presence", hub.presence(workshop["id"]), to=request.sid)
    statement = hub.store.open_statement(workshop["id"])
    if statement:
        dist = hub.store.distribution(statement["id"])
        hidden = statement["hidden"] and role == PROJECTOR
        hub.socketio.emit("distribution", dist.hidden() if hidden else dist.as_dict(), to=request.sid)
    for send_initial in hub.on_staff_connect:
        send_initial(conn)
