"""HTTP: workshop templates ("mallar"; docs/protocol.md, "Workshop templates").

    POST /api/workshops/<id>/template    "Spara som mall"            -> 201 the template
    GET  /api/templates                  the organiser's list
    GET  /api/templates/<id>             the versioned JSON document
    POST /api/templates                  import: that JSON; or statements as
                                         text/plain (one a line) or text/csv, ?title=

Each method gives its own part of a template (``Method.template``); the core
frames the document and never looks inside a part. An import is checked
whole before anything is written, so bad input changes nothing.
"""

from __future__ import annotations

from flask import Blueprint, jsonify, request

from workshop.domain import templates as rules
from workshop.domain.errors import Invalid
from workshop.domain.workshops import validate_title
from workshop.web.access import admin_only, facilitates_any_time
from workshop.web.context import registry, store
from workshop.web.validation import body_bytes, json_body, parse_json

bp = Blueprint("api_templates", __name__)


def capture(workshop: dict) -> dict:
    """The workshop as a template document: each method's part (participants'
    data is never part of one)."""
    parts = {
        name: part.capture(store(), workshop["id"]) for name, part in registry().template_parts().items()
    }
    doc = rules.document(workshop["title"], workshop["language"], parts)
    return validate(doc)


def validate(doc) -> dict:
    return rules.validate_document(doc, {n: p.validate for n, p in registry().template_parts().items()})


def apply(template: dict, workshop_id: str) -> None:
    """Fill a new workshop from a stored (so already checked) template."""
    parts = registry().template_parts()
    for name, part in template["methods"].items():
        if name in parts:
            parts[name].apply(store(), workshop_id, part)


@bp.post("/api/workshops/<workshop_id>/template")
@facilitates_any_time
def save_as_template(workshop):
    """Optional body {"title"}: the template's name (else the workshop's)."""
    doc = capture(workshop)
    if request.content_length:
        title = json_body("title").get("title")
        if title is not None:
            doc["title"] = validate_title(title)
    template = store().create_template(doc)
    return jsonify(template), 201


@bp.get("/api/templates")
@admin_only
def index():
    return jsonify(templates=store().templates())


@bp.get("/api/templates/<template_id>")
@admin_only
def show(template_id):
    return jsonify(store().template(template_id))


def _statements_document(kind: str) -> dict:
    taker = registry().statements_taker()
    if taker is None:
        raise Invalid("No method here takes plain statements.")
    try:
        text = body_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise Invalid("The request is not valid UTF-8.") from None
    texts = rules.statement_csv(text) if kind == "text/csv" else rules.statement_lines(text)
    name = next(n for n, p in registry().template_parts().items() if p is taker)
    title = validate_title(request.args.get("title", ""))
    return validate(rules.document(title, "sv", {name: taker.from_statements(texts)}))


@bp.post("/api/templates")
@admin_only
def create():
    kind = request.mimetype
    if kind in ("text/plain", "text/csv"):
        doc = _statements_document(kind)
    elif request.is_json:
        doc = validate(parse_json(body_bytes()))
    else:
        raise Invalid("Send the template as JSON, or statements as text/plain or text/csv.")
    return jsonify(store().create_template(doc)), 201
