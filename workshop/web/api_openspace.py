"""HTTP: Open Space for the facilitator (spaces, slots, topics, placement,
merge, settings) and the wall for facilitator and projector.

Thin: parse with the domain, write with the store, then mark the wall
changed so every screen gets it within one coalescing window. Changes that
alter what a phone's own `me` says (merge, hide, dots) mark "me" too.
"""
from __future__ import annotations

from flask import Blueprint, jsonify

from ..domain import openspace as rules
from ..domain.parse import parse_bool, parse_id
from .auth import FACILITATOR, require
from .context import hub, store
from .validation import json_body, required

bp = Blueprint("api_openspace", __name__, url_prefix="/api/workshops/<workshop_id>")


def _facilitate(workshop_id: str) -> None:
    require(store().workshop(workshop_id), write=True)


def _changed(workshop_id: str, *more: str) -> None:
    hub().changed(workshop_id, "wall", *more)


@bp.get("/wall")
def wall(workshop_id):
    role = require(store().workshop(workshop_id), write=False)
    # Hidden topics are the facilitator's alone; the projector key never sees them.
    return jsonify(store().wall(workshop_id, include_hidden=role == FACILITATOR))


@bp.patch("/openspace")
def settings(workshop_id):
    _facilitate(workshop_id)
    changes = rules.validate_settings(json_body(*rules.DEFAULT_SETTINGS))
    result = store().update_openspace_settings(workshop_id, **changes)
    _changed(workshop_id, *(("me",) if "dots" in changes else ()))
    return jsonify(result)


# -- spaces ---------------------------------------------------------------------
@bp.post("/spaces")
def create_space(workshop_id):
    _facilitate(workshop_id)
    fields = rules.validate_space(json_body("name", "capacity"))
    space = store().add_space(workshop_id, **fields)
    _changed(workshop_id)
    return jsonify(space), 201


@bp.patch("/spaces/<int:space_id>")
def update_space(workshop_id, space_id):
    _facilitate(workshop_id)
    store().space(workshop_id, space_id)
    fields = rules.validate_space(json_body("name", "capacity"), partial=True)
    space = store().update_space(workshop_id, space_id, **fields)
    _changed(workshop_id)
    return jsonify(space)


@bp.delete("/spaces/<int:space_id>")
def delete_space(workshop_id, space_id):
    _facilitate(workshop_id)
    store().delete_space(workshop_id, space_id)
    _changed(workshop_id)
    return "", 204


# -- slots ----------------------------------------------------------------------
SLOT_FIELDS = ("label", "starts_at", "minutes", "kind")


@bp.post("/slots")
def create_slot(workshop_id):
    _facilitate(workshop_id)
    fields = rules.validate_slot(json_body(*SLOT_FIELDS))
    slot = store().add_slot(workshop_id, **fields)
    _changed(workshop_id)
    return jsonify(slot), 201


@bp.patch("/slots/<int:slot_id>")
def update_slot(workshop_id, slot_id):
    _facilitate(workshop_id)
    store().slot(workshop_id, slot_id)
    fields = rules.validate_slot(json_body(*SLOT_FIELDS), partial=True)
    slot = store().update_slot(workshop_id, slot_id, **fields)
    _changed(workshop_id)
    return jsonify(slot)


@bp.delete("/slots/<int:slot_id>")
def delete_slot(workshop_id, slot_id):
    _facilitate(workshop_id)
    store().delete_slot(workshop_id, slot_id)
    _changed(workshop_id)
    return "", 204


# -- topics ---------------------------------------------------------------------
TOPIC_FIELDS = ("title", "description", "convener")


@bp.post("/topics")
def create_topic(workshop_id):
    # The facilitator writes up a topic on someone's behalf: no proposer.
    _facilitate(workshop_id)
    fields = rules.validate_topic(json_body(*TOPIC_FIELDS))
    topic_id = store().add_topic(workshop_id, **fields)
    _changed(workshop_id)
    return jsonify(store().topic(workshop_id, topic_id)), 201


@bp.patch("/topics/<int:topic_id>")
def update_topic(workshop_id, topic_id):
    _facilitate(workshop_id)
    store().topic(workshop_id, topic_id)
    data = json_body(*TOPIC_FIELDS, "hidden")
    fields = rules.validate_topic(data, partial=True)
    if "hidden" in data:
        fields["hidden"] = parse_bool(data["hidden"], "hidden")
    store().update_topic(workshop_id, topic_id, **fields)
    _changed(workshop_id, *(("me",) if "hidden" in fields else ()))
    return jsonify(store().topic(workshop_id, topic_id))


@bp.put("/topics/<int:topic_id>/placement")
def place_topic(workshop_id, topic_id):
    _facilitate(workshop_id)
    data = json_body("space", "slot")
    space, slot = rules.parse_placement(required(data, "space"), required(data, "slot"))
    store().place_topic(workshop_id, topic_id, space, slot)
    _changed(workshop_id)
    return jsonify(store().topic(workshop_id, topic_id))


@bp.post("/topics/<int:topic_id>/merge")
def merge_topic(workshop_id, topic_id):
    _facilitate(workshop_id)
    into = parse_id(required(json_body("into"), "into"), "into")
    store().merge_topics(workshop_id, topic_id, into)
    _changed(workshop_id, "me")
    return jsonify(store().topic(workshop_id, into))
