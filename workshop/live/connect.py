"""Socket.IO connect and disconnect, for every method.

Phones come with a join code (and their token, if they have one); staff
with a workshop id and a key. Anything else is refused with a message the
client can show. Roles are resolved by ``workshop.auth``.

    phone:  auth={"code": "123456", "participant"?: <token>, "lang"?: "sv"|"en",
                   "reading"?: "sv"|"en"|"sv-x-lattlast"}  (live/reading.py)
    staff:  auth={"workshop": <id>, "key": <facilitator or projector key, or an invite's secret>,
                   "deltas"?: true}
            or auth={"workshop": <id>} from a signed-in browser (its session cookie)
            "as": "projector" (the projector page): joins as a projector whatever the role

Socket.IO accepts connections only from our own origin
(``cors_allowed_origins``, set in ``create_app``).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app, request
from flask_socketio import ConnectionRefusedError

from workshop.auth import ADJUSTER, PARTICIPANT, PROJECTOR, role_for, session_role
from workshop.domain.errors import DomainError, NotFound
from workshop.domain.workshops import normalise_code, public_view
from workshop.i18n import DEFAULT_LANGUAGE, normalise_language, translator
from workshop.live import reading
from workshop.live.hub import Connection


def _lang(auth: dict) -> str | None:
    return normalise_language(auth.get("lang"))


def _refused(err: DomainError, lang: str) -> ConnectionRefusedError:
    text = translator(lang)(err.message)
    return ConnectionRefusedError(text % err.params if err.params else text)


def _returning(store, code: str | None, token) -> tuple[dict | None, dict | None]:
    """A phone that already joined: its token proves it, before any budget."""
    return store.returning_participant(code, token) or (None, None)


def connect_participant(hub, guard, auth: dict) -> None:
    code = normalise_code(auth.get("code"))
    workshop, participant = _returning(hub.store, code, auth.get("participant"))
    try:
        if participant is None:
            # A new phone, or a token from another workshop: a fresh pseudonym,
            # if the code is right, the budget allows and the workshop admits.
            workshop = guard.find(hub.store, request.remote_addr or "", code)
            participant = hub.store.add_participant(workshop["id"])
    except DomainError as err:
        lang = _lang(auth) or (workshop or {}).get("language") or DEFAULT_LANGUAGE
        raise _refused(err, lang) from None
    conn = Connection(
        sid=request.sid,
        workshop_id=workshop["id"],
        role=PARTICIPANT,
        participant_id=participant["id"],
        number=participant["number"],
        lang=_lang(auth) or workshop["language"],
        reading=reading.on_connect(hub.store, participant, workshop, auth.get("reading")),
    )
    hub.socketio.emit(
        "welcome", {"participant": participant["token"], "workshop": public_view(workshop)}, to=request.sid
    )
    hub.attach(conn)
    hub.welcome(conn, workshop)


# The staff session cookie (workshop.web.access.COOKIE; live never imports web).
COOKIE = "workshop_session"


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _our_origin() -> bool:
    """A cookie rides along on its own: a browser page of another site must
    not connect with it. Engine.IO checks ``cors_allowed_origins`` first;
    this holds for the cookie however the connection came."""
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    ours = {_origin(request.host_url), _origin(current_app.config["SETTINGS"].public_url or request.host_url)}
    return origin.lower() in ours


def staff_role(store, workshop: dict, key, admin_token: str) -> tuple[str | None, str | None]:
    """(role, staff id): a key or invite secret if sent, else the session cookie."""
    if key:
        role = role_for(workshop, key, admin_token)
        if role is not None:
            return role, None
        invite = store.invite_by_secret(key)
        if invite is not None and invite["workshop_id"] == workshop["id"]:
            return invite["role"], invite["id"]
        return None, None
    if not _our_origin():
        return None, None
    session = store.session_by_token(request.cookies.get(COOKIE))
    role = session_role(session, workshop["id"])
    return role, session["id"] if role else None


def connect_staff(hub, auth: dict) -> None:
    tr = translator(_lang(auth) or DEFAULT_LANGUAGE)
    try:
        workshop = hub.store.workshop(str(auth.get("workshop")))
    except NotFound:
        raise ConnectionRefusedError(tr("No such workshop.")) from None
    role, staff = staff_role(hub.store, workshop, auth.get("key"), hub.admin_token)
    if role is None or role == ADJUSTER:  # an adjuster reads the appendix only, never the live view
        raise ConnectionRefusedError(tr("Wrong or missing key for this workshop."))
    if auth.get("as") == PROJECTOR:
        # The projector page of a signed-in facilitator: the room sees what a
        # projector sees (no hidden positions), whatever the cookie could see.
        role = PROJECTOR
    # Deltas only with one process: a cluster's windows are cut by whichever
    # process flushes, so there every screen gets full aggregates.
    deltas = auth.get("deltas") is True and hub.single_process
    conn = Connection(sid=request.sid, workshop_id=workshop["id"], role=role, staff=staff, deltas=deltas)
    hub.attach(conn)
    hub.welcome(conn, workshop)


def register(socketio, hub, guard) -> None:
    @socketio.on("connect")
    def connect(auth=None):
        auth = auth if isinstance(auth, dict) else {}
        if "code" in auth:
            connect_participant(hub, guard, auth)
        elif "workshop" in auth:
            connect_staff(hub, auth)
        else:
            lang = _lang(auth) or DEFAULT_LANGUAGE
            raise ConnectionRefusedError(translator(lang)("Join with a workshop code."))

    @socketio.on("disconnect")
    def disconnect(*_reason):
        hub.detach(request.sid)
