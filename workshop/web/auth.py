"""Who may do what, over HTTP.

Authorization: Bearer <token>. The admin token may do anything; a
workshop's facilitator_key may run that workshop; its projector_key may only
read. Missing -> 401, wrong -> 403.
"""
from __future__ import annotations

import hmac

from flask import abort, current_app, request

FACILITATOR, PROJECTOR = "facilitator", "projector"


def _same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


def bearer() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def is_admin(token: str | None) -> bool:
    admin = current_app.config["SETTINGS"].admin_token
    return bool(token) and bool(admin) and _same(token, admin)


def require_admin() -> None:
    token = bearer()
    if token is None:
        abort(401)
    if not is_admin(token):
        abort(403)


def role_for(workshop: dict, token: str | None) -> str | None:
    """The role a token has in this workshop, or None."""
    if not token:
        return None
    if is_admin(token) or _same(token, workshop["facilitator_key"]):
        return FACILITATOR
    if _same(token, workshop["projector_key"]):
        return PROJECTOR
    return None


def require(workshop: dict, *, write: bool) -> str:
    """Abort unless the caller may read (write=False) or run this workshop."""
    token = bearer()
    if token is None:
        abort(401)
    role = role_for(workshop, token)
    if role is None or (write and role != FACILITATOR):
        abort(403)
    return role
