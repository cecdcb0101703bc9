"""Reading JSON bodies: the one parser every request body goes through.

Anything malformed is a clear 400 (Invalid) before a handler sees it, so
nothing downstream (SQLite, Jinja, the JSON encoder) can trip over it:

- a Content-Type that is not JSON, or a body that is not a JSON object;
- bytes that are not UTF-8, and lone surrogates written as ``\\ud800``;
- nesting deeper than MAX_DEPTH (Python's parser recurses: ~1000 levels
  would be a RecursionError);
- integers outside SQLite's signed 64-bit range, and NaN / Infinity.
"""

from __future__ import annotations

import json
import math
import re
from itertools import accumulate

from flask import request
from werkzeug.exceptions import RequestEntityTooLarge

from workshop.domain.errors import Invalid
from workshop.domain.parse import ID_MAX
from workshop.web.errors import N_

# Our bodies are flat objects with at most a list inside; 32 is generous.
MAX_DEPTH = 32
# SQLite integers are signed 64-bit; ID_MAX is the top of that range.
INT_MIN, INT_MAX = -ID_MAX - 1, ID_MAX
# A longer number cannot fit; int() of thousands of digits is slow, or refused.
_INT_DIGITS = len(str(INT_MAX))

NOT_AN_OBJECT = N_("Send a JSON object (Content-Type: application/json).")

# A string, to its closing quote (or to the end when it is never closed).
# The unrolled pattern never backtracks: linear in the body's size.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?', re.S)
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}
_SURROGATE = re.compile("[\ud800-\udfff]")
# Only a \uD800-\uDFFF escape can make a lone surrogate (the bytes were
# strict UTF-8), so bodies without one skip the walk over every string.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _check_depth(text: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH before json parses (and recurses).
    The depth is the highest running count of brackets outside strings,
    counted in C (re, accumulate), as a 256 KiB body can hold 100,000."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return  # every real body
    brackets = _NOT_BRACKETS.sub("", _STRING.sub("", text))
    if max(accumulate(map(_STEP.__getitem__, brackets)), default=0) > MAX_DEPTH:
        raise Invalid("The request is nested too deeply (at most %(max)d levels).", max=MAX_DEPTH)


def _int(text: str) -> int:
    value = int(text) if len(text.lstrip("-")) <= _INT_DIGITS else None
    if value is None or not INT_MIN <= value <= INT_MAX:
        raise Invalid(
            "A number in the request is too large (whole numbers must lie between %(min)s and %(max)s).",
            min=str(INT_MIN),
            max=str(INT_MAX),
        )
    return value


def _not_finite(_constant: str = ""):
    """NaN and Infinity (Python reads them; JSON has no such thing), 1e999."""
    raise Invalid("Numbers in the request must be finite.")


def _float(text: str) -> float:
    value = float(text)
    return value if math.isfinite(value) else _not_finite()


def _check_text(value) -> None:
    """Strings (keys too) must be real Unicode: no lone surrogates."""
    if isinstance(value, str):
        texts = (value,)
    elif isinstance(value, dict):
        texts = value.keys()
        for item in value.values():
            _check_text(item)
    elif isinstance(value, list):
        texts = ()
        for item in value:
            _check_text(item)
    else:
        return
    if any(_SURROGATE.search(text) for text in texts):
        raise Invalid("The text in the request is not valid Unicode.")


def parse_json(raw: bytes):
    """Any JSON value from a body's bytes, or Invalid saying what is wrong."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise Invalid("The request is not valid UTF-8.") from None
    _check_depth(text)
    try:
        value = json.loads(text, parse_int=_int, parse_float=_float, parse_constant=_not_finite)
    except json.JSONDecodeError as err:
        raise Invalid(
            "The request is not valid JSON (line %(line)d, column %(column)d).",
            line=err.lineno,
            column=err.colno,
        ) from None
    if _SURROGATE_ESCAPE.search(text):
        _check_text(value)
    return value


def body_bytes() -> bytes:
    """The request's body. A streamed one (chunked: no Content-Length) that
    reaches the size limit is refused as too large (413), like a long
    Content-Length: werkzeug stops reading it at the limit and hands over the
    first 256 KiB, which would otherwise be judged as broken JSON (400)."""
    raw = request.get_data(cache=True)
    limit = request.max_content_length
    if request.content_length is None and limit is not None and len(raw) >= limit:
        raise RequestEntityTooLarge()
    return raw


def json_body(*allowed: str) -> dict:
    """The body as a dict; unknown fields are refused so typos are not ignored."""
    if not request.is_json:
        raise Invalid(NOT_AN_OBJECT)
    data = parse_json(body_bytes())
    if not isinstance(data, dict):
        raise Invalid(NOT_AN_OBJECT)
    unknown = sorted(set(data) - set(allowed))
    if allowed and unknown:
        raise Invalid("Unknown field: %(field)s.", field=", ".join(unknown))
    return data


def required(data: dict, field: str):
    if field not in data:
        raise Invalid("%(field)s is required.", field=field)
    return data[field]
