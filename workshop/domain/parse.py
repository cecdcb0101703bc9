"""Small parsers for values clients send: ids, booleans, clock times.

General, not tied to a method: every door (HTTP bodies, socket payloads,
path segments) reads ids and flags through these, so a rule such as "an id
is a positive whole number below 2^63" is written once.
"""

from __future__ import annotations

import re

from workshop.domain.errors import Invalid

# SQLite stores integers as signed 64-bit: an id must fit, or a lookup
# would overflow in the driver instead of answering "no such thing".
ID_MAX = 2**63 - 1

_CLOCK = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


def parse_id(value, field: str) -> int:
    """A client's id: a positive int below 2^63 (never a bool, never "12")."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= ID_MAX:
        raise Invalid("%(field)s must be the id of a %(field)s.", field=field)
    return value


def optional_id(value, field: str) -> int | None:
    return None if value is None else parse_id(value, field)


def parse_bool(value, field: str) -> bool:
    if not isinstance(value, bool):
        raise Invalid("%(field)s must be true or false.", field=field)
    return value


def parse_clock(value, field: str) -> str:
    """ "HH:MM", 00:00..23:59; "9:00" is refused so slots sort as text."""
    if not isinstance(value, str) or not _CLOCK.match(value.strip()):
        raise Invalid("%(field)s must be a time as HH:MM, from 00:00 to 23:59.", field=field)
    return value.strip()
