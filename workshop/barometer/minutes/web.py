"""HTTP: the minutes of a statement ("Protokollsanteckning").

GET /statements/<sid>/minutes                  minute-taker, facilitator: {"text", "version", "updated_at", "versions", "prefilled"}
PUT /statements/<sid>/minutes {"text", "version"}   the same; 409 with {"current"} on a stale version
GET /statements/<sid>/minutes/history          every saved version, newest first
GET /statements/<sid>/minutes/sources          the facilitator's comments and the approved phone comments

Before anyone wrote, GET suggests the verbal summary of the statement's
positions (version 0, "prefilled": true); saving it makes version 1.
"""

from __future__ import annotations

from flask import Blueprint, g, jsonify

from workshop.auth import WRITES
from workshop.barometer.domain_summary import verbal_summary
from workshop.domain import minutes as rules
from workshop.web.access import requires
from workshop.web.context import store
from workshop.web.minutes_page import tell_writers
from workshop.web.validation import json_body

bp = Blueprint("barometer_minutes", __name__)
minutes_access = requires(*WRITES)


def _suggestion(workshop: dict, statement_id: int) -> str:
    """The verbal summary of the positions so far ("" before anyone stood)."""
    dist = store().distribution(statement_id)
    if not dist.values and not dist.passes:
        return ""
    return verbal_summary(dist.values, dist.passes).text(workshop["language"])


@bp.get("/statements/<int:statement_id>/minutes")
@minutes_access
def show(workshop, statement_id):
    saved = store().statement_minutes(workshop["id"], statement_id)
    return jsonify(saved or rules.prefilled(_suggestion(workshop, statement_id)))


@bp.put("/statements/<int:statement_id>/minutes")
@minutes_access
def save(workshop, statement_id):
    text, seen = rules.validate_minutes(json_body("text", "version"))
    saved = store().save_statement_minutes(workshop["id"], statement_id, text, seen, g.role)
    tell_writers(workshop["id"], f"/statements/{statement_id}/minutes", saved)
    return jsonify(saved)


@bp.get("/statements/<int:statement_id>/minutes/history")
@minutes_access
def history(workshop, statement_id):
    return jsonify(versions=store().statement_minutes_history(workshop["id"], statement_id))


@bp.get("/statements/<int:statement_id>/minutes/sources")
@minutes_access
def sources(workshop, statement_id):
    """What the minutes are written from: the facilitator's comments and the
    approved comments from phones (by region, never by person; pending ones
    are not the minute-taker's to read)."""
    comments = store().comments(workshop["id"], statement_id)
    approved = [
        {"id": c["id"], "text": c["text"], "region": c["region"], "created_at": c["created_at"]}
        for c in store().phone_comments(workshop["id"], statement_id)
        if c["status"] == "approved"
    ]
    return jsonify(comments=comments, phone_comments=approved)
