"""HTTP: decisions and next steps, at workshop level (facilitator or minute-taker).

GET    /api/workshops/<id>/decisions                       {"decisions": [...]}
POST   /api/workshops/<id>/decisions {"text", "who"?, "when"?}   201 the decision
PATCH  /api/workshops/<id>/decisions/<did> {"text"?, "who"?, "when"?}
DELETE /api/workshops/<id>/decisions/<did>                  204

Rules: domain/decisions.py; SQL: storage/decisions.py. Staff pages hear
`decisions` on the socket after every change.
"""

from __future__ import annotations

from flask import Blueprint, jsonify

from workshop.auth import FACILITATOR
from workshop.domain import decisions as rules
from workshop.live.hub import room
from workshop.web.access import writes
from workshop.web.context import hub, store
from workshop.web.validation import json_body

bp = Blueprint("api_decisions", __name__, url_prefix="/api/workshops/<workshop_id>/decisions")


def _changed(workshop_id: str) -> None:
    """Everyone who runs the workshop sees the new list (staff room: facilitators and minute-takers)."""
    hub().socketio.emit(
        "decisions", {"decisions": store().decisions(workshop_id)}, to=room(workshop_id, FACILITATOR)
    )


@bp.get("")
@writes
def index(workshop):
    return jsonify(decisions=store().decisions(workshop["id"]))


@bp.post("")
@writes
def create(workshop):
    fields = rules.validate_decision(json_body("text", "who", "when"))
    decision = store().add_decision(workshop["id"], **fields)
    _changed(workshop["id"])
    return jsonify(decision), 201


@bp.patch("/<int:decision_id>")
@writes
def update(workshop, decision_id):
    changes = rules.validate_changes(json_body("text", "who", "when"))
    decision = store().update_decision(workshop["id"], decision_id, **changes)
    _changed(workshop["id"])
    return jsonify(decision)


@bp.delete("/<int:decision_id>")
@writes
def delete(workshop, decision_id):
    store().delete_decision(workshop["id"], decision_id)
    _changed(workshop["id"])
    return "", 204
