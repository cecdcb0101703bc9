"""The minute-taker's page, /minutes/<id>: a shell like the console's.

Who may use it is decided by the API it calls (minute-taker, facilitator,
admin); without such a credential the script shows the console's way in.
Each method's part comes from ``templates/<m>/minutes.html`` and
``static/js/<m>/minutes.js`` (methods with "minutes" in ``Method.pages``).
"""

from __future__ import annotations

from flask import Blueprint

from workshop.auth import FACILITATOR
from workshop.live.hub import room
from workshop.web.context import hub
from workshop.web.pages import page, workshop_or_404

bp = Blueprint("minutes_page", __name__)


@bp.get("/minutes/<workshop_id>")
def minutes(workshop_id):
    return page("minutes.html", workshop=workshop_or_404(workshop_id))


def tell_writers(workshop_id: str, path: str, saved: dict) -> None:
    """After a save: everyone who runs the workshop (facilitators and
    minute-takers share a room) hears the new version, so a page that was
    not editing shows it at once; one that was keeps its text and gets the
    conflict when it saves (docs/protocol.md: `minutes`)."""
    payload = {"path": path, **{k: saved[k] for k in ("text", "version", "updated_at")}}
    hub().socketio.emit("minutes", payload, to=room(workshop_id, FACILITATOR))
