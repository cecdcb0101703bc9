"""Validation of the free text people type: titles, statements, comments."""

from __future__ import annotations

import re
import unicodedata

from workshop.domain.errors import Invalid

# Control characters (C0, DEL, C1) but newline and tab.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Half of a UTF-16 pair on its own: not a character, and not encodable as
# UTF-8, so SQLite and Jinja would fail on it (a socket payload or a JSON
# "\ud800" escape can deliver one).
_SURROGATES = re.compile("[\ud800-\udfff]")


def clean_text(value, field: str, *, max_len: int, min_len: int = 1, multiline: bool = True) -> str:
    """Strip, check type and length (in characters), and return the text.

    Control characters other than newline and tab are removed, so a pasted
    text cannot smuggle in terminal escapes (C1's CSI included) or NULs.
    """
    if not isinstance(value, str):
        raise Invalid("%(field)s must be text.", field=field)
    if _SURROGATES.search(value):
        raise Invalid("%(field)s contains invalid characters.", field=field)
    if not multiline:
        value = value.replace("\n", " ").replace("\t", " ")
    text = _CONTROLS.sub("", value).strip()
    if not multiline:
        text = " ".join(text.split())
    if len(text) < min_len:
        raise Invalid("%(field)s must not be empty.", field=field)
    if len(text) > max_len:
        raise Invalid("%(field)s is too long (at most %(max)d characters).", field=field, max=max_len)
    return text


def optional_text(value, field: str, *, max_len: int, multiline: bool = True) -> str | None:
    """Like clean_text, but None or blank means "not given"."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return clean_text(value, field, max_len=max_len, multiline=multiline)


def require_int(value, field: str, *, lo: int, hi: int) -> int:
    # bool is an int in Python; true/false is never a number here.
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid("%(field)s must be a whole number.", field=field)
    if not lo <= value <= hi:
        raise Invalid("%(field)s must be between %(lo)d and %(hi)d.", field=field, lo=lo, hi=hi)
    return value


ELLIPSIS = "…"
# Code points that belong to the character before them: a cut just before
# one would strip an accent off its letter or split an emoji sequence.
_JOINER = "\u200d"


def _continues(char: str) -> bool:
    return unicodedata.category(char) in ("Mn", "Mc", "Me") or char == _JOINER or "\ufe00" <= char <= "\ufe0f"


def shorten(text: str, limit: int) -> str:
    """``text`` at most ``limit`` characters: as it is when it fits, else cut
    with "…" at the end (counted in the limit), never inside a letter with its
    combining marks or an emoji joined by ZWJ, without a dangling space.
    For fields with a hard length cap (Word's core properties: 255)."""
    if len(text) <= limit:
        return text
    cut = limit - len(ELLIPSIS)
    while cut > 0 and (_continues(text[cut]) or text[cut - 1] == _JOINER):
        cut -= 1
    return text[:cut].rstrip() + ELLIPSIS
