"""HTTP: Open Space for the facilitator (spaces, slots, topics, placement,
merge, settings) and the wall for facilitator and projector.

Thin: parse with the domain, write with the store, then mark the wall
changed so every screen gets it within one coalescing window. Changes that
alter what a phone's own `me` says (merge, hide, dots) mark "me" too.
"""

from __future__ import annotations

from flask import Blueprint, g, jsonify

from workshop.auth import runs
from workshop.domain.parse import parse_bool, parse_id
from workshop.openspace import domain as rules
from workshop.web.access import facilitates, reads, writes
from workshop.web.context import hub, store
from workshop.web.validation import json_body, required

bp = Blueprint("openspace", __name__, url_prefix="/api/workshops/<workshop_id>")


def _changed(workshop_id: str, *more: str) -> None:
    hub().changed(workshop_id, "wall", *more)


@bp.get("/wall")
@reads
def wall(workshop):
    # Hidden topics are the facilitator's alone; the projector key never sees them.
    return jsonify(store().wall(workshop["id"], include_hidden=runs(g.role)))


@bp.patch("/openspace")
@facilitates
def settings(workshop):
    changes = rules.validate_settings(json_body(*rules.DEFAULT_SETTINGS))
    result = store().update_openspace_settings(workshop["id"], **changes)
    _changed(workshop["id"], *(("me",) if "dots" in changes else ()))
    return jsonify(result)


# -- spaces ---------------------------------------------------------------------
@bp.post("/spaces")
@facilitates
def create_space(workshop):
    fields = rules.validate_space(json_body("name", "capacity"))
    space = store().add_space(workshop["id"], **fields)
    _changed(workshop["id"])
    return jsonify(space), 201


@bp.patch("/spaces/<int:space_id>")
@facilitates
def update_space(workshop, space_id):
    store().space(workshop["id"], space_id)
    fields = rules.validate_space(json_body("name", "capacity"), partial=True)
    space = store().update_space(workshop["id"], space_id, **fields)
    _changed(workshop["id"])
    return jsonify(space)


@bp.delete("/spaces/<int:space_id>")
@facilitates
def delete_space(workshop, space_id):
    store().delete_space(workshop["id"], space_id)
    _changed(workshop["id"])
    return "", 204


# -- slots ----------------------------------------------------------------------
SLOT_FIELDS = ("label", "starts_at", "minutes", "kind")


@bp.post("/slots")
@facilitates
def create_slot(workshop):
    fields = rules.validate_slot(json_body(*SLOT_FIELDS))
    slot = store().add_slot(workshop["id"], **fields)
    _changed(workshop["id"])
    return jsonify(slot), 201


@bp.patch("/slots/<int:slot_id>")
@facilitates
def update_slot(workshop, slot_id):
    store().slot(workshop["id"], slot_id)
    fields = rules.validate_slot(json_body(*SLOT_FIELDS), partial=True)
    slot = store().update_slot(workshop["id"], slot_id, **fields)
    _changed(workshop["id"])
    return jsonify(slot)


@bp.post("/slots/<int:slot_id>/shift")
@facilitates
def shift_slots(workshop, slot_id):
    minutes = rules.validate_shift(json_body("minutes"))
    slots = store().shift_slots(workshop["id"], slot_id, minutes)
    _changed(workshop["id"])
    return jsonify({"slots": slots})


@bp.delete("/slots/<int:slot_id>")
@facilitates
def delete_slot(workshop, slot_id):
    store().delete_slot(workshop["id"], slot_id)
    _changed(workshop["id"])
    return "", 204


# -- topics ---------------------------------------------------------------------
TOPIC_FIELDS = ("title", "description", "convener")


@bp.post("/topics")
@facilitates
def create_topic(workshop):
    # The facilitator writes up a topic on someone's behalf: no proposer.
    fields = rules.validate_topic(json_body(*TOPIC_FIELDS))
    topic_id = store().add_topic(workshop["id"], **fields)
    _changed(workshop["id"])
    return jsonify(store().topic(workshop["id"], topic_id)), 201


@bp.patch("/topics/<int:topic_id>")
@facilitates
def update_topic(workshop, topic_id):
    store().topic(workshop["id"], topic_id)
    data = json_body(*TOPIC_FIELDS, "hidden")
    fields = rules.validate_topic(data, partial=True)
    if "hidden" in data:
        fields["hidden"] = parse_bool(data["hidden"], "hidden")
    store().update_topic(workshop["id"], topic_id, **fields)
    _changed(workshop["id"], *(("me",) if "hidden" in fields else ()))
    return jsonify(store().topic(workshop["id"], topic_id))


@bp.put("/topics/<int:topic_id>/placement")
@facilitates
def place_topic(workshop, topic_id):
    data = json_body("space", "slot")
    space, slot = rules.parse_placement(required(data, "space"), required(data, "slot"))
    store().place_topic(workshop["id"], topic_id, space, slot)
    _changed(workshop["id"])
    return jsonify(store().topic(workshop["id"], topic_id))


@bp.post("/topics/<int:topic_id>/merge")
@facilitates
def merge_topic(workshop, topic_id):
    into = parse_id(required(json_body("into"), "into"), "into")
    store().merge_topics(workshop["id"], topic_id, into)
    _changed(workshop["id"], "me")
    return jsonify(store().topic(workshop["id"], into))


@bp.post("/topics/<int:topic_id>/notes")
@writes
def add_note(workshop, topic_id):
    """{"text", "kind"?, "who"?, "when"?}: a note by the facilitator or the
    minute-taker, on any topic (phones write theirs over the socket)."""
    fields = rules.validate_note(json_body("text", "kind", "who", "when"))
    note = store().add_note(workshop["id"], topic_id, None, staff=True, **fields)
    _changed(workshop["id"])
    return jsonify(note), 201
