"""HTTP: justering, the adjusters' approval of the finalised appendix.

    POST /api/workshops/<id>/finalise          facilitator -> 200 {"version", "sha256"}
    POST /api/workshops/<id>/adjusters         facilitator, {"name"?} -> 201 {"url", "secret", …}
    POST /api/workshops/<id>/adjust            adjuster, {"approve": true, "name"} | {"approve": false, "comment"}
    GET  /api/workshops/<id>/appendix          facilitator, adjuster: the state (draft/finalised/approved)
    GET  /api/workshops/<id>/appendix/versions facilitator, adjuster: every version with its hash
    GET  /api/workshops/<id>/appendix/verify   facilitator, adjuster: {"version", "sha256", "matches"}
    GET  /adjust/<id>                          the adjuster's page (a signed-in session of that role)

An adjuster is an invite of role ``adjuster`` (the staff invites of
web/staff.py); the invite's page signs the device in and goes on to
/adjust/<id>. The hash and the canonical JSON: domain/justering.py.
"""

from __future__ import annotations

from flask import Blueprint, abort, g, jsonify, make_response, render_template, request
from flask_babel import get_locale
from markupsafe import Markup

from workshop.auth import ADJUSTER, FACILITATOR, session_role
from workshop.domain import justering as rules
from workshop.domain.errors import Conflict
from workshop.domain.staff import validate_name
from workshop.render.export_json import appendix_digest
from workshop.render.offload import run_off_loop
from workshop.web.access import bearer, current_session, facilitates_any_time, requires
from workshop.web.api_export import no_store
from workshop.web.context import hub, store
from workshop.web.links import public_url
from workshop.web.pages import page, workshop_or_404
from workshop.web.summary_pages import EXPORTS, summary_parts
from workshop.web.validation import json_body

bp = Blueprint("api_justering", __name__)
API = "/api/workshops/<workshop_id>"


@bp.post(f"{API}/finalise")
@facilitates_any_time
def finalise(workshop):
    made = store().finalise_appendix(workshop["id"], appendix_digest)
    hub().push_staff_state(workshop["id"])
    return jsonify(version=made["version"], sha256=made["sha256"])


@bp.post(f"{API}/adjusters")
@facilitates_any_time
def invite_adjuster(workshop):
    """An invite of role adjuster (the staff invites' machinery): its link
    signs the adjuster's device in and opens /adjust/<id>."""
    name = validate_name(json_body("name").get("name")) if _has_body() else ""
    if len(store().adjusters(workshop["id"])) >= rules.ADJUSTERS_MAX:
        raise Conflict("A workshop has at most two adjusters: revoke one in the staff list first.")
    row = store().create_invite(workshop["id"], ADJUSTER, name)
    url = f"{public_url()}/invite#secret={row['secret']}"
    hub().push_staff_state(workshop["id"])
    return jsonify(id=row["id"], role=ADJUSTER, name=name, url=url, secret=row["secret"]), 201


def _has_body() -> bool:
    return bool(request.content_length)


def _adjuster_invite() -> str:
    """The adjuster's invite id: the Bearer secret's, or the session's."""
    invite_id = g.get("staff_id") if bearer() else (current_session() or {}).get("invite_id")
    if not invite_id:
        abort(403)
    return invite_id


@bp.post(f"{API}/adjust")
@requires(ADJUSTER, while_finalised=True)
def adjust(workshop):
    if g.role != ADJUSTER:  # the admin passes every requires(): only an adjuster adjusts
        abort(403)
    approve, text = rules.parse_verdict(json_body("approve", "name", "comment"))
    invite_id = _adjuster_invite()
    if approve:
        state = store().approve_appendix(workshop["id"], invite_id, text)
    else:
        state = store().request_change(workshop["id"], text)
    hub().push_staff_state(workshop["id"])
    return jsonify(state)


@bp.get(f"{API}/appendix")
@requires(FACILITATOR, ADJUSTER)
def justering_state(workshop):
    return no_store(jsonify(store().justering(workshop["id"])))


@bp.get(f"{API}/appendix/versions")
@requires(FACILITATOR, ADJUSTER)
def versions(workshop):
    rows = store().appendix_versions(workshop["id"])
    return no_store(jsonify([{k: r[k] for k in VERSION_KEYS} for r in rows]))


VERSION_KEYS = (
    "version",
    "sha256",
    "finalised_at",
    "reopened_at",
    "change_request",
    "approved_by",
    "approved_at",
)


@bp.get(f"{API}/appendix/verify")
@requires(FACILITATOR, ADJUSTER)
def verify(workshop):
    """The hash recomputed from the workshop's content now, against the
    stored hash of the latest version."""
    latest = store().latest_version(workshop["id"])
    if latest is None:
        raise Conflict("The appendix is not finalised: the facilitator finalises it first.")
    _, now = appendix_digest(store().appendix(workshop["id"], approval=False))
    return no_store(jsonify(version=latest["version"], sha256=now, matches=now == latest["sha256"]))


# -- the adjuster's page --------------------------------------------------------
@bp.get("/adjust/<workshop_id>")
def adjust_page(workshop_id):
    """The appendix as the summary shows it, with its facts, and the two
    answers. Only a signed-in adjuster (or facilitator) of this workshop."""
    workshop = workshop_or_404(workshop_id)
    role = session_role(current_session(), workshop["id"])
    if role not in (ADJUSTER, FACILITATOR):
        return page("adjust.html", workshop=workshop, allowed=False), 403
    appendix = store().appendix(workshop["id"])
    view, charts = run_off_loop(summary_parts, appendix, str(get_locale() or workshop["language"]))
    fragment = Markup(render_template("_summary_fragment.html", v=view, charts=charts, workshop=workshop))
    response = page(
        "adjust.html",
        workshop=workshop,
        allowed=True,
        role=role,
        view=view,
        fragment=fragment,
        justering=store().justering(workshop["id"]),
        exports=EXPORTS,
    )
    return no_store(make_response(response))
