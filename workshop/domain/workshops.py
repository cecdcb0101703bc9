"""Workshops: titles, languages, phases and join codes."""

from __future__ import annotations

import secrets

from workshop.domain.errors import Conflict, Invalid
from workshop.domain.text import clean_text

# Before and after the methods; each method's name is a phase in between.
LOBBY, ENDED = "lobby", "ended"
LANGUAGES = ("sv", "en")
# What anyone who may see a workshop at all is shown of it (never its keys).
PUBLIC = ("id", "code", "title", "language", "phase", "locked", "created_at")
TITLE_MAX = 200
# Six digits: easy to read aloud and to type on a phone's number pad.
CODE_DIGITS = 6


def validate_title(value) -> str:
    return clean_text(value, "title", max_len=TITLE_MAX, multiline=False)


def validate_language(value) -> str:
    if value is None:
        return "sv"
    if value not in LANGUAGES:
        raise Invalid('language must be "sv" or "en".')
    return value


def phases(methods: tuple[str, ...]) -> tuple[str, ...]:
    return (LOBBY, *methods, ENDED)


def validate_phase(value, methods: tuple[str, ...]) -> str:
    allowed = phases(methods)
    if value not in allowed:
        raise Invalid("phase must be one of: %(phases)s.", phases=", ".join(allowed))
    return value


# The projector's own views, around the methods' (Method.projector_views):
# the join QR code, and the thank-you once the workshop has ended.
LOBBY_VIEW, THANKS_VIEW = "lobby", "thanks"


def projector_views(by_method: dict[str, tuple[str, ...]]) -> dict[str, str | None]:
    """Every view the projector offers -> the method that shows it (None: the
    core). A name belongs to one owner only, so a stored name is never ambiguous."""
    owners: dict[str, str | None] = {LOBBY_VIEW: None}
    for method, views in by_method.items():
        for view in views:
            if view in owners or view == THANKS_VIEW:
                raise ValueError(f"projector view {view!r} of {method!r} is already taken")
            owners[view] = method
    owners[THANKS_VIEW] = None
    return owners


def validate_projector_view(value, offered) -> str | None:
    """What the facilitator pins on the projector: one of the offered views,
    or None to let the projector follow the phase by itself."""
    if value is None:
        return None
    if not isinstance(value, str) or value not in offered:
        raise Invalid("view must be null or one of: %(views)s.", views=", ".join(offered))
    return value


def projector_state(view: str | None, offered) -> dict:
    """`state.projector`: the pinned view (None = automatic; a name no method
    offers any more counts as automatic), the views there are to pin, and
    whose each is (`owners`: view -> method, null for the core's), so the
    console can offer the running method's views beside the core's."""
    return {"view": view if view in offered else None, "views": list(offered), "owners": dict(offered)}


def public_view(workshop: dict) -> dict:
    return {k: workshop[k] for k in PUBLIC}


def screen_view(workshop: dict) -> dict:
    """What staff screens read of a workshop: the public fields, and the
    projector's languages (the workshop's, or it and one more)."""
    return {**public_view(workshop), "projector_languages": workshop["projector_languages"]}


def check_joinable(workshop: dict) -> None:
    """May a new phone join? (A phone that already joined rejoins with its
    token whatever this says: it keeps its place and its answers.)"""
    if workshop["phase"] == ENDED:
        raise Conflict("The workshop has ended. Thank you!")
    if workshop["locked"]:
        raise Conflict("This workshop is closed to new participants. Ask the facilitator.")


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
