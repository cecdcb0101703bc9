"""The barometer's part of a workshop template: its statements, in order,
each with a key that workshops made from the template keep (the series
matches statements by it), and its settings. Never positions or comments."""

from __future__ import annotations

import secrets

from workshop.barometer.domain import validate_statement_text, validate_texts
from workshop.barometer.floor.domain import parse_turn_seconds
from workshop.domain.errors import Invalid
from workshop.domain.parse import parse_bool
from workshop.domain.templates import STATEMENTS_MAX, items, part_fields, validate_key
from workshop.method import TemplatePart

NAME = "barometer"


def new_key() -> str:
    return secrets.token_hex(6)


def capture(store, workshop_id: str) -> dict:
    """Statements keep the key they came with; a new one is given and kept by
    this workshop too, so it matches the workshops made from the template."""
    origins = store.statement_origins(workshop_id)
    fresh = {sid: new_key() for sid, origin in origins.items() if origin is None}
    store.set_statement_origins(workshop_id, fresh)
    keys = {**origins, **fresh}
    return {
        "statements": [
            {"key": keys[s["id"]], "text": s["text"], **({"texts": s["texts"]} if s["texts"] else {})}
            for s in store.statements(workshop_id)
        ],
        "settings": store.barometer_settings(workshop_id),
    }


def _statement(item, index: int) -> dict:
    field = f"methods.barometer.statements[{index}]"
    item = part_fields(item, NAME, ("key", "text", "texts"))
    texts = validate_texts(item["texts"]) if "texts" in item else {}
    return {
        "key": validate_key(item.get("key"), field + ".key"),
        "text": validate_statement_text(item.get("text")),
        **({"texts": texts} if texts else {}),
    }


def validate(part) -> dict:
    part = part_fields(part, NAME, ("statements", "settings"))
    statements = [
        _statement(item, i)
        for i, item in enumerate(items(part.get("statements"), "statements", most=STATEMENTS_MAX))
    ]
    if len({s["key"] for s in statements}) != len(statements):
        raise Invalid("Each statement's key must be unique in the template.")
    settings = part_fields(part.get("settings", {}), NAME, ("phone_comments", "turn_seconds"))
    return {
        "statements": statements,
        "settings": {
            "phone_comments": parse_bool(settings.get("phone_comments", False), "phone_comments"),
            # The limit per turn of Ordet (0: none); templates from before have none.
            "turn_seconds": parse_turn_seconds(settings.get("turn_seconds", 0)),
        },
    }


def apply(store, workshop_id: str, part: dict) -> None:
    statements = part["statements"]
    if statements:
        made = store.add_statements(
            workshop_id, [s["text"] for s in statements], origins=[s["key"] for s in statements]
        )
        for statement, item in zip(made, statements, strict=True):
            if item.get("texts"):
                store.update_statement(workshop_id, statement["id"], texts=item["texts"])
    store.update_barometer_settings(workshop_id, **part["settings"])


def from_statements(texts: list[str]) -> dict:
    return validate({"statements": [{"key": new_key(), "text": t} for t in texts]})


PART = TemplatePart(capture=capture, validate=validate, apply=apply, from_statements=from_statements)
