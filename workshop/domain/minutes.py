"""The minutes ("protokollsanteckning"): one text per statement or question,
written by the minute-taker or the facilitator, every saved version kept.

Pure. Each method stores its own minutes (its migrations and storage); the
rules here are the same for all: what a body may hold, and the optimistic
version check its storage calls inside the writing transaction, so two
writers never overwrite each other silently.
"""

from __future__ import annotations

from workshop.domain.errors import Conflict, Invalid, Stale
from workshop.domain.text import clean_text, require_int

MAX_MINUTES = 20_000
# A version is a count of saves; far below SQLite's range.
MAX_VERSION = 1_000_000_000


class StaleMinutes(Stale):
    """Someone saved these minutes since the writer loaded them; carries the
    current text and version so the page can show both."""

    def __init__(self, current: dict):
        # Spelled as a Conflict(...) call so `make extract-messages` finds the msgid.
        said = Conflict(
            "Someone else saved these minutes while you were writing. Your text is not saved: "
            "keep theirs or overwrite with yours."
        )
        super().__init__(said.message, current)


def validate_minutes(data: dict) -> tuple[str, int]:
    """{"text", "version"}: the text (may be empty: the minutes cleared) and
    the version the writer saw (0: none saved yet)."""
    if "version" not in data:
        raise Invalid("version is required: the version of the minutes you edited (0 for new).")
    if "text" not in data:
        raise Invalid("text is required.")
    text = clean_text(data["text"], "text", max_len=MAX_MINUTES, min_len=0)
    version = require_int(data["version"], "version", lo=0, hi=MAX_VERSION)
    return text, version


def check_version(current: dict, seen: int) -> int:
    """The next version, if the writer saw the current one; else StaleMinutes."""
    if seen != current["version"]:
        raise StaleMinutes(current)
    return current["version"] + 1


def prefilled(text: str) -> dict:
    """What GET gives before anyone wrote: a suggestion (version 0)."""
    return {"text": text, "version": 0, "updated_at": None, "versions": 0, "prefilled": True}
