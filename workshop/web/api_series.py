"""HTTP: a series of workshops compared side by side (docs/protocol.md, "Series").

POST /api/series {"title"}                 -> 201 the series
GET  /api/series                           the organiser's list
PUT  /api/series/<id>/workshops {"ids"}    its workshops, in order
GET  /api/series/<id>                      the workshops and each method's matched items
"""

from __future__ import annotations

from importlib import import_module

from flask import Blueprint, Response, jsonify, request

from workshop.domain.errors import Invalid, NotFound
from workshop.domain.workshops import validate_title
from workshop.i18n import normalise_language
from workshop.render.appendix_view import slug
from workshop.render.offload import run_off_loop
from workshop.web.access import admin_only
from workshop.web.api_export import FORMATS, no_store
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


def matched(data: dict) -> dict:
    """Each method's matched items ("statements", "questions", "topics"), as its
    part names them; two parts naming the same key is a bug, refused."""
    out: dict = {}
    for name, part in registry().series_parts():
        if part.matched:
            for key, value in part.matched(data[name]).items():
                if key in out:
                    raise ValueError(f"series key {key!r} of {name!r} is already taken")
                out[key] = value
    return out


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
    return jsonify({**series, **matched(data)})


def render_series(fmt: str, series: dict, parts: list, json_parts: dict, lang: str) -> bytes:
    """In the pool (matplotlib, fpdf2 and python-docx are imported there)."""
    export = import_module("workshop.render.export_series")
    view = export.build(series, parts, json_parts, lang)
    return export.RENDERERS[fmt](view)


def _rendered(series_id: str, fmt: str) -> tuple[dict, str, bytes]:
    lang = normalise_language(request.args.get("lang", "sv"))
    if lang is None:
        raise Invalid("lang must be sv or en.")
    series = store().series(series_id)
    data = comparison(series)  # read on this greenlet, rendered in the pool
    parts = [(part.blocks, data[name]) for name, part in registry().series_parts()]
    return series, lang, run_off_loop(render_series, fmt, series, parts, matched(data), lang)


@bp.get("/<series_id>/summary.html")
@admin_only
def summary(series_id):
    """The comparison as an HTML fragment for the series page (escaped on the server)."""
    _series, _lang, body = _rendered(series_id, "fragment")
    return no_store(Response(body, content_type="text/html; charset=utf-8"))


@bp.get("/<series_id>/export.<fmt>")
@admin_only
def export(series_id, fmt):
    """The series appendix; ?lang=sv|en (default sv)."""
    if fmt not in FORMATS:
        raise NotFound("Unknown export format: %(format)s.", format=fmt)
    series, lang, body = _rendered(series_id, fmt)
    _name, content_type, ext = FORMATS[fmt]
    response = Response(body, content_type=content_type)
    stem = "serie" if lang == "sv" else "series"
    response.headers["Content-Disposition"] = (
        f"attachment; filename={stem}-{slug(series['title']) or series['id']}.{ext}"
    )
    if fmt == "html":
        response.headers["Content-Security-Policy"] = (
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
        )
    return no_store(response)
