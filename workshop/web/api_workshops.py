"""HTTP: workshops and their phase."""

from __future__ import annotations

from flask import Blueprint, current_app, g, jsonify

from workshop.auth import ADMIN, FACILITATOR
from workshop.domain import workshops as rules
from workshop.domain.errors import Invalid
from workshop.domain.parse import parse_bool
from workshop.domain.retention import deletion_time
from workshop.domain.small_groups import parse_min_group
from workshop.domain.texts import parse_projector_languages
from workshop.domain.workshops import screen_view
from workshop.web import api_templates
from workshop.web.access import admin_only, facilitates, facilitates_any_time, reads
from workshop.web.context import hub, registry, store
from workshop.web.links import workshop_links
from workshop.web.validation import json_body, required

bp = Blueprint("api_workshops", __name__, url_prefix="/api/workshops")


def parse_template_id(value) -> str:
    if not isinstance(value, str) or not value:
        raise Invalid("template must be a template's id.")
    return value


def facilitator_view(workshop: dict) -> dict:
    return {
        **screen_view(workshop),
        "min_group": workshop["min_group"],
        "facilitator_key": workshop["facilitator_key"],
        "projector_key": workshop["projector_key"],
        **workshop_links(workshop),
    }


@bp.post("")
@admin_only
def create():
    """{"title", "language"?, "template"?}: "Ny workshop från mall" fills it
    from a stored template (its language unless one is given)."""
    data = json_body("title", "language", "template")
    title = rules.validate_title(required(data, "title"))
    template = None
    if data.get("template") is not None:
        template = store().template(parse_template_id(data["template"]))
    language = rules.validate_language(data.get("language") or (template or {}).get("language"))
    workshop = store().create_workshop(title, language)
    if template is not None:
        api_templates.apply(template, workshop["id"])
    return jsonify(facilitator_view(workshop)), 201


@bp.get("")
@admin_only
def index():
    # refused_guesses: join attempts stopped by the wrong-code budget since start.
    # deleted_on: the day retention deletes it (None: kept; WORKSHOP_RETENTION_DAYS).
    days = current_app.config["SETTINGS"].retention_days
    workshops = store().list_workshops()
    for w in workshops:
        when = deletion_time(w.pop("ended_at"), days)
        w["deleted_on"] = when.date().isoformat() if when else None
    return jsonify(
        workshops=workshops,
        retention_days=days,
        refused_guesses=current_app.extensions["workshop.join_guard"].refused,
    )


def _holds_keys() -> bool:
    """The keys go to the organiser and to whoever sent the facilitator key
    itself; never to a session or an invite (revoking them must be the end)."""
    return g.role == ADMIN or (g.role == FACILITATOR and g.get("staff_id") is None)


@bp.get("/<workshop_id>")
@reads
def show(workshop):
    view = facilitator_view(workshop) if _holds_keys() else screen_view(workshop)
    view["role"] = g.role
    view["min_group"] = workshop["min_group"]  # small groups protected (domain/small_groups.py)
    view["participants"] = store().participant_count(workshop["id"])
    for method in registry().methods:
        if method.workshop_fields:
            view.update(method.workshop_fields(store(), workshop["id"]))
    return jsonify(view)


@bp.patch("/<workshop_id>")
@facilitates
def update(workshop):
    """{"locked"?: true}: "Stäng för nya deltagare" (known phones still rejoin);
    {"min_group"?: 1..10}: small groups protected;
    {"projector_languages"?: ["sv", "en"]}: the projector in two languages.
    Everything is checked before anything is written."""
    data = json_body("locked", "min_group", "projector_languages")
    if not data:
        raise Invalid("Send locked, min_group or projector_languages.")
    locked = parse_bool(data["locked"], "locked") if "locked" in data else None
    min_group = parse_min_group(data["min_group"]) if "min_group" in data else None
    languages = None
    if "projector_languages" in data:
        languages = parse_projector_languages(data["projector_languages"], workshop["language"])
    workshop = store().update_workshop_settings(
        workshop["id"], locked=locked, min_group=min_group, projector_languages=languages
    )
    hub().push_state(workshop["id"])
    return jsonify(facilitator_view(workshop))


@bp.delete("/<workshop_id>")
@facilitates_any_time
def delete(workshop):
    hub().workshop_deleted(workshop["id"])
    store().delete_workshop(workshop["id"])
    return "", 204


@bp.post("/<workshop_id>/phase")
@facilitates
def set_phase(workshop):
    phase = rules.validate_phase(required(json_body("phase"), "phase"), registry().names)
    store().set_phase(workshop["id"], phase)
    hub().push_state(workshop["id"])
    return jsonify(phase=phase)


@bp.put("/<workshop_id>/projector")
@facilitates
def set_projector(workshop):
    """{"view": "<name>" | null}: what the room sees; null lets the projector
    follow the phase. Connected projectors switch at once, and one that
    reloads or reconnects comes back to it (state.projector.view)."""
    view = rules.validate_projector_view(required(json_body("view"), "view"), registry().projector_views)
    store().set_projector_view(workshop["id"], view)
    hub().push_staff_state(workshop["id"])
    return jsonify(view=view)
