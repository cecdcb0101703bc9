"""Reading JSON bodies: a clear 400 for anything that is not a JSON object."""
from __future__ import annotations

from flask import request

from ..domain.errors import Invalid


def json_body(*allowed: str) -> dict:
    """The body as a dict; unknown fields are refused so typos are not ignored."""
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise Invalid("Send a JSON object (Content-Type: application/json).")
    unknown = sorted(set(data) - set(allowed))
    if allowed and unknown:
        raise Invalid("Unknown field: %(field)s.", field=", ".join(unknown))
    return data


def required(data: dict, field: str):
    if field not in data:
        raise Invalid("%(field)s is required.", field=field)
    return data[field]
