"""HTTP access: the view decorators that load a workshop and resolve the
caller's role with the rules in ``workshop.auth``.

A request sends ``Authorization: Bearer <admin token, key or invite
secret>``, or comes from a signed-in browser with its session cookie
(``COOKIE``); a browser download link, which cannot send a header, may carry
``?key=<facilitator key>`` on a GET (never the admin token: a URL ends up in
history and logs).

A cookie is sent by the browser on its own, so a request that changes state
on a cookie's strength must prove it comes from our own page: its ``Origin``
(when sent) is ours, and it carries the session's CSRF token in
``X-CSRF-Token`` (a page of ours has it; another site cannot read it).
"""

from __future__ import annotations

import functools
from urllib.parse import urlsplit

from flask import abort, current_app, g, request

from workshop.auth import ADMIN, FACILITATOR, MINUTE_TAKER, PROJECTOR, WRITES, role_for, same, session_role
from workshop.web.context import store

COOKIE = "workshop_session"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


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


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def allowed_origins() -> set[str]:
    """Our own origin: the public URL's, and the address this request came to."""
    origins = {_origin(request.host_url)}
    public = current_app.config["SETTINGS"].public_url
    if public:
        origins.add(_origin(public))
    return origins


def check_origin() -> None:
    """403 for a state-changing request a browser sent from another site.

    ``Sec-Fetch-Site`` (set by the browser, never by a page) must say
    same-origin when sent; ``Origin`` must be ours when sent. Our pages'
    ``Referrer-Policy: no-referrer`` makes Chromium send ``Origin: null`` on a
    form's POST: that passes only with ``Sec-Fetch-Site: same-origin``."""
    if request.method in SAFE_METHODS:
        return
    site = request.headers.get("Sec-Fetch-Site")
    if site is not None and site not in ("same-origin", "none"):
        abort(403)
    origin = request.headers.get("Origin")
    if origin is None or (origin == "null" and site == "same-origin"):
        return
    if origin.lower() not in allowed_origins():
        abort(403)


def current_session() -> dict | None:
    """The live staff session of this request's cookie, or None (once per request)."""
    if "staff_session" not in g:
        g.staff_session = store().session_by_token(request.cookies.get(COOKIE))
    return g.staff_session


def _cookie_proven(session: dict) -> None:
    """A state-changing request on a cookie's strength: our origin and the CSRF token."""
    if request.method in SAFE_METHODS:
        return
    check_origin()
    if not same(request.headers.get(CSRF_HEADER), session["csrf"]):
        abort(403)


def bearer_role(workshop: dict, token: str) -> tuple[str | None, str | None]:
    """(role, staff id) of a key, the admin token or an invite's secret."""
    role = role_for(workshop, token, _admin_token())
    if role is not None:
        return role, None
    invite = store().invite_by_secret(token)
    if invite is not None and invite["workshop_id"] == workshop["id"]:
        return invite["role"], invite["id"]
    return None, None


def _cookie_role(workshop_id: str | None) -> str | None:
    session = current_session()
    role = session_role(session, workshop_id)
    if role is not None:
        _cookie_proven(session)
        g.staff_id = session["id"]
    return role


def _http_role(workshop: dict, links: bool) -> str:
    if links:
        role = _link_key(workshop)
        if role:
            return role
    token = bearer()
    if token is not None:
        role, g.staff_id = bearer_role(workshop, token)
        if role is None:
            abort(403)
        return role
    role = _cookie_role(workshop["id"])
    if role is None:
        abort(403 if current_session() else 401)
    return role


def requires(*roles: str, links: bool = False, while_finalised: bool = False):
    """View decorator for /api/workshops/<workshop_id>/...: loads the
    workshop (404 first: nothing to authorise against), resolves the caller's
    role (401 without a credential, 403 for the wrong one) and calls the view
    with ``workshop`` in place of ``workshop_id``; ``g.role`` holds the role.
    ``links=True`` also accepts ``?key=<facilitator key>`` (download links).

    A request that changes something gets 409 "Bilagan är slutförd" while
    the workshop's appendix is finalised, before its body is read (a clear
    answer whatever it sent); the store refuses the write itself inside its
    transaction too (``StoreBase.transaction``), which is the guard that
    counts. ``while_finalised=True``: the few writes that are not the
    workshop's content (staff, invites, justering, saving as a template)."""
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
            if request.method not in SAFE_METHODS and not while_finalised:
                store().check_not_finalised(workshop["id"])
            return view(workshop, **kwargs)

        return wrapper

    return decorate


def reads(view):
    """Projector, minute-taker, facilitator or admin: the live view of a workshop."""
    return requires(PROJECTOR, MINUTE_TAKER, FACILITATOR)(view)


def writes(view):
    """Facilitator, minute-taker or admin: the facilitator's comments and notes."""
    return requires(*WRITES)(view)


def facilitates(view):
    """Facilitator or admin: changes a workshop."""
    return requires(FACILITATOR)(view)


def facilitates_any_time(view):
    """Facilitator or admin, even while the appendix is finalised: staff and
    justering, which are not the workshop's content."""
    return requires(FACILITATOR, while_finalised=True)(view)


def admin_only(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        token = bearer()
        if token is None:
            if _cookie_role(None) != ADMIN:
                abort(403 if current_session() else 401)
        elif not same(token, _admin_token()):
            abort(403)
        g.role = ADMIN
        return view(*args, **kwargs)

    return wrapper
