"""HTML pages: home, join, phone, projector, facilitator console.

Pages are shells rendered in the visitor's language; live data arrives over
Socket.IO and the JSON API. Keys never appear in a page: the console and
projector read them from the URL fragment.
"""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    current_app,
    g,
    make_response,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)

from workshop.domain.errors import NotFound
from workshop.domain.texts import LANGUAGE_NAMES, offered_languages
from workshop.domain.workshops import normalise_code
from workshop.files import app_file
from workshop.join_guard import TooManyGuesses
from workshop.render.qr import qr_svg
from workshop.web.context import registry, store
from workshop.web.errors import message
from workshop.web.links import join_url, public_url
from workshop.web.locale import speak_workshop_language
from workshop.web.strings import js_strings

bp = Blueprint("pages", __name__)

# socket.io-client, installed from the npm registry by `make install` (in a wheel: workshop/vendor).
VENDOR_FILES = {"socket.io.esm.min.js": app_file("vendor/socket.io.esm.min.js")}


def page(template: str, **context):
    """A page shell in the visitor's language, with the scripts' strings and
    the methods (each page includes each method's part and script)."""
    return render_template(template, strings=js_strings(), methods=registry().methods, **context)


def workshop_or_404(workshop_id: str) -> dict:
    try:
        row = store().workshop(workshop_id)
    except NotFound:
        abort(404)
    g.workshop_language = row["language"]
    return row


@bp.get("/")
def home():
    return page("home.html")


def _find(raw_code: str):
    """The workshop for a typed code, or the join page again with why not
    (wrong codes spend the address's budget: see join_guard)."""
    try:
        return current_app.extensions["workshop.join_guard"].find(
            store(), request.remote_addr or "", normalise_code(raw_code)
        ), None
    except TooManyGuesses as err:
        response = make_response(page("join.html", error=message(err), code=raw_code), 429)
        response.headers["Retry-After"] = str(err.seconds)
        return None, response
    except NotFound as err:
        return None, (page("join.html", error=message(err), code=raw_code), 404)


@bp.get("/join")
def join():
    raw = request.args.get("code")
    if raw is None:
        return page("join.html", error=None, code="")
    workshop, refusal = _find(raw)
    return refusal or redirect(url_for("pages.phone", code=workshop["code"]))


@bp.get("/j/<code>")
def phone(code):
    workshop, refusal = _find(code)
    if refusal:
        return refusal
    speak_workshop_language(workshop)
    return page("phone.html", workshop=workshop, reading_languages=_reading_languages(workshop))


def _reading_languages(workshop: dict) -> list[tuple[str, str]]:
    """(tag, name) of each language the phone may read this workshop in: its
    own, then those its statements and questions carry (Method.languages)."""
    found = set()
    for method in registry().methods:
        if method.languages:
            found |= method.languages(store(), workshop["id"])
    return [(tag, LANGUAGE_NAMES[tag]) for tag in offered_languages(workshop["language"], found)]


@bp.get("/projector/<workshop_id>")
def projector(workshop_id):
    workshop = workshop_or_404(workshop_id)
    speak_workshop_language(workshop)
    url = join_url(workshop["code"])
    return page(
        "projector.html",
        workshop=workshop,
        join_url=url,
        qr=qr_svg(url),
        public_url=public_url(),
        projector_views=registry().projector_views,
    )


@bp.get("/console")
def console_home():
    return page("console_home.html")


@bp.get("/console/series/<series_id>")
def console_series(series_id):
    """The organiser's series page; its data comes with the admin token (the script)."""
    return page("console_series.html", series_id=series_id)


@bp.get("/console/<workshop_id>")
def console(workshop_id):
    workshop = workshop_or_404(workshop_id)
    return page("console.html", workshop=workshop, join_url=join_url(workshop["code"]))


@bp.get("/vendor/<name>")
def vendor(name):
    path = VENDOR_FILES.get(name)
    if path is None:
        abort(404)
    if not path.exists():
        current_app.logger.error("%s is missing: run `make install`", path)
        abort(404)
    return send_file(path, mimetype="text/javascript", max_age=3600)
