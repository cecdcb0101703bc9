"""HTTP: organisers sign in with their organisation's account (OpenID Connect).

Optional per deployment: on when WORKSHOP_OIDC_ISSUER, _CLIENT_ID,
_CLIENT_SECRET and _ADMINS are set (config.py); otherwise these routes are
404 and the sign-in page shows no button. Built on Authlib's Flask client:

- ``GET /signin/oidc?next=`` sends the browser to the provider: the
  authorization-code flow with PKCE (S256), a fresh ``state`` and ``nonce``,
  kept until the callback in a signed, HttpOnly cookie (Flask's session,
  ``OIDC_COOKIE``; its key is derived from the admin token, so every worker
  process agrees).
- ``GET /signin/oidc/callback`` checks the state, swaps the code (with the
  PKCE verifier) for tokens, and verifies the ID token: signature against the
  provider's JWKS, ``iss`` equal to WORKSHOP_OIDC_ISSUER (a trailing slash aside), ``aud`` our client
  id, not expired, the nonce ours. Someone on the allow-list
  (``domain/oidc.py``) gets an organiser's session, the same cookie as the
  admin token's (``web/staff.py``). Everything else gets a page saying why
  and the way back, never a 500.

Phones never sign in: participants stay anonymous.
"""

from __future__ import annotations

import hashlib
import hmac
import logging

import requests
from authlib.integrations.base_client.errors import OAuthError
from authlib.integrations.flask_client import OAuth
from flask import Blueprint, abort, current_app, redirect, request, session, url_for
from flask_babel import gettext as _
from joserfc.errors import JoseError

from workshop.auth import ADMIN
from workshop.domain import oidc as rules
from workshop.domain import staff as staff_rules
from workshop.domain.errors import Invalid
from workshop.web.context import store
from workshop.web.pages import page
from workshop.web.staff import local_path, with_session

bp = Blueprint("oidc", __name__)
log = logging.getLogger(__name__)

OIDC_COOKIE = "workshop_oidc"
CLIENT = "organisation"
# What may go wrong between us and the provider: a wrong or replayed state,
# an error the provider sends back, a token that fails verification, the
# provider unreachable or answering nonsense.
EXCHANGE_ERRORS = (OAuthError, JoseError, requests.RequestException, ValueError, KeyError)


def init_oidc(app) -> None:
    """Registers the provider with Authlib when the deployment configured one."""
    settings = app.config["SETTINGS"]
    if not settings.oidc_issuer:
        return
    app.secret_key = hmac.new(settings.admin_token.encode(), b"workshop oidc state", hashlib.sha256).digest()
    app.config.update(
        SESSION_COOKIE_NAME=OIDC_COOKIE,
        SESSION_COOKIE_HTTPONLY=True,
        # Lax: the provider's redirect back is a top-level GET from its site.
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.public_url.startswith("https://"),
    )
    oauth = OAuth(app)
    oauth.register(
        CLIENT,
        client_id=settings.oidc_client_id,
        client_secret=settings.oidc_client_secret,
        server_metadata_url=f"{settings.oidc_issuer.rstrip('/')}/.well-known/openid-configuration",
        client_kwargs={"scope": "openid email profile", "code_challenge_method": "S256", "timeout": 10},
    )
    app.extensions["workshop.oidc"] = oauth


def enabled() -> bool:
    return "workshop.oidc" in current_app.extensions


@bp.app_context_processor
def _signin_button() -> dict:
    """The sign-in page offers the organisation's account only when configured."""
    return {"oidc_signin": enabled()}


def _client():
    if not enabled():
        abort(404)
    return current_app.extensions["workshop.oidc"].create_client(CLIENT)


def _refused(reason: str, status: int):
    """The page a sign-in that did not work ends on: why, and the way back."""
    return page("oidc_refused.html", reason=reason), status


@bp.get("/signin/oidc")
def start():
    client = _client()
    session["oidc_next"] = local_path(request.args.get("next"))
    callback = f"{current_app.config['SETTINGS'].public_url}{url_for('oidc.callback')}"
    try:
        return client.authorize_redirect(callback)
    except EXCHANGE_ERRORS as err:
        log.warning("OIDC: the provider's configuration could not be read: %s", type(err).__name__)
        return _refused(_("The organisation's sign-in service did not answer. Try again in a while."), 502)


@bp.get("/signin/oidc/callback")
def callback():
    client = _client()
    if request.args.get("error"):
        log.info("OIDC: the provider refused the sign-in: %s", request.args.get("error"))
        return _refused(_("The organisation's sign-in service did not sign you in."), 400)
    try:
        token = client.authorize_access_token(
            claims_options={"iss": {"essential": True, "values": _issuers()}}
        )
    except EXCHANGE_ERRORS as err:
        log.warning("OIDC: sign-in refused: %s %s", type(err).__name__, getattr(err, "description", ""))
        return _refused(_("The sign-in could not be completed. Start again from the sign-in page."), 400)
    claims = dict(token.get("userinfo") or {})
    if not claims.get("sub"):  # no verified ID token in the answer
        return _refused(_("The sign-in could not be completed. Start again from the sign-in page."), 400)
    if not rules.allowed(claims, current_app.config["SETTINGS"].oidc_admins):
        log.info("OIDC: a signed-in account is not on WORKSHOP_OIDC_ADMINS")
        return _refused(
            _("Your account may not sign in as an organiser here. Ask whoever runs this server."), 403
        )
    target = session.pop("oidc_next", None) or "/console"
    return with_session(redirect(target, 303), store().create_session(ADMIN, None, _name(claims)))


def _issuers() -> list[str]:
    """The ID token's ``iss`` must be the configured issuer (Keycloak and Entra
    name theirs without a trailing slash, some providers with one: either)."""
    bare = current_app.config["SETTINGS"].oidc_issuer.rstrip("/")
    return [bare, bare + "/"]


def _name(claims: dict) -> str:
    """The staff list's name for this organiser, as clean as any typed name."""
    try:
        return staff_rules.validate_name(rules.display_name(claims)[: staff_rules.NAME_MAX]) or "organiser"
    except Invalid:
        return "organiser"
