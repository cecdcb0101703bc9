"""Socket.IO connect: phones come with a join code, staff with a workshop id
and key; anything else is refused with a message the client can show."""
from __future__ import annotations

from flask_socketio import ConnectionRefusedError

from ..i18n import DEFAULT_LANGUAGE, normalise_language, translator
from .participant import connect_participant
from .staff import connect_staff


def register(socketio, hub) -> None:
    @socketio.on("connect")
    def connect(auth=None):
        auth = auth if isinstance(auth, dict) else {}
        if "code" in auth:
            connect_participant(hub, auth)
        elif "workshop" in auth:
            connect_staff(hub, auth, hub.admin_token)
        else:
            lang = normalise_language(auth.get("lang")) or DEFAULT_LANGUAGE
            raise ConnectionRefusedError(translator(lang)("Join with a workshop code."))
