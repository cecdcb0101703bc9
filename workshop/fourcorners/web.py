"""HTTP: Fyra hörn questions, open/close, comments, tally.

Thin: validate the body with the domain, write with the store (which checks
the rules inside its transaction), tell the hub.
"""

from __future__ import annotations

from flask import Blueprint, g, jsonify

from workshop.auth import WRITES, for_role
from workshop.domain import minutes as minutes_rules
from workshop.domain.parse import ID_MAX
from workshop.fourcorners import domain as rules
from workshop.fourcorners.live import questions_changed
from workshop.web.access import facilitates, reads, requires, writes
from workshop.web.context import hub, store
from workshop.web.minutes_page import tell_writers
from workshop.web.validation import json_body, required

# Ids in paths as in bodies: 1..2^63-1, so a huge one is a 404, never a driver overflow.
Q = f"<int(min=1, max={ID_MAX}):question_id>"
C = f"<int(min=1, max={ID_MAX}):comment_id>"

bp = Blueprint("fourcorners", __name__, url_prefix="/api/workshops/<workshop_id>/corners")


@bp.get("")
@reads
def index(workshop):
    return jsonify(questions=store().fc_questions(workshop["id"]))


@bp.post("")
@facilitates
def create(workshop):
    data = json_body("text", "labels")
    text = rules.validate_question_text(required(data, "text"))
    labels = rules.validate_labels(required(data, "labels"))
    question = store().fc_add_question(workshop["id"], text, labels)
    questions_changed(hub(), workshop["id"])
    return jsonify(question), 201


@bp.get(f"/{Q}")
@reads
def show(workshop, question_id):
    question = store().fc_question(workshop["id"], question_id)
    question["comments"] = store().fc_comments(workshop["id"], question_id)
    return jsonify(question)


@bp.patch(f"/{Q}")
@facilitates
def update(workshop, question_id):
    data = json_body("text", "labels", "texts")
    text = rules.validate_question_text(data["text"]) if "text" in data else None
    labels = rules.validate_labels(data["labels"]) if "labels" in data else None
    texts = rules.validate_texts(data["texts"]) if "texts" in data else None
    question = store().fc_update_question(workshop["id"], question_id, text=text, labels=labels, texts=texts)
    questions_changed(hub(), workshop["id"])
    return jsonify(question)


@bp.delete(f"/{Q}")
@facilitates
def delete(workshop, question_id):
    store().fc_delete_question(workshop["id"], question_id)
    questions_changed(hub(), workshop["id"])
    return "", 204


@bp.post(f"/{Q}/open")
@facilitates
def open_question(workshop, question_id):
    question = store().fc_open(workshop["id"], question_id)
    hub().push_state(workshop["id"])  # also refreshes the tally (refreshed_with_state)
    questions_changed(hub(), workshop["id"])
    return jsonify(question)


@bp.post(f"/{Q}/close")
@facilitates
def close_question(workshop, question_id):
    question = store().fc_close(workshop["id"], question_id)
    hub().push_state(workshop["id"])
    questions_changed(hub(), workshop["id"])
    return jsonify(question)


@bp.get(f"/{Q}/tally")
@reads
def tally(workshop, question_id):
    store().fc_question(workshop["id"], question_id)  # 404 if not this workshop's
    result = store().fc_tally(question_id)
    return jsonify(for_role(g.role, result.as_dict(), result.public()))


@bp.get(f"/{Q}/comments")
@reads
def comments(workshop, question_id):
    return jsonify(comments=store().fc_comments(workshop["id"], question_id))


@bp.post(f"/{Q}/comments")
@writes
def add_comment(workshop, question_id):
    text = rules.validate_comment(required(json_body("text"), "text"))
    comment = store().fc_add_comment(workshop["id"], question_id, text)
    return jsonify(comment), 201


@bp.delete(f"/{Q}/comments/{C}")
@facilitates
def delete_comment(workshop, question_id, comment_id):
    store().fc_delete_comment(workshop["id"], question_id, comment_id)
    return "", 204


# -- the minutes of a question: as the barometer's statements' (docs/protocol.md);
# nothing to suggest before anyone wrote (version 0, empty).
@bp.get(f"/{Q}/minutes")
@requires(*WRITES)
def minutes(workshop, question_id):
    saved = store().fc_minutes(workshop["id"], question_id)
    return jsonify(saved or {**minutes_rules.prefilled(""), "prefilled": False})


@bp.put(f"/{Q}/minutes")
@requires(*WRITES)
def save_minutes(workshop, question_id):
    text, seen = minutes_rules.validate_minutes(json_body("text", "version"))
    saved = store().fc_save_minutes(workshop["id"], question_id, text, seen, g.role)
    tell_writers(workshop["id"], f"/corners/{question_id}/minutes", saved)
    return jsonify(saved)


@bp.get(f"/{Q}/minutes/history")
@requires(*WRITES)
def minutes_history(workshop, question_id):
    return jsonify(versions=store().fc_minutes_history(workshop["id"], question_id))
