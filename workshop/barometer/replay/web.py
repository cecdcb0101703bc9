"""HTTP: replay a closed statement on the projector.

GET    /statements/<sid>/replay?round=N                 read: a round's history, as the projector gets it
POST   /statements/<sid>/replay {"speed"?: 1..20, "round"?: 1..}   facilitator: start a round from the beginning
PATCH  /statements/<sid>/replay {"playing"?, "at"?, "speed"?}   facilitator: pause, play, seek
DELETE /statements/<sid>/replay                         facilitator: stop; the projector leaves it
"""

from __future__ import annotations

from flask import Blueprint, g, jsonify, request

from workshop.auth import for_role
from workshop.barometer.replay import domain as rules
from workshop.barometer.replay.live import history_payloads, replay_scrubbed, replay_started
from workshop.domain.parse import parse_bool
from workshop.web.access import facilitates, reads
from workshop.web.context import hub, store
from workshop.web.validation import body_bytes, json_body

bp = Blueprint("barometer_replay", __name__)


def _body(*allowed: str) -> dict:
    """An empty body is fine here (start with the default speed)."""
    return json_body(*allowed) if body_bytes() else {}


@bp.get("/statements/<int:statement_id>/replay")
@reads
def history(workshop, statement_id):
    round_ = request.args.get("round")  # checked against the statement's rounds
    if round_ is not None and round_.isdigit():
        round_ = int(round_)
    return jsonify(for_role(g.role, *history_payloads(store(), workshop["id"], statement_id, round_)))


@bp.post("/statements/<int:statement_id>/replay")
@facilitates
def start(workshop, statement_id):
    data = _body("speed", "round")
    speed = rules.parse_speed(data["speed"]) if "speed" in data else rules.DEFAULT_SPEED
    scrubber = store().start_replay(workshop["id"], statement_id, speed, data.get("round"))
    replay_started(hub(), workshop["id"], statement_id, scrubber.round)
    return jsonify(scrubber.as_dict())


@bp.patch("/statements/<int:statement_id>/replay")
@facilitates
def scrub(workshop, statement_id):
    data = json_body("playing", "at", "speed")
    changes = {}
    if "playing" in data:
        changes["playing"] = parse_bool(data["playing"], "playing")
    if "speed" in data:
        changes["speed"] = rules.parse_speed(data["speed"])
    if "at" in data:
        changes["at"] = data["at"]  # checked against the duration by the store
    scrubber = store().scrub_replay(workshop["id"], statement_id, **changes)
    replay_scrubbed(hub(), workshop["id"])
    return jsonify(scrubber.as_dict())


@bp.delete("/statements/<int:statement_id>/replay")
@facilitates
def stop(workshop, statement_id):
    store().stop_replay(workshop["id"], statement_id)
    hub().push_state(workshop["id"])
    return "", 204
