"""Workshops: titles, languages, phases and join codes."""
from __future__ import annotations

import secrets

from .errors import Invalid
from .text import clean_text

PHASES = ("lobby", "barometer", "openspace", "ended")
LANGUAGES = ("sv", "en")
TITLE_MAX = 200
# Six digits: easy to read aloud and to type on a phone's number pad.
CODE_DIGITS = 6


def validate_title(value) -> str:
    return clean_text(value, "title", max_len=TITLE_MAX, multiline=False)


def validate_language(value) -> str:
    if value is None:
        return "sv"
    if value not in LANGUAGES:
        raise Invalid("language must be \"sv\" or \"en\".")
    return value


def validate_phase(value) -> str:
    if value not in PHASES:
        raise Invalid("phase must be one of: lobby, barometer, openspace, ended.")
    return value


def new_join_code() -> str:
    return "".join(secrets.choice("0123456789") for _ in range(CODE_DIGITS))


def normalise_code(value) -> str | None:
    """What a person typed ("123 456", "123-456") -> "123456", or None."""
    if not isinstance(value, str):
        return None
    digits = "".join(ch for ch in value if not ch.isspace() and ch != "-")
    # isascii: "١٢٣٤٥٦" and "¹²³⁴⁵⁶" are digits to str.isdigit too
    return digits if len(digits) == CODE_DIGITS and digits.isascii() and digits.isdigit() else None


def new_secret() -> str:
    """Keys and participant tokens: unguessable, URL-safe."""
    return secrets.token_urlsafe(24)
