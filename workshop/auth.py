"""Who may do what: one module for HTTP, sockets and export links.

A credential is resolved to a role for one workshop:

    admin token        -> ADMIN        (everything, every workshop)
    facilitator_key    -> FACILITATOR  (runs this workshop)
    projector_key      -> PROJECTOR    (reads this workshop's live view)
    participant token  -> PARTICIPANT  (one phone; resolved at socket connect)

Keys are compared in constant time. HTTP sends ``Authorization: Bearer``;
staff sockets send ``auth={"workshop", "key"}``; a browser download link,
which cannot send a header, may carry ``?key=<facilitator key>`` on a GET
(never the admin token: a URL ends up in history and logs).

What differs by role (hidden positions, hidden topics) is decided by
``for_role``, and nowhere else.
"""

from __future__ import annotations

import functools
import hmac

from flask import abort, current_app, g, request

ADMIN, FACILITATOR, PROJECTOR, PARTICIPANT = "admin", "facilitator", "projector", "participant"
STAFF = (ADMIN, FACILITATOR, PROJECTOR)
# Who runs a workshop, and so sees everything in it.
RUNS = (ADMIN, FACILITATOR)


def same(given, expected) -> bool:
    """Constant-time equality for secrets; False for anything not a non-empty str."""
    if not isinstance(given, str) or not isinstance(expected, str) or not given or not expected:
        return False
    return hmac.compare_digest(given.encode(), expected.encode())


def role_for(workshop: dict, key, admin_token: str) -> str | None:
    """The staff role a key has in this workshop, or None."""
    if same(key, admin_token):
        return ADMIN
    if same(key, workshop["facilitator_key"]):
        return FACILITATOR
    if same(key, workshop["projector_key"]):
        return PROJECTOR
    return None


def for_role(role: str | None, full, public):
    """What ``role`` is shown: those who run the workshop get ``full``; the
    projector and phones get ``public`` (no hidden positions or topics)."""
    return full if role in RUNS else public


def runs(role: str | None) -> bool:
    return role in RUNS


# -- HTTP ----------------------------------------------------------------------
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
            from .web.context import store

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
