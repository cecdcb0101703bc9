"""HTTP access: the view decorators that load a workshop and resolve the
caller's role with the rules in ``workshop.auth``.

A request sends ``Authorization: Bearer <admin token or key>``; a browser
download link, which cannot send a header, may carry ``?key=<facilitator
key>`` on a GET (never the admin token: a URL ends up in history and logs).
"""

from __future__ import annotations

import functools

from flask import abort, current_app, g, request

from workshop.auth import ADMIN, FACILITATOR, PROJECTOR, role_for, same
from workshop.web.context import store


def _admin_token() -> str:
    return current_app.config["SETTINGS"].admin_token


def bearer() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def _link_key(workshop: dict) -> str | None:
    """?key= on a GET without a header: only the facilitator key opens it."""
    key = request.args.get("key")
    if request.method != "GET" or not key or "Authorization" in request.headers:
        return None
    if not same(key, workshop["facilitator_key"]):
        abort(403)
    return FACILITATOR


def _http_role(workshop: dict, links: bool) -> str:
    if links:
        role = _link_key(workshop)
        if role:
            return role
    token = bearer()
    if token is None:
        abort(401)
    role = role_for(workshop, token, _admin_token())
    if role is None:
        abort(403)
    return role


def requires(*roles: str, links: bool = False):
    """View decorator for /api/workshops/<workshop_id>/...: loads the
    workshop (404 first: nothing to authorise against), resolves the caller's
    role (401 without a credential, 403 for the wrong one) and calls the view
    with ``workshop`` in place of ``workshop_id``; ``g.role`` holds the role.
    ``links=True`` also accepts ``?key=<facilitator key>`` (download links)."""
    allowed = set(roles) | {ADMIN}

    def decorate(view):
        @functools.wraps(view)
        def wrapper(workshop_id, **kwargs):
            workshop = store().workshop(workshop_id)
            role = _http_role(workshop, links)
            if role not in allowed:
                abort(403)
            g.role = role
            g.workshop_language = workshop["language"]
            return view(workshop, **kwargs)

        return wrapper

    return decorate


def reads(view):
    """Projector, facilitator or admin: the live view of a workshop."""
    return requires(PROJECTOR, FACILITATOR)(view)


def facilitates(view):
    """Facilitator or admin: changes a workshop."""
    return requires(FACILITATOR)(view)


def admin_only(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        token = bearer()
        if token is None:
            abort(401)
        if not same(token, _admin_token()):
            abort(403)
        g.role = ADMIN
        return view(*args, **kwargs)

    return wrapper
