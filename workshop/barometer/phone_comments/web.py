"""HTTP: the barometer's settings and the moderation of comments from phones.

GET   /barometer                                    read: {"phone_comments": bool, "turn_seconds": int}
PATCH /barometer {"phone_comments"?: bool, "turn_seconds"?: 0..600}   facilitator (0: no limit per turn)
GET   /statements/<sid>/phone-comments              facilitator (pending ones are unmoderated text)
PATCH /statements/<sid>/phone-comments/<cid> {"status"?: "approved"|"rejected", "text"?}
PUT   /statements/<sid>/shown-comment {"comment": cid | null}   the one on the projector
"""

from __future__ import annotations

from flask import Blueprint, jsonify

from workshop.barometer.floor.live import floor_changed
from workshop.barometer.phone_comments import domain as rules
from workshop.barometer.phone_comments.live import comments_changed
from workshop.domain.parse import optional_id
from workshop.web.access import facilitates, reads
from workshop.web.context import hub, store
from workshop.web.validation import json_body, required

bp = Blueprint("barometer_comments", __name__)


@bp.get("/barometer")
@reads
def settings(workshop):
    return jsonify(store().barometer_settings(workshop["id"]))


@bp.patch("/barometer")
@facilitates
def update_settings(workshop):
    changes = rules.validate_settings(json_body("phone_comments", "turn_seconds"))
    result = store().update_barometer_settings(workshop["id"], **changes)
    hub().push_state(workshop["id"])  # phones learn at once whether they may write
    floor_changed(hub(), workshop["id"])  # the speaker's countdown follows a new limit
    return jsonify(result)


@bp.get("/statements/<int:statement_id>/phone-comments")
@facilitates
def index(workshop, statement_id):
    return jsonify(comments=store().phone_comments(workshop["id"], statement_id))


@bp.patch("/statements/<int:statement_id>/phone-comments/<int:comment_id>")
@facilitates
def moderate(workshop, statement_id, comment_id):
    changes = rules.parse_moderation(json_body("status", "text"))
    comment = store().moderate_phone_comment(workshop["id"], statement_id, comment_id, **changes)
    comments_changed(hub(), workshop["id"])
    return jsonify(comment)


@bp.put("/statements/<int:statement_id>/shown-comment")
@facilitates
def show(workshop, statement_id):
    comment_id = optional_id(required(json_body("comment"), "comment"), "comment")
    store().show_phone_comment(workshop["id"], statement_id, comment_id)
    comments_changed(hub(), workshop["id"])
    staff, _projector = rules.shown_views(store().shown_phone_comment(workshop["id"]))
    return jsonify(staff)
