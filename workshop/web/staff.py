"""HTTP: staff sign-in, sessions, invites with roles, and projector pairing.

A signed-in browser holds a session cookie (``access.COOKIE``): HttpOnly,
SameSite=Lax, Secure when the public URL is https, a new one at every
sign-in (the old one is ended), valid for ``domain.staff.SESSION_DAYS``.
Ways in: the admin token (``POST /signin``), a workshop key or an invite's
secret (``POST /session``), and a projector paired by its code.
"""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    current_app,
    g,
    has_request_context,
    jsonify,
    make_response,
    redirect,
    request,
)

from workshop.auth import ADJUSTER, ADMIN, MINUTE_TAKER, PROJECTOR, same, validate_role
from workshop.domain import staff as rules
from workshop.domain.errors import NotFound
from workshop.domain.parse import parse_bool
from workshop.join_guard import TooManyGuesses
from workshop.render.qr import qr_svg
from workshop.web.access import (
    COOKIE,
    bearer,
    bearer_role,
    check_origin,
    current_session,
    facilitates,
    facilitates_any_time,
)
from workshop.web.context import hub, store
from workshop.web.links import public_url
from workshop.web.pages import page
from workshop.web.validation import json_body, required

bp = Blueprint("staff", __name__)

PAIRING_COOKIE = "workshop_pairing"
SESSION_SECONDS = rules.SESSION_DAYS * 24 * 3600


@bp.app_context_processor
def _csrf_meta() -> dict:
    """A signed-in browser's pages carry its CSRF token (base.html's meta)."""
    session = current_session() if has_request_context() else None
    return {"csrf_token": session["csrf"] if session else None}


def _secure() -> bool:
    return public_url().startswith("https://")


def with_session(response, session: dict):
    """Rotate: the request's old session ends; the new one goes in the cookie."""
    store().end_session(request.cookies.get(COOKIE))
    response.set_cookie(
        COOKIE,
        session["token"],
        max_age=SESSION_SECONDS,
        httponly=True,
        samesite="Lax",
        secure=_secure(),
        path="/",
    )
    return response


def _session_json(session: dict, status: int = 200, **extra):
    body = {"role": session["role"], "workshop": session["workshop_id"], "csrf": session["csrf"], **extra}
    return with_session(make_response(jsonify(body), status), session)


def local_path(path) -> str:
    """Where to go after signing in: a path on this site only."""
    if isinstance(path, str) and path.startswith("/") and not path.startswith("//") and "\\" not in path:
        return path
    return "/console"


# -- the organiser: the admin token -------------------------------------------
@bp.get("/signin")
def signin_page():
    return page("signin.html", error=None, next=local_path(request.args.get("next")))


@bp.post("/signin")
def signin():
    """{"token"} as JSON or a form: the admin token -> an organiser's session."""
    check_origin()
    if request.is_json:
        token = required(json_body("token"), "token")
        if not same(token, current_app.config["SETTINGS"].admin_token):
            abort(403)
        return _session_json(store().create_session(ADMIN, None, "organiser"))
    token = request.form.get("token", "")
    target = local_path(request.form.get("next"))
    if not same(token, current_app.config["SETTINGS"].admin_token):
        return page("signin.html", error=True, next=target), 403
    response = redirect(target, 303)
    return with_session(response, store().create_session(ADMIN, None, "organiser"))


@bp.post("/signout")
def signout():
    """Ends this browser's session: 204, or back to the sign-in page from a form."""
    check_origin()
    store().end_session(request.cookies.get(COOKIE))
    from_form = request.mimetype == "application/x-www-form-urlencoded"
    response = redirect("/signin", 303) if from_form else make_response("", 204)
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="Lax", secure=_secure())
    return response


@bp.get("/api/session")
def who():
    """The signed-in browser's role and CSRF token (401 when not signed in)."""
    session = current_session()
    if session is None:
        abort(401)
    return jsonify(
        role=session["role"], workshop=session["workshop_id"], csrf=session["csrf"], name=session["name"]
    )


# -- a workshop's key or an invite's secret -> a session ----------------------
@bp.post("/api/workshops/<workshop_id>/session")
def key_session(workshop_id):
    """Authorization: Bearer <facilitator or projector key, or invite secret>,
    {"name"?}: this browser gets a session of that role (today's #key= links)."""
    check_origin()
    workshop = _workshop(workshop_id)
    token = _bearer_or_401()
    role, invite_id = bearer_role(workshop, token)
    if role is None or role == ADMIN:
        abort(403)
    name = rules.validate_name(json_body("name").get("name") if request.is_json else None)
    return _session_json(store().create_session(role, workshop["id"], name, invite_id))


@bp.post("/api/invites/accept")
def accept_invite():
    """{"secret", "name"?}: whoever opened an invite gets its role on this device."""
    check_origin()
    data = json_body("secret", "name")
    invite = store().invite_by_secret(required(data, "secret"))
    if invite is None or not store().use_invite(invite["id"]):
        raise NotFound("This invite has been revoked or does not exist. Ask the facilitator for a new one.")
    name = rules.validate_name(data.get("name")) or invite["name"]
    session = store().create_session(invite["role"], invite["workshop_id"], name, invite["id"])
    return _session_json(session, next=_next_page(invite["role"], invite["workshop_id"]))


@bp.get("/invite")
def invite_page():
    return page("invite.html")


def _next_page(role: str, workshop_id: str) -> str:
    pages = {PROJECTOR: "/projector/", MINUTE_TAKER: "/minutes/", ADJUSTER: "/adjust/"}
    return pages.get(role, "/console/") + workshop_id


def _workshop(workshop_id: str) -> dict:
    workshop = store().workshop(workshop_id)
    g.workshop_language = workshop["language"]
    return workshop


def _bearer_or_401() -> str:
    token = bearer()
    if token is None:
        abort(401)
    return token


# -- invites and the staff list (the facilitator) -----------------------------
@bp.post("/api/workshops/<workshop_id>/invites")
@facilitates_any_time
def invite(workshop):
    data = json_body("role", "name", "once")
    role = validate_role(required(data, "role"))
    name = rules.validate_name(data.get("name"))
    once = parse_bool(data.get("once", False), "once")
    row = store().create_invite(workshop["id"], role, name, once)
    url = f"{public_url()}/invite#secret={row['secret']}"
    body = {"id": row["id"], "role": role, "name": name, "once": once, "url": url, "secret": row["secret"]}
    return jsonify(body | {"qr": qr_svg(url)}), 201


@bp.get("/api/workshops/<workshop_id>/staff")
@facilitates
def staff(workshop):
    listed = store().staff(workshop["id"])
    online = hub().staff_online(workshop["id"])
    for row in listed["sessions"]:
        row["online"] = row["id"] in online
        row["you"] = row["id"] == g.get("staff_id")
        row.pop("invite_id", None)
    for row in listed["invites"]:
        row["online"] = row["id"] in online
    return jsonify(listed)


@bp.delete("/api/workshops/<workshop_id>/staff/<staff_id>")
@facilitates_any_time
def revoke(workshop, staff_id):
    hub().kick_staff(workshop["id"], store().revoke_staff(workshop["id"], staff_id))
    return "", 204


# -- projector pairing ----------------------------------------------------------
@bp.get("/projector")
def pairing_page():
    """The room's PC without a key: a code to type into the console."""
    return page("pairing.html")


@bp.post("/projector/pairing")
def pairing():
    """The pairing page asks (every ~½ s): its code while it waits, or, once a
    facilitator typed it, a projector session and where to go."""
    check_origin()
    waiting = store().pairing_by_token(request.cookies.get(PAIRING_COOKIE))
    if waiting is not None and waiting["workshop_id"]:
        store().end_pairing(waiting["id"])
        session = store().create_session(PROJECTOR, waiting["workshop_id"], rules.PAIRED_NAME)
        response = _session_json(session, next=_next_page(PROJECTOR, waiting["workshop_id"]))
        response.delete_cookie(PAIRING_COOKIE, path="/projector")
        return response
    if waiting is not None:
        return jsonify(code=waiting["code"], expires_at=waiting["expires_at"])
    fresh = store().new_pairing()
    response = make_response(jsonify(code=fresh["code"], expires_at=fresh["expires_at"]))
    response.set_cookie(
        PAIRING_COOKIE,
        fresh["token"],
        max_age=rules.PAIRING_MINUTES * 60,
        httponly=True,
        samesite="Strict",
        secure=_secure(),
        path="/projector",
    )
    return response


@bp.post("/api/workshops/<workshop_id>/projectors")
@facilitates_any_time
def pair_projector(workshop):
    """{"code"}: the projector showing this code becomes this workshop's.
    Wrong codes spend the address's budget, like join codes."""
    guard = current_app.extensions["workshop.pair_guard"]
    address = request.remote_addr or ""
    if not guard.may_guess(address):
        raise TooManyGuesses(guard.retry_after(address))
    code = rules.normalise_pairing_code(required(json_body("code"), "code"))
    if code is None or not store().pair(code, workshop["id"]):
        guard.wrong(address)
        raise NotFound("No projector shows that code. Check it, or reload the projector for a new one.")
    return jsonify(paired=True)
