"""HTTP: a series of workshops compared side by side (docs/protocol.md, "Series").

POST /api/series {"title"}                 -> 201 the series
GET  /api/series                           the organiser's list
PUT  /api/series/<id>/workshops {"ids"}    its workshops, in order
GET  /api/series/<id>                      the workshops and each method's matched items
"""

from __future__ import annotations

from flask import Blueprint, jsonify

from workshop.domain.errors import Invalid
from workshop.domain.workshops import validate_title
from workshop.web.access import admin_only
from workshop.web.context import registry, store
from workshop.web.validation import json_body, required

bp = Blueprint("api_series", __name__, url_prefix="/api/series")
SERIES_MAX = 50


def parse_ids(value) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(i, str) and i for i in value):
        raise Invalid("ids must be a list of workshop ids.")
    if len(value) > SERIES_MAX:
        raise Invalid("A series holds at most %(max)d workshops.", max=SERIES_MAX)
    if len(set(value)) != len(value):
        raise Invalid("Each workshop may be in the series once.")
    return value


def comparison(series: dict) -> dict:
    """Each method's data read from the series' workshops, by method name."""
    return {name: part.read(store(), series["workshops"]) for name, part in registry().series_parts()}


@bp.post("")
@admin_only
def create():
    title = validate_title(required(json_body("title"), "title"))
    return jsonify(store().create_series(title)), 201


@bp.get("")
@admin_only
def index():
    return jsonify(series=store().series_list())


@bp.put("/<series_id>/workshops")
@admin_only
def set_workshops(series_id):
    ids = parse_ids(required(json_body("ids"), "ids"))
    return jsonify(store().set_series_workshops(series_id, ids))


@bp.get("/<series_id>")
@admin_only
def show(series_id):
    series = store().series(series_id)
    data = comparison(series)
    matched = {name: part.matched(data[name]) for name, part in registry().series_parts() if part.matched}
    return jsonify({**series, **matched})
