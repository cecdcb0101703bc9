"""Staff credentials, pure: sessions, invites and projector pairing codes.

A session is what a browser holds after signing in (the admin token, a
workshop key, an invite or a paired projector): a random token in an
HttpOnly cookie. Only its SHA-256 is stored, so a copy of the database
opens no console. An invite's secret is stored the same way.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from workshop.domain.text import clean_text

# A signed-in browser stays signed in across restarts, for a working month.
SESSION_DAYS = 30
# A projector's pairing code is typed within minutes, or shown anew.
PAIRING_MINUTES = 10
# No 0/O, 1/I/L: read off a projected screen across a room.
PAIRING_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ"
PAIRING_LENGTH = 4
NAME_MAX = 80
# What a projector paired by its code is called in the staff list.
PAIRED_NAME = "projector"


def new_token() -> str:
    return secrets.token_urlsafe(32)


def new_id() -> str:
    return secrets.token_hex(6)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def expires_at(now: datetime, *, days: float = 0, minutes: float = 0) -> str:
    return (now + timedelta(days=days, minutes=minutes)).isoformat(timespec="milliseconds")


def now() -> datetime:
    return datetime.now(UTC)


def expired(at: str | None, moment: datetime) -> bool:
    return at is not None and datetime.fromisoformat(at) <= moment


def new_pairing_code() -> str:
    return "".join(secrets.choice(PAIRING_LETTERS) for _ in range(PAIRING_LENGTH))


def normalise_pairing_code(raw) -> str | None:
    """What a facilitator typed ("abcd", "AB CD") as a code, or None."""
    if not isinstance(raw, str):
        return None
    code = "".join(raw.split()).upper()
    if len(code) != PAIRING_LENGTH or any(c not in PAIRING_LETTERS for c in code):
        return None
    return code


def validate_name(raw) -> str:
    """A staff member's name for the list ("Anna – mobil"); may be empty."""
    if raw is None or raw == "":
        return ""
    return clean_text(raw, "name", max_len=NAME_MAX, min_len=0, multiline=False)
