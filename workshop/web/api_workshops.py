"""HTTP: workshops and their phase."""
from __future__ import annotations

from flask import Blueprint, jsonify

from ..domain import workshops as rules
from .auth import FACILITATOR, require, require_admin
from .context import hub, store
from .links import workshop_links
from .validation import json_body, required

bp = Blueprint("api_workshops", __name__, url_prefix="/api/workshops")

PUBLIC = ("id", "code", "title", "language", "phase", "created_at")


def public_view(workshop: dict) -> dict:
    return {k: workshop[k] for k in PUBLIC}


def facilitator_view(workshop: dict) -> dict:
    return {**public_view(workshop), "facilitator_key": workshop["facilitator_key"],
            "projector_key": workshop["projector_key"], **workshop_links(workshop)}


@bp.post("")
def create():
    require_admin()
    data = json_body("title", "language")
    title = rules.validate_title(required(data, "title"))
    language = rules.validate_language(data.get("language"))
    workshop = store().create_workshop(title, language)
    return jsonify(facilitator_view(workshop)), 201


@bp.get("")
def index():
    require_admin()
    return jsonify(workshops=store().list_workshops())


@bp.get("/<workshop_id>")
def show(workshop_id):
    workshop = store().workshop(workshop_id)
    role = require(workshop, write=False)
    s = store()
    view = facilitator_view(workshop) if role == FACILITATOR else public_view(workshop)
    view["participants"] = s.participant_count(workshop_id)
    view["statements"] = s.statements(workshop_id)
    return jsonify(view)


@bp.delete("/<workshop_id>")
def delete(workshop_id):
    workshop = store().workshop(workshop_id)
    require(workshop, write=True)
    hub().workshop_deleted(workshop_id)
    store().delete_workshop(workshop_id)
    return "", 204


@bp.post("/<workshop_id>/phase")
def set_phase(workshop_id):
    workshop = store().workshop(workshop_id)
    require(workshop, write=True)
    phase = rules.validate_phase(required(json_body("phase"), "phase"))
    store().set_phase(workshop_id, phase)
    hub().push_state(workshop_id)
    return jsonify(phase=phase)
