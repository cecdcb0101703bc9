"""HTTP: Åsiktsbarometer statements, open/close, the facilitator's comments, distribution.

Thin: validate the body with the domain, write with the store (which checks
the rules inside its transaction), tell the hub.
"""

from __future__ import annotations

from flask import Blueprint, g, jsonify

from workshop.auth import for_role
from workshop.barometer import domain as rules
from workshop.barometer.domain_summary import verbal_summary
from workshop.barometer.floor import web as web_floor
from workshop.barometer.live import round_started, send_statements, statements_changed
from workshop.barometer.minutes import web as web_minutes
from workshop.barometer.phone_comments import web as web_comments
from workshop.barometer.replay import web as web_replay
from workshop.domain.parse import parse_bool
from workshop.web.access import facilitates, reads, writes
from workshop.web.context import hub, store
from workshop.web.validation import json_body, required

bp = Blueprint("barometer", __name__, url_prefix="/api/workshops/<workshop_id>/statements")


@bp.get("")
@reads
def index(workshop):
    return jsonify(statements=store().statements(workshop["id"]))


@bp.post("")
@facilitates
def create(workshop):
    text = rules.validate_statement_text(required(json_body("text"), "text"))
    (statement,) = store().add_statements(workshop["id"], [text])
    statements_changed(hub(), workshop["id"])
    return jsonify(statement), 201


@bp.post("/bulk")
@facilitates
def create_many(workshop):
    texts = rules.split_bulk(required(json_body("text"), "text"))
    statements = store().add_statements(workshop["id"], texts)
    statements_changed(hub(), workshop["id"])
    return jsonify(statements=statements), 201


@bp.put("/order")
@facilitates
def reorder(workshop):
    store().reorder_statements(workshop["id"], required(json_body("ids"), "ids"))
    statements_changed(hub(), workshop["id"])
    return jsonify(statements=store().statements(workshop["id"]))


@bp.get("/<int:statement_id>")
@reads
def show(workshop, statement_id):
    statement = store().statement(workshop["id"], statement_id)
    statement["comments"] = store().comments(workshop["id"], statement_id)
    return jsonify(statement)


@bp.patch("/<int:statement_id>")
@facilitates
def update(workshop, statement_id):
    data = json_body("text", "hidden", "texts")
    changes = {}
    if "text" in data:
        changes["text"] = rules.validate_statement_text(data["text"])
    if "texts" in data:
        changes["texts"] = rules.validate_texts(data["texts"])
    if "hidden" in data:
        changes["hidden"] = parse_bool(data["hidden"], "hidden")
    statement = store().update_statement(workshop["id"], statement_id, **changes)
    statements_changed(hub(), workshop["id"])
    return jsonify(statement)


@bp.delete("/<int:statement_id>")
@facilitates
def delete(workshop, statement_id):
    store().delete_statement(workshop["id"], statement_id)
    statements_changed(hub(), workshop["id"])
    return "", 204


@bp.post("/<int:statement_id>/open")
@facilitates
def open_statement(workshop, statement_id):
    store().open_for_answers(workshop["id"], statement_id)
    hub().push_state(workshop["id"])
    send_statements(hub(), workshop["id"])
    return jsonify(store().statement(workshop["id"], statement_id))


@bp.post("/<int:statement_id>/close")
@facilitates
def close_statement(workshop, statement_id):
    store().close_for_answers(workshop["id"], statement_id)
    hub().push_state(workshop["id"])
    send_statements(hub(), workshop["id"])
    return jsonify(store().statement(workshop["id"], statement_id))


@bp.post("/<int:statement_id>/reveal")
@facilitates
def reveal(workshop, statement_id):
    statement = store().update_statement(workshop["id"], statement_id, hidden=False)
    statements_changed(hub(), workshop["id"])
    return jsonify(statement)


@bp.get("/<int:statement_id>/distribution")
@reads
def distribution(workshop, statement_id):
    statement = store().statement(workshop["id"], statement_id)
    dist = store().distribution(statement_id)
    full = {**dist.as_dict(), "round": statement["round"]}
    if statement["status"] == "closed":
        # The words the projector shows (or would, if hidden), for the
        # facilitator to read out without turning round.
        full["summary"] = verbal_summary(dist.values, dist.passes).text(workshop["language"])
    public = {**dist.public(statement["hidden"]), "round": statement["round"]}
    return jsonify(for_role(g.role, full, public))


@bp.post("/<int:statement_id>/rounds")
@facilitates
def ask_again(workshop, statement_id):
    """ "Fråga igen": round 2 (3, …) of a closed statement opens; phones start unplaced."""
    statement = store().ask_again(workshop["id"], statement_id)
    round_started(hub(), workshop["id"])
    hub().push_state(workshop["id"])
    send_statements(hub(), workshop["id"])
    return jsonify(statement), 201


@bp.get("/<int:statement_id>/comments")
@reads
def facilitator_comments(workshop, statement_id):
    return jsonify(comments=store().comments(workshop["id"], statement_id))


@bp.post("/<int:statement_id>/comments")
@writes
def add_facilitator_comment(workshop, statement_id):
    text = rules.validate_comment(required(json_body("text"), "text"))
    comment = store().add_comment(workshop["id"], statement_id, text)
    statements_changed(hub(), workshop["id"])
    return jsonify(comment), 201


@bp.delete("/<int:statement_id>/comments/<int:comment_id>")
@facilitates
def delete_comment(workshop, statement_id, comment_id):
    store().delete_comment(workshop["id"], statement_id, comment_id)
    statements_changed(hub(), workshop["id"])
    return "", 204


# The method's whole HTTP API: the statements above, plus the floor, the
# comments from phones (and the setting that allows them), the replay and the minutes.
api = Blueprint("barometer_api", __name__, url_prefix="/api/workshops/<workshop_id>")
api.register_blueprint(bp, url_prefix="/statements")
for part in (web_floor, web_comments, web_replay, web_minutes):
    api.register_blueprint(part.bp)
