"""Which language a page speaks: ?lang=, then the visitor's own earlier
choice (cookie), then Accept-Language, then the workshop's language, then
Swedish. The pages the room shares (the projector, the phones) put the
workshop's language before Accept-Language: the projector laptop's browser
settings must not switch a Swedish workshop to English."""

from __future__ import annotations

from flask import g, request
from flask_babel import Babel

from workshop.i18n import DEFAULT_LANGUAGE, LANGUAGES, normalise_language

COOKIE = "lang"


def select_locale() -> str:
    chosen = normalise_language(request.args.get("lang")) or normalise_language(request.cookies.get(COOKIE))
    if chosen:
        return chosen
    workshop = getattr(g, "workshop_language", None)
    if workshop and getattr(g, "workshop_language_first", False):
        return workshop
    return request.accept_languages.best_match(LANGUAGES) or workshop or DEFAULT_LANGUAGE


def speak_workshop_language(workshop: dict) -> None:
    """This request's page speaks the workshop's language unless ?lang= or
    the cookie chose another (see select_locale)."""
    g.workshop_language = workshop["language"]
    g.workshop_language_first = True


def _remember_choice(response):
    chosen = normalise_language(request.args.get("lang"))
    if chosen:
        response.set_cookie(COOKIE, chosen, max_age=365 * 24 * 3600, samesite="Lax")
    return response


def init_babel(app) -> None:
    Babel(app, locale_selector=select_locale)
    app.after_request(_remember_choice)
    app.context_processor(_template_language)


def _template_language() -> dict:
    from flask_babel import get_locale

    return {"lang": str(get_locale() or DEFAULT_LANGUAGE)}
