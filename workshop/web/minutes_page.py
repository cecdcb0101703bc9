"""The minute-taker's page, /minutes/<id>: a shell like the console's.

Who may use it is decided by the API it calls (minute-taker, facilitator,
admin); without such a credential the script shows the console's way in.
Each method's part comes from ``templates/<m>/minutes.html`` and
``static/js/<m>/minutes.js`` (methods with "minutes" in ``Method.pages``).
"""

from __future__ import annotations

from flask import Blueprint

from workshop.web.pages import page, workshop_or_404

bp = Blueprint("minutes_page", __name__)


@bp.get("/minutes/<workshop_id>")
def minutes(workshop_id):
    return page("minutes.html", workshop=workshop_or_404(workshop_id))
