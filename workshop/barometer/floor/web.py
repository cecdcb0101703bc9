"""HTTP: Ordet. The facilitator gives the floor and says "Tack"; staff read it.

GET    /statements/<sid>/floor                       read (the projector gets its part only)
POST   /statements/<sid>/floor {"participant": n|null}  facilitator: "Ge ordet"
DELETE /statements/<sid>/floor                        facilitator: "Tack"
"""

from __future__ import annotations

from flask import Blueprint, g, jsonify

from workshop.auth import for_role
from workshop.barometer.floor import domain as rules
from workshop.barometer.floor.live import floor_changed, stamped
from workshop.web.access import facilitates, reads
from workshop.web.context import hub, store
from workshop.web.validation import json_body

bp = Blueprint("barometer_floor", __name__)


@bp.get("/statements/<int:statement_id>/floor")
@reads
def show(workshop, statement_id):
    statement = store().statement(workshop["id"], statement_id)
    floor = store().floor_of(statement_id, statement["hidden"])
    return jsonify(stamped(for_role(g.role, floor.staff(), floor.projector())))


@bp.post("/statements/<int:statement_id>/floor")
@facilitates
def give(workshop, statement_id):
    number = rules.parse_choice(json_body("participant").get("participant"))
    floor = store().give_floor(workshop["id"], statement_id, number)
    floor_changed(hub(), workshop["id"])
    return jsonify(floor.staff())


@bp.delete("/statements/<int:statement_id>/floor")
@facilitates
def thanks(workshop, statement_id):
    floor = store().end_turn(workshop["id"], statement_id)
    floor_changed(hub(), workshop["id"])
    return jsonify(floor.staff())
