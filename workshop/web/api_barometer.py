"""HTTP: Åsiktsbarometer statements, open/close, comments, distribution."""
from __future__ import annotations

from flask import Blueprint, jsonify

from ..domain import barometer as rules
from ..domain.errors import Conflict, Invalid
from .auth import FACILITATOR, require
from .context import hub, store
from .validation import json_body, required

bp = Blueprint("api_barometer", __name__, url_prefix="/api/workshops/<workshop_id>/statements")


def _facilitate(workshop_id: str) -> dict:
    workshop = store().workshop(workshop_id)
    require(workshop, write=True)
    return workshop


@bp.get("")
def index(workshop_id):
    require(store().workshop(workshop_id), write=False)
    return jsonify(statements=store().statements(workshop_id))


@bp.post("")
def create(workshop_id):
    _facilitate(workshop_id)
    text = rules.validate_statement_text(required(json_body("text"), "text"))
    (statement,) = store().add_statements(workshop_id, [text])
    hub().statements_changed(workshop_id)
    return jsonify(statement), 201


@bp.post("/bulk")
def create_many(workshop_id):
    _facilitate(workshop_id)
    texts = rules.split_bulk(required(json_body("text"), "text"))
    statements = store().add_statements(workshop_id, texts)
    hub().statements_changed(workshop_id)
    return jsonify(statements=statements), 201


@bp.put("/order")
def reorder(workshop_id):
    _facilitate(workshop_id)
    ids = required(json_body("ids"), "ids")
    current = {s["id"] for s in store().statements(workshop_id)}
    if not isinstance(ids, list) or any(isinstance(i, bool) or not isinstance(i, int) for i in ids):
        raise Invalid("ids must be a list of statement ids.")
    if len(ids) != len(current) or set(ids) != current:
        raise Invalid("ids must list every statement of the workshop exactly once.")
    store().reorder_statements(workshop_id, ids)
    hub().statements_changed(workshop_id)
    return jsonify(statements=store().statements(workshop_id))


@bp.get("/<int:statement_id>")
def show(workshop_id, statement_id):
    require(store().workshop(workshop_id), write=False)
    statement = store().statement(workshop_id, statement_id)
    statement["comments"] = store().comments(statement_id)
    return jsonify(statement)


@bp.patch("/<int:statement_id>")
def update(workshop_id, statement_id):
    _facilitate(workshop_id)
    data = json_body("text", "hidden")
    statement = store().statement(workshop_id, statement_id)
    changes = {}
    if "text" in data:
        rules.check_editable(statement["status"])
        changes["text"] = rules.validate_statement_text(data["text"])
    if "hidden" in data:
        if not isinstance(data["hidden"], bool):
            raise Invalid("hidden must be true or false.")
        changes["hidden"] = data["hidden"]
    statement = store().update_statement(workshop_id, statement_id, **changes)
    hub().statements_changed(workshop_id)
    return jsonify(statement)


@bp.delete("/<int:statement_id>")
def delete(workshop_id, statement_id):
    _facilitate(workshop_id)
    statement = store().statement(workshop_id, statement_id)
    if statement["status"] == rules.OPEN:
        raise Conflict("Close the statement before deleting it.")
    store().delete_statement(workshop_id, statement_id)
    hub().statements_changed(workshop_id)
    return "", 204


@bp.post("/<int:statement_id>/open")
def open_statement(workshop_id, statement_id):
    _facilitate(workshop_id)
    store().statement(workshop_id, statement_id)  # 404 if not ours
    store().open_for_answers(workshop_id, statement_id)
    hub().push_state(workshop_id)
    return jsonify(store().statement(workshop_id, statement_id))


@bp.post("/<int:statement_id>/close")
def close_statement(workshop_id, statement_id):
    _facilitate(workshop_id)
    store().statement(workshop_id, statement_id)
    store().close_for_answers(workshop_id, statement_id)
    hub().push_state(workshop_id)
    return jsonify(store().statement(workshop_id, statement_id))


@bp.post("/<int:statement_id>/reveal")
def reveal(workshop_id, statement_id):
    _facilitate(workshop_id)
    store().statement(workshop_id, statement_id)
    statement = store().update_statement(workshop_id, statement_id, hidden=False)
    hub().statements_changed(workshop_id)
    return jsonify(statement)


@bp.get("/<int:statement_id>/distribution")
def distribution(workshop_id, statement_id):
    role = require(store().workshop(workshop_id), write=False)
    statement = store().statement(workshop_id, statement_id)
    dist = store().distribution(statement_id)
    hidden = statement["hidden"] and role != FACILITATOR
    return jsonify(dist.hidden() if hidden else dist.as_dict())


@bp.get("/<int:statement_id>/comments")
def comments(workshop_id, statement_id):
    require(store().workshop(workshop_id), write=False)
    store().statement(workshop_id, statement_id)
    return jsonify(comments=store().comments(statement_id))


@bp.post("/<int:statement_id>/comments")
def add_comment(workshop_id, statement_id):
    _facilitate(workshop_id)
    store().statement(workshop_id, statement_id)
    text = rules.validate_comment(required(json_body("text"), "text"))
    comment = store().add_comment(statement_id, text)
    hub().statements_changed(workshop_id)
    return jsonify(comment), 201


@bp.delete("/<int:statement_id>/comments/<int:comment_id>")
def delete_comment(workshop_id, statement_id, comment_id):
    _facilitate(workshop_id)
    store().statement(workshop_id, statement_id)
    store().delete_comment(statement_id, comment_id)
    hub().statements_changed(workshop_id)
    return "", 204
